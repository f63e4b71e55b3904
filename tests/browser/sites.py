"""The sites the browser tests build and serve, and the browser contexts they open."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, BrowserContext, Route

from generator.build import BuildOptions, build
from generator.preview.serve import PreviewServer

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SCREENSHOTS = ROOT / "tests" / "screenshots"
"""The test output folder a reviewer looks in (gitignored): screenshots and a printed page."""
PAGE_KINDS = {
    *("start", "record", "meeting", "case", "board", "organisation", "archive", "year", "month", "news"),
    *("notices", "appeal", "search", "accessibility", "not-found"),
}
"""Every kind of page (the body's ``page-…`` class)."""
BUILD_DATE = dt.date(2024, 5, 20)
"""The day of the fixture builds: the notice of Kommunstyrelsen's meeting on 13 May 2024 is up."""
BIG_RECORDS = 300
_KIND = re.compile(r'<body class="page-([a-z-]+)"')


@dataclass(frozen=True)
class ServedSite:
    """A built site and the address it is served at."""

    name: str
    output: Path
    url: str
    """The address of the site's root, ending in ``/``."""
    kinds: dict[str, list[str]] = field(default_factory=dict)
    """Every page, by page kind (``record``, ``meeting``, …: the body's ``page-…`` class), as paths."""

    def address(self, path: str = "") -> str:
        """Return the full address of a path relative to the site's root."""
        return self.url + path.lstrip("/")

    def file(self, path: str) -> Path:
        """Return the HTML file of a page's path."""
        return self.output / path if path.endswith(".html") else self.output / path / "index.html"

    def pages(self) -> list[str]:
        """Return every page's path, sorted."""
        return sorted(p for paths in self.kinds.values() for p in paths)

    def samples(self, per_kind: int) -> list[str]:
        """Return up to ``per_kind`` pages of every kind (the first, the last and between, by path)."""
        chosen: list[str] = []
        for _, paths in sorted(self.kinds.items()):
            step = max(1, len(paths) // per_kind)
            chosen += paths[::step][:per_kind]
        return chosen


def page_kinds(output: Path) -> dict[str, list[str]]:
    """Return every HTML page under ``output`` (Pagefind's bundle aside) by its page kind."""
    kinds: dict[str, list[str]] = {}
    for file in sorted(output.rglob("*.html")):
        rel = file.relative_to(output).as_posix()
        if rel.startswith("pagefind/"):
            continue
        match = _KIND.search(file.read_text(encoding="utf-8"))
        path = rel.removesuffix("index.html")
        kinds.setdefault(match[1] if match else "unknown", []).append(path)
    return kinds


def build_or_fail(
    site_dir: Path, out: Path, base_url: str | None = None, day: dt.date | None = BUILD_DATE
) -> None:
    """Build a site for the tests on ``day`` (None: as `make build` does, the demo on its demo_date);
    fail with every diagnostic when it does not build."""
    result = build(BuildOptions(site_dir, out=out, build_date=day, base_url=base_url))
    if not result.ok:
        pytest.fail("bygget misslyckades:\n" + "\n".join(d.format() for d in result.diagnostics))


def served(name: str, output: Path, server: PreviewServer, sub_path: str) -> ServedSite:
    """Return the served view of a built site: its address under the server and its pages by kind."""
    return ServedSite(name, output, server.url + sub_path, page_kinds(output))


@dataclass
class Offsite:
    """Requests that tried to leave 127.0.0.1 (all of them are aborted)."""

    urls: list[str] = field(default_factory=list)

    def handle(self, route: Route) -> None:
        """Let local requests through; abort and record the rest."""
        host = urlsplit(route.request.url).hostname
        if host in ("127.0.0.1", None) or route.request.url.startswith(("data:", "blob:")):
            route.continue_()
        else:
            self.urls.append(route.request.url)
            route.abort()


def new_context(browser: Browser, offsite: Offsite, **options: object) -> BrowserContext:
    """Return a Swedish browser context whose requests to other hosts are aborted and recorded."""
    context = browser.new_context(locale="sv-SE", **options)  # type: ignore[arg-type]
    context.route("**/*", offsite.handle)
    return context
