"""The live preview in Debian's Chromium: a page reloads by itself after a save, and shows errors until fixed.

The preview runs in this process on 127.0.0.1 (port 0) over a site in tmp_path; the test edits its
files as an editor does. A page that reloads loses ``window.kvar``, a mark the test sets on it; a
page that only shows the overlay keeps it.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from generator.config.i18n import Translator
from generator.model.site import Site
from generator.outputs import publish
from generator.pages.pages import JobMaker
from tests.browser.checks import axe_violations
from tests.browser.sites import Offsite
from tests.integration.previewing import (
    BUDGET,
    BUDGET_PAGE,
    SITE_FILES,
    TIMEOUT,
    running,
    save,
    status,
    wait_for_build,
)

BOARD_PAGE = "sjoviks-kommun/ks/"

WAIT_MS = TIMEOUT * 1000


def _mark(page: Page) -> None:
    page.evaluate("window.kvar = true")


def _reloaded(page: Page) -> bool:
    return bool(page.evaluate("window.kvar === undefined"))


def test_the_page_reloads_by_itself_after_a_save(
    site_factory: Callable[..., Path], page: Page, offsite: Offsite
) -> None:
    site = site_factory(SITE_FILES)
    good = SITE_FILES[BUDGET]
    with running(site) as preview:
        page.goto(preview.url + BUDGET_PAGE)
        expect(page.get_by_text("anta budgeten för 2024")).to_be_visible()
        _mark(page)

        save(site / BUDGET, good.replace("anta budgeten för 2024", "anta den reviderade budgeten"))

        expect(page.get_by_text("anta den reviderade budgeten")).to_be_visible(timeout=WAIT_MS)
        assert _reloaded(page)
    assert offsite.urls == []


def test_the_saved_records_page_reloads_once_and_the_pages_that_list_it_too(
    site_factory: Callable[..., Path], page: Page, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The full rebuild is made slow (as on a large site), so that the page has reloaded after the first
    # pass before the full rebuild's generation reaches it.
    every_page = publish.page_jobs

    def slowly(site: Site, t: Translator) -> Iterator[JobMaker]:
        time.sleep(1.0)
        yield from every_page(site, t)

    monkeypatch.setattr(publish, "page_jobs", slowly)
    site = site_factory(SITE_FILES)
    with running(site) as preview:
        board = page.context.new_page()  # the board lists the record; the full rebuild changes it
        board.goto(preview.url + BOARD_PAGE)
        expect(board.get_by_text("Budget för 2024")).to_be_visible()
        page.goto(preview.url + BUDGET_PAGE)
        before = status(preview)
        _mark(page)
        _mark(board)

        save(site / BUDGET, SITE_FILES[BUDGET].replace("anta budgeten för 2024", "anta en budget i balans"))

        expect(page.get_by_text("anta en budget i balans")).to_be_visible(timeout=WAIT_MS)
        _mark(page)  # the page as the first pass showed it
        done = wait_for_build(preview, before["builds"])
        assert done["generation"] == before["generation"] + 2 and done["first_pass"] is False
        page.wait_for_timeout(500)  # the full rebuild's event has reached the page
        assert not _reloaded(page), "the full rebuild did not change this page: no second reload"
        expect(board.get_by_text("anta en budget i balans")).to_be_visible(timeout=WAIT_MS)
        assert _reloaded(board), "the board's page changed with the full rebuild, so it reloaded"


def test_errors_show_over_the_page_until_fixed(
    site_factory: Callable[..., Path], page: Page, offsite: Offsite
) -> None:
    site = site_factory(SITE_FILES)
    good = SITE_FILES[BUDGET]
    with running(site) as preview:
        page.goto(preview.url + BUDGET_PAGE)
        expect(page.get_by_role("heading", level=1)).to_contain_text("Budget för 2024")
        _mark(page)

        save(site / BUDGET, good.replace("nämnd: KS", "nämnd: Kommunstyrelsn"))

        dialog = page.get_by_role("alertdialog", name="Webbplatsen kunde inte byggas: 1 fel")
        expect(dialog).to_be_visible(timeout=WAIT_MS)
        expect(dialog).to_contain_text(f"{BUDGET}:5")
        expect(dialog).to_contain_text('okänd nämnd "Kommunstyrelsn"')
        expect(dialog).to_contain_text('Tips: menade du "Kommunstyrelsen"?')
        expect(dialog).to_be_focused()
        assert not _reloaded(page), "a failed build does not reload the page"
        expect(page.get_by_role("heading", level=1)).to_contain_text("Budget för 2024")
        assert axe_violations(page) == []

        page.reload()  # a page opened while the site is broken shows the errors too
        expect(dialog).to_be_visible()
        expect(dialog).to_be_focused()
        page.get_by_role("button", name="Dölj felen och visa sidan").click()
        expect(dialog).to_be_hidden()
        _mark(page)

        save(site / BUDGET, good + "Rättat.\n")

        expect(page.get_by_text("Rättat.")).to_be_visible(timeout=WAIT_MS)
        assert _reloaded(page)
        expect(page.get_by_role("alertdialog")).to_have_count(0)
    assert offsite.urls == []


def test_a_draft_shows_its_banner(site_factory: Callable[..., Path], page: Page) -> None:
    draft = SITE_FILES[BUDGET].replace("paragraf: 12\n", "paragraf: 12\nutkast: true\n")
    site = site_factory({**SITE_FILES, BUDGET: draft})
    with running(site) as preview:
        page.goto(preview.url + BUDGET_PAGE)
        banner = page.locator("main .beslut-preview-banner")
        expect(banner).to_have_attribute("role", "note")
        expect(banner).to_contain_text("Utkast")
        assert axe_violations(page) == []
