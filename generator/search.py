"""Index the staged site with Pagefind (the binary bundled in the ``pagefind`` package)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from generator.diagnostics import Diagnostic


def pagefind_command() -> list[str]:
    """Return the command that runs the bundled Pagefind binary."""
    try:
        from pagefind_bin_extended import get_executable  # type: ignore[import-untyped]

        return [str(get_executable())]
    except ImportError:
        return [sys.executable, "-m", "pagefind"]


def index_site(root: Path, language: str) -> Diagnostic | None:
    """Run Pagefind over ``root``; return a diagnostic if it fails."""
    command = [
        *pagefind_command(),
        "--site",
        str(root),
        "--force-language",
        language,
        "--silent",
    ]
    try:
        result = subprocess.run(command, capture_output=True, text=True, timeout=3600, check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        return Diagnostic(
            "pagefind",
            0,
            0,
            "sök",
            f"sökindexet kunde inte byggas ({exc})",
            "installera om: pip install 'pagefind[extended]'",
        )
    if result.returncode != 0:
        detail = (result.stderr or result.stdout).strip().splitlines()[-3:]
        return Diagnostic(
            "pagefind",
            0,
            0,
            "sök",
            "sökindexet kunde inte byggas: " + " / ".join(detail),
            "kontrollera att pagefind är installerat",
        )
    return None
