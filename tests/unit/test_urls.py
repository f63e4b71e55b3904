"""Addresses: readable ASCII, derived from a record's own fields only, so they never move."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from generator.record import Record
from generator.urls import board_path, case_path, meeting_path, month_path, paged, record_path, year_path
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
            ("titel: Ny organisation", "typ: utlåtande", "datum: 2006-11-09", "nämnd: KS"),
            "sjoviks-kommun/ks/2006-11-09/ny-organisation/",
        ),
        (
            ("titel: Uppdrag att utreda kansliet", "typ: tjänsteskrivelse", "datum: 2024-01-10"),
            "sjoviks-kommun/tjansteskrivelser/2024-01-10-uppdrag-att-utreda-kansliet/",
        ),
        (
            ("titel: En organisation för framtiden", "typ: nyhet", "datum: 2015-08-28 07:52"),
            "sjoviks-kommun/nyheter/2015-08-28-en-organisation-for-framtiden/",
        ),
        (
            ("titel: Öppet hus", "typ: nyhet", "datum: 2015-08-28", "slug: oppet-hus-2015"),
            "sjoviks-kommun/nyheter/oppet-hus-2015/",
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
def test_record_addresses(tmp_path: Path, lines: tuple[str, ...], address: str) -> None:
    assert record_path(record_at(tmp_path, *lines)) == address


def test_an_address_does_not_depend_on_the_file_name_or_folder(tmp_path: Path) -> None:
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
