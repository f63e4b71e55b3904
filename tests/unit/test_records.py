"""Validating one record against the content contract: defaults, aliases, and every problem located."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from generator.base.diagnostics import Diagnostic
from generator.base.record import Attachment, Image, Reservation
from tests.conftest import SITE_YAML, make_site, record_text, valid_record, validate_file

PATH = "content/ks/2024-03-11-12.md"
PARAGRAF = ("titel: Budget 2024", "typ: protokollsutdrag", "datum: 2024-03-11", "nämnd: KS", "paragraf: 12")

TWO_ORGANISATIONS = (
    SITE_YAML
    + """\
  - name: Räddningstjänsten Sjövik-Åby
    protocol_location: Brandstationen
    appeal_court: Förvaltningsrätten i Göteborg
    boards:
      - {name: Direktionen, short: DIR}
"""
)


def write(tmp_path: Path, *lines: str, body: str = "Texten.\n", site_yaml: str = SITE_YAML) -> Path:
    return make_site(tmp_path, {PATH: record_text(*lines, body=body)}, site_yaml)


def problems(tmp_path: Path, *lines: str, **files: str | bytes) -> list[str]:
    """Return the formatted diagnostics of one record (``files`` are extra files beside it)."""
    site = make_site(
        tmp_path, {PATH: record_text(*lines), **{f"content/ks/{k}": v for k, v in files.items()}}
    )
    _, found = validate_file(site, PATH)
    return [d.format() for d in sorted(found, key=Diagnostic.sort_key)]


def test_a_protokollsutdrag_becomes_a_typed_record(tmp_path: Path) -> None:
    rec = valid_record(write(tmp_path, *PARAGRAF, "diarienummer: KS-2024/12"), PATH)

    assert (rec.titel, rec.typ.key, rec.datum, rec.tid) == (
        "Budget 2024",
        "protokollsutdrag",
        dt.date(2024, 3, 11),
        None,
    )
    assert (rec.namnd, rec.paragraf, rec.diarienummer) == ("KS", "12", "KS-2024/12")
    assert rec.body == "\nTexten.\n"
    assert rec.body_line == 9  # the blank line after the closing --- on line 8


def test_organisation_defaults_to_the_first_declared(tmp_path: Path) -> None:
    rec = valid_record(write(tmp_path, *PARAGRAF, site_yaml=TWO_ORGANISATIONS), PATH)

    assert rec.organisation == "sjoviks-kommun"


def test_organisation_may_be_named_by_name_or_slug(tmp_path: Path) -> None:
    lines = ("titel: Brandstation", "typ: protokollsutdrag", "datum: 2024-03-04", "nämnd: DIR", "paragraf: 5")
    by_name = valid_record(
        write(
            tmp_path / "a", *lines, "organisation: Räddningstjänsten Sjövik-Åby", site_yaml=TWO_ORGANISATIONS
        ),
        PATH,
    )
    by_slug = valid_record(
        write(
            tmp_path / "b", *lines, "organisation: raddningstjansten-sjovik-aby", site_yaml=TWO_ORGANISATIONS
        ),
        PATH,
    )

    assert by_name.organisation == by_slug.organisation == "raddningstjansten-sjovik-aby"


def test_a_board_may_be_named_by_name_or_short_code_and_is_kept_as_short_code(tmp_path: Path) -> None:
    lines = [line.replace("nämnd: KS", "nämnd: Kommunstyrelsens arbetsutskott") for line in PARAGRAF]

    assert valid_record(write(tmp_path, *lines), PATH).namnd == "KSAU"


@pytest.mark.parametrize(
    ("ascii_key", "field", "value"),
    [
        ("namnd: KSAU", "namnd", "KSAU"),
        ("handlaggare: Anna Svensson", "handlaggare", "Anna Svensson"),
        ("forfattare: Per Olsson", "forfattare", "Per Olsson"),
        ("overklagbar: false", "overklagbar", False),
    ],
)
def test_ascii_spellings_of_swedish_keys_are_accepted(
    tmp_path: Path, ascii_key: str, field: str, value: object
) -> None:
    lines = [line for line in PARAGRAF if not line.startswith("nämnd")] + ["nämnd: KS"] * (field != "namnd")
    rec = valid_record(write(tmp_path, *lines, ascii_key), PATH)

    assert getattr(rec, field) == value


@pytest.mark.parametrize(
    ("typ", "appealable"),
    [("protokollsutdrag", True), ("delegationsbeslut", True), ("tjänsteskrivelse", False), ("nyhet", False)],
)
def test_overklagbar_defaults_by_document_type(tmp_path: Path, typ: str, appealable: bool) -> None:
    lines = [line.replace("protokollsutdrag", typ) for line in PARAGRAF]

    assert valid_record(write(tmp_path, *lines), PATH).overklagbar is appealable


def test_overklagbar_false_is_kept_for_a_preparatory_decision(tmp_path: Path) -> None:
    assert valid_record(write(tmp_path, *PARAGRAF, "överklagbar: false"), PATH).overklagbar is False


@pytest.mark.parametrize(
    ("written", "kept"),
    [("12", "12"), ("12a", "12a"), ("12A", "12a"), ('"205"', "205"), ("012", "12"), ('"012b"', "12b")],
)
def test_paragraf_is_a_number_with_an_optional_letter(tmp_path: Path, written: str, kept: str) -> None:
    lines = [*PARAGRAF[:4], f"paragraf: {written}"]

    assert valid_record(write(tmp_path, *lines), PATH).paragraf == kept


@pytest.mark.parametrize("written", ["0", "00", '"0"', "0a", "-3", "1:30", "0x1F", "1_2"])
def test_paragraf_numbers_start_at_1_and_are_written_as_decimals(tmp_path: Path, written: str) -> None:
    """§ 0 does not exist; ``1:30`` (YAML 1.1: 90), ``0x1F`` and ``1_2`` are no § numbers as written."""
    record, problems = validate_file(write(tmp_path, *PARAGRAF[:4], f"paragraf: {written}"), PATH)

    assert record is None
    assert [(p.line, p.column, p.field) for p in problems] == [(6, 11, "paragraf")]
    assert problems[0].hint == "skriv bara numret, ev. med en bokstav: paragraf: 12 eller paragraf: 12a"


def test_news_may_carry_a_time(tmp_path: Path) -> None:
    rec = valid_record(write(tmp_path, "titel: Ny skola", "typ: nyhet", "datum: 2015-08-28 07:52"), PATH)

    assert (rec.datum, rec.tid) == (dt.date(2015, 8, 28), dt.time(7, 52))


def test_attachments_images_reservations_and_references_are_read(tmp_path: Path) -> None:
    site = make_site(
        tmp_path,
        {
            PATH: record_text(
                *PARAGRAF,
                "bilagor:",
                "  - {titel: Budgetförslag, fil: budget.pdf}",
                "  - {titel: Utredning, sekretess: OSL 26 kap. 1 §}",
                "bild: {fil: bilder/stadshuset.jpg, alt: Stadshuset i Sjövik}",
                "reservationer:",
                "  - {namn: Anna Svensson, parti: S, text: Vi yrkar avslag.}",
                "relaterade:",
                "  - KS 2024-02-12 § 9",
                "  - KS-2023/100",
                "extra: {färg: blå}",
            ),
            "content/ks/budget.pdf": b"%PDF-1.4\n",
            "content/ks/bilder/stadshuset.jpg": b"\xff\xd8\xff",
        },
    )

    rec = valid_record(site, PATH)

    assert rec.bilagor == (
        Attachment("Budgetförslag", "ks/budget.pdf", None),
        Attachment("Utredning", None, "OSL 26 kap. 1 §"),
    )
    assert rec.bild == Image("ks/bilder/stadshuset.jpg", "Stadshuset i Sjövik")
    assert rec.reservationer == (Reservation("Anna Svensson", "S", "Vi yrkar avslag."),)
    assert [(r.text, r.line) for r in rec.relaterade] == [("KS 2024-02-12 § 9", 14), ("KS-2023/100", 15)]
    assert rec.extra == {"färg": "blå"}


def test_line_of_finds_where_a_key_was_written(tmp_path: Path) -> None:
    rec = valid_record(write(tmp_path, *PARAGRAF), PATH)

    assert rec.line_of("paragraf") == 6


# problems


def test_an_unknown_key_far_from_every_known_one_points_to_extra(tmp_path: Path) -> None:
    assert problems(tmp_path, *PARAGRAF, "färg: blå") == [
        f'{PATH}:7:1: fel: färg: okänd nyckel "färg"\n'
        "    tips: uppgifter som avtalet inte känner till skrivs under extra:, t.ex. extra: {nyckel: värde}"
    ]


def test_a_misspelled_required_key_is_one_error(tmp_path: Path) -> None:
    lines = [line.replace("paragraf:", "pargraf:") for line in PARAGRAF]

    assert problems(tmp_path, *lines) == [
        f'{PATH}:6:1: fel: pargraf: okänd nyckel "pargraf"\n    tips: menade du "paragraf"?'
    ]


def test_both_spellings_of_one_key_are_an_error_at_the_second(tmp_path: Path) -> None:
    assert problems(tmp_path, *PARAGRAF, "namnd: KS") == [
        f"{PATH}:7:1: fel: nämnd: namnd och nämnd är samma nyckel (även på rad 5)\n"
        "    tips: ta bort den ena raden"
    ]


def test_a_board_of_another_organisation_says_which(tmp_path: Path) -> None:
    lines = [line.replace("nämnd: KS", "nämnd: Direktionen") for line in PARAGRAF]
    site = write(tmp_path, *lines, site_yaml=TWO_ORGANISATIONS)

    _, [problem] = validate_file(site, PATH)

    assert problem.message == 'nämnden "Direktionen" finns inte i Sjöviks kommun'
    assert problem.hint == (
        "nämnden hör till Räddningstjänsten Sjövik-Åby: skriv organisation: Räddningstjänsten Sjövik-Åby"
    )


def test_minutes_and_notices_need_a_board(tmp_path: Path) -> None:
    assert problems(tmp_path, "titel: Kallelse", "typ: kallelse", "datum: 2024-03-11") == [
        f"{PATH}:1:1: fel: nämnd: nämnd saknas (krävs för kallelse)\n"
        "    tips: skriv nämnd: och nämndens namn eller kortnamn, t.ex. nämnd: KF"
    ]


def test_an_unknown_type_lists_close_matches(tmp_path: Path) -> None:
    lines = [line.replace("protokollsutdrag", "protokolsutdrag") for line in PARAGRAF]

    assert problems(tmp_path, *lines) == [
        f'{PATH}:3:6: fel: typ: okänd dokumenttyp "protokolsutdrag"\n    tips: menade du "protokollsutdrag"?'
    ]


def test_a_missing_type_lists_the_types(tmp_path: Path) -> None:
    [problem] = problems(tmp_path, "titel: Budget", "datum: 2024-03-11")

    assert "typ saknas" in problem
    assert "protokollsutdrag, protokoll, kallelse" in problem


@pytest.mark.parametrize(
    ("dates", "line", "message"),
    [
        (("justerat: 2024-03-10",), 7, "justerat (2024-03-10) ligger före datum (2024-03-11)"),
        (
            ("justerat: 2024-03-15", "anslag: 2024-03-14"),
            8,
            "anslag (2024-03-14) ligger före justerat (2024-03-15)",
        ),
        (("anslag: 2024-03-01",), 7, "anslag (2024-03-01) ligger före datum (2024-03-11)"),
    ],
)
def test_datum_justerat_anslag_must_be_in_order(
    tmp_path: Path, dates: tuple[str, ...], line: int, message: str
) -> None:
    [problem] = problems(tmp_path, *PARAGRAF, *dates)

    assert problem.startswith(f"{PATH}:{line}:")
    assert message in problem
    assert "datum ≤ justerat ≤ anslag" in problem


def test_avpublicera_must_come_after_publicera(tmp_path: Path) -> None:
    [problem] = problems(tmp_path, *PARAGRAF, "publicera: 2024-04-01", "avpublicera: 2024-03-01")

    assert "avpublicera ligger före publicera" in problem


def test_a_bad_slug_gets_a_good_one_suggested(tmp_path: Path) -> None:
    assert problems(tmp_path, *PARAGRAF, "slug: Budget för 2024") == [
        f'{PATH}:7:7: fel: slug: "Budget för 2024" kan inte stå i en webbadress\n'
        "    tips: skriv bara a-z, 0-9 och -, t.ex. slug: budget-for-2024"
    ]


def test_an_attachment_with_both_fil_and_sekretess_is_refused(tmp_path: Path) -> None:
    [problem] = problems(
        tmp_path,
        *PARAGRAF,
        "bilagor:",
        "  - {titel: Utredning, fil: u.pdf, sekretess: OSL 26 kap. 1 §}",
        **{"u.pdf": b"%PDF"},
    )

    assert "en sekretessbelagd bilaga publiceras inte och har ingen fil" in problem


def test_an_attachment_may_not_leave_content(tmp_path: Path) -> None:
    [problem] = problems(tmp_path, *PARAGRAF, "bilagor:", "  - {titel: Lösenord, fil: /etc/passwd}")

    assert '"/etc/passwd" ligger utanför content/' in problem


def test_an_empty_reservation_is_refused(tmp_path: Path) -> None:
    [problem] = problems(tmp_path, *PARAGRAF, "reservationer:", "  - {}")

    assert "reservationen är tom" in problem


def test_every_field_is_checked_even_when_the_record_is_unusable(tmp_path: Path) -> None:
    """A wrong datum must not hide a wrong överklagbar: the clerk fixes everything in one go."""
    site = write(
        tmp_path,
        "titel: Budget",
        "typ: delegationsbeslut",
        "datum: 2024-02-30",
        "överklagbar: kanske",
        "utkast: ja",
    )

    record, found = validate_file(site, PATH)

    assert record is None
    assert [d.field for d in sorted(found, key=Diagnostic.sort_key)] == ["datum", "överklagbar", "utkast"]
