"""The demo site (site.yaml and content/ of the repository) builds, with every page the contract promises.

The demo is five real records from five sources, beside the made-up Exempelviks kommun (content/exempelvik/,
see test_demo_any_day.py). Built once for the module on 2026-11-22, so --date wins over its demo_date.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.integration.sitecheck import broken_links, duplicate_ids, html_files, main_of, page, title_of

STOCKHOLM = "stockholm/ks/2006-11-09/ny-organisation-inom-stadsledningskontoret/"
ALINGSAS_MEETING = "alingsas/kf/2018-11-28/"
ALINGSAS = ALINGSAS_MEETING + "205-genomforande-handlingsplan-effekt-6-0-samla/"
HUDDINGE_MEETING = "huddinge/ksau/2021-06-09/"
HUDDINGE = HUDDINGE_MEETING + "6-en-enhetlig-kommunikationsprocess-i-huddinge/"
NEWS = "nyheter/2015-08-28-en-organisation-for-framtiden/"
HJO = "hjo/tjansteskrivelser/2024-01-10-uppdrag-att-utreda-hur-kansliet-kan-organiseras-pa-basta-satt/"

PROMISED = {
    "start": "",
    "record (protokollsutdrag)": ALINGSAS,
    "record (utlåtande)": STOCKHOLM,
    "record (nyhet)": NEWS,
    "record (tjänsteskrivelse)": HJO,
    "organisation": "huddinge/",
    "board": "alingsas/kf/",
    "board (arbetsutskott)": "huddinge/ksau/",
    "meeting": ALINGSAS_MEETING,
    "case": "alingsas/arenden/2018-303-ks/",
    "case (across boards)": "huddinge/arenden/ks-2021-1202-111/",
    "year": "arkiv/2018/",
    "month": "arkiv/2018/11/",
    "archive": "arkiv/",
    "news": "nyheter/",
    "notice board": "anslagstavla/",
    "appeal page": "alingsas/overklaga/",
    "search": "sok/",
    "accessibility": "tillganglighet/",
    "404": "404.html",
}


@pytest.mark.parametrize("kind", sorted(PROMISED))
def test_every_promised_page_kind_exists(demo_out: Path, kind: str) -> None:
    html = page(demo_out, PROMISED[kind])
    assert html.startswith("<!doctype html>")
    assert '<html lang="sv">' in html
    assert "<main" in html and "</main>" in html
    assert "<h1" in main_of(html)


def test_every_record_has_a_page(demo_out: Path) -> None:
    for path in (STOCKHOLM, ALINGSAS, HUDDINGE, NEWS, HJO):
        assert (demo_out / path / "index.html").is_file(), path


def test_record_page_shows_the_decision_first_then_the_metadata_then_the_body(demo_out: Path) -> None:
    main = main_of(page(demo_out, STOCKHOLM))
    decision = main.index('class="decision"')
    metadata = main.index('class="summary-list"')
    body = main.index('class="body"')
    assert decision < metadata < body
    assert "Förslag till ny organisation inom stadsledningskontoret godkänns." in main[decision:metadata]


def test_record_page_shows_its_metadata(demo_out: Path) -> None:
    main = main_of(page(demo_out, STOCKHOLM))
    for text in ("Utlåtande", "Stockholms stad", "Kommunstyrelsen", "041-4239/2006", "9 november 2006"):
        assert text in main
    assert 'href="/stockholm/ks/"' in main
    assert 'href="/stockholm/arenden/041-4239-2006/"' in main


def test_stockholm_record_shows_its_three_reservations(demo_out: Path) -> None:
    main = main_of(page(demo_out, STOCKHOLM))
    section = main[main.index('class="reservations"') :]
    assert section.count('class="reservation"') == 3
    for name in ("Carin Jämtin och Roger Mogert", "Yvonne Ruwaida", "Teres Lindberg"):
        assert name in section


def test_dates_are_written_in_swedish(demo_out: Path) -> None:
    assert "28 november 2018" in main_of(page(demo_out, ALINGSAS))
    assert "28 november 2018" in main_of(page(demo_out, ALINGSAS_MEETING))
    assert "9 juni 2021" in main_of(page(demo_out, HUDDINGE))
    assert "28 augusti 2015" in main_of(page(demo_out, NEWS))


def test_meeting_page_lists_its_paragraph(demo_out: Path) -> None:
    main = main_of(page(demo_out, ALINGSAS_MEETING))
    assert "Kommunfullmäktige" in main
    assert f'href="/{ALINGSAS}"' in main
    assert "§ 205" in main


def test_case_page_links_its_records(demo_out: Path) -> None:
    main = main_of(page(demo_out, "huddinge/arenden/ks-2021-1202-111/"))
    assert "KS-2021/1202.111" in main
    assert f'href="/{HUDDINGE}"' in main


def test_arbetsutskott_is_listed_under_its_styrelse(demo_out: Path) -> None:
    main = main_of(page(demo_out, "huddinge/"))
    ks, ksau = main.index('href="/huddinge/ks/"'), main.index('href="/huddinge/ksau/"')
    assert ks < ksau
    assert "Kommunstyrelsens arbetsutskott" in main


def test_non_appealable_decision_says_so(demo_out: Path) -> None:
    main = main_of(page(demo_out, HUDDINGE))
    assert "kan inte överklagas" in main


def test_news_lists_the_news_item(demo_out: Path) -> None:
    assert f'href="/{NEWS}"' in main_of(page(demo_out, "nyheter/"))


def test_notice_board_links_the_appeal_page_of_each_organisation_with_appealable_decisions(
    demo_out: Path,
) -> None:
    """Alingsås has an appealable §; Huddinge's § is not appealable, Hjo and Stockholm have papers only."""
    main = main_of(page(demo_out, "anslagstavla/"))
    assert 'href="/alingsas/overklaga/"' in main
    for org in ("huddinge", "stockholm", "hjo"):
        assert f'href="/{org}/overklaga/"' not in main
        assert not (demo_out / org / "overklaga").exists()


def test_no_page_shows_a_placeholder_organisation(demo_out: Path) -> None:
    """Seed 002 names no municipality: its news is the site's own, not an invented organisation's."""
    for file in html_files(demo_out):
        text = file.read_text(encoding="utf-8").replace("\u00ad", "").casefold()
        for placeholder in ("ej angiven", "kommun-ej-angiven", "platshållare", "okänd kommun"):
            assert placeholder not in text, f"{file.relative_to(demo_out)}: {placeholder}"


def test_appeal_page_names_the_court(demo_out: Path) -> None:
    assert "Förvaltningsrätten i Göteborg" in main_of(page(demo_out, "alingsas/overklaga/"))


def test_accessibility_statement_cites_the_law(demo_out: Path) -> None:
    assert "2018:1937" in main_of(page(demo_out, "tillganglighet/"))


def test_page_titles_name_the_page_and_the_site(demo_out: Path) -> None:
    site = "Kommunala beslut – demowebbplats"
    assert title_of(page(demo_out, "")) == site
    assert title_of(page(demo_out, "anslagstavla/")) == f"Anslagstavla – {site}"
    assert title_of(page(demo_out, STOCKHOLM)) == f"Ny organisation inom stadsledningskontoret – {site}"


def test_the_search_index_has_only_what_the_search_page_loads(demo_out: Path) -> None:
    """pagefind.js, the Swedish WebAssembly and the index; none of Pagefind's UI bundles, nor its worker."""
    bundle = demo_out / "pagefind"
    top = {p.name for p in bundle.iterdir() if p.is_file()}
    assert {"pagefind.js", "wasm.sv.pagefind", "pagefind-entry.json", "bundles.json"} <= top
    assert [name for name in top if name.endswith(".pf_meta")]
    assert not [p for p in bundle.rglob("*") if "ui" in p.name or "worker" in p.name or "unknown" in p.name]
    assert list((bundle / "fragment").glob("*.pf_fragment"))
    assert list((bundle / "index").glob("*.pf_index"))
    # A record is searched from its data, not from its page; the accessibility statement by its text.
    assert "data-pagefind-body" not in page(demo_out, STOCKHOLM)
    assert "data-pagefind-body" in page(demo_out, "tillganglighet/")
    assert "data-pagefind-body" not in page(demo_out, "sok/")


def test_every_internal_link_resolves_to_a_file(demo_out: Path) -> None:
    assert len(html_files(demo_out)) >= len(PROMISED)
    assert broken_links(demo_out, "/") == []


def test_no_page_defines_an_id_twice(demo_out: Path) -> None:
    problems = {
        f.relative_to(demo_out).as_posix(): dup
        for f in html_files(demo_out)
        if (dup := duplicate_ids(f.read_text(encoding="utf-8")))
    }
    assert problems == {}
