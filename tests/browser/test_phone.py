"""The demo on a phone: nothing scrolls sideways, and long words break only where they may be hyphenated."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser

from tests.browser.checks import sideways_overflow, split_words
from tests.browser.sites import Offsite, ServedSite, new_context

SOFT_HYPHEN = "\u00ad"
BREAKS = ("-", "\u2010", "\u2013", "\u2014", SOFT_HYPHEN)
"""Where a word may break: after a hyphen or a dash the reader sees ("2026–2029"), or at a soft hyphen."""


@pytest.mark.parametrize("width", [320, 390])
def test_every_page_of_the_demo_fits_a_phone_and_breaks_words_at_hyphens(
    width: int, demo_site: ServedSite, browser: Browser, offsite: Offsite
) -> None:
    """At 320 and 390 px: no page scrolls sideways, and a word in h1–h3, th, td, dt or dd that spans two
    lines has a hyphen, a dash or a soft hyphen to break at (measured per word with DOM ranges)."""
    context = new_context(browser, offsite, viewport={"width": width, "height": 800})
    page = context.new_page()
    problems: list[str] = []
    split_somewhere = 0
    for path in demo_site.pages():
        page.goto(demo_site.address(path))
        if (overflow := sideways_overflow(page)) > 0:
            problems.append(f"{path}: {overflow} px för bred")
        for word in split_words(page):
            split_somewhere += 1
            if not any(mark in word["word"] for mark in BREAKS):
                problems.append(f"{path}: <{word['tag']}> {word['word']!r} bryts utan bindestreck")
    context.close()
    assert not problems, "\n".join(problems)
    # The probe works: on a phone some long words of the demo do break, at their soft hyphens.
    assert split_somewhere > 0
