"""Helpers of the preview tests: a running ``beslut serve`` in this process, and HTTP with timeouts."""

from __future__ import annotations

import datetime as dt
import json
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

from generator.preview.rebuild import PreviewBuilder
from generator.preview.session import PreviewSession
from tests.conftest import record_text

T = TypeVar("T")
TIMEOUT = 30.0
"""Seconds a test waits for the preview (CI machines are slow; a passing test never waits this long)."""
DAY = dt.date(2026, 11, 22)

BUDGET = "content/ks/2024-03-11-12.md"
BUDGET_PAGE = "sjoviks-kommun/ks/2024-03-11/12-budget-for-2024/"
SITE_FILES = {
    BUDGET: record_text(
        "titel: Budget för 2024",
        "typ: protokollsutdrag",
        "datum: 2024-03-11",
        "nämnd: KS",
        "paragraf: 12",
        body="Kommunstyrelsen beslutar att anta budgeten för 2024.\n",
    ),
    "content/ks/2024-03-11-13.md": record_text(
        "titel: Taxa för bygglov",
        "typ: protokollsutdrag",
        "datum: 2024-03-11",
        "nämnd: KS",
        "paragraf: 13",
    ),
}


@contextmanager
def running(site: Path, poll: bool = False) -> Iterator[PreviewSession]:
    """Run the preview of ``site`` on 127.0.0.1, a free port, until the block ends."""
    session = PreviewSession(site, site / ".beslut-preview", port=0, poll=poll, build_date=DAY, search=False)
    session.start()
    try:
        yield session
    finally:
        session.stop()


def fetch(url: str) -> tuple[int, str]:
    """Return the status and text of ``url`` (errors too: a 404 page is a page)."""
    try:
        with urllib.request.urlopen(url, timeout=TIMEOUT) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8")


def status(session: PreviewSession) -> dict[str, Any]:
    """Return /__beslut/status."""
    code, text = fetch(session.url + "__beslut/status")
    assert code == 200
    result: dict[str, Any] = json.loads(text)
    return result


def wait_until(probe: Callable[[], T], done: Callable[[T], bool], what: str) -> T:
    """Call ``probe`` until ``done`` accepts its value; fail after TIMEOUT seconds saying ``what``."""
    end = time.monotonic() + TIMEOUT
    value = probe()
    while not done(value):
        if time.monotonic() > end:
            raise AssertionError(f"timed out waiting for {what}; last value: {value!r}"[:2000])
        time.sleep(0.05)
        value = probe()
    return value


def wait_for_build(session: PreviewSession, builds_before: int) -> dict[str, Any]:
    """Wait until a build after ``builds_before`` has finished; return the status."""
    return wait_until(lambda: status(session), lambda s: s["builds"] > builds_before, "a rebuild")


def assert_serves_a_fresh_build(session: PreviewSession, site: Path, out: Path) -> None:
    """Assert that the preview serves exactly the pages a fresh preview build of ``site`` makes."""
    served = session.builder.live  # type: ignore[union-attr]
    fresh = PreviewBuilder(site, out, session.url, DAY)
    rebuild = fresh.rebuild()
    assert rebuild is not None and rebuild.published, (
        [d.format() for d in rebuild.result.diagnostics] if rebuild else None
    )

    pages = {p.relative_to(served).as_posix() for p in served.rglob("*.html")}
    assert pages == {p.relative_to(fresh.live).as_posix() for p in fresh.live.rglob("*.html")}
    for page in sorted(pages):
        assert (served / page).read_text("utf-8") == (fresh.live / page).read_text("utf-8"), page


def save(path: Path, text: str) -> None:
    """Save a file as an editor does: write a temporary file beside it, then rename it over the old one."""
    temporary = path.with_name(path.name + ".tmp")
    temporary.write_text(text, encoding="utf-8")
    temporary.replace(path)
