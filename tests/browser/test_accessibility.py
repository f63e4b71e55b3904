"""WCAG 2.1 AA in a real browser: axe-core on every page kind, valid HTML everywhere, the keyboard alone."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from tests.browser.checks import axe_violations, focus_indicator, focus_is_visible, vnu_errors
from tests.browser.sites import PAGE_KINDS, ServedSite


def test_both_sites_have_every_page_kind(demo_site: ServedSite, big_site: ServedSite) -> None:
    """The audits below cover every kind of page, so both sites must have every kind."""
    assert set(big_site.kinds) >= PAGE_KINDS, sorted(PAGE_KINDS - set(big_site.kinds))
    assert "unknown" not in big_site.kinds and "unknown" not in demo_site.kinds
    assert set(demo_site.kinds) >= PAGE_KINDS, sorted(PAGE_KINDS - set(demo_site.kinds))


def test_axe_finds_no_wcag_violation_on_any_page_of_the_demo_site(demo_site: ServedSite, page: Page) -> None:
    """Every page of the demo site passes axe-core's WCAG 2.1 A and AA rules."""
    problems: list[str] = []
    for path in demo_site.pages():
        response = page.goto(demo_site.address(path))
        assert response is not None and (response.ok or path == "404.html"), path
        problems += axe_violations(page)
    assert not problems, "\n".join(problems)


def test_axe_finds_no_wcag_violation_on_any_page_kind_of_the_big_site(
    big_site: ServedSite, page: Page
) -> None:
    """Three pages of every kind of the larger site pass axe-core (the fixture's rich records included)."""
    paths = [
        *big_site.samples(3),
        "sjoviks-kommun/ks/2024-05-13/42-ny-forskola-i-norrby/",
        "sjoviks-kommun/nyheter/2024-04-02-foraldrakurs/",
        "arkiv/2024/sida/2/",
    ]
    problems: list[str] = []
    for path in paths:
        response = page.goto(big_site.address(path))
        assert response is not None and response.ok, path
        problems += axe_violations(page)
    assert not problems, "\n".join(problems)


def test_axe_finds_no_violation_on_the_search_page_with_results_and_open_filters(
    big_site: ServedSite, page: Page
) -> None:
    """The search page as the script leaves it: results, counts, every filter open and one chosen."""
    page.goto(big_site.address("sok/?q=förskola&typ=Protokollsutdrag"))
    page.locator("#sokresultat li").first.wait_for()
    for summary in page.locator("#sokfilter summary").all():
        summary.click()
    page.get_by_role("button", name="Visa fler träffar").click()
    page.locator("#sokresultat li").nth(10).wait_for()
    problems = axe_violations(page)
    assert not problems, "\n".join(problems)


def test_every_page_is_valid_html(demo_site: ServedSite, big_site: ServedSite) -> None:
    """The Nu Html Checker finds no error in any page of either site."""
    errors = vnu_errors(demo_site.output, big_site.output)
    assert not errors, "\n".join(errors[:50])


def test_the_search_page_is_valid_html_after_the_script_has_run(big_site: ServedSite, page: Page) -> None:
    """The markup search.js writes (filters, results, excerpts) is valid too."""
    page.goto(big_site.address("sok/?q=förskolan"))
    page.locator("#sokresultat li").first.wait_for()
    page.locator("#sokfilter details").first.wait_for()
    errors = vnu_errors("-", stdin=page.content())
    assert not errors, "\n".join(errors)


def test_the_keyboard_alone_leads_from_the_start_page_to_a_decision(big_site: ServedSite, page: Page) -> None:
    """Skip link, a board, a meeting, a §: Tab and Enter only, and every focused element shows it."""
    page.goto(big_site.address())
    page.keyboard.press("Tab")
    assert focus_indicator(page)["text"] == "Till huvudinnehållet"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "huvud_innehall"
    tab_to(page, "Kommunstyrelsen")
    page.keyboard.press("Enter")
    page.wait_for_url("**/sjoviks-kommun/ks/")
    tab_to(page, "13 maj 2024")
    page.keyboard.press("Enter")
    page.wait_for_url("**/sjoviks-kommun/ks/2024-05-13/")
    tab_to(page, "Ny förskola i Norrby")
    page.keyboard.press("Enter")
    page.wait_for_url("**/42-ny-forskola-i-norrby/")
    assert page.locator("h1").inner_text() == "§ 42 Ny förskola i Norrby"
    assert page.locator(".decision").is_visible()


def tab_to(page: Page, text: str, limit: int = 120) -> None:
    """Press Tab until the focused element's text is ``text``; check that each stop shows focus."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        style = focus_indicator(page)
        assert focus_is_visible(style), f"fokus syns inte på {style}"
        if style["text"] == text:
            return
    pytest.fail(f"{text!r} nåddes inte med Tab på {page.url}")
