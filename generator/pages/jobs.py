"""The table of contents of the site: every page, kind by kind, in order.

Each function yields the jobs of one or two page kinds (``kinds.KINDS``): the page's shared context,
its view and the model object it shows. A job is yielded as its maker (``JobMaker``): the pages are
counted and ordered without their views, and a worker builds the view of a page only when it claims it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import partial
from itertools import islice

from generator.base.doctypes import Kind
from generator.base.urls import (
    ACCESSIBILITY,
    ARCHIVE,
    NEWS,
    NOTICE_BOARD,
    SEARCH,
    appeal_path,
    month_path,
    year_path,
)
from generator.config.i18n import Translator
from generator.model.site import Board, Case, Entry, Meeting, Organisation, Site
from generator.pages.charts import case_timeline, decisions_per_year
from generator.pages.context import Link, make_item, make_record_view
from generator.pages.kinds import PageJob, PageKind
from generator.pages.notices import (
    announcements,
    appeal_links,
    decision_notices,
    meeting_appeal,
    minutes_notices,
    record_appeal,
)
from generator.pages.pages import LATEST, JobMaker, PageMaker, month_links
from generator.pages.views import (
    AccessibilityView,
    AppealPageView,
    ArchiveView,
    BoardLink,
    BoardPageView,
    CasePageView,
    HomeView,
    MeetingPageView,
    MeetingView,
    NotFoundView,
    NoticeBoardView,
    OrganisationPageView,
    OrganisationView,
    RecordPageView,
    SearchView,
)


def page_jobs(site: Site, t: Translator) -> Iterator[JobMaker]:
    """Yield the maker of every page of the site, in order."""
    maker = PageMaker(site, t)
    yield from singleton_pages(maker)
    yield from organisation_pages(maker)
    yield from board_pages(maker)
    yield from meeting_pages(maker)
    yield from case_pages(maker)
    yield from record_pages(maker)
    yield from archive_pages(maker)
    yield from maker.listing(PageKind.NEWS, NEWS + "/", t("news_title"), site.news, ())


def board_link(board: Board) -> BoardLink:
    """Return a board as listed, with its sub-boards."""
    return BoardLink(board.config.name, board.path, tuple(board_link(c) for c in board.children))


def organisation_view(org: Organisation) -> OrganisationView:
    """Return an organisation as pages name it, with its top-level boards."""
    cfg = org.config
    boards = tuple(board_link(b) for b in org.boards if b.parent is None)
    appeal = appeal_path(cfg.slug) if org.appealable else ""
    return OrganisationView(
        cfg.name, cfg.slug, org.path, cfg.protocol_location, cfg.appeal_court, cfg.contact, boards, appeal
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
    latest = [make_item(e, site) for e in islice(decisions, LATEST)]
    news = [make_item(e, site) for e in site.news[:5]]
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
        upcoming=announcements(site),
        delegation=decision_notices(site),
        appeal_pages=appeal_links(maker),
        demo_date=site.config.demo_date is not None and site.config.demo_date == site.build_date,
    )
    return PageJob(kind, NOTICE_BOARD + "/", page, view)


def organisation_pages(maker: PageMaker) -> Iterator[JobMaker]:
    """Yield each organisation's page and, if it has appealable decisions, its page on how to appeal."""
    for org in maker.site.organisations:
        yield partial(organisation_job, maker, org)
        if org.appealable:
            yield partial(appeal_job, maker, org)


def organisation_job(maker: PageMaker, org: Organisation) -> PageJob:
    """Return an organisation's page: its boards and latest records."""
    view = organisation_view(org)
    latest = [make_item(e, maker.site) for e in org.entries[:LATEST]]
    page = maker.page(PageKind.ORGANISATION, org.path, org.config.name, example=example_of(org))
    return PageJob(
        PageKind.ORGANISATION, org.path, page, OrganisationPageView(view, view.boards, latest), org
    )


def appeal_job(maker: PageMaker, org: Organisation) -> PageJob:
    """Return an organisation's page on how to appeal: what can be appealed now, and how."""
    site, t = maker.site, maker.t
    crumbs = (Link(org.config.name, site.config.base_path + org.path),)
    path = appeal_path(org.config.slug)
    title = t("appeal_page_title", organisation=org.config.name)
    page = maker.page(PageKind.APPEAL, path, title, crumbs, example=example_of(org))
    open_now = minutes_notices(maker, org.config.slug)
    appeal = AppealPageView(
        organisation=organisation_view(org),
        open_minutes=[n for n in open_now if n.meeting.last_appeal_day is not None],
        open_decisions=decision_notices(site, org.config.slug),
        notice_board_url=site.config.base_path + NOTICE_BOARD + "/",
    )
    return PageJob(PageKind.APPEAL, path, page, appeal)


def board_pages(maker: PageMaker) -> Iterator[JobMaker]:
    """Yield each board's page."""
    for board in maker.site.boards.values():
        yield partial(board_job, maker, board)


def board_job(maker: PageMaker, board: Board) -> PageJob:
    """Return a board's page: its meetings by year and its latest decisions."""
    site = maker.site
    by_year: dict[int, list[MeetingView]] = {}
    for meeting in board.meetings:
        by_year.setdefault(meeting.date.year, []).append(maker.meeting_view(meeting))
    decisions = (e for e in board.entries if e.record.typ.kind is Kind.MINUTES_ITEM)
    link = board_link(board)
    view = BoardPageView(
        board=link,
        children=link.children,
        meetings_by_year=by_year,
        latest=[make_item(e, site) for e in islice(decisions, LATEST)],
        decisions_per_year=decisions_per_year(board.entries),
    )
    crumbs = maker.board_crumbs(board)[:-1]
    page = maker.page(
        PageKind.BOARD, board.path, board.config.name, crumbs, example=example_of(board.organisation)
    )
    return PageJob(PageKind.BOARD, board.path, page, view, board)


def meeting_pages(maker: PageMaker) -> Iterator[JobMaker]:
    """Yield each meeting's page."""
    for meeting in maker.site.meetings.values():
        yield partial(meeting_job, maker, meeting)


def meeting_job(maker: PageMaker, meeting: Meeting) -> PageJob:
    """Return a meeting's page: its §§ in order, justering, anslag and the last day to appeal."""
    view = maker.meeting_view(meeting)
    crumbs = maker.board_crumbs(meeting.board)
    example = example_of(meeting.organisation)
    page = maker.page(PageKind.MEETING, meeting.path, view.title, crumbs, example=example)
    return PageJob(
        PageKind.MEETING, meeting.path, page, MeetingPageView(view, meeting_appeal(maker, meeting)), meeting
    )


def case_pages(maker: PageMaker) -> Iterator[JobMaker]:
    """Yield each case's page."""
    for case in maker.site.cases.values():
        yield partial(case_job, maker, case)


def case_job(maker: PageMaker, case: Case) -> PageJob:
    """Return a case's page: every record of one diarienummer in date order, across boards."""
    site = maker.site
    org = case.organisation
    crumbs = (Link(org.config.name, site.config.base_path + org.path),)
    title = maker.t("case_title", diarienummer=case.diarienummer)
    page = maker.page(PageKind.CASE, case.path, title, crumbs, example=example_of(org))
    items = [make_item(e, site) for e in case.entries]
    timeline = case_timeline(case.entries, maker.t) if case.entries else None
    view = CasePageView(case.diarienummer, organisation_view(org), items, timeline)
    return PageJob(PageKind.CASE, case.path, page, view, case)


def saved_record_pages(site: Site, t: Translator, files: frozenset[str]) -> Iterator[JobMaker]:
    """Yield the pages of the records read from ``files`` only (the preview's first pass after a save)."""
    yield from record_pages(PageMaker(site, t), [e for e in site.entries if e.record.rel in files])


def record_pages(maker: PageMaker, entries: Iterable[Entry] | None = None) -> Iterator[JobMaker]:
    """Yield each record's page (of ``entries``, else all)."""
    for entry in maker.site.entries if entries is None else entries:
        yield partial(record_job, maker, entry)


def record_job(maker: PageMaker, entry: Entry) -> PageJob:
    """Return a record's page, with its meeting's view when it has one."""
    base = maker.site.config.base_path
    rec = entry.record
    meeting = entry.meeting
    meeting_view = maker.meeting_view(meeting) if meeting is not None else None
    crumbs: tuple[Link, ...]
    if entry.board is not None:
        crumbs = maker.board_crumbs(entry.board)
        if meeting is not None and meeting_view is not None and meeting.path != entry.path:
            crumbs += (Link(meeting_view.title, base + meeting.path),)
    elif entry.organisation is not None:
        crumbs = (Link(entry.organisation.name, base + entry.organisation.path),)
    else:  # the site's own news (organisation: ingen)
        crumbs = (Link(maker.t("news_title"), base + NEWS + "/"),)
    example = example_of(entry.organisation)
    page = maker.page(
        PageKind.RECORD, entry.path, rec.titel, crumbs, description=entry.summary, example=example
    )
    view = RecordPageView(
        record=make_record_view(entry, maker.site),
        meeting=meeting_view,
        appeal=record_appeal(maker, entry, meeting),
    )
    return PageJob(PageKind.RECORD, entry.path, page, view, entry)


def example_of(organisation: Organisation | None) -> str:
    """Return the organisation's name if site.yaml marks it a made-up example, else ''."""
    return organisation.name if organisation is not None and organisation.config.example else ""


def archive_pages(maker: PageMaker) -> Iterator[JobMaker]:
    """Yield the paginated archive of every year and month."""
    site, t = maker.site, maker.t
    base = site.config.base_path
    archive = Link(t("nav_archive"), base + ARCHIVE + "/")
    for year, entries in sorted(site.years.items()):
        title = t("year_title", year=year)
        months = month_links(site, t, year)
        yield from maker.listing(
            PageKind.YEAR, year_path(year), title, entries, (archive,), year=year, months=months
        )
    for (year, month), entries in sorted(site.months.items()):
        title = t("month_title", month=t.month(month), year=year)
        crumbs = (archive, Link(str(year), base + year_path(year)))
        yield from maker.listing(
            PageKind.MONTH, month_path(year, month), title, entries, crumbs, year=year, month=month
        )
