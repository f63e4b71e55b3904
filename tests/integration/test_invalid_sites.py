"""Every fixture site under tests/sites/invalid/ is refused with exactly the diagnostics in its expected.txt.

Each case is a minimal site with one kind of bad content (``many-errors-many-files`` has many, to show
that one run reports them all). The expected files are the specification of what a clerk reads;
see tests/sites/invalid/README.md for how to review a change to them.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.cli.main import main

INVALID = Path(__file__).resolve().parents[1] / "sites" / "invalid"
BUILD_DATE = "2024-06-01"
"""Fixed, so that nothing depends on the day the tests run (same as regenerate.py)."""
CASES = sorted(p.name for p in INVALID.iterdir() if (p / "site.yaml").is_file() or (p / "content").is_dir())


def test_there_are_cases() -> None:
    assert len(CASES) >= 24


@pytest.mark.parametrize("case", CASES)
def test_check_refuses_site_with_exact_diagnostics(case: str, capsys: pytest.CaptureFixture[str]) -> None:
    site = INVALID / case
    expected = site / "expected.txt"
    assert expected.is_file(), (
        f"{case} saknar expected.txt: skriv den, eller se tests/sites/invalid/README.md"
    )

    code = main(["check", str(site), "--date", BUILD_DATE])

    printed = capsys.readouterr().err
    assert code == 1
    assert printed == expected.read_text(encoding="utf-8")


@pytest.mark.parametrize("case", CASES)
def test_every_diagnostic_names_file_line_column_field_and_hint(
    case: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """The house rule: file, line, column, field and message on one line, then what to write instead.

    One format for all (``path:line:column:``), so that editors and CI annotations can jump there.
    """
    main(["check", str(INVALID / case), "--date", BUILD_DATE])
    lines = capsys.readouterr().err.splitlines()

    *diagnostics, summary = lines
    assert summary.startswith("Avbrutet: ")
    errors = [line for line in diagnostics if not line.startswith("    tips: ")]
    hints = [line for line in diagnostics if line.startswith("    tips: ")]
    assert len(errors) == len(hints), "varje fel har en tips-rad"
    for line in errors:
        location, severity, field, message = line.split(": ", 3)
        assert severity == "fel"
        assert field and message
        path, line_number, column = location.rsplit(":", 2)
        assert (INVALID / case / path).is_file()
        assert int(line_number) >= 1 and int(column) >= 1
