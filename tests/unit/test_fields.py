"""Reading typed values from YAML, each problem located and explained, every problem collected."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from generator.base.fields import FieldReader
from generator.base.yamltext import YamlDocument, parse_yaml_mapping


def reader_for(text: str) -> tuple[FieldReader, dict[str, Any]]:
    """Return a reader over front matter ``text`` (which starts on file line 2) and its data."""
    doc = parse_yaml_mapping(text, "content/a.md", first_line=2, field_name="front matter")
    assert isinstance(doc, YamlDocument), doc
    return FieldReader("content/a.md", doc.keys, doc.values), doc.data


def only_problem(reader: FieldReader) -> tuple[int, int, str, str, str]:
    [d] = reader.diagnostics
    return d.line, d.column, d.field, d.message, d.hint


# text


def test_text_strips_and_accepts_numbers() -> None:
    reader, data = reader_for("titel: '  Budget  '\ndiarienummer: 2024\n")

    assert reader.text(data["titel"], ("titel",), "titel") == "Budget"
    assert reader.text(data["diarienummer"], ("diarienummer",), "diarienummer") == "2024"
    assert reader.diagnostics == []


def test_a_required_text_that_is_absent_is_reported_at_the_opening_fence() -> None:
    reader, data = reader_for("typ: nyhet\n")

    reader.text(data.get("titel"), ("titel",), "titel", required=True, hint="skriv titel: Budget")

    assert only_problem(reader) == (1, 1, "titel", "titel saknas", "skriv titel: Budget")


def test_a_required_text_written_empty_is_reported_at_its_key() -> None:
    reader, data = reader_for("typ: nyhet\ntitel:\n")

    reader.text(data.get("titel"), ("titel",), "titel", required=True)

    assert only_problem(reader) == (3, 1, "titel", "titel har inget värde", "skriv titel: och ett värde")


@pytest.mark.parametrize("value", ["true", "[a, b]", "{a: b}"])
def test_a_list_mapping_or_boolean_is_not_a_text(value: str) -> None:
    reader, data = reader_for(f"titel: {value}\n")

    assert reader.text(data["titel"], ("titel",), "titel") is None
    assert only_problem(reader)[:4] == (2, 8, "titel", "ska vara en text")


def test_text_list_accepts_a_single_text_as_a_list() -> None:
    reader, data = reader_for("taggar: budget\nmottagare: [KS, KF]\n")

    assert reader.text_list(data["taggar"], ("taggar",), "taggar") == ("budget",)
    assert reader.text_list(data["mottagare"], ("mottagare",), "mottagare") == ("KS", "KF")


# dates


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("2024-03-11", (dt.date(2024, 3, 11), None)),
        ("2015-08-28 07:52", (dt.date(2015, 8, 28), dt.time(7, 52))),
        ("2015-08-28T07:52:30", (dt.date(2015, 8, 28), dt.time(7, 52, 30))),
    ],
)
def test_dates_and_times_are_read(written: str, expected: tuple[dt.date, dt.time | None]) -> None:
    reader, data = reader_for(f"datum: {written}\n")

    assert reader.date_time(data["datum"], ("datum",), "datum") == expected
    assert reader.diagnostics == []


def test_an_impossible_date_says_how_long_the_month_is() -> None:
    reader, data = reader_for("datum: 2018-02-30\n")

    assert reader.date_time(data["datum"], ("datum",), "datum") is None
    assert only_problem(reader) == (
        2,
        8,
        "datum",
        "2018-02-30 finns inte i kalendern",
        "februari 2018 har 28 dagar; kontrollera dagen",
    )


def test_a_month_out_of_range_is_explained() -> None:
    reader, data = reader_for("datum: 2024-13-01\n")

    reader.date(data["datum"], ("datum",), "datum")

    assert "månaden" in only_problem(reader)[4]


def test_a_day_first_date_is_rewritten_for_the_author() -> None:
    reader, data = reader_for("datum: 28/11/2018\n")

    reader.date_time(data["datum"], ("datum",), "datum")

    assert only_problem(reader)[3:] == (
        '"28/11/2018" är inte ett datum',
        "skriv datumet som ÅÅÅÅ-MM-DD: datum: 2018-11-28",
    )


def test_a_time_where_only_a_date_is_allowed_is_an_error() -> None:
    reader, data = reader_for("justerat: 2024-03-11 10:00\n")

    assert reader.date(data["justerat"], ("justerat",), "justerat") is None
    assert only_problem(reader)[2] == "justerat"


def test_an_impossible_time_is_an_error() -> None:
    reader, data = reader_for("datum: 2024-03-12 25:00\n")

    assert reader.date_time(data["datum"], ("datum",), "datum") is None
    assert only_problem(reader)[3] == '"2024-03-12 25:00" har en omöjlig tid'


def test_a_missing_required_date_is_reported() -> None:
    reader, data = reader_for("titel: Budget\n")

    reader.date_time(data.get("datum"), ("datum",), "datum", required=True)

    assert only_problem(reader)[:4] == (1, 1, "datum", "datum saknas")


# booleans, mappings, lists


def test_a_boolean_falls_back_to_its_default() -> None:
    reader, data = reader_for("utkast: true\n")

    assert reader.boolean(data["utkast"], ("utkast",), "utkast", False) is True
    assert reader.boolean(None, ("överklagbar",), "överklagbar", True) is True


def test_a_word_is_not_a_boolean() -> None:
    reader, data = reader_for("överklagbar: kanske\n")

    assert reader.boolean(data["överklagbar"], ("överklagbar",), "överklagbar", True) is True
    assert only_problem(reader) == (
        2,
        14,
        "överklagbar",
        '"kanske" är inte sant eller falskt',
        "skriv överklagbar: true eller false",
    )


def test_mapping_list_reports_each_item_that_is_not_a_mapping() -> None:
    reader, data = reader_for("bilagor:\n  - titel: A\n  - B.pdf\n")

    items = reader.mapping_list(data["bilagor"], ("bilagor",), "bilagor", "bilagor: [{titel: A}]")

    assert items == [(0, {"titel": "A"})]
    assert only_problem(reader)[:4] == (4, 5, "bilagor", "varje post ska vara nyckel: värde-par")


def test_a_text_where_a_list_is_expected_is_reported() -> None:
    reader, data = reader_for("bilagor: protokoll.pdf\n")

    assert reader.mapping_list(data["bilagor"], ("bilagor",), "bilagor", "…") == []
    assert only_problem(reader)[3] == "ska vara en lista"


# unknown keys


def test_an_unknown_key_names_the_closest_known_one() -> None:
    reader, data = reader_for("titell: Budget\n")

    reader.unknown_keys(data, (), ("titel", "typ", "datum"))

    assert only_problem(reader) == (2, 1, "titell", 'okänd nyckel "titell"', 'menade du "titel"?')


def test_a_misspelled_key_is_not_also_reported_missing() -> None:
    reader, data = reader_for("titell: Budget\n")

    reader.unknown_keys(data, (), ("titel", "typ"))
    reader.text(data.get("titel"), ("titel",), "titel", required=True)

    assert [d.field for d in reader.diagnostics] == ["titell"]


def test_an_unknown_key_far_from_every_known_one_lists_them_or_gives_the_fallback() -> None:
    reader, data = reader_for("qwerty: 1\n")

    reader.unknown_keys(data, (), ("titel", "typ"))
    reader.unknown_keys(data, (), ("titel", "typ"), "skriv egna uppgifter under extra:")

    assert [d.hint for d in reader.diagnostics] == [
        "tillåtna nycklar: titel, typ",
        "skriv egna uppgifter under extra:",
    ]


def test_an_unknown_nested_key_names_its_section_as_the_field() -> None:
    reader, data = reader_for("bilagor:\n  - titel: Protokoll\n    fill: p.pdf\n")

    reader.unknown_keys(data["bilagor"][0], ("bilagor", 0), ("titel", "fil", "sekretess"))

    assert only_problem(reader) == (4, 5, "bilagor", 'okänd nyckel "fill"', 'menade du "fil"?')


def test_every_problem_is_collected_not_only_the_first() -> None:
    reader, data = reader_for("datum: 2018-02-30\nutkast: kanske\ntitell: x\n")

    reader.unknown_keys(data, (), ("titel", "datum", "utkast"))
    reader.date(data["datum"], ("datum",), "datum")
    reader.boolean(data["utkast"], ("utkast",), "utkast", False)

    assert sorted(d.line for d in reader.diagnostics) == [2, 3, 4]
