"""Versions: beslut's version is declared once and shows in --version and in every page."""

from __future__ import annotations

import importlib.metadata
import re
from collections.abc import Callable
from pathlib import Path

from generator import __version__
from tests.integration.sitecheck import html_files, run_cli
from tests.integration.test_cli import GOOD

DAY = "2024-06-01"


def test_the_version_is_declared_once() -> None:
    """The installed package's version is generator.__version__ (pyproject reads it from there)."""
    assert importlib.metadata.version("beslut") == __version__
    assert re.fullmatch(r"\d+\.\d+\.\d+", __version__)
    done = run_cli("--version")
    assert done.returncode == 0
    assert done.stdout.strip() == f"beslut {__version__}"


def test_every_page_names_the_generator_and_its_version(
    site_factory: Callable[..., Path], tmp_path: Path
) -> None:
    site, out = site_factory(GOOD), tmp_path / "public"
    assert run_cli("build", str(site), "--out", str(out), "--date", DAY).returncode == 0
    pages = [p for p in html_files(out) if "pagefind" not in p.parts]
    assert len(pages) > 10
    meta = f'<meta name="generator" content="beslut {__version__}">'
    assert [p.relative_to(out).as_posix() for p in pages if meta not in p.read_text(encoding="utf-8")] == []
