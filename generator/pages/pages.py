"""Every page of the site as a job: an address, a template, and the documented values it sees.

Jobs are produced lazily so that 100,000 record pages are rendered and written one at a time, each by
the worker that claims it (``JobMaker``).
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Iterator, Sequence
from functools import partial
from typing import Any

from generator.base.doctypes import Kind
from generator.base.urls import (
    ACCESSIBILITY,
    ARCHIVE,
    NEWS,
    NOTICE_BOARD,
    SEARCH,
    appeal_path,
    month_path,
    paged,
)
from generator.config.i18n import Translator
from generator.model.appeal import last_appeal_day
from generator.model.site import Board, Entry, Meeting, Organisation, Site
from generator.pages.context import Link, PageContext, make_item
from generator.pages.kinds import KINDS, PageJob, PageKind
from generator.pages.views import BoardLink, ListingView, MeetingView, OrganisationView

LATEST = 20
NEARBY = 21
"""How many of its meeting's §§ a § page lists (``RecordPageView.nearby``): ten before it and ten after.
All of them made a § page of a 400-§ meeting (make_corpus's at 100,000 records) 60 kB instead of 12 kB,
and the site's size grow with the square of a meeting's size; the meeting's page lists them all."""
MEETING_VIEWS = 256
"""Meetings whose views a page maker keeps (the most recently asked for)."""

JobMaker = Callable[[], PageJob]
"""Makes one page's job (its view) when called: a page is counted and placed without its view."""


class PageMaker:
    """Builds page jobs for one site; holds the shared parts of every page's context."""

    def __init__(self, site: Site, t: Translator) -> None:
        self.site = site
        self.t = t
        cfg = site.config
        self.nav = (
            Link(t("nav_start"), cfg.base_path),
            Link(t("nav_notice_board"), cfg.base_path + NOTICE_BOARD + "/"),
            Link(t("nav_news"), cfg.base_path + NEWS + "/"),
            Link(t("nav_archive"), cfg.base_path + ARCHIVE + "/"),
            Link(t("nav_search"), cfg.base_path + SEARCH + "/"),
        )
        self.footer = (Link(t("nav_accessibility"), cfg.base_path + ACCESSIBILITY + "/"),)
        self.home = Link(t("nav_start"), cfg.base_path)
        self._meeting_views: OrderedDict[Meeting, MeetingView] = OrderedDict()

    def page(
        self, kind: PageKind, path: str, title: str, crumbs: tuple[Link, ...] = (), **kw: Any
    ) -> PageContext:
        """Return the shared context of one page of ``kind``."""
        cfg = self.site.config
        return PageContext(
            site_title=cfg.title,
            language=cfg.language,
            base_path=cfg.base_path,
            base_url=cfg.base_url,
            path=path,
            title=title,
            description=kw.pop("description", ""),
            breadcrumbs=(self.home, *crumbs) if path else (),
            build_date=self.site.build_date,
            nav=self.nav,
            footer=self.footer,
            notice_board_url=cfg.base_path + NOTICE_BOARD + "/",
            indexed=KINDS[kind].indexed,
            **kw,
        )

    def meeting_view(self, meeting: Meeting) -> MeetingView:
        """Return the view of one meeting, kept while the meetings last asked for are few.

        Every § of a meeting shows the meeting's view on its page; making it anew for each would cost
        the square of the meeting's size. A record's pages come one meeting after another, so only the
        last ``MEETING_VIEWS`` are kept (all of them, a listing item for every record, in each process:
        at 100,000 records the pages stage's peak was 30 MB higher).
        """
        views = self._meeting_views
        view = views.get(meeting)
        if view is None:
            view = views[meeting] = self._make_meeting_view(meeting)
            if len(views) > MEETING_VIEWS:
                views.popitem(last=False)
        else:
            views.move_to_end(meeting)
        return view

    def _make_meeting_view(self, meeting: Meeting) -> MeetingView:
        site, base = self.site, self.site.config.base_path
        board = meeting.board
        # A whole protokoll is as appealable as its §§; a kallelse is no decision.
        decisions = (e.record for e in meeting.entries if e.record.typ.kind is not Kind.NOTICE)
        appealable = any(rec.overklagbar for rec in decisions)
        last = (
            last_appeal_day(meeting.anslag, site.config.appeal_period_days)
            if meeting.anslag and appealable
            else None
        )
        return MeetingView(
            title=meeting.title(self.t),
            url=base + meeting.path,
            board=meeting.board.name,
            board_url=base + board.path,
            organisation=meeting.organisation.name,
            date=meeting.date,
            justerat=meeting.justerat,
            anslag=meeting.anslag,
            last_appeal_day=last,
            protocol_location=meeting.organisation.config.protocol_location,
            appeal_court=meeting.organisation.config.appeal_court,
            appeal_url=base + appeal_path(meeting.organisation.slug),
            items=[make_item(e, site, self.t) for e in meeting.items],
            documents=[make_item(e, site, self.t) for e in meeting.documents],
        )

    def board_crumbs(self, board: Board) -> tuple[Link, ...]:
        """Return the breadcrumbs down to ``board``."""
        base = self.site.config.base_path
        org = board.organisation
        chain = [board]
        while chain[0].parent is not None:
            chain.insert(0, chain[0].parent)
        return (Link(org.config.name, base + org.path), *(Link(b.config.name, base + b.path) for b in chain))

    def listing(
        self,
        kind: PageKind,
        path: str,
        title: str,
        entries: Sequence[Entry],
        crumbs: tuple[Link, ...],
        **values: Any,
    ) -> Iterator[JobMaker]:
        """Yield the pages of a paginated listing (page number in the title from page 2 on)."""
        count = max(1, -(-len(entries) // self.site.config.page_size))
        for number in range(1, count + 1):
            yield partial(self.listing_page, kind, path, title, entries, crumbs, number, count, values)

    def listing_page(
        self,
        kind: PageKind,
        path: str,
        title: str,
        entries: Sequence[Entry],
        crumbs: tuple[Link, ...],
        number: int,
        count: int,
        values: dict[str, Any],
    ) -> PageJob:
        """Return page ``number`` of ``count`` of a listing."""
        size = self.site.config.page_size
        chunk = entries[(number - 1) * size : number * size]
        page_title = (
            title if number == 1 else self.t("page_title_numbered", title=title, number=number, count=count)
        )
        page = self.page(kind, paged(path, number), page_title, crumbs, page_number=number, page_count=count)
        pages = [Link(str(n), self.site.config.base_path + paged(path, n)) for n in range(1, count + 1)]
        items = [make_item(e, self.site, self.t) for e in chunk]
        return PageJob(kind, page.path, page, ListingView(items, pages, **values))


def month_links(site: Site, t: Translator, year: int) -> list[tuple[Link, int]]:
    """Return the months of ``year`` that have records, with their counts."""
    base = site.config.base_path
    return [
        (Link(t.month(m), base + month_path(y, m)), len(entries))
        for (y, m), entries in sorted(site.months.items())
        if y == year
    ]


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
