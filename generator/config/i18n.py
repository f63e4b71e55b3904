"""UI text: one translation table per language, in the theme's ``i18n/<language>.yaml``."""

from __future__ import annotations

import contextlib
import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from generator.base.diagnostics import Diagnostic
from generator.base.sources import decode_utf8
from generator.base.yamltext import is_plain_yaml, parse_yaml_mapping


@dataclass(frozen=True)
class Translator:
    """Looks up UI strings and writes dates the way the language does ("9 juni 2021")."""

    language: str
    strings: dict[str, Any]

    def __call__(self, key: str, **values: object) -> str:
        """Return the string for ``key`` with ``{name}`` placeholders filled in."""
        text = self.strings.get(key)
        if not isinstance(text, str):
            raise KeyError(f"UI-texten {key!r} saknas i översättningen {self.language!r}")
        return text.format(**values) if values else text

    def date(self, day: dt.date | None) -> str:
        """Return ``day`` written out: ``9 juni 2021``."""
        if day is None:
            return ""
        months: list[str] = self.strings["months"]
        pattern: str = self.strings["date_format"]
        return pattern.format(day=day.day, month=months[day.month - 1], year=day.year)

    def heading(self, title: str, paragraf: str | None) -> str:
        """Return a record's title as listed and headed: ``§ 12 Titel`` for a §, else the title."""
        return self("paragraf_short", paragraf=paragraf) + " " + title if paragraf else title

    def month(self, month: int) -> str:
        """Return the name of a month (1–12)."""
        months: list[str] = self.strings["months"]
        return months[month - 1]

    def weekday(self, day: dt.date) -> str:
        """Return the name of ``day``'s weekday."""
        days: list[str] = self.strings["weekdays"]
        return days[day.weekday()]


_FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class TranslationError(Exception):
    """A translation table that cannot be read; carries its located diagnostics."""

    def __init__(self, diagnostics: list[Diagnostic]) -> None:
        self.diagnostics = diagnostics
        super().__init__("; ".join(d.format() for d in diagnostics))


def load_translator(theme_dirs: list[Path], language: str, site_dir: Path | None = None) -> Translator:
    """Merge the language's tables along the theme chain (the site's own folder first wins).

    Raise ``TranslationError`` naming the file, line and fix when a table is not a valid mapping.
    """
    merged: dict[str, Any] = {}
    for directory in reversed(theme_dirs):
        path = directory / "i18n" / f"{language}.yaml"
        if path.is_file():
            where = _rel(path, site_dir)
            text = decode_utf8(path.read_bytes(), where)
            if isinstance(text, Diagnostic):
                raise TranslationError([text])
            text = text.replace("\r\n", "\n").replace("\r", "\n")
            table = None
            # libyaml's loader for plain tables: the preview reads them at every rebuild. Anything else
            # (a syntax error, anchors, aliases, tags) is read by the located parser, which refuses it.
            if is_plain_yaml(text):
                with contextlib.suppress(yaml.YAMLError):
                    table = yaml.load(text, Loader=_FAST_LOADER)
            if (table is None and text.strip()) or (table is not None and not isinstance(table, dict)):
                table = _located_table(text, where)
            merged.update(table or {})
    return Translator(language, merged)


def _located_table(text: str, where: str) -> dict[str, Any]:
    """Parse a table the fast loader refused; raise ``TranslationError`` with its file, line and fix."""
    parsed = parse_yaml_mapping(text, where, field_name="översättning", example='nav_start: "Start"')
    if isinstance(parsed, list):
        raise TranslationError(parsed)
    return parsed.data


def _rel(path: Path, site_dir: Path | None) -> str:
    """Return ``path`` as the user knows it: relative to the site folder when inside it."""
    return path.relative_to(site_dir).as_posix() if site_dir and path.is_relative_to(site_dir) else str(path)
