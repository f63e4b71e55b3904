"""The UI text tables: Swedish and English hold the same strings, and every string a template asks for."""

from __future__ import annotations

import functools
import re
import string
from pathlib import Path
from typing import Any

import yaml

from generator.config.i18n import Translator

THEME = Path(__file__).resolve().parents[2] / "themes" / "standard"
GENERATOR = Path(__file__).resolve().parents[2] / "generator"


@functools.cache
def table(language: str) -> dict[str, Any]:
    """Return one language's table of the standard theme."""
    loaded: dict[str, Any] = yaml.safe_load((THEME / "i18n" / f"{language}.yaml").read_text(encoding="utf-8"))
    return loaded


def placeholders(text: str) -> set[str]:
    """Return the names of a string's ``{placeholders}``."""
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_english_has_every_swedish_key_in_the_same_order() -> None:
    """en.yaml mirrors sv.yaml key for key, so a site can switch language without a missing string."""
    assert list(table("en")) == list(table("sv"))


def test_each_string_has_the_same_placeholders_in_both_languages() -> None:
    """A translation fills in the same values ({date}, {count}, …) and lists keep their length."""
    sv, en = table("sv"), table("en")
    differ = [
        key
        for key in sv
        if type(sv[key]) is not type(en.get(key))
        or (
            len(sv[key]) != len(en[key])
            if isinstance(sv[key], list)
            else placeholders(sv[key]) != placeholders(en[key])
        )
    ]
    assert differ == []


def used_keys() -> set[str]:
    """Return every key that templates and the generator look up: t('key') and t("key", …)."""
    call = re.compile(r"""\bt\(\s*['"]([a-z_]+)['"]\s*[,)]""")
    files = [*(THEME / "templates").glob("*.html"), *GENERATOR.glob("*.py")]
    return {key for file in files for key in call.findall(file.read_text(encoding="utf-8"))}


def test_every_string_the_theme_asks_for_is_in_both_tables() -> None:
    """A template asking for a key that is not in the tables would fail the build of every site."""
    assert used_keys(), "the pattern found no lookups at all"
    assert used_keys() - set(table("sv")) == set()
    assert used_keys() - set(table("en")) == set()


def test_a_paragraphs_heading_has_its_paragraph_in_the_sites_language_and_a_paper_only_its_title() -> None:
    t = Translator("sv", {"paragraf_short": "§ {paragraf}"})
    assert t.heading("Budget 2025", "12a") == "§ 12a Budget 2025"
    assert t.heading("Budget 2025", None) == t.heading("Budget 2025", "") == "Budget 2025"
