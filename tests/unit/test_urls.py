"""Addresses: readable ASCII, derived from a record's own fields and file name only, so they never move."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from generator.base.record import Record
from generator.base.urls import board_path, case_path, meeting_path, month_path, paged, record_path, year_path
from tests.conftest import SITE_YAML, make_site, record_text, valid_record

ANSWERS = SITE_YAML.replace(
    "      - {name: Kommunfullmäktige, short: KF}\n",
    "      - {name: Kommunfullmäktige, short: KF}\n      - {name: Äldrenämnden, short: ÄN}\n",
)


def record_at(tmp_path: Path, *lines: str, rel: str = "content/a.md") -> Record:
    return valid_record(make_site(tmp_path, {rel: record_text(*lines)}, ANSWERS), rel)


@pytest.mark.parametrize(
    ("lines", "address"),
    [
        (
            (
                "titel: Budget för 2024",
                "typ: protokollsutdrag",
                "datum: 2024-03-11",
                "nämnd: KS",
                "paragraf: 12",
            ),
            "sjoviks-kommun/ks/2024-03-11/12-budget-for-2024/",
        ),
        (
            ("titel: Budget", "typ: protokollsutdrag", "datum: 2024-03-11", "nämnd: KS", "paragraf: 12a"),
            "sjoviks-kommun/ks/2024-03-11/12a-budget/",
        ),
        (
            ("titel: Protokoll", "typ: protokoll", "datum: 2024-03-11", "nämnd: Kommunstyrelsen"),
            "sjoviks-kommun/ks/2024-03-11/protokoll/",
        ),
        (
            ("titel: Kallelse", "typ: kallelse", "datum: 2024-03-11", "nämnd: KF"),
            "sjoviks-kommun/kf/2024-03-11/kallelser/",
        ),
        (
            (
                "titel: Budget",
                "typ: protokollsutdrag",
                "datum: 2024-03-11",
                "nämnd: KS",
                "paragraf: 12",
                "slug: budget",
            ),
            "sjoviks-kommun/ks/2024-03-11/budget/",
        ),
        (
            ("titel: Äldreomsorg", "typ: protokollsutdrag", "datum: 2024-03-11", "nämnd: ÄN", "paragraf: 3"),
            "sjoviks-kommun/an/2024-03-11/3-aldreomsorg/",
        ),
    ],
)
def test_minutes_are_named_by_what_they_are(tmp_path: Path, lines: tuple[str, ...], address: str) -> None:
    """A § by its number and title, a meeting's protokoll and kallelse by their type: whatever the file."""
    assert record_path(record_at(tmp_path, *lines, rel="content/arkiv/fil.md")) == address


@pytest.mark.parametrize(
    ("rel", "lines", "address"),
    [
        # A paper of a board: the board, the day, then the file's name without the day it starts with.
        (
            "content/ks/2006-11-09-ny-organisation.md",
            (
                "titel: Ny organisation inom stadsledningskontoret",
                "typ: utlåtande",
                "datum: 2006-11-09",
                "nämnd: KS",
            ),
            "sjoviks-kommun/ks/2006-11-09/ny-organisation/",
        ),
        (
            "content/ks/remiss/yttrande-KS 2006_31.md",
            ("titel: Yttrande över remiss", "typ: utlåtande", "datum: 2006-11-09", "nämnd: KS"),
            "sjoviks-kommun/ks/2006-11-09/yttrande-ks-2006-31/",
        ),
        # Another day's date in the name is part of the name.
        (
            "content/an/2006-11-01-äldreplan.md",
            ("titel: Äldreplan", "typ: utlåtande", "datum: 2006-11-09", "nämnd: ÄN"),
            "sjoviks-kommun/an/2006-11-09/2006-11-01-aldreplan/",
        ),
        # A record of no board: its type, then the file's name, which starts with the day (not twice).
        (
            "content/tjansteskrivelser/2024-01-10-uppdrag-att-utreda-kansliet.md",
            (
                "titel: Uppdrag att utreda hur kansliet kan organiseras",
                "typ: tjänsteskrivelse",
                "datum: 2024-01-10",
            ),
            "sjoviks-kommun/tjansteskrivelser/2024-01-10-uppdrag-att-utreda-kansliet/",
        ),
        (
            "content/nyheter/En organisation för framtiden.md",
            ("titel: En organisation för framtiden", "typ: nyhet", "datum: 2015-08-28 07:52"),
            "sjoviks-kommun/nyheter/2015-08-28-en-organisation-for-framtiden/",
        ),
        (
            "content/delegation/bidrag.md",
            ("titel: Bidrag till föreningar", "typ: delegationsbeslut", "datum: 2024-03-11"),
            "sjoviks-kommun/delegationsbeslut/2024-03-11-bidrag/",
        ),
        # slug: replaces the name, with or without a board.
        (
            "content/nyheter/2015-08-28-oppet-hus.md",
            ("titel: Öppet hus", "typ: nyhet", "datum: 2015-08-28", "slug: oppet-hus-2015"),
            "sjoviks-kommun/nyheter/oppet-hus-2015/",
        ),
        (
            "content/ks/2006-11-09-ny-organisation.md",
            (
                "titel: Ny organisation",
                "typ: utlåtande",
                "datum: 2006-11-09",
                "nämnd: KS",
                "slug: stadsledningen",
            ),
            "sjoviks-kommun/ks/2006-11-09/stadsledningen/",
        ),
    ],
)
def test_other_records_are_named_by_their_file(
    tmp_path: Path, rel: str, lines: tuple[str, ...], address: str
) -> None:
    """Titles and days repeat (two yttranden on one remiss, one day); names of files in a folder do not."""
    assert record_path(record_at(tmp_path, *lines, rel=rel)) == address


def test_the_title_does_not_name_a_paper(tmp_path: Path) -> None:
    lines = ("titel: Yttrande över remiss", "typ: utlåtande", "datum: 2024-03-11", "nämnd: KS")

    first = record_at(tmp_path / "a", *lines, rel="content/ks/2024-03-11-yttrande-ks-2024-31.md")
    second = record_at(tmp_path / "b", *lines, rel="content/ks/2024-03-11-yttrande-ks-2024-32.md")
    retitled = record_at(
        tmp_path / "c",
        "titel: Yttrande över remiss om vattenplan",
        *lines[1:],
        rel="content/ks/2024-03-11-yttrande-ks-2024-31.md",
    )

    assert record_path(first) == "sjoviks-kommun/ks/2024-03-11/yttrande-ks-2024-31/"
    assert record_path(second) == "sjoviks-kommun/ks/2024-03-11/yttrande-ks-2024-32/"
    assert record_path(retitled) == record_path(first)


def test_the_address_of_a_paragraph_does_not_depend_on_the_file_name_or_folder(tmp_path: Path) -> None:
    lines = ("titel: Budget", "typ: protokollsutdrag", "datum: 2024-03-11", "nämnd: KS", "paragraf: 12")

    here = record_at(tmp_path / "a", *lines, rel="content/ks/2024-03-11-12.md")
    there = record_at(tmp_path / "b", *lines, rel="content/arkiv/gammal/fil.md")

    assert record_path(here) == record_path(there)


def test_adding_records_never_moves_an_address(tmp_path: Path) -> None:
    lines = ("titel: Budget", "typ: protokollsutdrag", "datum: 2024-03-11", "nämnd: KS", "paragraf: 12")
    alone = make_site(tmp_path / "alone", {"content/a.md": record_text(*lines)}, ANSWERS)
    crowded = make_site(
        tmp_path / "crowded",
        {
            "content/0.md": record_text(
                "titel: Budget", "typ: tjänsteskrivelse", "datum: 2024-03-11", "nämnd: KS"
            ),
            "content/a.md": record_text(*lines),
            "content/b.md": record_text(*lines[:4], "paragraf: 11"),
        },
        ANSWERS,
    )

    assert record_path(valid_record(alone, "content/a.md")) == record_path(
        valid_record(crowded, "content/a.md")
    )


def test_a_long_title_is_cut_in_the_address(tmp_path: Path) -> None:
    title = "titel: Genomförande av handlingsplan Effekt nummer sex – samla kommunens stödfunktioner"
    rec = record_at(
        tmp_path, title, "typ: protokollsutdrag", "datum: 2018-11-28", "nämnd: KF", "paragraf: 205"
    )

    last = record_path(rec).split("/")[-2]

    assert last == "205-genomforande-av-handlingsplan-effekt-nummer-sex"
    assert len(last) <= len("205-") + 50


@pytest.mark.parametrize(
    ("short", "address"), [("KS", "sjovik/ks/"), ("ÄN", "sjovik/an/"), ("KSAU", "sjovik/ksau/")]
)
def test_board_addresses_are_ascii(short: str, address: str) -> None:
    assert board_path("sjovik", short) == address


def test_meeting_address_is_the_board_and_the_day() -> None:
    assert meeting_path("sjovik", "ÄN", dt.date(2024, 3, 11)) == "sjovik/an/2024-03-11/"


@pytest.mark.parametrize(
    ("diarienummer", "address"),
    [
        ("KS-2021/1202.111", "sjovik/arenden/ks-2021-1202-111/"),
        ("2018.303 KS", "sjovik/arenden/2018-303-ks/"),
        ("041-4239/2006", "sjovik/arenden/041-4239-2006/"),
    ],
)
def test_case_addresses_come_from_the_diarienummer(diarienummer: str, address: str) -> None:
    assert case_path("sjovik", diarienummer) == address


def test_archives_and_pages() -> None:
    assert year_path(2024) == "arkiv/2024/"
    assert month_path(2024, 3) == "arkiv/2024/03/"
    assert paged("arkiv/2024/", 1) == "arkiv/2024/"
    assert paged("arkiv/2024/", 2) == "arkiv/2024/sida/2/"
