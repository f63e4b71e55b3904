"""The frame of every page: skip link, landmarks, breadcrumbs before <main>, header search, titles."""

from __future__ import annotations

import re

from tests.browser.sites import ServedSite


def test_every_page_has_a_skip_link_landmarks_and_the_header_search(any_site: ServedSite) -> None:
    """Skip link first, then banner, navigation, breadcrumbs (not on the start page), main and footer."""
    problems: list[str] = []
    for path in any_site.pages():
        html = any_site.file(path).read_text(encoding="utf-8")
        body = html[html.index("<body") :]
        order = [
            body.find(mark)
            for mark in ('class="skip-link"', "<header", 'class="site-nav"', "<main", "<footer")
        ]
        if -1 in order or order != sorted(order):
            problems.append(f"{path}: skip link, header, nav, main, footer out of order {order}")
        crumbs = body.find('class="breadcrumbs')
        if path and not 0 < crumbs < body.find("<main"):
            problems.append(f"{path}: no breadcrumbs before <main>")
        if path != "sok/" and 'role="search"' not in body[: body.find("<main")]:
            problems.append(f"{path}: no search box in the header")
    assert not problems, "\n".join(problems[:20])


def test_archive_pages_say_their_number_in_the_title(big_site: ServedSite) -> None:
    """Page 2 of a year's archive is "Beslut 2024, sida 2 av N" in <title>, and its heading says so too."""
    pages = sorted(p for p in big_site.kinds["year"] if p.startswith("arkiv/2024/"))
    assert len(pages) > 1
    html = big_site.file("arkiv/2024/sida/2/").read_text(encoding="utf-8")
    title = re.search(r"<title>(.*?)</title>", html)
    assert title and re.fullmatch(rf"Beslut 2024, sida 2 av {len(pages)} – .*", title[1])
    assert 'aria-current="page"' in html[html.index('class="pagination"') :]
