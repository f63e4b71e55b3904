"""The table of contents of the site: every page, kind by kind, in order.

Each function yields the jobs of one or two page kinds (``kinds.KINDS``): the page's shared context,
its view and the model object it shows. A job is yielded as its maker (``JobMaker``): the pages are
counted and ordered without their views, and a worker builds the view of a page only when it claims it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from functools import partial
from itertools import islice

from generator.base.doctypes import Kind
from generator.base.urls import (
    ARCHIVE,
    NEWS,
    NOTICE_BOARD,
    appeal_path,
    month_path,
    year_path,
)
from generator.config.i18n import Translator
from generator.model.site import Board, Case, Entry, Meeting, Organisation, Site
from generator.pages.charts import case_timeline, decisions_per_year
from generator.pages.context import Item, Link, make_item, make_record_view
from generator.pages.kinds import PageJob, PageKind
from generator.pages.notices import (
    decision_notices,
    meeting_appeal,
    minutes_notices,
    record_appeal,
)
from generator.pages.pages import (
    LATEST,
    NEARBY,
    JobMaker,
    PageMaker,
    board_link,
    month_links,
    organisation_view,
)
from generator.pages.singletons import singleton_pages
from generator.pages.views import (
    AppealPageView,
    BoardPageView,
    CasePageView,
    MeetingPageView,
    MeetingView,
    OrganisationPageView,
    RecordPageView,
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


def organisation_pages(maker: PageMaker) -> Iterator[JobMaker]:
    """Yield each organisation's page and, if it has appealable decisions, its page on how to appeal."""
    for org in maker.site.organisations:
        yield partial(organisation_job, maker, org)
        if org.appealable:
            yield partial(appeal_job, maker, org)


def organisation_job(maker: PageMaker, org: Organisation) -> PageJob:
    """Return an organisation's page: its boards and latest records."""
    view = organisation_view(org)
    latest = [make_item(e, maker.site, maker.t) for e in org.entries[:LATEST]]
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
        open_decisions=decision_notices(maker, org.config.slug),
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
        latest=[make_item(e, site, maker.t) for e in islice(decisions, LATEST)],
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
    items = [make_item(e, site, maker.t) for e in case.entries]
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
    record = make_record_view(entry, maker.site, maker.t)
    view = RecordPageView(
        record=record,
        meeting=meeting_view,
        nearby=nearby(meeting_view.items, record.item.url) if meeting_view is not None else (),
        appeal=record_appeal(maker, entry, meeting),
    )
    return PageJob(PageKind.RECORD, entry.path, page, view, entry)


def nearby(items: Sequence[Item], url: str, count: int = NEARBY) -> Sequence[Item]:
    """Return the ``count`` of a meeting's ``items`` around the one at ``url`` (all when no more).

    As many before it as after it where the meeting allows, else more on the other side; the first
    ``count`` when the page is none of them (a whole protokoll).
    """
    if len(items) <= count:
        return items
    here = next((i for i, item in enumerate(items) if item.url == url), 0)
    start = min(max(0, here - count // 2), len(items) - count)
    return items[start : start + count]


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
