"""Typed, located reading of values from a parsed YAML mapping.

Each ``read_*`` method returns the value (or ``None``) and records a located
diagnostic for anything wrong, so that validation goes on and reports every
problem of a file in one run.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from generator.diagnostics import Diagnostic, Severity
from generator.yamltext import LineMap, Path, Position

_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_DATETIME = re.compile(r"^(\d{4})-(\d{2})-(\d{2})[T ](\d{1,2}):(\d{2})(?::(\d{2}))?$")


@dataclass
class FieldReader:
    """Reads fields of one YAML document and collects diagnostics against one file."""

    path: str
    keys: LineMap
    values: LineMap
    diagnostics: list[Diagnostic] = field(default_factory=list)

    def at(self, *where: str | int) -> Position:
        """Return the position of a value."""
        return self.values.at(*where)

    def report(
        self,
        where: Path,
        field_name: str,
        message: str,
        hint: str = "",
        severity: Severity = Severity.ERROR,
        on_key: bool = False,
    ) -> None:
        """Record a diagnostic located at the key or value ``where``."""
        pos = (self.keys if on_key else self.values).at(*where)
        self.diagnostics.append(
            Diagnostic(self.path, pos.line, pos.column, field_name, message, hint, severity)
        )

    def text(self, value: Any, where: Path, name: str, required: bool = False) -> str | None:
        """Return ``value`` as non-empty text; numbers are accepted as text."""
        if value is None or value == "":
            if required:
                self.report(where, name, "värde saknas", f"skriv {name}: och ett värde")
            return None
        if isinstance(value, bool) or isinstance(value, (dict, list)):
            self.report(where, name, "ska vara en text", f'skriv en text, t.ex. {name}: "…"')
            return None
        return str(value).strip()

    def text_list(self, value: Any, where: Path, name: str) -> tuple[str, ...]:
        """Return a list of texts; a single text is accepted as a one-item list."""
        if value is None:
            return ()
        if not isinstance(value, list):
            one = self.text(value, where, name)
            return (one,) if one else ()
        items = (self.text(item, (*where, i), name) for i, item in enumerate(value))
        return tuple(item for item in items if item)

    def boolean(self, value: Any, where: Path, name: str, default: bool) -> bool:
        """Return a true/false value."""
        if value is None:
            return default
        if not isinstance(value, bool):
            self.report(
                where, name, f'"{value}" är inte sant eller falskt', f"skriv {name}: true eller false"
            )
            return default
        return value

    def date(self, value: Any, where: Path, name: str, required: bool = False) -> dt.date | None:
        """Return a ``YYYY-MM-DD`` date."""
        parsed = self.date_time(value, where, name, required, allow_time=False)
        return parsed[0] if parsed else None

    def date_time(
        self, value: Any, where: Path, name: str, required: bool = False, allow_time: bool = True
    ) -> tuple[dt.date, dt.time | None] | None:
        """Return a date and an optional time (``2015-08-28 07:52``)."""
        if value is None or value == "":
            if required:
                self.report(
                    where, name, "datum saknas", f"skriv {name}: ÅÅÅÅ-MM-DD, t.ex. {name}: 2021-06-09"
                )
            return None
        text = str(value).strip()
        if match := _DATE.match(text):
            only = self._checked_date(match.groups(), where, name, text)
            return (only, None) if only is not None else None
        if allow_time and (match := _DATETIME.match(text)):
            day = self._checked_date(match.groups()[:3], where, name, text)
            hour, minute, second = int(match[4]), int(match[5]), int(match[6] or 0)
            if day is None:
                return None
            if hour > 23 or minute > 59 or second > 59:
                self.report(where, name, f'"{text}" har en omöjlig tid', "skriv tiden som TT:MM, t.ex. 07:52")
                return None
            return day, dt.time(hour, minute, second)
        example = f"{name}: 2021-06-09" + (" eller 2021-06-09 07:52" if allow_time else "")
        self.report(
            where, name, f'"{text}" är inte ett datum', f"skriv datumet som ÅÅÅÅ-MM-DD, t.ex. {example}"
        )
        return None

    def _checked_date(
        self, parts: tuple[str | Any, ...], where: Path, name: str, text: str
    ) -> dt.date | None:
        year, month, day = (int(p) for p in parts)
        try:
            return dt.date(year, month, day)
        except ValueError:
            self.report(
                where,
                name,
                f"{text} finns inte i kalendern",
                "kontrollera dag och månad (ÅÅÅÅ-MM-DD, t.ex. 2021-06-09)",
            )
            return None

    def mapping(self, value: Any, where: Path, name: str, example: str) -> Mapping[str, Any] | None:
        """Return a mapping, or report what shape was expected."""
        if value is None:
            return None
        if not isinstance(value, dict):
            self.report(where, name, "ska vara nyckel: värde-par", f"skriv t.ex. {example}")
            return None
        return value

    def mapping_list(
        self, value: Any, where: Path, name: str, example: str
    ) -> list[tuple[int, Mapping[str, Any]]]:
        """Return the (index, mapping) items of a list of mappings."""
        if value is None:
            return []
        if not isinstance(value, list):
            self.report(
                where,
                name,
                "ska vara en lista",
                f"skriv varje post på en egen rad som börjar med -, t.ex. {example}",
            )
            return []
        items: list[tuple[int, Mapping[str, Any]]] = []
        for i, item in enumerate(value):
            if isinstance(item, dict):
                items.append((i, item))
            else:
                self.report(
                    (*where, i), name, "varje post ska vara nyckel: värde-par", f"skriv t.ex. {example}"
                )
        return items

    def unknown_keys(self, data: Mapping[str, Any], where: Path, known: Mapping[str, str], name: str) -> None:
        """Report keys not in ``known`` (alias → canonical) with the closest known one."""
        from generator.suggest import did_you_mean

        for key in data:
            if str(key) in known:
                continue
            label = ".".join(str(p) for p in (*where, key)) if where else str(key)
            hint = did_you_mean(
                str(key), sorted(set(known.values())), "se de tillåtna nycklarna i dokumentationen"
            )
            self.report(
                (*where, str(key)), name if where else str(key), f'okänd nyckel "{label}"', hint, on_key=True
            )
