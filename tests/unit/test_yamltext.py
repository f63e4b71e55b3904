"""YAML with the line and column of every key and value, and errors a clerk can act on."""

from __future__ import annotations

import pytest

from generator.base import yamltext
from generator.base.diagnostics import Diagnostic
from generator.base.yamltext import Position, YamlDocument, parse_yaml_mapping

RECORD = """\
titel: Budget 2024
datum: 2024-03-11
reservationer:
  - namn: Anna Svensson
    parti: S
  - {namn: Per Olsson, parti: M}
bild:
  fil: bild.jpg
  alt: Stadshuset
"""


def parse(text: str, first_line: int = 1) -> YamlDocument:
    result = parse_yaml_mapping(text, "content/a.md", first_line, "front matter")
    assert isinstance(result, YamlDocument), result
    return result


def errors(text: str, first_line: int = 1) -> list[Diagnostic]:
    result = parse_yaml_mapping(text, "content/a.md", first_line, "front matter")
    assert isinstance(result, list), result
    return result


def test_values_are_plain_python() -> None:
    doc = parse(RECORD)

    assert doc.data["reservationer"][1] == {"namn": "Per Olsson", "parti": "M"}
    assert doc.data["bild"]["alt"] == "Stadshuset"


@pytest.mark.parametrize(
    ("path", "key", "value"),
    [
        (("titel",), Position(1, 1), Position(1, 8)),
        (("reservationer", 0), Position(4, 5), Position(4, 5)),
        (("reservationer", 0, "parti"), Position(5, 5), Position(5, 12)),
        (("reservationer", 1, "parti"), Position(6, 24), Position(6, 31)),
        (("bild", "alt"), Position(9, 3), Position(9, 8)),
    ],
)
def test_nested_keys_and_values_have_their_positions(
    path: tuple[str | int, ...], key: Position, value: Position
) -> None:
    doc = parse(RECORD)

    assert doc.keys.at(*path) == key
    assert doc.values.at(*path) == value


def test_an_unknown_path_falls_back_to_its_closest_written_parent() -> None:
    doc = parse(RECORD)

    assert doc.keys.at("bild", "titel") == Position(7, 1)


def test_a_key_not_written_at_all_is_located_at_the_start_of_the_file() -> None:
    """In front matter (starting on line 2) that is the opening ``---``; in site.yaml its first line."""
    assert parse("titel: x\n", first_line=2).keys.at("datum") == Position(1, 1)
    assert parse("titel: x\n", first_line=1).keys.at("datum") == Position(1, 1)


def test_positions_count_from_the_given_first_line() -> None:
    doc = parse(RECORD, first_line=2)

    assert doc.keys.at("datum") == Position(3, 1)


@pytest.mark.parametrize("text", ["datum: 2024-03-11", "datum: 2018-02-30", "datum: 2015-08-28 07:52"])
def test_timestamps_stay_strings_so_validators_can_explain_them(text: str) -> None:
    assert isinstance(parse(text).data["datum"], str)


def test_numbers_and_booleans_keep_their_yaml_types() -> None:
    doc = parse("paragraf: 12\nutkast: true\n")

    assert doc.data == {"paragraf": 12, "utkast": True}


def test_a_duplicate_key_is_reported_at_its_second_line_naming_the_first() -> None:
    [problem] = errors("titel: A\ndatum: 2024-03-11\ntitel: B\n", first_line=2)

    assert (problem.line, problem.column, problem.field) == (4, 1, "titel")
    assert problem.message == "nyckeln står två gånger (även på rad 2)"


def test_a_duplicate_nested_key_is_reported() -> None:
    [problem] = errors("bild:\n  fil: a.jpg\n  fil: b.jpg\n")

    assert (problem.line, problem.field) == (3, "fil")


def test_an_unquoted_colon_is_explained_with_the_line_quoted() -> None:
    [problem] = errors("typ: nyhet\ntitel: Beslut: budget 2024\n", first_line=2)

    assert (problem.line, problem.column) == (3, 14)
    assert problem.message == "ett kolon (:) står där ett värde väntas"
    assert problem.hint == 'sätt texten inom citattecken: titel: "Beslut: budget 2024"'


def test_a_tab_in_the_indentation_is_explained() -> None:
    [problem] = errors("bilagor:\n\t- titel: Protokoll\n")

    assert (problem.line, problem.column) == (2, 1)
    assert problem.message == "tabbtecken används för indrag"


def test_an_unclosed_flow_mapping_points_at_its_opening_brace() -> None:
    [problem] = errors("reservationer:\n  - {namn: Anna, parti: S\ntaggar: [budget]\n")

    assert (problem.line, problem.column) == (2, 5)
    assert "{ }" in problem.message
    assert "stäng den" in problem.hint


def test_a_colon_inside_a_flow_mapping_is_explained() -> None:
    [problem] = errors("bilagor: [{titel: Protokoll: bilaga, fil: p.pdf}]\n")

    assert problem.line == 1
    assert "citattecken" in problem.hint


def test_an_unclosed_quote_points_at_where_it_opens() -> None:
    [problem] = errors('titel: "Budget\ndatum: 2024-03-11\n')

    assert (problem.line, problem.column) == (1, 8)
    assert problem.message == "citattecknet som börjar här stängs aldrig"


def test_a_character_that_cannot_start_a_value_is_named() -> None:
    [problem] = errors("titel: @kommunen\n")

    assert problem.message == "tecknet @ kan inte inleda ett värde"
    assert problem.hint == 'sätt texten inom citattecken: titel: "@kommunen"'


def test_a_control_character_is_located_instead_of_crashing() -> None:
    [problem] = errors("titel: Budget\x0b2024\n", first_line=2)

    assert (problem.line, problem.column) == (2, 14)
    assert "U+000B" in problem.message


def test_a_list_instead_of_a_mapping_is_explained() -> None:
    [problem] = errors("- titel\n- datum\n")

    assert problem.message == "väntade nyckel: värde-par"
    assert problem.hint == "skriv en nyckel per rad, t.ex. titel: Budget 2024"


def test_every_syntax_message_is_swedish() -> None:
    for text in ("a: [x, y\n", "a: 1\n  b: 2\n", "a:\n  b: 1\n c: 2\n", "titel: *x*\n", "a: !tag x\n"):
        for problem in errors(text):
            assert "expected" not in problem.message
            assert "found" not in problem.message
            assert problem.hint


def test_a_misindented_key_is_not_mistaken_for_a_colon_in_a_value() -> None:
    [problem] = errors("titel: Budget\n  datum: 2024-03-11\n")

    assert (problem.line, problem.column) == (2, 8)
    assert problem.message == "raden passar inte ihop med raden ovanför"
    assert "indraget" in problem.hint


def test_text_after_a_closing_quote_is_explained() -> None:
    [problem] = errors('titel: "Budget" 2024\n')

    assert problem.message == "texten fortsätter efter citattecknet"
    assert problem.hint == "sätt hela texten inom citattecken: titel: '\"Budget\" 2024'"


def test_a_value_with_double_quotes_is_suggested_in_single_quotes() -> None:
    [problem] = errors('titel: Beslut: "Effekt" 2024\n')

    assert problem.hint == "sätt texten inom citattecken: titel: 'Beslut: \"Effekt\" 2024'"


@pytest.mark.parametrize(
    ("text", "line", "column", "key"),
    [
        ('titel: "Budget\ndatum: 2024-03-11\n', 2, 8, "titel"),
        ("typ: nyhet\ntitel: Beslut: budget 2024\n", 3, 14, "titel"),
        ('reservationer:\n  - namn: Anna\n    parti: "S\n', 4, 12, "reservationer[0].parti"),
        ('reservationer:\n  - namn: Anna\n  - namn: "Per\n', 4, 11, "reservationer[1].namn"),
        ("reservationer:\n  - {namn: Anna, parti: S\ntaggar: [budget]\n", 3, 5, "reservationer[0]"),
        ('bild: {fil: a.jpg, alt: "Stadshuset}\n', 2, 25, "bild.alt"),
        ("bilagor:\n\t- titel: Protokoll\n", 3, 1, "bilagor"),
        ("titel: Budget\n  datum: 2024-03-11\n", 3, 8, "datum"),
        ("bild:\n  fil: a.jpg\n alt: Stadshuset\n", 4, 2, "alt"),
    ],
)
def test_a_syntax_error_names_the_key_it_stands_under(text: str, line: int, column: int, key: str) -> None:
    [problem] = errors(text, first_line=2)

    assert (problem.line, problem.column, problem.field) == (line, column, key)


def test_a_control_character_names_its_key() -> None:
    [problem] = errors("titel: Budget\nreservationer:\n  - text: Avslag\x0b\n", first_line=2)

    assert (problem.line, problem.column, problem.field) == (4, 17, "reservationer[0].text")


def test_a_syntax_error_before_any_key_names_the_file_kind() -> None:
    [problem] = errors("titel: Budget\n- datum\n")

    assert problem.field == "front matter"


@pytest.mark.parametrize(
    ("text", "column", "key"),
    [
        ("taggar: &x [*x]\n", 9, "taggar"),
        ("titel: &rubrik Budget\n", 8, "titel"),
        ("taggar:\n  - &t budget\n", 5, "taggar[0]"),
        ("extra: {a: &a [x, x], b: &b [*a, *a]}\n", 12, "extra.a"),
    ],
)
def test_anchors_are_refused_where_they_are_written(text: str, column: int, key: str) -> None:
    [problem] = errors(text)

    assert (problem.column, problem.field) == (column, key)
    assert problem.message == "YAML-ankare (&) och -referenser (*) används inte"
    assert problem.hint == (
        "skriv ut värdet där det ska stå; är & eller * en del av texten, sätt texten inom citattecken"
    )


def test_an_alias_without_anchor_is_taken_for_text_that_needs_quotes() -> None:
    [problem] = errors("titel: *Viktigt beslut\n")

    assert (problem.column, problem.field) == (8, "titel")
    assert problem.message == "ett * tolkas som en YAML-referens"
    assert problem.hint == 'sätt texten inom citattecken: titel: "*Viktigt beslut"'


@pytest.mark.parametrize(
    "value",
    ["!!python/object/apply:os.system [ls]", "!!binary aGVq", "!!set {a, b}", "!!str 12", "!lokal x"],
)
def test_explicit_tags_are_refused(value: str) -> None:
    [problem] = errors(f"titel: {value}\n")

    assert (problem.column, problem.field) == (8, "titel")
    assert problem.message == "ett värde som börjar med ! tolkas som en YAML-tagg"


def test_deep_nesting_is_refused_instead_of_exhausting_the_stack() -> None:
    [problem] = errors("extra: " + "[" * 5000 + "]" * 5000 + "\n")

    assert problem.message == "listor och mappningar ligger för djupt i varandra"
    assert problem.field.startswith("extra[0]")


def test_merge_keys_and_the_value_indicator_are_plain_text() -> None:
    """``<<`` would copy another mapping's keys in, ``=`` asked for a constructor PyYAML lacks."""
    doc = parse("<<: {titel: Budget}\ntitel: =\n")

    assert doc.data == {"<<": {"titel": "Budget"}, "titel": "="}


@pytest.mark.parametrize("number", ["9" * 5000, "0x" + "f" * 5000])
def test_a_number_too_long_to_write_out_stays_text(number: str) -> None:
    assert parse(f"paragraf: {number}\n").data == {"paragraf": number}


# Every snippet is parsed by libyaml first (when PyYAML has it) and again by the pure-Python parser
# unless it is a clean mapping; both must give the same data, positions and diagnostics.
BOTH_PARSERS = [
    RECORD,
    "nämnd: KS\nsammanfattning: Åtgärder för ökad trygghet i Östra hamnen\nparagraf: 12a\n",
    "titel: 'Budget: 2024'\nbeslut: |\n  Rad ett\n  rad två med ö\ndatum: 2024-03-11 18:00\n",
    "taggar: [skola, vård]\nextra: {färg: blå, antal: 3}\nutkast: yes\nslug: ~\n",
    "titel: Beslut: budget\n",
    'titel: "Budget 2024\ndatum: 2024-01-01\n',
    "titel: Budget\n\tdatum: 2024-01-01\n",
    "titel: Budget\ntitel: Igen\n",
    "titel: Budget\x0b\n",
    "- en lista\n- inte en mappning\n",
    "titel: [öppen\n",
    "titel: *alias\n",
    "titel: !tagg värde\n",
    "titel: Budget\n  datum: 2024-01-01\n",
    "reservationer:\n  - namn: A\n   parti: S\n",
    "",
    "# bara en kommentar\n",
    "titel: 😀 emoji före\nnämnd: KS\n",
    "titel: &a Budget\nsammanfattning: *a\n",
    "titel: !!str Budget\n",
    "extra: " + "[" * 40 + "]" * 40 + "\n",
    "paragraf: 012\nextra: {a: 0x1F, b: 1_000, c: 1:30}\n",
    "<<: {titel: Budget}\ntitel: =\n",
]


@pytest.mark.parametrize("text", BOTH_PARSERS)
def test_libyaml_and_pure_python_parse_alike(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    fast = parse_yaml_mapping(text, "content/a.md", 2, "front matter")
    monkeypatch.setattr(yamltext, "_FastLoader", None)
    slow = parse_yaml_mapping(text, "content/a.md", 2, "front matter")

    assert fast == slow


def test_a_clean_mapping_is_read_by_libyaml() -> None:
    if yamltext._FastLoader is None:
        pytest.skip("PyYAML without libyaml")
    assert yamltext._parse_clean(RECORD, "content/a.md", 0, Position(1, 1)) == parse(RECORD)
