"""The table of contents of the site: every page kind, in order."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import islice

from generator.base.doctypes import Kind
from generator.base.urls import (
    ACCESSIBILITY,
    ARCHIVE,
    NEWS,
    SEARCH,
    appeal_path,
    month_path,
    year_path,
)
from generator.config.i18n import Translator
from generator.model.site import Site
from generator.pages.context import Link, make_item, make_record_view
from generator.pages.notices import appeal_page_values, meeting_appeal, notice_board_job, record_appeal
from generator.pages.pages import LATEST, MeetingView, PageJob, PageMaker, month_links


def page_jobs(site: Site, t: Translator) -> Iterator[PageJob]:
    """Yield every page of the site."""
    maker = PageMaker(site, t)
    yield from singleton_pages(maker)
    yield from organisation_pages(maker)
    yield from board_pages(maker)
    yield from meeting_pages(maker)
    yield from case_pages(maker)
    yield from record_pages(maker)
    yield from archive_pages(maker)
    yield from maker.listing(NEWS + "/", "news.html", t("news_title"), site.news, ())


def singleton_pages(maker: PageMaker) -> Iterator[PageJob]:
    """Yield the start page, archive index, notice board, search, accessibility and 404 pages."""
    site, t = maker.site, maker.t
    base = site.config.base_path
    decisions = (e for e in site.entries if e.record.typ.kind is not Kind.NEWS)
    latest = [make_item(e, site) for e in islice(decisions, LATEST)]
    news = [make_item(e, site) for e in site.news[:5]]
    page = maker.page("", site.config.title, indexed=False)
    yield PageJob(
        "", "index.html", page, {"latest": latest, "news": news, "organisations": site.organisations}
    )
    years = [(Link(str(y), base + year_path(y)), len(e)) for y, e in sorted(site.years.items(), reverse=True)]
    page = maker.page(ARCHIVE + "/", t("nav_archive"), indexed=False)
    yield PageJob(ARCHIVE + "/", "archive.html", page, {"years": years})
    yield notice_board_job(maker)
    yield PageJob(SEARCH + "/", "search.html", maker.page(SEARCH + "/", t("nav_search"), indexed=False), {})
    page = maker.page(ACCESSIBILITY + "/", t("accessibility_title"))
    yield PageJob(ACCESSIBILITY + "/", "accessibility.html", page, {"statement": site.config.accessibility})
    yield PageJob("404.html", "404.html", maker.page("404.html", t("not_found_title"), indexed=False), {})


def organisation_pages(maker: PageMaker) -> Iterator[PageJob]:
    """Yield each organisation's page and its permanent page on how to appeal."""
    site, t = maker.site, maker.t
    for org in site.organisations:
        crumbs = (Link(org.config.name, site.config.base_path + org.path),)
        values = {
            "organisation": org.config,
            "boards": [b for b in org.boards if b.parent is None],
            "latest": [make_item(e, site) for e in org.entries[:LATEST]],
        }
        yield PageJob(
            org.path, "organisation.html", maker.page(org.path, org.config.name, indexed=False), values
        )
        path = appeal_path(org.config.slug)
        page = maker.page(path, t("appeal_page_title", organisation=org.config.name), crumbs)
        values = {"organisation": org.config, **appeal_page_values(maker, org.config.slug)}
        yield PageJob(path, "appeal.html", page, values)


def board_pages(maker: PageMaker) -> Iterator[PageJob]:
    """Yield each board's page: its meetings by year and its latest decisions."""
    site = maker.site
    for board in site.boards.values():
        by_year: dict[int, list[MeetingView]] = {}
        for meeting in board.meetings:
            by_year.setdefault(meeting.date.year, []).append(maker.meeting_view(meeting))
        decisions = (e for e in board.entries if e.record.typ.kind is Kind.MINUTES_ITEM)
        values = {
            "board": board.config,
            "children": board.children,
            "meetings_by_year": by_year,
            "latest": [make_item(e, site) for e in islice(decisions, LATEST)],
        }
        page = maker.page(board.path, board.config.name, maker.board_crumbs(board)[:-1], indexed=False)
        yield PageJob(board.path, "board.html", page, values)


def meeting_pages(maker: PageMaker) -> Iterator[PageJob]:
    """Yield each meeting's page: its §§ in order, justering, anslag and the last day to appeal."""
    site = maker.site
    for meeting in site.meetings.values():
        view = maker.meeting_view(meeting)
        board = site.boards[(meeting.organisation.slug, meeting.board.short)]
        page = maker.page(meeting.path, view.title, maker.board_crumbs(board), indexed=False)
        values = {"meeting": view, "appeal": meeting_appeal(maker, meeting)}
        yield PageJob(meeting.path, "meeting.html", page, values)


def case_pages(maker: PageMaker) -> Iterator[PageJob]:
    """Yield each case's page: every record of one diarienummer in date order, across boards."""
    site = maker.site
    for case in site.cases.values():
        org = site.organisation(case.organisation.slug)
        crumbs = (Link(org.config.name, site.config.base_path + org.path),)
        page = maker.page(case.path, maker.t("case_title", diarienummer=case.diarienummer), crumbs)
        values = {
            "diarienummer": case.diarienummer,
            "organisation": case.organisation,
            "items": [make_item(e, site) for e in case.entries],
        }
        yield PageJob(case.path, "case.html", page, values)


def record_pages(maker: PageMaker) -> Iterator[PageJob]:
    """Yield each record's page, with its meeting's view when it belongs to one."""
    site = maker.site
    base = site.config.base_path
    for entry in site.entries:
        rec = entry.record
        meeting = site.meetings.get((rec.organisation, rec.namnd, rec.datum)) if rec.namnd else None
        meeting_view = maker.meeting_view(meeting) if meeting is not None else None
        crumbs: tuple[Link, ...]
        if rec.namnd:
            crumbs = maker.board_crumbs(site.boards[(rec.organisation, rec.namnd)])
            if meeting is not None and meeting_view is not None and meeting.path != entry.path:
                crumbs += (Link(meeting_view.title, base + meeting.path),)
        else:
            org = site.organisation(rec.organisation)
            crumbs = (Link(org.config.name, base + org.path),)
        page = maker.page(entry.path, rec.titel, crumbs, description=entry.summary)
        values = {
            "record": make_record_view(entry, site),
            "meeting": meeting_view,
            "appeal": record_appeal(maker, entry, meeting),
        }
        yield PageJob(entry.path, "record.html", page, values)


def archive_pages(maker: PageMaker) -> Iterator[PageJob]:
    """Yield the paginated archive of every year and month."""
    site, t = maker.site, maker.t
    base = site.config.base_path
    archive = Link(t("nav_archive"), base + ARCHIVE + "/")
    for year, entries in sorted(site.years.items()):
        title = t("year_title", year=year)
        months = month_links(site, t, year)
        yield from maker.listing(
            year_path(year), "year.html", title, entries, (archive,), year=year, months=months
        )
    for (year, month), entries in sorted(site.months.items()):
        title = t("month_title", month=t.month(month), year=year)
        crumbs = (archive, Link(str(year), base + year_path(year)))
        yield from maker.listing(
            month_path(year, month), "month.html", title, entries, crumbs, year=year, month=month
        )
