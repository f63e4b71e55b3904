"""The notice board (anslagstavlan, Kommunallagen 8 kap. 9–10 §§) on fixed build dates, as real builds.

The KS meeting of 25 November 2024 was justerat on 28 November and its notice posted on 3 December.
Three weeks later is julafton, so the last day to appeal, and the last day of the notice, is Friday 27
December 2024 (juldagen and annandag jul come between).
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

import pytest

from tests.integration.lawsite import Built, build, main_text, record, section, text, write_site

KS_MEETING = "sjovik/ks/2024-11-25/"

FILES = {
    "content/ks/2024-11-25-12.md": record(
        "titel: Budget 2025",
        "typ: protokollsutdrag",
        "datum: 2024-11-25",
        "nämnd: KS",
        "paragraf: 12",
        "diarienummer: KS 2024/88",
        "justerat: 2024-11-28",
        "anslag: 2024-12-03",
    ),
    "content/ks/2024-11-25-13.md": record(
        "titel: Remissvar om regional plan",
        "typ: protokollsutdrag",
        "datum: 2024-11-25",
        "nämnd: KS",
        "paragraf: 13",
        "överklagbar: false",
    ),
    # A meeting published only as its whole protokoll: its notice is up all the same.
    "content/raddning/fs/2024-12-02-protokoll.md": record(
        "titel: Protokoll förbundsstyrelsen",
        "typ: protokoll",
        "organisation: Räddningstjänsten Sjöviksbygden",
        "datum: 2024-12-02",
        "nämnd: FS",
        "justerat: 2024-12-05",
        "anslag: 2024-12-06",
    ),
    # Kallelser: fullmäktige's meetings are announced on the board, a nämnd's are not.
    "content/kf/2024-12-16-kallelse.md": record(
        "titel: Kallelse till kommunfullmäktige",
        "typ: kallelse",
        "datum: 2024-12-16 18:00",
        "nämnd: KF",
        body="Sammanträdet hålls i fullmäktigesalen, Stadshuset.\n",
    ),
    "content/raddning/ff/2024-12-12-kallelse.md": record(
        "titel: Kallelse till förbundsfullmäktige",
        "typ: kallelse",
        "organisation: raddning",
        "datum: 2024-12-12",
        "nämnd: FF",
    ),
    "content/bun/2024-12-11-kallelse.md": record(
        "titel: Kallelse till barn- och utbildningsnämnden",
        "typ: kallelse",
        "datum: 2024-12-11",
        "nämnd: BUN",
    ),
    # Delegationsbeslut: on the board while their appeal period runs, if they can be appealed.
    "content/delegation/bidrag.md": record(
        "titel: Bidrag till föreningen Sjöviks IF",
        "typ: delegationsbeslut",
        "datum: 2024-11-20",
        "nämnd: KS",
        "diarienummer: KS 2024/91",
        "anslag: 2024-12-03",
    ),
    "content/delegation/attest.md": record(
        "titel: Attesträtt för ekonomichefen",
        "typ: delegationsbeslut",
        "datum: 2024-11-21",
        "anslag: 2024-12-03",
        "överklagbar: false",
    ),
    "content/delegation/utan-anslag.md": record(
        "titel: Beslut om tillfällig parkering",
        "typ: delegationsbeslut",
        "datum: 2024-11-22",
    ),
}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_site(tmp_path_factory.mktemp("anslagstavla"), FILES)


@functools.cache
def board_on(site: Path, day: str) -> Built:
    """Build the site on ``day`` (once per day: the tests only read the output)."""
    built = build(site, day, site.parent / f"out-{day}")
    assert built.code == 0, built.stderr
    return built


def minutes_titles(page: str) -> list[str]:
    return [text(h) for h in re.findall(r"<h3>.*?</h3>", section(page, "justerade"), re.S)]


def notice_of(page: str, board: str) -> str:
    """Return the HTML of the notice of justerat protokoll of ``board`` on the notice board ``page``."""
    notices = section(page, "justerade").split('<li class="notice">')[1:]
    return next(n for n in notices if f"{board}, sammanträde" in n)


def paragraph_links(fragment: str) -> list[tuple[str, str]]:
    """Return (href, text) of each link in ``fragment`` whose text starts with a § number."""
    links = re.findall(r'<a href="([^"]+)">(.*?)</a>', fragment, re.S)
    return [(href, text(label)) for href, label in links if text(label).startswith("§ ")]


@pytest.mark.parametrize(
    ("day", "up"),
    [
        ("2024-12-02", False),  # the day before the notice was posted
        ("2024-12-03", True),  # the day it was posted
        ("2024-12-24", True),  # anslag + 21 days is julafton: the period goes on
        ("2024-12-27", True),  # the last day to appeal
        ("2024-12-28", False),  # not a day longer
    ],
)
def test_the_notice_of_justerat_protokoll_is_up_from_anslag_through_the_last_day_to_appeal(
    site: Path, day: str, up: bool
) -> None:
    page = board_on(site, day).page("anslagstavla/")
    assert ("Kommunstyrelsen, sammanträde 25 november 2024" in minutes_titles(page)) is up


def test_a_notice_names_board_meeting_justering_posting_place_and_the_day_it_comes_down(site: Path) -> None:
    notice = notice_of(board_on(site, "2024-12-10").page("anslagstavla/"), "Kommunstyrelsen")
    shown = text(notice)
    for expected in (
        "Kommunstyrelsen, sammanträde 25 november 2024",
        "Organisation Sjöviks kommun",
        "Nämnd Kommunstyrelsen",
        "Sammanträdesdag 25 november 2024",
        "Justerat 28 november 2024",
        "Anslaget sattes upp 3 december 2024",
        "Anslaget sitter uppe till och med 27 december 2024",
        "Förvaringsplats för protokollet Kommunkansliet, Stadshuset, Storgatan 1, Sjövik",
        "Sista dag att överklaga 27 december 2024",
    ):
        assert expected in shown
    assert f'href="/beslut/{KS_MEETING}"' in notice
    assert 'href="/beslut/sjovik/overklaga/"' in notice


def test_a_notice_lists_each_paragraph_of_the_meeting_as_its_page_does(site: Path) -> None:
    """What was decided, and so what can be appealed, without clicking on (number and linked title)."""
    built = board_on(site, "2024-12-10")
    notice = notice_of(built.page("anslagstavla/"), "Kommunstyrelsen")
    agenda = re.search(r'<ol class="agenda">.*?</ol>', built.page(KS_MEETING), re.S)
    assert agenda is not None
    on_meeting_page = [
        (href, text(label)) for href, label in re.findall(r'<a href="([^"]+)">(.*?)</a>', agenda[0])
    ]

    listed = paragraph_links(notice)

    assert [label for _, label in listed] == ["§ 12 Budget 2025", "§ 13 Remissvar om regional plan"]
    assert [href for href, _ in listed] == [href for href, _ in on_meeting_page]
    assert "Paragrafer" in text(notice)


def test_a_notice_of_a_whole_protokoll_without_paragraphs_lists_none(site: Path) -> None:
    notice = notice_of(board_on(site, "2024-12-10").page("anslagstavla/"), "Förbundsstyrelsen")

    assert paragraph_links(notice) == []
    assert "Paragrafer" not in text(notice)


def test_each_organisation_notice_has_its_own_place_and_the_newest_comes_first(site: Path) -> None:
    page = board_on(site, "2024-12-10").page("anslagstavla/")
    assert minutes_titles(page) == [
        "Förbundsstyrelsen, sammanträde 2 december 2024",
        "Kommunstyrelsen, sammanträde 25 november 2024",
    ]
    assert "Förbundskansliet, Brandstationen, Sjövik" in text(section(page, "justerade"))


def test_a_meeting_published_as_a_whole_protokoll_stays_up_through_its_own_last_day(site: Path) -> None:
    # anslag Fri 6 Dec 2024 + 21 = Fri 27 Dec, a working day.
    assert "Förbundsstyrelsen, sammanträde 2 december 2024" in minutes_titles(
        board_on(site, "2024-12-27").page("anslagstavla/")
    )
    assert minutes_titles(board_on(site, "2024-12-28").page("anslagstavla/")) == []


@pytest.mark.parametrize(
    ("day", "announced"),
    [
        ("2024-12-10", ["Kallelse till förbundsfullmäktige", "Kallelse till kommunfullmäktige"]),
        ("2024-12-12", ["Kallelse till förbundsfullmäktige", "Kallelse till kommunfullmäktige"]),
        ("2024-12-13", ["Kallelse till kommunfullmäktige"]),
        ("2024-12-16", ["Kallelse till kommunfullmäktige"]),  # the meeting's own day
        ("2024-12-17", []),
    ],
)
def test_upcoming_fullmaktige_meetings_are_announced_until_the_day_they_are_held(
    site: Path, day: str, announced: list[str]
) -> None:
    upcoming = section(board_on(site, day).page("anslagstavla/"), "kommande")
    assert [text(h) for h in re.findall(r"<h3>.*?</h3>", upcoming, re.S)] == announced
    # A nämnd's kallelse is no notice under 5 kap. 62 §: it stays on the board's own pages.
    assert "barn- och utbildningsnämnden" not in upcoming


def test_an_announcement_gives_weekday_date_and_time(site: Path) -> None:
    upcoming = text(section(board_on(site, "2024-12-10").page("anslagstavla/"), "kommande"))
    assert "Sammanträdesdag måndag 16 december 2024 kl. 18.00" in upcoming
    assert "Sammanträdet hålls i fullmäktigesalen, Stadshuset." in upcoming


def test_a_nämnd_kallelse_is_on_its_own_meeting_page_instead(site: Path) -> None:
    built = board_on(site, "2024-12-10")
    assert "Kallelse till barn- och utbildningsnämnden" in main_text(built.page("sjovik/bun/2024-12-11/"))


@pytest.mark.parametrize(
    ("day", "shown"),
    [
        ("2024-12-02", []),
        ("2024-12-03", ["Bidrag till föreningen Sjöviks IF"]),
        ("2024-12-27", ["Bidrag till föreningen Sjöviks IF"]),
        ("2024-12-28", []),
    ],
)
def test_appealable_delegationsbeslut_are_up_while_their_appeal_period_runs(
    site: Path, day: str, shown: list[str]
) -> None:
    delegation = section(board_on(site, day).page("anslagstavla/"), "delegation")
    assert [text(h) for h in re.findall(r"<h3>.*?</h3>", delegation, re.S)] == shown


def test_a_delegationsbeslut_notice_gives_its_dates(site: Path) -> None:
    delegation = text(section(board_on(site, "2024-12-10").page("anslagstavla/"), "delegation"))
    assert "Diarienummer KS 2024/91" in delegation
    assert "Anslaget sattes upp 3 december 2024" in delegation
    assert "Sista dag att överklaga 27 december 2024" in delegation
    assert "Attesträtt" not in delegation  # överklagbar: false
    assert "parkering" not in delegation  # no anslag yet


def test_an_empty_board_says_so(site: Path) -> None:
    page = board_on(site, "2025-03-01").page("anslagstavla/")
    assert "Det finns inga anslag just nu." in text(section(page, "justerade"))
    assert "Inga sammanträden med fullmäktige är utlysta just nu." in text(section(page, "kommande"))
    assert "Det finns inga anslag om delegationsbeslut just nu." in text(section(page, "delegation"))
    assert "Anslagstavlan visar de anslag som gäller 1 mars 2025." in main_text(page)


def test_the_board_links_each_organisations_permanent_page_on_how_to_appeal(site: Path) -> None:
    built = board_on(site, "2025-03-01")
    links = section(built.page("anslagstavla/"), "overklaga")
    assert 'href="/beslut/sjovik/overklaga/"' in links
    assert 'href="/beslut/raddning/overklaga/"' in links
    sjovik = main_text(built.page("sjovik/overklaga/"))
    raddning = main_text(built.page("raddning/overklaga/"))
    assert "Förvaltningsrätten i Göteborg" in sjovik and "Jönköping" not in sjovik
    assert "Förvaltningsrätten i Jönköping" in raddning
    assert "Förbundskansliet, Brandstationen, Sjövik" in raddning
    for page in (sjovik, raddning):
        assert "medlemmar i kommunen" in page  # who may appeal
        assert "laglighetsprövning (kommunallagen 13 kap.)" in page
        assert "Vad ska du skriva?" in page and "paragraf" in page  # what to write
        assert "inom tre veckor" in page  # by when
        assert "midsommarafton, julafton eller nyårsafton" in page
        assert "förvaltningsbesvär" in page  # other decisions are appealed otherwise


def test_the_appeal_page_lists_what_can_be_appealed_on_the_build_date(site: Path) -> None:
    during = main_text(board_on(site, "2024-12-10").page("sjovik/overklaga/"))
    assert "Kommunstyrelsen, sammanträde 25 november 2024: sista dag att överklaga 27 december 2024" in during
    assert "Bidrag till föreningen Sjöviks IF: sista dag att överklaga 27 december 2024" in during
    assert "Förbundsstyrelsen" not in during  # the other organisation's
    after = main_text(board_on(site, "2024-12-28").page("sjovik/overklaga/"))
    assert "Just nu pågår ingen tid för överklagande." in after


def test_every_page_links_the_notice_board_marked_in_the_header(site: Path) -> None:
    built = board_on(site, "2024-12-10")
    pages = built.html_files()
    assert len(pages) > 20
    for path in pages:
        page = path.read_text(encoding="utf-8")
        header = re.search(r"<header\b.*?</header>", page, re.S)
        assert header, path
        marked = r'<li class="nav-notice-board"><a href="/beslut/anslagstavla/"[^>]*>Anslagstavla</a>'
        assert re.search(marked, header.group()), path
    board = built.page("anslagstavla/")
    assert '<a href="/beslut/anslagstavla/" aria-current="page">Anslagstavla</a>' in board
