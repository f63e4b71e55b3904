"""Finding and resolving cross-references in the forms real Swedish minutes use."""

from __future__ import annotations

import datetime as dt

import pytest

from generator.config.parts import BoardConfig, OrganisationConfig
from generator.markdown.references import (
    Citation,
    LinkIndex,
    board_names,
    find_in_text,
    parse_related,
    resolve,
)

ORG = OrganisationConfig(
    name="Alingsås kommun",
    slug="alingsas",
    protocol_location="Kommunkansliet",
    appeal_court="Förvaltningsrätten i Göteborg",
    contact="",
    boards=(
        BoardConfig("Kommunfullmäktige", "KF", "kf", None),
        BoardConfig("Kommunstyrelsen", "KS", "ks", None),
        BoardConfig("Kommunstyrelsens arbetsutskott", "KSAU", "ksau", "KS"),
    ),
)
INDEX = LinkIndex(
    base_path="/beslut/",
    boards={"alingsas": board_names(ORG)},
    meetings={("alingsas", "KS", dt.date(2018, 5, 28)): "alingsas/ks/2018-05-28/"},
    paragraphs={("alingsas", "KS", dt.date(2018, 5, 28), "93"): "alingsas/ks/2018-05-28/93-x/"},
    minutes={("alingsas", "KS", dt.date(2017, 9, 11)): "alingsas/ks/2017-09-11/protokoll/"},
    cases={("alingsas", "219-5028-2004"): "alingsas/arenden/219-5028-2004/"},
)


def cite(text: str) -> list[tuple[str, Citation | None]]:
    return [(f.text, f.citation) for f in find_in_text(text, "alingsas", INDEX)]


def ks(day: dt.date, paragraf: str, board: str = "KS") -> Citation:
    return Citation("alingsas", board, day, paragraf)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Kommunstyrelsen beslutade den 28 maj 2018, § 93 att senarelägga uppdraget.",
            [("Kommunstyrelsen beslutade den 28 maj 2018, § 93", ks(dt.date(2018, 5, 28), "93"))],
        ),
        ("Se KF 14 juni 2017 § 142.", [("KF 14 juni 2017 § 142", ks(dt.date(2017, 6, 14), "142", "KF"))]),
        ("Se KS 2018-05-28 § 93.", [("KS 2018-05-28 § 93", ks(dt.date(2018, 5, 28), "93"))]),
        (
            "Kommunstyrelsen har behandlat ärende 12 november 2018, § 197.",
            [
                (
                    "Kommunstyrelsen har behandlat ärende 12 november 2018, § 197",
                    ks(dt.date(2018, 11, 12), "197"),
                )
            ],
        ),
        (
            "Kommunstyrelsens arbetsutskott beslutade 3 mars 2021 § 12a.",
            [
                (
                    "Kommunstyrelsens arbetsutskott beslutade 3 mars 2021 § 12a",
                    ks(dt.date(2021, 3, 3), "12a", "KSAU"),
                )
            ],
        ),
        (
            "kommunstyrelsen beslutade den 28 Maj 2018 § 93",
            [("kommunstyrelsen beslutade den 28 Maj 2018 § 93", ks(dt.date(2018, 5, 28), "93"))],
        ),
        (
            "Beslutet (dnr 219-5028/2004) gäller.",
            [("dnr 219-5028/2004", Citation("alingsas", diarienummer="219-5028/2004"))],
        ),
        (
            "Ärendet KS-2021/1202.111 bereds.",
            [("KS-2021/1202.111", Citation("alingsas", diarienummer="KS-2021/1202.111"))],
        ),
        ("Dnr: 2018.303 KS.", [("Dnr: 2018.303 KS", Citation("alingsas", diarienummer="2018.303 KS"))]),
    ],
)
def test_forms_seen_in_real_documents(text: str, expected: list[tuple[str, Citation]]) -> None:
    assert cite(text) == expected


def test_each_reference_finds_the_board_of_its_own_sentence() -> None:
    text = (
        "Kommunfullmäktige beslutade den 14 juni 2017, § 142 om planen Effekt. "
        "Kommunstyrelsen beslutade den 11 september 2017, § 159 om genomförandet."
    )
    assert [c for _, c in cite(text)] == [
        ks(dt.date(2017, 6, 14), "142", "KF"),
        ks(dt.date(2017, 9, 11), "159"),
    ]


def test_a_second_date_in_the_same_sentence_inherits_the_board() -> None:
    found = cite("KF 14 juni 2017 § 142 och 20 juni 2017 § 150")
    assert found[1] == ("20 juni 2017 § 150", ks(dt.date(2017, 6, 20), "150", "KF"))


@pytest.mark.parametrize(
    "text",
    [
        "förhandling enligt MBL § 11 avseende förslaget",
        "Den 1/9 kommer två konsulter; senast den 30/11 ska förslaget komma.",
        "behandlats i förvaltningsgruppen 20 oktober, 6 och 8 november 2006",
        "Förhandlingen avslutades 2006-11-08.",
        "telefon 0322-61 60 00, lag (2018:1937)",
    ],
)
def test_text_that_is_no_reference(text: str) -> None:
    assert cite(text) == []


def test_a_paragraph_without_a_board_is_found_but_cannot_be_resolved() -> None:
    assert cite("Beslutet den 28 maj 2018, § 93 gäller.") == [("28 maj 2018, § 93", None)]


def test_an_impossible_date_is_no_reference() -> None:
    assert cite("KS 30 februari 2018 § 3") == []


def test_resolve_to_the_paragraph_the_whole_minutes_or_the_case() -> None:
    assert resolve(ks(dt.date(2018, 5, 28), "93"), INDEX) == "alingsas/ks/2018-05-28/93-x/"
    assert resolve(ks(dt.date(2017, 9, 11), "159"), INDEX) == "alingsas/ks/2017-09-11/protokoll/"
    assert resolve(ks(dt.date(2018, 5, 28), ""), INDEX) == "alingsas/ks/2018-05-28/"
    assert resolve(ks(dt.date(2018, 5, 28), "94"), INDEX) is None
    assert (
        resolve(Citation("alingsas", diarienummer="219-5028/2004"), INDEX)
        == "alingsas/arenden/219-5028-2004/"
    )
    assert (
        resolve(Citation("alingsas", diarienummer="219-5028 / 2004"), INDEX)
        == "alingsas/arenden/219-5028-2004/"
    )
    assert resolve(Citation("huddinge", diarienummer="219-5028/2004"), INDEX) is None


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("KS 2018-05-28 § 93", ks(dt.date(2018, 5, 28), "93")),
        ("Kommunstyrelsen 2018-05-28 § 93", ks(dt.date(2018, 5, 28), "93")),
        ("KS 2018-05-28", ks(dt.date(2018, 5, 28), "")),
        ("219-5028/2004", Citation("alingsas", diarienummer="219-5028/2004")),
        ("KS 2018-02-30 § 3", '"2018-02-30" är inget giltigt datum'),
        ("XY 2018-05-28 § 3", 'nämnden "XY" finns inte i organisationen'),
    ],
)
def test_relaterade_entries(written: str, expected: Citation | str) -> None:
    assert parse_related(written, "alingsas", INDEX) == expected


def test_only_a_connecting_word_lets_a_reference_share_the_board_before_it() -> None:
    text = "KS beslutade 2021-06-09 § 12 (protokoll 20210609) och fullmäktige 14 juni 2017, § 142."
    assert [c for _, c in cite(text)] == [ks(dt.date(2021, 6, 9), "12"), None]
    assert [c for _, c in cite("KS 2018-05-28 § 93, 2018-06-11 § 101 samt den 2018-08-20 § 120")] == [
        ks(dt.date(2018, 5, 28), "93"),
        ks(dt.date(2018, 6, 11), "101"),
        ks(dt.date(2018, 8, 20), "120"),
    ]
