"""The demo shows what the product does on any day: a made-up Exempelviks kommun whose notices are up.

site.yaml fixes the demo's build day (``demo_date: 2025-05-19``), so ``make serve`` and ``make build``
show the same notice board whatever day they run, and say so; ``--date`` still wins. Beside the five
real records (kept with their real dates), Exempelvik's records show every feature of the content
contract: a justerat protokoll with several §§ on the notice board, an upcoming fullmäktige meeting, a
reservation, a masked passage, withheld attachments, a case across two boards, a delegationsbeslut and news.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from generator.build import BuildOptions, build
from tests.integration.lawsite import main_text, section, text
from tests.integration.sitecheck import REPO, assert_built, build_site, html_files, main_of, page, tree_digest

DEMO_DATE = "2025-05-19"
KS_MEETING = "exempelvik/ks/2025-05-05/"
SALE = KS_MEETING + "43-forsaljning-av-fastigheten-exempelvik-hamnen-1-4/"
SCHOOL_BUS = KS_MEETING + "42-upphandling-av-skolskjuts-2026-2029/"
CASE = "exempelvik/arenden/ks-2023-212/"
SEEDS = {
    "alingsas/kf/2018-11-28-205-": "2018-11-28",
    "hjo/tjansteskrivelser/2024-01-10-": "2024-01-10",
    "huddinge/ksau/2021-06-09-6-": "2021-06-09",
    "nyheter/2015-08-28-": "2015-08-28T07:52:00",
    "stockholm/ks/2006-11-09-": "2006-11-09",
}
"""The five real records: the start of each file's path under content/, and the date it was written on."""


def build_without_date(out: Path, year: int) -> None:
    """Build the demo as `make build` does (no --date), with a SOURCE_DATE_EPOCH in ``year``."""
    epoch = int(dt.datetime(year, 3, 1, 12, tzinfo=dt.UTC).timestamp())
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", str(epoch))
        result = build(BuildOptions(site_dir=REPO, out=out))
    assert_built(result)
    assert result.build_date == dt.date.fromisoformat(DEMO_DATE)


@pytest.fixture(scope="module")
def today_out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo built as `make build` builds it, on a day years after its demo_date."""
    out = tmp_path_factory.mktemp("today") / "public"
    build_without_date(out, 2030)
    return out


def test_the_notice_board_built_today_lists_the_example_protokoll_and_says_which_day_it_shows(
    today_out: Path,
) -> None:
    board = page(today_out, "anslagstavla/")
    assert "Anslagstavlan visar de anslag som gäller 19 maj 2025." in main_text(board)
    assert "demowebbplats med ett fast datum" in main_text(board)
    minutes = text(section(board, "justerade"))
    for fact in (
        "Kommunstyrelsen, sammanträde 5 maj 2025",
        "Organisation Exempelviks kommun",
        "Justerat 7 maj 2025",
        "Anslaget sattes upp 8 maj 2025",
        "Förvaringsplats för protokollet Kommunkansliet, Stadshuset, Storgatan 1, Exempelvik",
        "Sista dag att överklaga 30 maj 2025",
    ):
        assert fact in minutes, fact
    assert f'href="/{KS_MEETING}"' in section(board, "justerade")
    upcoming = text(section(board, "kommande"))
    assert "Kallelse till kommunfullmäktige 16 juni 2025" in upcoming
    assert "måndag 16 juni 2025 kl. 18.30" in upcoming
    assert "Bidrag till sommarlovsaktiviteter 2025" in text(section(board, "delegation"))


def test_the_example_meeting_shows_several_paragraphs_and_a_moved_last_day(today_out: Path) -> None:
    meeting = main_text(page(today_out, KS_MEETING))
    for paragraf in ("§ 41", "§ 42", "§ 43"):
        assert paragraf in meeting
    sale = main_text(page(today_out, SALE))
    # 8 May + 21 days is Kristi himmelsfärdsdag 2025: the period ends the next weekday.
    assert "Sista dag att överklaga: fredag 30 maj 2025" in sale
    assert "29 maj 2025, som är Kristi himmelsfärdsdag" in sale


def test_the_example_shows_every_feature_of_the_contract(today_out: Path) -> None:
    sale = main_of(page(today_out, SALE))
    assert 'class="maskerat"' in sale and "sekretess enligt OSL 19 kap. 1 §" in sale
    assert sale.count('class="withheld"') == 2
    assert 'class="reservations"' in main_of(page(today_out, SCHOOL_BUS))
    case = main_text(page(today_out, CASE))
    for who in ("Kommunstyrelsen ·", "Kommunstyrelsens arbetsutskott ·", "Tjänsteskrivelse"):
        assert who in case, who
    news = main_of(page(today_out, "nyheter/"))
    assert 'href="/exempelvik/nyheter/2025-05-02-nu-publicerar-vi-besluten-pa-webben/"' in news


def test_every_page_of_the_example_organisation_says_it_is_made_up(today_out: Path) -> None:
    note = "Exempel: Exempelviks kommun är en påhittad kommun."
    example = [f for f in html_files(today_out) if f.relative_to(today_out).parts[0] == "exempelvik"]
    assert len(example) > 15
    for file in example:
        assert note in main_of(file.read_text(encoding="utf-8")), file.relative_to(today_out)
    for other in ("alingsas/", "huddinge/", "nyheter/2015-08-28-en-organisation-for-framtiden/"):
        assert note not in page(today_out, other)


def test_seed_002s_news_is_the_sites_own(today_out: Path) -> None:
    """Its source names no municipality: no organisation is shown for it, nor invented."""
    news = "nyheter/2015-08-28-en-organisation-for-framtiden/"
    main = main_of(page(today_out, news))
    assert "<dt>Organisation</dt>" not in main
    assert 'data-pagefind-filter="organisation:' not in main
    assert f'href="/{news}"' in main_of(page(today_out, "nyheter/"))


def test_the_five_real_records_keep_their_real_dates() -> None:
    records = sorted((REPO / "content").rglob("*.md"))
    real = [p for p in records if p.relative_to(REPO / "content").parts[0] != "exempelvik"]
    assert len(real) == len(SEEDS)
    for start, day in SEEDS.items():
        [file] = [p for p in real if p.relative_to(REPO / "content").as_posix().startswith(start)]
        meta = yaml.safe_load(file.read_text(encoding="utf-8").split("---")[1])
        written = meta["datum"]
        assert (written.isoformat() if hasattr(written, "isoformat") else str(written)) == day, file


def test_the_date_option_wins_over_the_demo_date(tmp_path: Path) -> None:
    out = tmp_path / "public"
    assert_built(build_site(REPO, out, "2026-11-22"))
    board = main_text(page(out, "anslagstavla/"))
    assert "Anslagstavlan visar de anslag som gäller 22 november 2026." in board
    assert "fast datum" not in board
    assert "Kommunstyrelsen, sammanträde 5 maj 2025" not in board


def test_the_demo_built_on_two_days_is_byte_identical(tmp_path: Path) -> None:
    """Without --date the demo's output does not depend on the day: SOURCE_DATE_EPOCH or the clock."""
    build_without_date(tmp_path / "a", 2027)
    build_without_date(tmp_path / "b", 2031)
    assert tree_digest(tmp_path / "a") == tree_digest(tmp_path / "b")
