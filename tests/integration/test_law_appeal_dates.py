"""The last day to appeal, as real builds show it on decision pages, meeting pages and the notice board.

Kommunallagen 13 kap. 5 §: three weeks from the day the notice of the justerat protokoll was posted.
Lagen (1930:173): a period ending on a Saturday, Sunday, public holiday, midsommarafton, julafton or
nyårsafton ends on the next weekday. Every expected date below is worked out by hand from a calendar.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.integration.lawsite import Built, build, main_text, record, section, text, write_site
from tests.integration.sitecheck import indexed_pages


@dataclass(frozen=True)
class Case:
    anslag: str
    last_day: str
    why: str
    moved_because: str = ""
    """The name the page gives the day the period really ends on, when that day is no weekday."""


CASES = [
    Case("2024-03-04", "2024-03-25", "Mon + 21 = Mon 25 March, a working day"),
    Case("2024-09-07", "2024-09-30", "Sat + 21 = Sat 28 Sep → Sun → Mon 30", "lördag"),
    Case(
        "2024-05-31",
        "2024-06-24",
        "+ 21 = midsommarafton 21 June → midsommardagen, Sun → Mon",
        "midsommarafton",
    ),
    Case("2025-05-30", "2025-06-23", "+ 21 = midsommarafton 20 June 2025 → Mon 23", "midsommarafton"),
    Case("2024-12-03", "2024-12-27", "+ 21 = julafton (Tue) → juldagen → annandag jul → Fri 27", "julafton"),
    Case("2026-12-03", "2026-12-28", "+ 21 = julafton (Thu) → juldagen, Sat, Sun → Mon 28", "julafton"),
    Case("2024-12-10", "2025-01-02", "+ 21 = nyårsafton → nyårsdagen → Thu 2 Jan 2025", "nyårsafton"),
    Case("2025-03-31", "2025-04-22", "+ 21 = annandag påsk 21 April 2025 → Tue 22", "annandag påsk"),
    Case("2024-03-11", "2024-04-02", "+ 21 = annandag påsk 1 April 2024 → Tue 2", "annandag påsk"),
    Case("2024-05-16", "2024-06-07", "+ 21 = nationaldagen 6 June 2024 (Thu) → Fri 7", "nationaldagen"),
    Case("2023-05-16", "2023-06-07", "+ 21 = nationaldagen 6 June 2023 (Tue) → Wed 7", "nationaldagen"),
    Case("2003-05-16", "2003-06-06", "+ 21 = Fri 6 June 2003: no holiday before lag (2004:1320)"),
    Case(
        "2004-05-10",
        "2004-06-01",
        "+ 21 = annandag pingst 31 May 2004, then a holiday → Tue",
        "annandag pingst",
    ),
]

MONTHS = ("januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober",
          "november", "december")  # fmt: skip


def swedish(iso: str) -> str:
    day = dt.date.fromisoformat(iso)
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def meeting_day(case: Case) -> str:
    """The meeting: ten days before the notice (justerat in between)."""
    return (dt.date.fromisoformat(case.anslag) - dt.timedelta(days=10)).isoformat()


def files() -> dict[str, str]:
    out = {}
    for number, case in enumerate(CASES, start=1):
        day = meeting_day(case)
        justerat = (dt.date.fromisoformat(case.anslag) - dt.timedelta(days=3)).isoformat()
        out[f"content/ks/{day}-{number}.md"] = record(
            f"titel: Ärende {number} med anslag {case.anslag}",
            "typ: protokollsutdrag",
            f"datum: {day}",
            "nämnd: KS",
            f"paragraf: {number}",
            f"diarienummer: KS 2024/{number}",
            f"justerat: {justerat}",
            f"anslag: {case.anslag}",
        )
    return out


def record_path(number: int) -> str:
    case = CASES[number - 1]
    return f"sjovik/ks/{meeting_day(case)}/{number}-arende-{number}-med-anslag-{case.anslag}/"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_site(tmp_path_factory.mktemp("overklagandetid"), files())


@pytest.fixture(scope="module")
def early(site: Path) -> Built:
    """A build before every notice: each page shows its last day, none has run out."""
    built = build(site, "2003-01-02", site.parent / "out-early")
    assert built.code == 0, built.stderr
    return built


@pytest.mark.parametrize("number", range(1, len(CASES) + 1), ids=[c.anslag for c in CASES])
def test_the_decision_page_shows_the_last_day_to_appeal(early: Built, number: int) -> None:
    case = CASES[number - 1]
    page = early.page(record_path(number))
    assert f'<dt>Sista dag att överklaga</dt><dd><strong><time datetime="{case.last_day}">' in page, case.why
    box = section(page, "overklaga")
    assert f'<time datetime="{case.last_day}">' in box, case.why
    assert f"senast {swedish(case.last_day)}." in text(box), case.why


@pytest.mark.parametrize("number", range(1, len(CASES) + 1), ids=[c.anslag for c in CASES])
def test_the_meeting_page_shows_the_same_last_day(early: Built, number: int) -> None:
    case = CASES[number - 1]
    page = early.page(f"sjovik/ks/{meeting_day(case)}/")
    assert f'<time datetime="{case.last_day}">' in section(page, "overklaga"), case.why
    assert f"Sista dag att överklaga {swedish(case.last_day)}" in main_text(page), case.why


@pytest.mark.parametrize("number", range(1, len(CASES) + 1), ids=[c.anslag for c in CASES])
def test_a_moved_deadline_says_why_in_plain_words(early: Built, number: int) -> None:
    case = CASES[number - 1]
    box = text(section(early.page(record_path(number)), "overklaga"))
    nominal = (dt.date.fromisoformat(case.anslag) + dt.timedelta(days=21)).isoformat()
    if case.moved_because:
        assert (
            f"Överklagandetiden slutar egentligen {swedish(nominal)}, som är {case.moved_because}. "
            "Då räcker det att överklagandet kommer in nästa vardag"
        ) in box
    else:
        assert "egentligen" not in box


def board_titles(built: Built) -> set[str]:
    minutes = section(built.page("anslagstavla/"), "justerade")
    return {text(h) for h in re.findall(r"<h3>.*?</h3>", minutes, re.S)}


def expected_on_board(day: dt.date) -> set[str]:
    """The meetings whose notice is up on ``day``: from anslag through the last day, from the table."""
    return {
        f"Kommunstyrelsen, sammanträde {swedish(meeting_day(c))}"
        for c in CASES
        if dt.date.fromisoformat(c.anslag) <= day <= dt.date.fromisoformat(c.last_day)
    }


BOARD_DAYS = sorted(
    {c.last_day for c in CASES}
    | {(dt.date.fromisoformat(c.last_day) + dt.timedelta(days=1)).isoformat() for c in CASES}
)


@pytest.mark.parametrize("day", BOARD_DAYS)
def test_the_notice_board_on_each_last_day_and_the_day_after(site: Path, day: str) -> None:
    built = build(site, day, site.parent / f"out-{day}")
    assert built.code == 0, built.stderr
    assert board_titles(built) == expected_on_board(dt.date.fromisoformat(day))


def test_after_the_last_day_the_page_says_the_time_has_run_out(site: Path) -> None:
    built = build(site, "2024-12-28", site.parent / "out-expired")
    box = text(section(built.page(record_path(5)), "overklaga"))  # anslag 2024-12-03
    assert "Tiden för att överklaga gick ut 27 december 2024." in box
    assert "Vem kan överklaga?" not in box
    still_open = text(section(built.page(record_path(7)), "overklaga"))  # anslag 2024-12-10
    assert "Sista dag att överklaga: torsdag 2 januari 2025" in still_open


OTHER_FILES = {
    "content/ks/2024-11-25-12.md": record(
        "titel: Detaljplan för Sjöviks hamn",
        "typ: protokollsutdrag",
        "datum: 2024-11-25",
        "nämnd: KS",
        "paragraf: 12",
        "diarienummer: KS 2024/12",
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
    # A meeting whose only decision is preparatory.
    "content/ks/2024-10-07-3.md": record(
        "titel: Överlämnar motionen till fullmäktige",
        "typ: protokollsutdrag",
        "datum: 2024-10-07",
        "nämnd: KS",
        "paragraf: 3",
        "anslag: 2024-10-10",
        "överklagbar: false",
    ),
    # Minutes whose notice has not been posted yet.
    "content/ks/2024-12-09-1.md": record(
        "titel: Taxor 2025",
        "typ: protokollsutdrag",
        "datum: 2024-12-09",
        "nämnd: KS",
        "paragraf: 1",
    ),
    "content/delegation/2024-11-20-bidrag-till-foreningen-sjoviks-if.md": record(
        "titel: Bidrag till föreningen Sjöviks IF",
        "typ: delegationsbeslut",
        "datum: 2024-11-20",
        "diarienummer: KS 2024/91",
        "anslag: 2024-12-03",
    ),
    "content/raddning/fs/2024-11-26-4.md": record(
        "titel: Ny brandstation",
        "typ: protokollsutdrag",
        "organisation: raddning",
        "datum: 2024-11-26",
        "nämnd: FS",
        "paragraf: 4",
        "anslag: 2024-12-03",
    ),
    "content/tjansteskrivelser/2024-10-01-utredning-om-sjoviks-hamn.md": record(
        "titel: Utredning om Sjöviks hamn",
        "typ: tjänsteskrivelse",
        "datum: 2024-10-01",
        "diarienummer: KS 2024/12",
    ),
}


@pytest.fixture(scope="module")
def other(tmp_path_factory: pytest.TempPathFactory) -> Built:
    site = write_site(tmp_path_factory.mktemp("overklagbar"), OTHER_FILES)
    built = build(site, "2024-12-10")
    assert built.code == 0, built.stderr
    return built


def test_the_appeal_box_says_who_what_where_and_by_when(other: Built) -> None:
    box = text(section(other.page("sjovik/ks/2024-11-25/12-detaljplan-for-sjoviks-hamn/"), "overklaga"))
    assert "Sista dag att överklaga: fredag 27 december 2024" in box
    assert "Vem kan överklaga? Alla som är medlemmar i Sjöviks kommun" in box
    assert "folkbokförd där, äger fast egendom där eller betalar kommunalskatt där" in box
    assert (
        "Vad ska du skriva? Skriv vilket beslut du överklagar, beslutet av Kommunstyrelsen den "
        "25 november 2024, § 12, och varför du anser att det inte är lagligt."
    ) in box
    assert "Ange gärna diarienummer KS 2024/12." in box
    assert "Vart skickar du överklagandet? Till Förvaltningsrätten i Göteborg." in box
    assert "Överklagandet ska ha kommit in till domstolen senast 27 december 2024." in box
    assert 'href="/beslut/sjovik/overklaga/"' in section(
        other.page("sjovik/ks/2024-11-25/12-detaljplan-for-sjoviks-hamn/"), "overklaga"
    )


def test_each_organisation_names_its_own_court(other: Built) -> None:
    box = text(section(other.page("raddning/fs/2024-11-26/4-ny-brandstation/"), "overklaga"))
    assert "Till Förvaltningsrätten i Jönköping." in box
    assert "medlemmar i Räddningstjänsten Sjöviksbygden" in box


def test_a_decision_that_cannot_be_appealed_shows_no_date_and_says_why(other: Built) -> None:
    page = other.page("sjovik/ks/2024-11-25/13-remissvar-om-regional-plan/")
    assert "Sista dag att överklaga" not in page
    assert 'id="overklaga"' not in page
    assert (
        "Beslutet kan inte överklagas, eftersom det bara förbereder eller verkställer ett ärende "
        "(kommunallagen 13 kap. 2 §)."
    ) in main_text(page)


def test_a_meeting_with_only_preparatory_decisions_says_so(other: Built) -> None:
    page = other.page("sjovik/ks/2024-10-07/")
    assert "Sista dag att överklaga" not in page
    assert "Besluten från sammanträdet kan inte överklagas" in main_text(page)


def test_a_meeting_with_an_appealable_decision_shows_its_date(other: Built) -> None:
    page = other.page("sjovik/ks/2024-11-25/")
    assert "Sista dag att överklaga 27 december 2024" in main_text(page)


def test_minutes_without_anslag_say_the_date_is_not_yet_known(other: Built) -> None:
    page = other.page("sjovik/ks/2024-12-09/1-taxor-2025/")
    assert "<dt>Sista dag att överklaga</dt>" not in page and 'id="overklaga"' not in page
    assert "anslagsdatum är ännu inte publicerat" in main_text(page)


def test_a_delegationsbeslut_shows_its_last_day_and_instructions(other: Built) -> None:
    page = other.page("sjovik/delegationsbeslut/2024-11-20-bidrag-till-foreningen-sjoviks-if/")
    box = text(section(page, "overklaga"))
    assert "Sista dag att överklaga: fredag 27 december 2024" in box
    assert "beslutet ”Bidrag till föreningen Sjöviks IF” den 20 november 2024" in box


def test_papers_that_are_no_decision_have_no_appeal_text(other: Built) -> None:
    page = other.page("sjovik/tjansteskrivelser/2024-10-01-utredning-om-sjoviks-hamn/")
    assert "överklag" not in main_text(page).lower()


def test_the_appeal_text_is_kept_out_of_the_search_index(other: Built) -> None:
    """The index holds the decision's own words, not the appeal box every decision has."""
    path = "sjovik/ks/2024-11-25/12-detaljplan-for-sjoviks-hamn/"
    assert "Sista dag att överklaga" in other.page(path)
    [indexed] = [p for p in indexed_pages(other.out) if p["url"] == path]
    assert "Detaljplan" in str(indexed["meta"])
    assert "överklaga" not in str(indexed["content"]).lower()
