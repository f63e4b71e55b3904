"""Themes change without forking: a site overrides templates, assets and UI text from its own folder."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from tests.conftest import SITE_YAML, record_text
from tests.integration.sitecheck import assert_built, build_site, main_of, page, run_cli

RECORD = record_text(
    "titel: Budget 2024",
    "typ: protokollsutdrag",
    "datum: 2023-11-20",
    "nämnd: KS",
    "paragraf: 12",
    "diarienummer: KS-2023/101",
    'beslut: "Kommunstyrelsen antar budgeten."',
)
RECORD_PATH = "sjoviks-kommun/ks/2023-11-20/12-budget-2024/"
OWN_RECORD = """{% extends "theme/record.html" %}
{% block decision %}<p class="egen-ingress">Kommunens egen rad före beslutet.</p>{{ super() }}{% endblock %}
"""


def built(
    site_factory: Callable[..., Path], tmp_path: Path, files: dict[str, str], yaml: str = SITE_YAML
) -> Path:
    """Build a one-record site with extra ``files`` in its folder; return the output folder."""
    site = site_factory({"content/ks/2023-11-20-12.md": RECORD, **files}, site_yaml=yaml)
    out = tmp_path / "out"
    assert_built(build_site(site, out, "2024-01-15", search=False))
    return out


def test_a_site_template_extends_the_template_it_replaces(
    site_factory: Callable[..., Path], tmp_path: Path
) -> None:
    """templates/record.html in the site's folder wins, and can still use the theme's record.html."""
    out = built(site_factory, tmp_path, {"templates/record.html": OWN_RECORD})
    main = main_of(page(out, RECORD_PATH))
    assert "Kommunens egen rad före beslutet." in main
    assert main.index("egen-ingress") < main.index("Kommunstyrelsen antar budgeten.")
    assert 'class="summary-list"' in main  # the rest of the theme's page is still there
    assert "egen-ingress" not in page(out, "sjoviks-kommun/ks/2023-11-20/")  # other kinds untouched


def test_a_site_asset_replaces_the_themes_and_the_others_stay(
    site_factory: Callable[..., Path], tmp_path: Path
) -> None:
    """static/beslut.css in the site's folder is published instead of the theme's."""
    out = built(site_factory, tmp_path, {"static/beslut.css": "body { color: #123; }\n"})
    assert (out / "static" / "beslut.css").read_text(encoding="utf-8") == "body { color: #123; }\n"
    assert (out / "static" / "print.css").is_file()
    assert (out / "static" / "search.js").is_file()


def test_a_site_changes_one_ui_string_and_keeps_the_rest(
    site_factory: Callable[..., Path], tmp_path: Path
) -> None:
    """i18n/sv.yaml in the site's folder overrides single strings of the theme's table."""
    out = built(site_factory, tmp_path, {"i18n/sv.yaml": "decision: Kommunstyrelsens beslut\n"})
    main = main_of(page(out, RECORD_PATH))
    assert ">Kommunstyrelsens beslut</h2>" in main
    assert ">Diarienummer</dt>" in main


def test_an_english_site_gets_english_ui_text_and_dates(
    site_factory: Callable[..., Path], tmp_path: Path
) -> None:
    """language: en switches every UI string and the way dates are written."""
    out = built(site_factory, tmp_path, {}, yaml=SITE_YAML + "language: en\n")
    html = page(out, RECORD_PATH)
    assert '<html lang="en">' in html
    assert ">Decision</h2>" in html and ">Case number</dt>" in html
    assert "20 November 2023" in html
    assert "Skip to main content" in html
    for swedish in ("Beslut</h2>", "Till huvudinnehållet", "Sök bland beslut", "november 2023"):
        assert swedish not in html


def test_a_broken_ui_string_table_stops_the_build_at_its_line(
    site_factory: Callable[..., Path], tmp_path: Path
) -> None:
    """A site's own i18n/sv.yaml that is not valid YAML is a located error, not a traceback."""
    site = site_factory({"content/ks/2023-11-20-12.md": RECORD, "i18n/sv.yaml": "decision: [Beslut\n"})
    done = run_cli("check", str(site), "--date", "2024-01-15")

    assert done.returncode == 1
    assert done.stderr.startswith(
        "i18n/sv.yaml:1:11: fel: decision: en lista [ ] eller mappning { } som börjar här"
    )
    assert "Traceback" not in done.stderr


def test_a_ui_string_table_that_is_a_list_is_named_with_the_fix(
    site_factory: Callable[..., Path], tmp_path: Path
) -> None:
    site = site_factory({"content/ks/2023-11-20-12.md": RECORD, "i18n/sv.yaml": "- Beslut\n"})
    done = run_cli("check", str(site), "--date", "2024-01-15")

    assert done.returncode == 1
    assert done.stderr == (
        "i18n/sv.yaml:1:1: fel: översättning: väntade nyckel: värde-par\n"
        '    tips: skriv en nyckel per rad, t.ex. nav_start: "Start"\n'
        "Avbrutet: 1 fel i 1 fil\n"
    )


def test_a_ui_string_table_not_in_utf8_is_named(site_factory: Callable[..., Path], tmp_path: Path) -> None:
    site = site_factory({"content/ks/2023-11-20-12.md": RECORD})
    (site / "i18n").mkdir()
    (site / "i18n" / "sv.yaml").write_bytes("decision: Nämndens beslut\n".encode("latin-1"))
    done = run_cli("check", str(site), "--date", "2024-01-15")

    assert done.returncode == 1
    assert done.stderr == (
        "i18n/sv.yaml:1:12: fel: teckenkodning: filen är inte sparad som UTF-8 (tecknet här kan inte läsas)\n"
        "    tips: spara filen som UTF-8 (i de flesta redigerare: Spara som → Kodning: UTF-8)\n"
        "Avbrutet: 1 fel i 1 fil\n"
    )


def test_an_unknown_theme_is_located_at_its_setting(site_factory: Callable[..., Path]) -> None:
    site = site_factory({"content/ks/2023-11-20-12.md": RECORD}, site_yaml=SITE_YAML + "theme: egen\n")
    done = run_cli("check", str(site), "--date", "2024-01-15")

    assert done.returncode == 1
    assert done.stderr.startswith('site.yaml:11:8: fel: theme: okänt tema: "egen"\n')


def test_an_unknown_parent_theme_is_located_at_its_extends(site_factory: Callable[..., Path]) -> None:
    files = {
        "content/ks/2023-11-20-12.md": RECORD,
        "themes/egen/templates/.keep": "",
        "themes/egen/theme.yaml": "# Sjöviks eget tema\nextends: standrad\n",
    }
    site = site_factory(files, site_yaml=SITE_YAML + "theme: egen\n")
    done = run_cli("check", str(site), "--date", "2024-01-15")

    assert done.returncode == 1
    assert done.stderr.startswith('themes/egen/theme.yaml:2:10: fel: extends: okänt tema: "standrad"\n')
