"""Index the staged site with Pagefind (the binary bundled in the ``pagefind`` package)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

from generator.base.diagnostics import Diagnostic, Severity
from generator.outputs.pagefind_bundle import make_reproducible, strip_soft_hyphens

BUNDLE = "pagefind"
"""The bundle's folder in the output (templates load ``pagefind/pagefind-ui.js``)."""
_NOT_REPRODUCIBLE = "sökningen fungerar, men två byggen ger inte samma filer; rapportera Pagefinds version"
_SOFT_HYPHENS = "sökningen fungerar, men träffarnas texter kan ha osynliga avstavningstecken"


def pagefind_command() -> list[str]:
    """Return the command that runs the bundled Pagefind binary."""
    try:
        from pagefind_bin_extended import get_executable  # type: ignore[import-untyped]

        return [str(get_executable())]
    except ImportError:
        return [sys.executable, "-m", "pagefind"]


def pagefind_environment(environ: dict[str, str]) -> dict[str, str]:
    """Return ``environ`` without Pagefind's own settings (``PAGEFIND_*``).

    Pagefind reads settings from the environment and from a pagefind.yml/.toml/.json in its working
    folder; either could send the bundle outside the staging folder (``PAGEFIND_OUTPUT_SUBDIR``) or
    change the index from one machine to the next. The build passes everything on the command line.
    """
    return {k: v for k, v in environ.items() if not k.upper().startswith("PAGEFIND_")}


def index_site(root: Path, language: str) -> Diagnostic | None:
    """Run Pagefind over ``root``; return a diagnostic if it fails."""
    command = [
        *pagefind_command(),
        "--site",
        ".",
        "--output-subdir",
        BUNDLE,
        "--force-language",
        language,
        "--silent",
    ]
    try:
        # cwd=root: no pagefind.yml of the user's working folder applies (the staging folder has none).
        result = subprocess.run(
            command,
            cwd=root,
            env=pagefind_environment(dict(os.environ)),
            capture_output=True,
            text=True,
            timeout=3600,
            check=False,
        )
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
        said = (result.stderr or result.stdout).strip().splitlines()[-3:]
        detail = said or [_exit_reason(result.returncode)]
        return Diagnostic(
            "pagefind",
            0,
            0,
            "sök",
            "sökindexet kunde inte byggas: " + " / ".join(detail),
            "kontrollera att pagefind är installerat och att det finns plats på disken; "
            "den tidigare publicerade webbplatsen är orörd",
        )
    after = (
        (make_reproducible, "sökindexet kunde inte göras reproducerbart", _NOT_REPRODUCIBLE),
        (strip_soft_hyphens, "mjuka bindestreck kunde inte tas bort ur sökindexets texter", _SOFT_HYPHENS),
    )
    for step, what, hint in after:
        problem = step(root / BUNDLE)
        if problem is not None:
            return Diagnostic("pagefind", 0, 0, "sök", f"{what} ({problem})", hint, Severity.WARNING)
    return None


def _exit_reason(code: int) -> str:
    """Return why Pagefind stopped without a word: its exit code, or the signal that ended it."""
    if code < 0:
        try:
            return f"avbröts av signalen {signal.Signals(-code).name}"
        except ValueError:
            return f"avbröts av signal {-code}"
    return f"slutade med felkod {code}"
