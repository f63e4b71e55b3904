"""Typed, located reading of values from a parsed YAML mapping.

Each ``read_*`` method returns the value (or ``None``) and records a located
diagnostic for anything wrong, so that validation goes on and reports every
problem of a file in one run.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from typing import Any

from generator.base.diagnostics import Diagnostic, Severity
from generator.base.suggest import closest
from generator.base.yamltext import LineMap, Path, Position

_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_DAY_FIRST = re.compile(r"^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$")
_MONTHS = (
    "januari", "februari", "mars", "april", "maj", "juni",
    "juli", "augusti", "september", "oktober", "november", "december",
)  # fmt: skip
_DATETIME = re.compile(r"^(\d{4})-(\d{2})-(\d{2})[T ](\d{1,2}):(\d{2})(?::(\d{2}))?$")


@dataclass
class FieldReader:
    """Reads fields of one YAML document and collects diagnostics against one file."""

    path: str
    keys: LineMap
    values: LineMap
    diagnostics: list[Diagnostic] = field(default_factory=list)
    misspelled: set[Path] = field(default_factory=set)
    """Keys an unknown key was taken for (``titell`` → ``("titel",)``); they are not also reported missing."""

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

    def report_missing(self, where: Path, name: str, hint: str, message: str = "") -> None:
        """Report a required key that is absent (at the enclosing mapping) or written empty (at the key).

        Nothing is reported when the key was misspelled: the unknown key's diagnostic already says
        what to write, and one mistake should give one message.
        """
        if tuple(where) in self.misspelled:
            return
        written = tuple(where) in self.keys.positions
        message = message or (f"{name} har inget värde" if written else f"{name} saknas")
        self.report(where, name, message, hint, on_key=True)

    def text(self, value: Any, where: Path, name: str, required: bool = False, hint: str = "") -> str | None:
        """Return ``value`` as non-empty text; numbers are accepted as text.

        ``hint`` says what to write when a required value is missing.
        """
        if value is None or value == "":
            if required:
                self.report_missing(where, name, hint or f"skriv {name}: och ett värde")
            return None
        if isinstance(value, (bool, dict, list)):
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
                self.report_missing(where, name, f"skriv {name}: ÅÅÅÅ-MM-DD, t.ex. {name}: 2021-06-09")
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
        self.report(where, name, f'"{text}" är inte ett datum', _date_hint(text, name, allow_time))
        return None

    def _checked_date(
        self, parts: tuple[str | Any, ...], where: Path, name: str, text: str
    ) -> dt.date | None:
        year, month, day = (int(p) for p in parts)
        try:
            return dt.date(year, month, day)
        except ValueError:
            if 1 <= month <= 12:
                days = calendar.monthrange(year, month)[1]
                hint = f"{_MONTHS[month - 1]} {year} har {days} dagar; kontrollera dagen"
            else:
                hint = "månaden står i mitten och är 01–12: ÅÅÅÅ-MM-DD, t.ex. 2021-06-09"
            self.report(where, name, f"{text} finns inte i kalendern", hint)
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

    def unknown_keys(
        self, data: Mapping[str, Any], where: Path, known: Collection[str], fallback: str = ""
    ) -> None:
        """Report every key of the mapping at ``where`` that is not in ``known``, with the closest known one.

        The diagnostic's field is the key itself at the top level, else the section it stands in
        (``bilagor``, ``organisations.boards``). ``fallback`` is the hint when no known key is close;
        by default it lists the known keys.
        """
        section = ".".join(p for p in where if isinstance(p, str))
        for key in map(str, data):
            if key in known:
                continue
            match = closest(key, known)
            if match is not None:
                self.misspelled.add((*where, match))
                hint = f'menade du "{match}"?'
            else:
                hint = fallback or "tillåtna nycklar: " + ", ".join(known)
            self.report((*where, key), section or key, f'okänd nyckel "{key}"', hint, on_key=True)


def _date_hint(text: str, name: str, allow_time: bool) -> str:
    """Return how to write ``text`` as a date: the very date when it is written day first (28/11/2018)."""
    if (match := _DAY_FIRST.match(text)) and 1 <= int(match[2]) <= 12:
        return f"skriv datumet som ÅÅÅÅ-MM-DD: {name}: {match[3]}-{int(match[2]):02d}-{int(match[1]):02d}"
    example = f"{name}: 2021-06-09" + (" eller 2021-06-09 07:52" if allow_time else "")
    return f"skriv datumet som ÅÅÅÅ-MM-DD, t.ex. {example}"
