"""A § of a meeting larger than ``pages.NEARBY``: the list of the §§ around it, its note and its link to
the meeting pass axe-core's WCAG 2.1 A and AA rules and the Nu Html Checker, on a desktop and a phone.

The demo and the big site have no meeting that large, so these parts are audited here.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from generator.preview.serve import start_server
from tests.browser.checks import axe_violations, sideways_overflow, vnu_errors
from tests.browser.sites import Offsite, build_or_fail, new_context
from tests.conftest import make_site
from tests.integration.test_meeting_nearby import DAY, paragraphs

MIDDLE = f"sjoviks-kommun/ks/{DAY}/15-arende-nummer-15/"


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    root = tmp_path_factory.mktemp("nearby")
    www = root / "www"
    server = start_server(www, port=0)  # the folder appears when the build swaps it in
    try:
        build_or_fail(make_site(root / "site", paragraphs(30)), www, base_url=server.url)
        yield server.url, www
    finally:
        server.stop()


def test_a_paragraph_of_a_large_meeting_passes_axe(served: tuple[str, Path], page: Page) -> None:
    url, _ = served
    response = page.goto(url + MIDDLE)
    assert response is not None and response.ok
    assert page.get_by_role("link", name="Alla 30 paragrafer i sammanträdet").is_visible()
    problems = axe_violations(page)
    assert not problems, "\n".join(problems)


def test_a_paragraph_of_a_large_meeting_fits_a_phone(
    served: tuple[str, Path], browser: Browser, offsite: Offsite
) -> None:
    url, _ = served
    context = new_context(browser, offsite, viewport={"width": 320, "height": 640}, is_mobile=True)
    try:
        tab = context.new_page()
        response = tab.goto(url + MIDDLE)
        assert response is not None and response.ok  # not a 404 page, which would pass as well
        assert tab.get_by_role("link", name="Alla 30 paragrafer i sammanträdet").is_visible()
        assert sideways_overflow(tab) == 0
        problems = axe_violations(tab)
        assert not problems, "\n".join(problems)
    finally:
        context.close()


def test_a_paragraph_of_a_large_meeting_is_valid_html(served: tuple[str, Path]) -> None:
    _, www = served
    html = www / MIDDLE / "index.html"
    assert html.is_file()  # the checker says nothing of a file that is not there
    assert vnu_errors(html) == []
