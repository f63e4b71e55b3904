"""The view each template sees, field by field: nothing else reaches a template.

Every template gets ``page`` (a ``PageContext``: the site, where the page is, how to link), the UI
strings as ``t``, and the fields of its kind's view (``kinds.KINDS``) as names of their own. The parts
views are made of (``Item``, ``MeetingView``, ``AppealView``, the notices) are here too, so this file is
the whole vocabulary of the templates; ``docs/theme.md`` lists it, generated from these classes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from generator.config.parts import AccessibilityConfig
from generator.pages.charts import BarChart, Timeline
from generator.pages.context import Item, Link, RecordView


class View:
    """What every page kind's view is (a frozen dataclass whose fields the template sees)."""


# The parts views are made of.


@dataclass(frozen=True)
class BoardLink:
    """A board in a list of boards, with its sub-boards."""

    name: str
    path: str
    """Its address relative to the site root (``page.url(path)`` links it)."""
    children: tuple[BoardLink, ...] = ()


@dataclass(frozen=True)
class OrganisationView:
    """An organisation as pages name it."""

    name: str
    slug: str
    path: str
    """Its page's address relative to the site root."""
    protocol_location: str
    """Where its justerade protokoll are kept (förvaringsplats)."""
    appeal_court: str
    """The förvaltningsrätt that hears appeals of its decisions."""
    contact: str
    boards: tuple[BoardLink, ...] = ()
    """Its top-level boards, each with its sub-boards."""
    appeal_path: str = ""
    """Its page on how to appeal, relative to the site root; empty when none of its published decisions
    can be appealed (it then has no such page)."""


@dataclass(frozen=True)
class MeetingView:
    """A meeting as listed and shown: its §§ in order and its appeal dates."""

    title: str
    url: str
    board: str
    board_url: str
    organisation: str
    date: dt.date
    justerat: dt.date | None
    anslag: dt.date | None
    last_appeal_day: dt.date | None
    protocol_location: str
    appeal_court: str
    appeal_url: str
    items: list[Item]
    """Its §§ (protokollsutdrag), in order."""
    documents: list[Item]
    """Its whole protokoll and kallelse."""


@dataclass(frozen=True)
class AppealView:
    """What a decision's or meeting's page says about appealing it (Kommunallagen 13 kap.)."""

    appealable: bool
    """False for a decision written ``överklagbar: false``, or a meeting with no appealable decision."""
    last_day: dt.date | None
    """The last day an appeal may arrive; None while the anslag date is not yet published."""
    expired: bool
    """True when the build date is past ``last_day``: the page says the time has run out."""
    moved_from: dt.date | None
    """The day the period really ends when that is no working day (lag 1930:173), else None."""
    moved_reason: str
    """What that day is: a holiday's or eve's name, or the weekday (``julafton``, ``lördag``)."""
    organisation: str
    court: str
    """The förvaltningsrätt that hears the appeal."""
    reference: str
    """How to name the decision in an appeal: board, date and §, or title and date."""
    diarienummer: str
    url: str
    """The organisation's permanent page on how to appeal."""


@dataclass(frozen=True)
class MinutesNotice:
    """The notice that a meeting's protokoll has been justerat (8 kap. 12 §)."""

    meeting: MeetingView
    """The meeting; the notice lists its §§ (``items``), so that a reader sees what can be appealed."""
    posted: dt.date
    """The day the notice went up (anslag)."""
    down: dt.date
    """The last day the notice is up: the last day to appeal."""


@dataclass(frozen=True)
class DecisionNotice:
    """The notice of a delegationsbeslut whose appeal period runs."""

    item: Item
    posted: dt.date
    down: dt.date


@dataclass(frozen=True)
class MeetingAnnouncement:
    """An upcoming fullmäktige meeting, announced from its kallelse (5 kap. 62 §)."""

    item: Item
    time: dt.time | None


# One view per page kind.


@dataclass(frozen=True)
class HomeView(View):
    """The start page (``index.html``)."""

    latest: list[Item]
    """The newest decisions and papers (news excluded)."""
    news: list[Item]
    """The five newest news items."""
    organisations: tuple[OrganisationView, ...]
    """Every organisation, with its boards."""


@dataclass(frozen=True)
class ArchiveView(View):
    """The archive's index (``archive.html``)."""

    years: list[tuple[Link, int]]
    """Each year with records, newest first, with its number of records."""


@dataclass(frozen=True)
class NoticeBoardView(View):
    """The notice board on the day of the build (``notices.html``, Kommunallagen 8 kap. 9–10 §§)."""

    minutes: list[MinutesNotice]
    """Justerade protokoll whose notice is up, newest first."""
    upcoming: list[MeetingAnnouncement]
    """Coming fullmäktige meetings, from their kallelse, soonest first."""
    delegation: list[DecisionNotice]
    """Appealable delegationsbeslut whose notice is up."""
    appeal_pages: list[Link]
    """The page on how to appeal of each organisation with appealable decisions."""
    demo_date: bool = False
    """True when the day of the build is the demo's fixed ``demo_date`` (site.yaml): the page says so."""


@dataclass(frozen=True)
class SearchView(View):
    """The search page (``search.html``): everything it needs is in ``page`` and the UI strings."""


@dataclass(frozen=True)
class AccessibilityView(View):
    """The accessibility statement (``accessibility.html``), from site.yaml's ``accessibility``."""

    statement: AccessibilityConfig


@dataclass(frozen=True)
class NotFoundView(View):
    """The page for an address that does not exist (``404.html``)."""


@dataclass(frozen=True)
class OrganisationPageView(View):
    """An organisation's page (``organisation.html``)."""

    organisation: OrganisationView
    boards: tuple[BoardLink, ...]
    """Its top-level boards, each with its sub-boards."""
    latest: list[Item]
    """Its newest records."""


@dataclass(frozen=True)
class AppealPageView(View):
    """An organisation's permanent page on how to appeal (``appeal.html``)."""

    organisation: OrganisationView
    open_minutes: list[MinutesNotice]
    """Its justerade protokoll whose time to appeal runs now."""
    open_decisions: list[DecisionNotice]
    """Its delegationsbeslut whose time to appeal runs now."""
    notice_board_url: str


@dataclass(frozen=True)
class BoardPageView(View):
    """A board's page (``board.html``)."""

    board: BoardLink
    children: tuple[BoardLink, ...]
    """Its sub-boards."""
    meetings_by_year: dict[int, list[MeetingView]]
    """Its meetings, by year."""
    latest: list[Item]
    """Its newest §§."""
    decisions_per_year: BarChart | None = None
    """Its §§ and delegationsbeslut per year, first year to last, as a bar chart and a table; None when
    it has none."""


@dataclass(frozen=True)
class MeetingPageView(View):
    """A meeting's page (``meeting.html``)."""

    meeting: MeetingView
    appeal: AppealView | None
    """None until the meeting has minutes on the site."""


@dataclass(frozen=True)
class CasePageView(View):
    """A case's page (``case.html``): every record of one diarienummer, across boards."""

    diarienummer: str
    organisation: OrganisationView
    items: list[Item]
    """Its records in date order."""
    timeline: Timeline | None = None
    """The same records as a picture: a line per board, a numbered dot per record (the list's numbers)."""


@dataclass(frozen=True)
class RecordPageView(View):
    """A record's page (``record.html``)."""

    record: RecordView
    meeting: MeetingView | None
    """The meeting it belongs to, if any."""
    nearby: Sequence[Item]
    """The meeting's §§ the page lists: all of them in a meeting of at most ``NEARBY`` §§, else the
    ``NEARBY`` around this one (the meeting's page lists them all). Empty without a meeting."""
    appeal: AppealView | None
    """None for papers, notices and news."""


@dataclass(frozen=True)
class ListingView(View):
    """One page of a paginated listing: a year, a month or the news.

    Templates ``year.html``, ``month.html`` and ``news.html``.
    """

    items: list[Item]
    """The records on this page."""
    pages: list[Link]
    """Every page of the listing (pagination)."""
    year: int | None = None
    """The year (year and month listings)."""
    month: int | None = None
    """The month (month listings)."""
    months: list[tuple[Link, int]] | None = None
    """The months of the year with their counts (year listings)."""
