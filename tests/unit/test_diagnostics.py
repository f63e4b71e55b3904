"""One format for every diagnostic: ``path:line:column: fel|varning: field: message``, then the hint."""

from __future__ import annotations

import json

from generator.base.diagnostics import Diagnostic, Severity


def test_a_located_problem_prints_path_line_and_column() -> None:
    problem = Diagnostic("content/ks/a.md", 5, 8, "nämnd", 'okänd nämnd "KX"', "menade du KS?")

    assert problem.format() == 'content/ks/a.md:5:8: fel: nämnd: okänd nämnd "KX"\n    tips: menade du KS?'


def test_a_warning_has_the_same_format() -> None:
    problem = Diagnostic("content/ks/a.md", 24, 3, "hänvisning", "…", severity=Severity.WARNING)

    assert problem.format() == "content/ks/a.md:24:3: varning: hänvisning: …"


def test_a_problem_known_only_to_its_line_is_at_the_lines_first_column() -> None:
    assert Diagnostic("templates/record.html", 12, 0, "mall", "…").location() == "templates/record.html:12:1"


def test_a_problem_that_is_no_place_in_a_file_is_named_by_its_subject() -> None:
    """A command-line option, a file that does not exist, a tool: there is nowhere to jump to."""
    assert Diagnostic("--out", 0, 0, "utdatamapp", "…").location() == "--out"


def test_the_json_form_carries_the_same_place() -> None:
    data = json.loads(Diagnostic("site.yaml", 1, 1, "base_url", "base_url saknas").to_json())

    assert (data["path"], data["line"], data["column"]) == ("site.yaml", 1, 1)
