"""The table of contents of the site: every page kind, in order."""

from __future__ import annotations

from collections.abc import Iterator

from generator.context import Link, make_item, make_record_view
from generator.i18n import Translator
from generator.pages import LATEST, PageJob, PageMaker, month_links
from generator.site import Site
from generator.urls import (
    ACCESSIBILITY,
    ARCHIVE,
    NEWS,
    NOTICE_BOARD,
    SEARCH,
    appeal_path,
    month_path,
    year_path,
)


def page_jobs(site: Site, t: Translator) -> Iterator[PageJob]:
    """Yield every page of the site."""
    maker = PageMaker(site, t)
    base = site.config.base_path
    yield from _singletons(site, t, maker)
    for org in site.organisations:
        crumbs = (Link(org.config.name, base + org.path),)
        boards = [b for b in org.boards if b.parent is None]
        latest = [make_item(e, site) for e in org.entries[:LATEST]]
        page = maker.page(org.path, org.config.name, crumbs[:0], indexed=False)
        yield PageJob(
            org.path,
            "organisation.html",
            page,
            {"organisation": org.config, "boards": boards, "latest": latest},
        )
        path = appeal_path(org.config.slug)
        page = maker.page(path, t("appeal_page_title", organisation=org.config.name), crumbs)
        yield PageJob(path, "appeal.html", page, {"organisation": org.config})
    for board in site.boards.values():
        crumbs = maker.board_crumbs(board)
        by_year: dict[int, list[object]] = {}
        for meeting in board.meetings:
            by_year.setdefault(meeting.date.year, []).append(maker.meeting_view(meeting))
        latest = [make_item(e, site) for e in board.entries if e.record.typ.kind.value == "protokollsutdrag"][
            :LATEST
        ]
        page = maker.page(board.path, board.config.name, crumbs[:-1], indexed=False)
        values = {
            "board": board.config,
            "children": board.children,
            "meetings_by_year": by_year,
            "latest": latest,
        }
        yield PageJob(board.path, "board.html", page, values)
    for meeting in site.meetings.values():
        view = maker.meeting_view(meeting)
        board = site.boards[(meeting.organisation.slug, meeting.board.short)]
        page = maker.page(meeting.path, view.title, maker.board_crumbs(board), indexed=False)
        yield PageJob(meeting.path, "meeting.html", page, {"meeting": view})
    for case in site.cases.values():
        org = next(o for o in site.organisations if o.config is case.organisation)
        crumbs = (Link(org.config.name, base + org.path),)
        page = maker.page(case.path, t("case_title", diarienummer=case.diarienummer), crumbs)
        items = [make_item(e, site) for e in case.entries]
        yield PageJob(
            case.path,
            "case.html",
            page,
            {"diarienummer": case.diarienummer, "organisation": case.organisation, "items": items},
        )
    for entry in site.entries:
        rec = entry.record
        view = make_record_view(entry, site)
        if rec.namnd:
            crumbs = maker.board_crumbs(site.boards[(rec.organisation, rec.namnd)])
            meeting = site.meetings.get((rec.organisation, rec.namnd, rec.datum))
            if meeting is not None and meeting.path != entry.path:
                crumbs += (Link(maker.meeting_view(meeting).title, base + meeting.path),)
        else:
            org = next(o for o in site.organisations if o.config.slug == rec.organisation)
            crumbs = (Link(org.config.name, base + org.path),)
        meeting_view = None
        if rec.namnd and (m := site.meetings.get((rec.organisation, rec.namnd, rec.datum))) is not None:
            meeting_view = maker.meeting_view(m)
        page = maker.page(entry.path, rec.titel, crumbs, description=entry.summary)
        yield PageJob(entry.path, "record.html", page, {"record": view, "meeting": meeting_view})
    archive = Link(t("nav_archive"), base + ARCHIVE + "/")
    for year, entries in sorted(site.years.items()):
        crumbs = (archive,)
        months = month_links(site, t, year)
        yield from maker.listing(
            year_path(year),
            "year.html",
            t("year_title", year=year),
            entries,
            crumbs,
            year=year,
            months=months,
        )
        for (y, m), month_entries in sorted(site.months.items()):
            if y == year:
                title = t("month_title", month=t.month(m), year=year)
                crumbs_m = (archive, Link(str(year), base + year_path(year)))
                yield from maker.listing(
                    month_path(y, m), "month.html", title, month_entries, crumbs_m, year=year, month=m
                )
    yield from maker.listing(NEWS + "/", "news.html", t("news_title"), site.news, ())


def _singletons(site: Site, t: Translator, maker: PageMaker) -> Iterator[PageJob]:
    """Yield the start page, archive index, notice board, search, accessibility and 404 pages."""
    base = site.config.base_path
    latest = [make_item(e, site) for e in site.entries if e.record.typ.kind.value != "nyhet"][:LATEST]
    news = [make_item(e, site) for e in site.news[:5]]
    page = maker.page("", site.config.title, indexed=False)
    yield PageJob(
        "", "index.html", page, {"latest": latest, "news": news, "organisations": site.organisations}
    )
    years = [(Link(str(y), base + year_path(y)), len(e)) for y, e in sorted(site.years.items(), reverse=True)]
    yield PageJob(
        ARCHIVE + "/",
        "archive.html",
        maker.page(ARCHIVE + "/", t("nav_archive"), indexed=False),
        {"years": years},
    )
    page = maker.page(NOTICE_BOARD + "/", t("notice_board_title"), indexed=False)
    yield PageJob(
        NOTICE_BOARD + "/", "notices.html", page, {**maker.notices(), "organisations": site.organisations}
    )
    yield PageJob(SEARCH + "/", "search.html", maker.page(SEARCH + "/", t("nav_search"), indexed=False), {})
    page = maker.page(ACCESSIBILITY + "/", t("accessibility_title"))
    yield PageJob(ACCESSIBILITY + "/", "accessibility.html", page, {"statement": site.config.accessibility})
    yield PageJob("404.html", "404.html", maker.page("404.html", t("not_found_title"), indexed=False), {})
