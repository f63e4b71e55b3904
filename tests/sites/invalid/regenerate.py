"""Rewrite every ``expected.txt`` here from what ``beslut check`` prints now.

For reviewing a change of wording, not for accepting output blindly: run it, then read
``git diff tests/sites/invalid`` line by line as a clerk would, and commit only what reads right.

    .venv/bin/python tests/sites/invalid/regenerate.py            # every case
    .venv/bin/python tests/sites/invalid/regenerate.py bad-slug   # some cases
"""

from __future__ import annotations

import contextlib
import io
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[2]))

from generator.cli.main import main  # noqa: E402

BUILD_DATE = "2024-06-01"
"""The fixed build date every case is checked with (the test uses the same)."""


def check_output(site: Path) -> tuple[int, str]:
    """Run ``beslut check`` on ``site``; return the exit code and what it printed on stderr."""
    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        code = main(["check", str(site), "--date", BUILD_DATE])
    return code, err.getvalue()


def cases() -> list[Path]:
    """Return every fixture site in this folder, in name order."""
    return sorted(p for p in HERE.iterdir() if (p / "site.yaml").is_file() or (p / "content").is_dir())


def main_regenerate(names: list[str]) -> int:
    """Rewrite the expected files of ``names`` (all cases when empty); report what changed."""
    chosen = [HERE / n for n in names] if names else cases()
    for site in chosen:
        code, text = check_output(site)
        expected = site / "expected.txt"
        old = expected.read_text(encoding="utf-8") if expected.exists() else None
        expected.write_text(text, encoding="utf-8")
        state = "oförändrad" if old == text else ("ny" if old is None else "ÄNDRAD")
        warning = "" if code == 1 else f"  (VARNING: slutkod {code}, väntade 1)"
        print(f"{site.name}: {state}{warning}")
    return 0


if __name__ == "__main__":
    sys.exit(main_regenerate(sys.argv[1:]))
