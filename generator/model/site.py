"""The assembled site: organisations, boards, meetings, cases and entries, linked both ways.

Every object is frozen once ``assemble.assemble_site`` has made it: an entry knows its organisation,
board, meeting and case; a board its organisation, parent, sub-boards, meetings and entries; a meeting
its board and entries; a case its organisation and entries.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Mapping
from dataclasses import dataclass

from generator.base.doctypes import Kind
from generator.base.lean import lean, quick_state
from generator.base.record import Record
from generator.config.i18n import Translator
from generator.config.parts import BoardConfig, OrganisationConfig
from generator.config.settings import SiteConfig
from generator.markdown.references import Cited
from generator.markdown.render import Rendered

MEETING_KINDS = (Kind.MINUTES_ITEM, Kind.MINUTES, Kind.NOTICE)
APPEALABLE_KINDS = (Kind.MINUTES_ITEM, Kind.MINUTES, Kind.DELEGATION)
"""The decisions a page tells how to appeal (``överklagbar`` says whether each one can be)."""


@lean
@quick_state
@dataclass(frozen=True, eq=False, slots=True)
class RecordText:
    """A published record with its address and rendered text: a pure function of the record.

    Made once per record (the preview keeps it while the record is unchanged); ``Entry`` links it
    into the site.
    """

    record: Record
    path: str
    body: Rendered
    beslut_html: str
    beslut_text: str
    summary: str
    """Plain text for listings, search and meta description."""
    references: tuple[Cited, ...] = ()
    """Every cross-reference the record makes (body, ``beslut``, ``relaterade``), resolved or not."""


@dataclass(frozen=True, eq=False)
class Organisation:
    """An organisation with its boards and its records (newest first)."""

    config: OrganisationConfig
    path: str
    boards: tuple[Board, ...] = ()
    entries: tuple[Entry, ...] = ()

    @property
    def name(self) -> str:
        """Return the organisation's name."""
        return self.config.name

    @property
    def slug(self) -> str:
        """Return the organisation's address part."""
        return self.config.slug

    @functools.cached_property
    def appealable(self) -> bool:
        """Tell whether any of its published decisions can be appealed: only then has it a page on how."""
        return any(e.record.overklagbar and e.record.typ.kind in APPEALABLE_KINDS for e in self.entries)


@dataclass(frozen=True, eq=False)
class Board:
    """A board with its meetings (newest first) and its records (newest first)."""

    organisation: Organisation
    config: BoardConfig
    path: str
    parent: Board | None = None
    children: tuple[Board, ...] = ()
    meetings: tuple[Meeting, ...] = ()
    entries: tuple[Entry, ...] = ()

    @property
    def name(self) -> str:
        """Return the board's name."""
        return self.config.name

    @property
    def short(self) -> str:
        """Return the board's short name (its address part and its key in records)."""
        return self.config.short


@dataclass(frozen=True, eq=False)
class Meeting:
    """One sitting of a board on one day, with its records in order."""

    board: Board
    date: dt.date
    path: str
    entries: tuple[Entry, ...] = ()
    justerat: dt.date | None = None
    anslag: dt.date | None = None

    @property
    def organisation(self) -> Organisation:
        """Return the board's organisation."""
        return self.board.organisation

    @property
    def items(self) -> list[Entry]:
        """Return the §§ (protokollsutdrag), in order."""
        return [e for e in self.entries if e.record.typ.kind is Kind.MINUTES_ITEM]

    @property
    def documents(self) -> list[Entry]:
        """Return the whole minutes and notices of this meeting."""
        return [e for e in self.entries if e.record.typ.kind is not Kind.MINUTES_ITEM]

    @property
    def time(self) -> dt.time | None:
        """Return the time the meeting starts, when its kallelse (or minutes) gives one."""
        return next((e.record.tid for e in self.documents if e.record.tid), None)

    def title(self, t: Translator) -> str:
        """Return the meeting's title: the board and the day."""
        return t("meeting_title", board=self.board.name, date=t.date(self.date))


@dataclass(frozen=True, eq=False)
class Case:
    """Every record of one diarienummer within one organisation: the case's history, in date order."""

    organisation: Organisation
    diarienummer: str
    path: str
    entries: tuple[Entry, ...] = ()


@quick_state
@dataclass(frozen=True, eq=False, slots=True)
class Entry:
    """A published record in the site: its text, and where it belongs."""

    text: RecordText
    organisation: Organisation | None
    """Its organisation; None for the site's own news (``organisation: ingen``)."""
    board: Board | None = None
    """Its board, if it has one (``nämnd``)."""
    meeting: Meeting | None = None
    """The meeting of its board on its day, if any. Only §§, protokoll and kallelse are the meeting's own
    entries; a paper dated on a meeting's day is shown with that meeting."""
    case: Case | None = None
    """Its case (``diarienummer``), if it has one."""

    @property
    def record(self) -> Record:
        """Return the record."""
        return self.text.record

    @property
    def path(self) -> str:
        """Return the record's address."""
        return self.text.path

    @property
    def body(self) -> Rendered:
        """Return the rendered body."""
        return self.text.body

    @property
    def beslut_html(self) -> str:
        """Return the decision's wording as HTML, or empty."""
        return self.text.beslut_html

    @property
    def beslut_text(self) -> str:
        """Return the decision's wording as plain text, or empty."""
        return self.text.beslut_text

    @property
    def summary(self) -> str:
        """Return the plain-text summary for listings, search and meta description."""
        return self.text.summary

    @property
    def references(self) -> tuple[Cited, ...]:
        """Return every cross-reference the record makes."""
        return self.text.references


@dataclass(frozen=True, eq=False)
class Site:
    """The whole model: what the pages are made from."""

    config: SiteConfig
    build_date: dt.date
    entries: tuple[Entry, ...]
    """Every published record, newest first."""
    organisations: tuple[Organisation, ...]
    boards: Mapping[tuple[str, str], Board]
    """By (organisation slug, board short)."""
    meetings: Mapping[tuple[str, str, dt.date], Meeting]
    cases: Mapping[tuple[str, str], Case]
    """By (organisation slug, diarienummer)."""
    years: Mapping[int, tuple[Entry, ...]]
    months: Mapping[tuple[int, int], tuple[Entry, ...]]
    news: tuple[Entry, ...]
    withdrawn: tuple[Record, ...]
    """Records taken down (avpublicera passed): harvesters are told they are gone."""

    @functools.cached_property
    def _organisations_by_slug(self) -> dict[str, Organisation]:
        return {o.config.slug: o for o in self.organisations}

    def organisation(self, slug: str) -> Organisation:
        """Return the organisation with ``slug``."""
        return self._organisations_by_slug[slug]
