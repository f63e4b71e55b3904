"""Splitting a record into its front matter (with positions) and its body."""

from __future__ import annotations

from pathlib import Path

from generator.base.diagnostics import Diagnostic
from generator.base.sources import SourceFile, read_source
from generator.load.frontmatter import SplitRecord, split_front_matter


def split(text: str) -> SplitRecord | list[Diagnostic]:
    return split_front_matter(SourceFile(Path("/site/content/a.md"), "content/a.md", text))


def split_ok(text: str) -> SplitRecord:
    result = split(text)
    assert isinstance(result, SplitRecord), result
    return result


def split_errors(text: str) -> list[Diagnostic]:
    result = split(text)
    assert isinstance(result, list), result
    return result


def test_front_matter_and_body_are_split_at_the_fences() -> None:
    result = split_ok("---\ntitel: Budget\ntyp: nyhet\n---\n\nTexten.\n")

    assert result.meta.data == {"titel": "Budget", "typ": "nyhet"}
    assert result.body == "\nTexten.\n"


def test_body_line_is_the_file_line_after_the_closing_fence() -> None:
    result = split_ok("---\ntitel: Budget\ntyp: nyhet\n---\nFörsta raden i texten.\n")

    assert result.body_line == 5
    assert result.body.split("\n")[0] == "Första raden i texten."


def test_keys_are_located_at_their_file_lines() -> None:
    result = split_ok("---\ntitel: Budget\n\ndatum: 2024-03-11\n---\n")

    assert result.meta.keys.at("titel").line == 2
    assert result.meta.keys.at("datum").line == 4
    assert result.meta.values.at("datum").column == 8


def test_three_dots_also_close_the_front_matter() -> None:
    result = split_ok("---\ntitel: Budget\n...\nTexten.\n")

    assert result.meta.data == {"titel": "Budget"}
    assert result.body == "Texten.\n"
    assert result.body_line == 4


def test_a_horizontal_rule_in_the_body_is_not_a_fence() -> None:
    result = split_ok("---\ntitel: Budget\n---\nEtt stycke.\n\n---\n\nEtt till.\n")

    assert "---" in result.body


def test_trailing_spaces_after_a_fence_are_accepted() -> None:
    result = split_ok("---  \ntitel: Budget\n--- \nTexten.\n")

    assert result.meta.data == {"titel": "Budget"}


def test_empty_front_matter_gives_an_empty_mapping() -> None:
    result = split_ok("---\n---\nTexten.\n")

    assert result.meta.data == {}


def test_a_missing_opening_fence_is_an_error_on_line_1() -> None:
    [problem] = split_errors("titel: Budget\n---\nTexten.\n")

    assert (problem.line, problem.field) == (1, "front matter")
    assert problem.message == "filen börjar inte med ---"
    assert "---" in problem.hint


def test_a_missing_closing_fence_is_an_error() -> None:
    [problem] = split_errors("---\ntitel: Budget\n\nTexten.\n")

    assert problem.message == "front matter avslutas aldrig med ---"
    assert "lägg till en rad med ---" in problem.hint


def test_yaml_errors_are_located_at_the_file_line_not_the_yaml_line() -> None:
    [problem] = split_errors("---\ntyp: nyhet\ntitel: Beslut: budget\n---\n")

    assert (problem.line, problem.column) == (3, 14)


def test_a_bom_and_crlf_line_endings_are_accepted(tmp_path: Path) -> None:
    path = tmp_path / "content" / "a.md"
    path.parent.mkdir()
    path.write_bytes("\ufeff---\r\ntitel: Budget\r\ndatum: 2024-03-11\r\n---\r\nTexten.\r\n".encode())
    source = read_source(path, tmp_path)
    assert isinstance(source, SourceFile)

    result = split_front_matter(source)

    assert isinstance(result, SplitRecord)
    assert result.meta.data == {"titel": "Budget", "datum": "2024-03-11"}
    assert result.meta.keys.at("datum").line == 3
    assert result.body == "Texten.\n"
    assert result.body_line == 5


def test_a_file_that_is_not_utf8_is_located_to_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "content" / "a.md"
    path.parent.mkdir()
    path.write_bytes("---\ntitel: Budget för Åby\n---\n".encode("latin-1"))

    problem = read_source(path, tmp_path)

    assert isinstance(problem, Diagnostic)
    assert (problem.path, problem.line, problem.column) == ("content/a.md", 2, 16)  # the ö of "för"
    assert "UTF-8" in problem.message
