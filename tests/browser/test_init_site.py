"""A site made by ``beslut init`` and built by ``beslut build``, as a user runs them, passes the browser and
accessibility checks the demo passes: axe-core on every page, the Nu Html Checker, search, no other host.
It is hosted under a sub-path, as ``--url`` says.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Page

from generator.preview.serve import start_server
from tests.browser.checks import axe_violations, vnu_errors
from tests.browser.sites import Offsite, ServedSite, page_kinds
from tests.browser.test_search import paths, search
from tests.integration.sitecheck import run_cli


@pytest.fixture(scope="module")
def init_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServedSite]:
    """``beslut init`` with the address it is served at, then ``beslut build`` in the new folder."""
    tmp = tmp_path_factory.mktemp("init")
    www = tmp / "www"
    server = start_server(www, port=0)
    try:
        url = server.url + "beslut/"
        made = run_cli("init", "sjovik", "--organisation", "Sjöviks kommun", "--url", url, cwd=tmp)
        assert made.returncode == 0, made.stderr
        built = run_cli("build", "--out", str(www / "beslut"), cwd=tmp / "sjovik")
        assert built.returncode == 0, built.stderr
        assert ", 0 varningar, " in built.stdout and built.stderr == ""
        yield ServedSite("init", www / "beslut", url, page_kinds(www / "beslut"))
    finally:
        server.stop()


def test_axe_finds_no_wcag_violation_on_any_page_of_the_new_site(init_site: ServedSite, page: Page) -> None:
    assert len(init_site.pages()) > 25
    problems: list[str] = []
    for path in init_site.pages():
        response = page.goto(init_site.address(path))
        assert response is not None and (response.ok or path == "404.html"), path
        problems += axe_violations(page)
    assert not problems, "\n".join(problems)


def test_every_page_of_the_new_site_is_valid_html(init_site: ServedSite) -> None:
    errors = vnu_errors(init_site.output)
    assert not errors, "\n".join(errors[:50])


def test_search_finds_the_examples(init_site: ServedSite, page: Page, offsite: Offsite) -> None:
    found = paths(search(page, init_site, "lekplats"))
    assert any(
        p.startswith("sjoviks-kommun/ks/") and p.endswith("/1-exempel-ny-lekplats-i-centrum/") for p in found
    )
    assert any(p.startswith("sjoviks-kommun/tjansteskrivelser/") for p in found)
    assert any(p.startswith("sjoviks-kommun/nyheter/") for p in found)
    assert offsite.urls == []


def test_the_notice_board_shows_the_examples_notices(init_site: ServedSite, page: Page) -> None:
    page.goto(init_site.address("anslagstavla/"))
    # The words as a reader reads them: the soft hyphens of headings are layout (pages/hyphenate.py).
    main = page.locator("main").inner_text().replace("\u00ad", "")
    assert "Exempel: Upplåtelse av torget för marknad" in main
    assert "Exempel: Kallelse till kommunfullmäktige" in main
    assert axe_violations(page) == []
