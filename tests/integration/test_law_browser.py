"""The legal markers as a reader meets them, in Debian's Chromium: visible on screen, present to assistive
technology, and the notice board's header link standing out with enough contrast.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from generator.preview.serve import start_server
from tests.browser.sites import CHROMIUM
from tests.browser.sites import CHROMIUM_ARGS as ARGS
from tests.integration.lawsite import build, record, write_site

RECORD = "sjovik/ks/2024-11-25/12-placering-av-boende/"

FILES = {
    "content/ks/placering.md": record(
        "titel: Placering av boende",
        "typ: protokollsutdrag",
        "datum: 2024-11-25",
        "nämnd: KS",
        "paragraf: 12",
        "justerat: 2024-11-28",
        "anslag: 2024-12-03",
        "bilagor:",
        "  - {titel: Utredning om den enskildes förhållanden, sekretess: OSL 26 kap. 1 §}",
        body="Boendet placeras hos [[maskerat: OSL 26 kap. 1 §]] från den 1 januari.\n",
    ),
}


@pytest.fixture(scope="module")
def address(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    root = tmp_path_factory.mktemp("webblasare")
    site = write_site(root / "site", FILES)
    built = build(site, "2024-12-10", root / "www" / "beslut")
    assert built.code == 0, built.stderr
    server = start_server(root / "www", port=0)
    try:
        yield server.url + "beslut/"
    finally:
        server.stop()


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    if not CHROMIUM.is_file():
        pytest.fail("/usr/bin/chromium saknas: kör `make browser` (apt-get install chromium)")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context()
    # No page may need another host.
    context.route(re.compile(r"^(?!http://127\.0\.0\.1).*"), lambda route: route.abort())
    yield context.new_page()
    context.close()


def test_a_masked_passage_is_seen_and_heard_with_its_provision(address: str, page: Page) -> None:
    page.goto(address + RECORD)
    marker = page.locator(".body .maskerat")
    assert marker.is_visible()
    box = marker.bounding_box()
    assert box and box["width"] > 50 and box["height"] > 8
    assert marker.inner_text() == "Maskerad uppgift, sekretess enligt OSL 26 kap. 1 §"
    assert marker.aria_snapshot() == "- note: Maskerad uppgift, sekretess enligt OSL 26 kap. 1 §"


def test_a_withheld_attachment_is_seen_with_its_provision_and_is_no_link(address: str, page: Page) -> None:
    page.goto(address + RECORD)
    withheld = page.locator(".attachments li")
    assert withheld.is_visible()
    assert withheld.inner_text() == (
        "Utredning om den enskildes förhållanden: Sekretess enligt OSL 26 kap. 1 §, bilagan publiceras inte"
    )
    assert withheld.locator("a").count() == 0


def test_the_appeal_box_is_a_labelled_region_with_the_last_day(address: str, page: Page) -> None:
    page.goto(address + RECORD)
    region = page.get_by_role("region", name="Så överklagar du")
    assert region.is_visible()
    assert "Sista dag att överklaga: fredag 27 december 2024" in region.inner_text()


def luminance(rgb: str) -> float:
    channels = [int(c) / 255 for c in re.findall(r"\d+", rgb)[:3]]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(one: str, other: str) -> float:
    light, dark = sorted((luminance(one), luminance(other)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


LOOK = """a => {
  const own = getComputedStyle(a), before = getComputedStyle(a, '::before');
  let element = a, background = own.backgroundColor;
  while (background === 'rgba(0, 0, 0, 0)' && element.parentElement) {
    element = element.parentElement;
    background = getComputedStyle(element).backgroundColor;
  }
  return {color: own.color, background,
          marking: [own.backgroundColor, own.borderBottomStyle, own.borderLeftStyle, own.outlineStyle,
                    before.content, before.backgroundColor].join(' | ')};
}"""
"""The link's text colour, the background it is read on, and everything that can mark it out."""


def test_the_notice_board_link_stands_out_in_the_header(address: str, page: Page) -> None:
    page.goto(address + RECORD)
    nav = page.get_by_role("navigation", name="Huvudmeny")
    link = nav.get_by_role("link", name="Anslagstavla")
    assert link.is_visible()
    marked, plain = link.evaluate(LOOK), nav.get_by_role("link", name="Nyheter").evaluate(LOOK)
    # However the theme marks it (a background, a border, a sign before it), it differs from the others.
    assert marked["marking"] != plain["marking"], marked
    assert contrast(marked["color"], marked["background"]) >= 4.5, marked
    link.click()
    # The heading may carry soft hyphens for a phone's width; its words are what count.
    assert page.get_by_role("heading", level=1).inner_text().replace("\u00ad", "") == "Anslagstavla"
    assert page.get_by_role("heading", name="Kommunstyrelsen, sammanträde 25 november 2024").is_visible()
