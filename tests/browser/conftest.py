"""Browser tests: two real sites, built once per session and served on 127.0.0.1, in Debian's Chromium.

- ``demo_site``: the repository's own demo (site.yaml + content/), served at the root of its address.
- ``big_site``: 300 records of the project's own generated corpus (bench/corpus, made for the build day)
  plus tests/browser/fixture/content (the words the search tests look for, and records the tests name),
  hosted under a sub-path (``/beslut/``) as a municipality's site often is.

Chromium is Debian's /usr/bin/chromium (``make browser`` installs it); Playwright never downloads one.
Every request that leaves 127.0.0.1 is aborted and recorded: no page may need another host.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from unittest import mock

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from bench.corpus import generate, write_site
from generator.outputs import search_bundles
from generator.preview.serve import start_server
from tests.browser.sites import (
    BIG_RECORDS,
    BUILD_DATE,
    CHROMIUM,
    CHROMIUM_ARGS,
    HERE,
    ROOT,
    Offsite,
    ServedSite,
    build_or_fail,
    new_context,
    served,
)


@pytest.fixture(scope="session")
def demo_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServedSite]:
    """Build the repository's demo site as `make serve` does (on its demo_date, with its notices up) and
    serve it at the root of a local address."""
    www = tmp_path_factory.mktemp("demo") / "www"
    server = start_server(www, port=0)  # the folder appears when the build swaps it in
    try:
        build_or_fail(ROOT, www, base_url=server.url, day=None)
        yield served("demo", www, server, "")
    finally:
        server.stop()


@pytest.fixture(scope="session")
def big_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServedSite]:
    """Build 300 corpus records plus the fixture records, served under the sub-path /beslut/."""
    tmp = tmp_path_factory.mktemp("big")
    source = tmp / "source"
    www = tmp / "www"
    server = start_server(www, port=0)
    try:
        corpus = generate(BIG_RECORDS, today=BUILD_DATE)
        write_site(corpus, source, base_url=f"{server.url}beslut/", settings={"page_size": 10})
        shutil.copytree(HERE / "fixture" / "content", source / "content", dirs_exist_ok=True)
        # Bundles of 60 records, so that these 300 make several, as 10,000 do at the real limit.
        with mock.patch.object(search_bundles, "LIMIT", 60):
            build_or_fail(source, www / "beslut")
        yield served("big", www / "beslut", server, "beslut/")
    finally:
        server.stop()


@pytest.fixture(params=["demo", "big"])
def any_site(request: pytest.FixtureRequest) -> ServedSite:
    """Run a test on both sites."""
    site: ServedSite = request.getfixturevalue(f"{request.param}_site")
    return site


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    """Launch Debian's Chromium, headless, for one test module.

    Module scope, not session: Playwright's sync API runs an event loop while it is started, and other
    test folders (tests/integration) start their own; the loop must be gone when this folder is done.
    """
    if not CHROMIUM.is_file():
        pytest.fail(f"{CHROMIUM} saknas: kör `make browser` (apt-get install chromium)")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def offsite() -> Offsite:
    """Collect the requests that tried to leave 127.0.0.1."""
    return Offsite()


@pytest.fixture
def page(browser: Browser, offsite: Offsite) -> Iterator[Page]:
    """Return a fresh desktop-sized tab."""
    context = new_context(browser, offsite, viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    yield tab
    context.close()
