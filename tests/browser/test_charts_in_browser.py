"""The pictures in a real browser: readable in forced colours (Windows high contrast) and at 200 % zoom.

axe-core and the Nu Html Checker check them with every page of the demo (test_accessibility.py), and
test_phone.py at 320 and 390 px.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, Page

from tests.browser.checks import axe_violations, sideways_overflow
from tests.browser.sites import Offsite, ServedSite, new_context

BOARD = "exempelvik/ks/"
CASE = "exempelvik/arenden/ks-2023-212/"
MARKS = """
() => [...document.querySelectorAll('.chart-svg rect, .chart-svg circle, .chart-svg text, .chart-svg line')]
  .map(el => {const s = getComputedStyle(el); return {tag: el.tagName, fill: s.fill, stroke: s.stroke};})
"""
COLOURS = """
() => {const s = getComputedStyle(document.querySelector('main'));
       return {text: s.color, background: getComputedStyle(document.body).backgroundColor};}
"""


@pytest.mark.parametrize("path", [BOARD, CASE])
def test_every_mark_takes_the_text_colour_in_forced_colours(
    path: str, demo_site: ServedSite, browser: Browser, offsite: Offsite
) -> None:
    """In high-contrast mode bars, dots, lines and labels are drawn in the text colour on the background."""
    context = new_context(browser, offsite, viewport={"width": 1280, "height": 900}, forced_colors="active")
    page = context.new_page()
    page.goto(demo_site.address(path))
    colours = page.evaluate(COLOURS)
    marks = page.evaluate(MARKS)
    context.close()
    assert colours["text"] != colours["background"]
    assert marks
    for mark in marks:
        if mark["tag"] == "circle":  # a ring in the text colour, its number inside on the background
            assert (mark["stroke"], mark["fill"]) == (colours["text"], colours["background"]), mark
        else:
            assert (mark["stroke"] if mark["tag"] == "line" else mark["fill"]) == colours["text"], mark
    assert path != CASE or any(m["tag"] == "circle" for m in marks)


@pytest.mark.parametrize("path", [BOARD, CASE])
def test_the_pictures_grow_with_zoom_and_fit_at_200_percent(
    path: str, demo_site: ServedSite, page: Page
) -> None:
    """Zoomed to 200 % (the page's CSS zoom, as the browser's zoom lays it out), the text in the picture is
    twice as large and nothing scrolls sideways."""
    page.goto(demo_site.address(path))
    before = page.locator(".chart-svg text").first.bounding_box()
    page.evaluate("document.documentElement.style.zoom = '2'")
    after = page.locator(".chart-svg text").first.bounding_box()
    assert before is not None and after is not None
    assert after["height"] == pytest.approx(2 * before["height"], rel=0.15)
    assert after["height"] >= 24
    assert sideways_overflow(page) <= 0


@pytest.mark.parametrize("path", [BOARD, CASE])
def test_the_pictures_are_axe_clean_with_the_table_and_list_beside_them(
    path: str, demo_site: ServedSite, page: Page
) -> None:
    page.goto(demo_site.address(path))
    assert not axe_violations(page)
    assert page.locator(".chart-svg").get_attribute("aria-hidden") == "true"
    if path == BOARD:
        table = page.get_by_role("table", name="Beslut per år")
        assert table.locator("tbody tr").count() == 3
    else:
        assert page.locator("ol.timeline > li").count() == page.locator(".chart-svg circle").count() == 4
