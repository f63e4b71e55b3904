"""The site's pages of their own: the start page, the archive's index, the notice board, search, the
accessibility statement and the 404 page (``jobs.page_jobs`` puts them first)."""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial
from itertools import islice

from generator.base.doctypes import Kind
from generator.base.urls import ACCESSIBILITY, ARCHIVE, NOTICE_BOARD, SEARCH, year_path
from generator.pages.context import Link, make_item
from generator.pages.kinds import PageJob, PageKind
from generator.pages.notices import announcements, appeal_links, decision_notices, minutes_notices
from generator.pages.pages import LATEST, JobMaker, PageMaker, organisation_view
from generator.pages.views import (
    AccessibilityView,
    ArchiveView,
    HomeView,
    NotFoundView,
    NoticeBoardView,
    SearchView,
)


def singleton_pages(maker: PageMaker) -> Iterator[JobMaker]:
    """Yield the start page, archive index, notice board, search, accessibility and 404 pages."""
    yield partial(home_job, maker)
    yield partial(archive_job, maker)
    yield partial(notice_board_job, maker)
    yield partial(search_job, maker)
    yield partial(accessibility_job, maker)
    yield partial(not_found_job, maker)


def home_job(maker: PageMaker) -> PageJob:
    """Return the start page: the latest decisions and news, and the organisations."""
    site = maker.site
    decisions = (e for e in site.entries if e.record.typ.kind is not Kind.NEWS)
    latest = [make_item(e, site, maker.t) for e in islice(decisions, LATEST)]
    news = [make_item(e, site, maker.t) for e in site.news[:5]]
    organisations = tuple(organisation_view(o) for o in site.organisations)
    kind = PageKind.HOME
    return PageJob(kind, "", maker.page(kind, "", site.config.title), HomeView(latest, news, organisations))


def archive_job(maker: PageMaker) -> PageJob:
    """Return the archive's index: every year with its number of records."""
    site, t = maker.site, maker.t
    base = site.config.base_path
    years = [(Link(str(y), base + year_path(y)), len(e)) for y, e in sorted(site.years.items(), reverse=True)]
    kind = PageKind.ARCHIVE
    return PageJob(kind, ARCHIVE + "/", maker.page(kind, ARCHIVE + "/", t("nav_archive")), ArchiveView(years))


def search_job(maker: PageMaker) -> PageJob:
    """Return the search page."""
    kind = PageKind.SEARCH
    return PageJob(kind, SEARCH + "/", maker.page(kind, SEARCH + "/", maker.t("nav_search")), SearchView())


def accessibility_job(maker: PageMaker) -> PageJob:
    """Return the accessibility statement."""
    kind = PageKind.ACCESSIBILITY
    page = maker.page(kind, ACCESSIBILITY + "/", maker.t("accessibility_title"))
    return PageJob(kind, ACCESSIBILITY + "/", page, AccessibilityView(maker.site.config.accessibility))


def not_found_job(maker: PageMaker) -> PageJob:
    """Return the page shown for an address that is not there."""
    kind = PageKind.NOT_FOUND
    return PageJob(kind, "404.html", maker.page(kind, "404.html", maker.t("not_found_title")), NotFoundView())


def notice_board_job(maker: PageMaker) -> PageJob:
    """Return the notice board page: the notices up on the day of the build."""
    site, t = maker.site, maker.t
    kind = PageKind.NOTICE_BOARD
    page = maker.page(kind, NOTICE_BOARD + "/", t("notice_board_title"))
    view = NoticeBoardView(
        minutes=minutes_notices(maker),
        upcoming=announcements(maker),
        delegation=decision_notices(maker),
        appeal_pages=appeal_links(maker),
        demo_date=site.config.demo_date is not None and site.config.demo_date == site.build_date,
    )
    return PageJob(kind, NOTICE_BOARD + "/", page, view)
