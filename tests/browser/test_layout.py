"""Works everywhere: narrow phones, print, no JavaScript, no other host, a light page."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Browser, Page, Response

from tests.browser.checks import sideways_overflow
from tests.browser.sites import PAGE_KINDS, SCREENSHOTS, Offsite, ServedSite, new_context

DECISION = "sjoviks-kommun/ks/2024-05-13/42-ny-forskola-i-norrby/"


@pytest.mark.parametrize("width", [320, 360])
def test_no_page_scrolls_sideways_on_a_phone(
    width: int, any_site: ServedSite, browser: Browser, offsite: Offsite
) -> None:
    """At 320 and 360 px every kind of page fits the window (WCAG 1.4.10 reflow)."""
    context = new_context(browser, offsite, viewport={"width": width, "height": 800})
    page = context.new_page()
    wide: list[str] = []
    for path in [*any_site.samples(2), "sok/?q=förskolan"]:
        page.goto(any_site.address(path))
        if path.startswith("sok/"):
            page.locator("#sokresultat li, #sokstatus:not(:empty)").first.wait_for()
        overflow = sideways_overflow(page)
        if overflow > 0:
            wide.append(f"{path}: {overflow} px för bred")
    context.close()
    assert not wide, "\n".join(wide)


SHOWN = {
    "record": "exempelvik/ks/2025-05-05/43-forsaljning-av-fastigheten-exempelvik-hamnen-1-4/",
    "meeting": "exempelvik/ks/2025-05-05/",
    "case": "exempelvik/arenden/ks-2023-212/",
    "board": "exempelvik/ks/",
    "organisation": "exempelvik/",
    "appeal": "exempelvik/overklaga/",
    "search": "sok/?q=förskola",
}
"""The demo's page of each kind a reviewer looks at: the richest one; any other kind shows its first page."""


@pytest.mark.parametrize("width", [390, 1280])
def test_screenshots_of_every_page_kind(
    width: int, demo_site: ServedSite, browser: Browser, offsite: Offsite
) -> None:
    """Write tests/screenshots/<kind>-<width>.png of the demo for a person to look at (not committed)."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    context = new_context(browser, offsite, viewport={"width": width, "height": 900})
    page = context.new_page()
    assert set(demo_site.kinds) >= PAGE_KINDS
    for kind in sorted(PAGE_KINDS):
        path = SHOWN.get(kind, demo_site.kinds[kind][0])
        response = page.goto(demo_site.address(path))
        assert response is not None and (response.ok or kind == "not-found"), path
        if kind == "search":
            page.locator("#sokresultat li").first.wait_for()
        shot = SCREENSHOTS / f"{kind}-{width}.png"
        page.screenshot(path=str(shot), full_page=True)
        assert shot.stat().st_size > 5000, shot
    context.close()
    assert not offsite.urls


def test_a_decision_prints_cleanly_with_its_address(big_site: ServedSite, page: Page) -> None:
    """In print the header, navigation and footer go; the decision and the page's address stay."""
    page.goto(big_site.address(DECISION))
    page.emulate_media(media="print")
    assert not page.locator(".site-header").is_visible()
    assert not page.locator(".site-footer").is_visible()
    assert not page.locator(".breadcrumbs").is_visible()
    assert page.locator(".decision").is_visible()
    address = page.locator(".print-address")
    assert address.is_visible()
    assert big_site.address(DECISION) in address.inner_text()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.pdf(path=str(SCREENSHOTS / "record-print.pdf"), format="A4")
    page.emulate_media(media="screen")
    assert not page.locator(".print-address").is_visible()


def test_everything_but_search_works_without_javascript(
    big_site: ServedSite, browser: Browser, offsite: Offsite
) -> None:
    """With JavaScript off a reader still gets from the start page to a decision and its details."""
    context = new_context(
        browser, offsite, java_script_enabled=False, viewport={"width": 1280, "height": 900}
    )
    page = context.new_page()
    page.goto(big_site.address())
    page.get_by_role("navigation", name="Huvudmeny").get_by_role("link", name="Anslagstavla").click()
    page.get_by_role("link", name=re.compile("Kommunstyrelsen, sammanträde 13 maj 2024")).first.click()
    page.get_by_role("link", name="Ny förskola i Norrby").click()
    assert page.locator("h1").inner_text() == "§ 42 Ny förskola i Norrby"
    assert page.locator(".summary-list").is_visible()
    assert page.get_by_role("heading", name="Reservationer").is_visible()
    page.goto(big_site.address("sok/?q=förskolan"))
    notice = page.locator("noscript .callout")
    assert notice.is_visible()
    assert "Sökningen kräver JavaScript" in notice.inner_text()
    assert not page.locator("#sok").is_visible()
    context.close()


def test_only_the_search_page_runs_a_script(any_site: ServedSite) -> None:
    """No page but the search page loads or contains JavaScript (JSON-LD and JSON data are not scripts)."""
    executable = re.compile(r'<script(?![^>]*type="application/(?:ld\+)?json")[^>]*>', re.I)
    scripted = [
        path
        for path in any_site.pages()
        if executable.search(any_site.file(path).read_text(encoding="utf-8"))
    ]
    assert scripted == ["sok/"]


def test_no_page_asks_another_host_for_anything(any_site: ServedSite, page: Page, offsite: Offsite) -> None:
    """No web fonts, no CDN, no analytics: every request of every page kind stays on the site's host."""
    for path in [*any_site.samples(1), "sok/?q=förskolan"]:
        page.goto(any_site.address(path))
        page.wait_for_load_state("networkidle")
    assert not offsite.urls


def test_a_decision_page_weighs_less_than_50_kb(big_site: ServedSite, page: Page) -> None:
    """The decision page's HTML, CSS and JavaScript as the browser fetches them (search assets aside)."""
    sizes: dict[str, int] = {}

    def count(response: Response) -> None:
        if response.request.resource_type in ("document", "stylesheet", "script"):
            sizes[response.url] = len(response.body())

    page.on("response", count)
    page.goto(big_site.address(DECISION))
    page.wait_for_load_state("networkidle")
    assert any(url.endswith(".css") for url in sizes)
    assert sum(sizes.values()) < 50_000, sizes
