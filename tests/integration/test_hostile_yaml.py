"""YAML references (``&anchor``, ``*alias``) and tags (``!!python/…``) cannot take the build down.

The rule: front matter, site.yaml and a theme's i18n/*.yaml are hand-written, and nobody needs to
share a value between two places in them; so anchors, aliases and explicit tags are refused, with the
file, line, column and what to write instead. A self-referencing alias used to crash with a
RecursionError, and an alias bomb ("billion laughs") ran past a minute and 4 GB.

Each case runs ``beslut check`` as a separate process under a memory limit of 1 GB (Python itself
needs about 30 MB here); the process must finish (the generous timeout of ``run_cli``) with exit code 1
and the located error. Speed is measured in bench/, not asserted here.
"""

from __future__ import annotations

import resource
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import SITE_YAML, record_text
from tests.integration.sitecheck import run_cli

MEMORY_LIMIT = 1 << 30
RECORD = "content/ks/2024-03-11-12.md"
HEAD = ("titel: Budget", "typ: protokollsutdrag", "datum: 2024-03-11", "nämnd: KS", "paragraf: 12")


def bomb(first_key: str = "a") -> str:
    """Return nine levels of nine aliases each (9**9 strings when expanded), as YAML lines."""
    names = "abcdefghi"
    lines = [f"{first_key}: &a [" + ", ".join(["lol"] * 9) + "]"]
    for level, name in enumerate(names[1:], start=1):
        lines.append(f"{name}{level}: &{name} [" + ", ".join([f"*{names[level - 1]}"] * 9) + "]")
    return "\n".join(lines) + "\n"


def limited() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def check(site: Path) -> tuple[int, list[str]]:
    done = run_cli("check", str(site), "--date", "2024-06-01", preexec=limited)
    assert "Traceback" not in done.stderr, done.stderr[-3000:]
    return done.returncode, done.stderr.splitlines()


def test_a_self_referencing_alias_in_front_matter_is_a_located_error(
    site_factory: Callable[..., Path],
) -> None:
    site = site_factory({RECORD: record_text(*HEAD, "taggar: &x [*x]")})

    code, printed = check(site)

    assert code == 1
    assert printed[:2] == [
        f"{RECORD}:7:9: fel: taggar: YAML-ankare (&) och -referenser (*) används inte",
        "    tips: skriv ut värdet där det ska stå; "
        "är & eller * en del av texten, sätt texten inom citattecken",
    ]


def test_an_alias_bomb_in_front_matter_is_refused_at_its_first_anchor(
    site_factory: Callable[..., Path],
) -> None:
    site = site_factory({RECORD: "---\n" + "\n".join(HEAD) + "\n" + bomb("extra") + "---\n"})

    code, printed = check(site)

    assert code == 1
    assert printed[0].startswith(f"{RECORD}:7:8: fel: extra: YAML-ankare (&) och -referenser (*)")
    assert printed[-1] == "Avbrutet: 1 fel i 1 fil"


def test_an_alias_bomb_in_site_yaml_is_refused(site_factory: Callable[..., Path]) -> None:
    site = site_factory({RECORD: record_text(*HEAD)}, site_yaml=SITE_YAML + bomb("extra"))

    code, printed = check(site)

    assert code == 1
    assert printed[0].startswith("site.yaml:11:8: fel: extra: YAML-ankare (&) och -referenser (*)")


def test_an_alias_bomb_in_a_sites_translation_table_is_refused(site_factory: Callable[..., Path]) -> None:
    site = site_factory({RECORD: record_text(*HEAD), "i18n/sv.yaml": "nav_start: Hem\n" + bomb("months")})

    code, printed = check(site)

    assert code == 1
    assert printed[0].startswith("i18n/sv.yaml:2:9: fel: months: YAML-ankare (&) och -referenser (*)")


@pytest.mark.parametrize(
    ("value", "column"),
    [
        ("!!python/object/apply:os.system [echo hej]", 9),
        ("!!binary aGVq", 9),
        ("!!set {a, b}", 9),
        ("!!timestamp 2018-02-30", 9),
        ("!lokal text", 9),
    ],
)
def test_an_explicit_tag_in_front_matter_is_a_located_error(
    value: str, column: int, site_factory: Callable[..., Path]
) -> None:
    site = site_factory({RECORD: record_text(*HEAD, f"taggar: {value}")})

    code, printed = check(site)

    assert code == 1
    assert (
        printed[0] == f"{RECORD}:7:{column}: fel: taggar: ett värde som börjar med ! tolkas som en YAML-tagg"
    )
    assert printed[1].startswith("    tips: sätt texten inom citattecken: taggar: ")


def test_an_alias_bomb_in_a_sites_theme_yaml_is_refused(site_factory: Callable[..., Path]) -> None:
    files = {
        RECORD: record_text(*HEAD),
        "themes/egen/templates/.keep": "",
        "themes/egen/theme.yaml": "extends: standard\n" + bomb("extra"),
    }
    site = site_factory(files, site_yaml=SITE_YAML + "theme: egen\n")

    code, printed = check(site)

    assert code == 1
    assert printed[0].startswith(
        "themes/egen/theme.yaml:2:8: fel: extra: YAML-ankare (&) och -referenser (*)"
    )


def test_a_tag_in_site_yaml_names_its_setting(site_factory: Callable[..., Path]) -> None:
    site = site_factory({RECORD: record_text(*HEAD)}, site_yaml=SITE_YAML + "page_size: !!float 20\n")

    code, printed = check(site)

    assert code == 1
    assert printed[0] == "site.yaml:11:12: fel: page_size: ett värde som börjar med ! tolkas som en YAML-tagg"
