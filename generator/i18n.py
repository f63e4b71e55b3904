"""UI text: one translation table per language, in the theme's ``i18n/<language>.yaml``."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml


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

    def month(self, month: int) -> str:
        """Return the name of a month (1–12)."""
        months: list[str] = self.strings["months"]
        return months[month - 1]

    def weekday(self, day: dt.date) -> str:
        """Return the name of ``day``'s weekday."""
        days: list[str] = self.strings["weekdays"]
        return days[day.weekday()]


_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_translator(theme_dirs: list[Path], language: str) -> Translator:
    """Merge the language's tables along the theme chain (the site's own folder first wins)."""
    merged: dict[str, Any] = {}
    for directory in reversed(theme_dirs):
        path = directory / "i18n" / f"{language}.yaml"
        if path.is_file():
            # libyaml's safe loader where installed: the preview reads these tables at every rebuild.
            merged.update(yaml.load(path.read_text(encoding="utf-8"), Loader=_SAFE_LOADER) or {})
    return Translator(language, merged)
