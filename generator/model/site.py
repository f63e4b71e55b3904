"""Assemble the site model from validated records: boards, meetings, cases, archives, news.

Everything here is computed once, in linear time over the records (dictionaries keyed by
board, meeting and case), before anything is written.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections import defaultdict
from dataclasses import dataclass, field

from generator.base.diagnostics import Diagnostic
from generator.base.doctypes import Kind
from generator.base.record import Record
from generator.base.slugs import slugify
from generator.base.urls import board_path, case_path, meeting_path, organisation_path, record_path
from generator.config.parts import BoardConfig, OrganisationConfig
from generator.config.settings import SiteConfig
from generator.markdown.references import Cited
from generator.markdown.render import Rendered

MEETING_KINDS = (Kind.MINUTES_ITEM, Kind.MINUTES, Kind.NOTICE)


@dataclass(frozen=True, eq=False)
class Entry:
    """A published record with its address and rendered text."""

    record: Record
    path: str
    body: Rendered
    beslut_html: str
    beslut_text: str
    summary: str
    """Plain text for listings, search and meta description."""
    references: tuple[Cited, ...] = ()
    """Every cross-reference the record makes (body, ``beslut``, ``relaterade``), resolved or not."""


@dataclass(eq=False)
class Meeting:
    """One sitting of a board on one day, with its §§ in order."""

    organisation: OrganisationConfig
    board: BoardConfig
    date: dt.date
    path: str
    entries: list[Entry] = field(default_factory=list)
    justerat: dt.date | None = None
    anslag: dt.date | None = None

    @property
    def items(self) -> list[Entry]:
        """Return the §§ (protokollsutdrag), in order."""
        return [e for e in self.entries if e.record.typ.kind is Kind.MINUTES_ITEM]

    @property
    def documents(self) -> list[Entry]:
        """Return the whole minutes and notices of this meeting."""
        return [e for e in self.entries if e.record.typ.kind is not Kind.MINUTES_ITEM]


@dataclass(eq=False)
class Case:
    """Every record of one diarienummer within one organisation: the case's history."""

    organisation: OrganisationConfig
    diarienummer: str
    path: str
    entries: list[Entry] = field(default_factory=list)


@dataclass(eq=False)
class Board:
    """A board with its meetings (newest first) and its records (newest first)."""

    organisation: OrganisationConfig
    config: BoardConfig
    path: str
    parent: Board | None = None
    children: list[Board] = field(default_factory=list)
    meetings: list[Meeting] = field(default_factory=list)
    entries: list[Entry] = field(default_factory=list)


@dataclass(eq=False)
class Organisation:
    """An organisation with its boards and its records."""

    config: OrganisationConfig
    path: str
    boards: list[Board] = field(default_factory=list)
    entries: list[Entry] = field(default_factory=list)


@dataclass(eq=False)
class Site:
    """The whole model: what the pages are made from."""

    config: SiteConfig
    build_date: dt.date
    entries: list[Entry]
    """Every published record, newest first."""
    organisations: list[Organisation]
    boards: dict[tuple[str, str], Board]
    """By (organisation slug, board short)."""
    meetings: dict[tuple[str, str, dt.date], Meeting]
    cases: dict[tuple[str, str], Case]
    """By (organisation slug, diarienummer)."""
    years: dict[int, list[Entry]]
    months: dict[tuple[int, int], list[Entry]]
    news: list[Entry]
    withdrawn: list[Record]
    """Records taken down (avpublicera passed): harvesters are told they are gone."""

    @functools.cached_property
    def _organisations_by_slug(self) -> dict[str, Organisation]:
        return {o.config.slug: o for o in self.organisations}

    def organisation(self, slug: str) -> Organisation:
        """Return the organisation with ``slug``."""
        return self._organisations_by_slug[slug]


def assemble_site(
    config: SiteConfig, entries: list[Entry], withdrawn: list[Record], build_date: dt.date
) -> tuple[Site, list[Diagnostic]]:
    """Group entries into organisations, boards, meetings, cases and archives; check meetings."""
    entries = sorted(entries, key=lambda e: e.record.sort_key, reverse=True)
    orgs = {o.slug: Organisation(o, organisation_path(o.slug)) for o in config.organisations}
    boards: dict[tuple[str, str], Board] = {}
    for org in orgs.values():
        for b in org.config.boards:
            boards[(org.config.slug, b.short)] = board = Board(
                org.config, b, board_path(org.config.slug, b.short)
            )
            org.boards.append(board)
        for board in org.boards:
            if board.config.parent:
                board.parent = boards[(org.config.slug, board.config.parent)]
                board.parent.children.append(board)
    meetings: dict[tuple[str, str, dt.date], Meeting] = {}
    cases: dict[tuple[str, str], Case] = {}
    years: dict[int, list[Entry]] = defaultdict(list)
    months: dict[tuple[int, int], list[Entry]] = defaultdict(list)
    for entry in entries:
        rec = entry.record
        org = orgs[rec.organisation]
        org.entries.append(entry)
        years[rec.datum.year].append(entry)
        months[(rec.datum.year, rec.datum.month)].append(entry)
        if rec.namnd is not None:
            board = boards[(rec.organisation, rec.namnd)]
            board.entries.append(entry)
            if rec.typ.kind in MEETING_KINDS:
                key = (rec.organisation, rec.namnd, rec.datum)
                if key not in meetings:
                    meetings[key] = Meeting(org.config, board.config, rec.datum, meeting_path(*key))
                    board.meetings.append(meetings[key])
                meetings[key].entries.append(entry)
        if rec.diarienummer:
            ckey = (rec.organisation, rec.diarienummer)
            if ckey not in cases:
                cases[ckey] = Case(org.config, rec.diarienummer, case_path(*ckey))
            cases[ckey].entries.append(entry)
    problems: list[Diagnostic] = []
    for meeting in meetings.values():
        meeting.entries.sort(key=lambda e: e.record.sort_key)
        problems += _check_meeting(meeting)
    for case in cases.values():
        case.entries.sort(key=lambda e: e.record.sort_key)
    news = [e for e in entries if e.record.typ.kind is Kind.NEWS]
    site = Site(
        config,
        build_date,
        entries,
        list(orgs.values()),
        boards,
        meetings,
        cases,
        dict(years),
        dict(months),
        news,
        withdrawn,
    )
    return site, problems


def _check_meeting(meeting: Meeting) -> list[Diagnostic]:
    """Report duplicate §§ and records of one meeting that disagree on justerat or anslag."""
    problems = []
    by_paragraf: dict[str, list[Record]] = defaultdict(list)
    for entry in meeting.items:
        by_paragraf[entry.record.paragraf or ""].append(entry.record)
    where = f"{meeting.board.short} {meeting.date.isoformat()}"
    for paragraf, records in by_paragraf.items():
        if len(records) > 1:
            for rec in records:
                others = ", ".join(r.rel for r in records if r is not rec)
                problems.append(
                    _at_key(
                        rec,
                        "paragraf",
                        f"§ {paragraf} finns två gånger i sammanträdet {where} (även i {others})",
                        "varje paragraf får bara finnas en gång per sammanträde; rätta numret",
                    )
                )
    for key in ("justerat", "anslag"):
        by_day: dict[dt.date, list[Record]] = defaultdict(list)
        for entry in meeting.entries:
            if (day := getattr(entry.record, key)) is not None:
                by_day[day].append(entry.record)
        if len(by_day) > 1:
            listed = "; ".join(
                f"{day} i {', '.join(r.rel for r in recs)}" for day, recs in sorted(by_day.items())
            )
            for recs in by_day.values():
                problems += [
                    _at_key(
                        rec,
                        key,
                        f"sammanträdet {where} har olika {key}-datum: {listed}",
                        f"{key} gäller hela sammanträdet; skriv samma datum i alla dess poster",
                    )
                    for rec in recs
                ]
        setattr(meeting, key, next(iter(by_day), None))
    return problems


def _at_key(rec: Record, key: str, message: str, hint: str) -> Diagnostic:
    """Return an error about ``key``, located at the front matter line where ``rec`` writes it."""
    pos = rec.keys.at(key)
    return Diagnostic(rec.rel, pos.line, pos.column, key, message, hint)


def _address_key(rec: Record) -> str:
    """Return the front matter key an address is made from, to point the author at it."""
    if rec.slug:
        return "slug"
    if rec.namnd is not None and rec.typ.kind in (Kind.MINUTES, Kind.NOTICE):
        return "typ"
    if rec.namnd is not None and rec.typ.kind is Kind.MINUTES_ITEM and rec.paragraf:
        return "titel"
    return "filnamn"


def check_paths(entries: list[Entry], site: Site) -> list[Diagnostic]:
    """Report every address claimed twice, naming every file involved, at the line the address comes from."""
    owners: dict[str, list[tuple[str, Record | None]]] = defaultdict(list)
    for entry in entries:
        owners[entry.path].append((entry.record.rel, entry.record))
    for board in site.boards.values():
        owners[board.path].append((f"site.yaml (nämnden {board.config.name})", None))
    for case in site.cases.values():
        owners[case.path].append((f"ärendet {case.diarienummer}", None))
    problems = []
    for path, who in owners.items():
        if len(who) < 2:
            continue
        records = [rec for _, rec in who if rec is not None]
        if not records:
            listed = ", ".join(label for label, _ in who)
            problems.append(
                Diagnostic(
                    "site.yaml",
                    0,
                    0,
                    "adress",
                    f"adressen /{path} används av {listed}",
                    "ge nämnderna kortnamn (short) som skiljer sig även med bara a-z och 0-9",
                )
            )
        for rec in records:
            others = ", ".join(label for label, other in who if other is not rec)
            key = _address_key(rec)
            message = f"adressen /{path} används också av {others}"
            if key == "filnamn":
                hint = (
                    "adressen kommer från filens namn; byt namn på en av filerna, "
                    f"t.ex. till {rec.datum.isoformat()}-{slugify(rec.titel)}.md"
                )
                problems.append(Diagnostic(rec.rel, 1, 0, key, message, hint))
                continue
            hint = (
                "skriv en annan slug: i en av posterna (bara a-z, 0-9 och -)"
                if key == "slug"
                else "ge en av posterna en egen adress (bara a-z, 0-9 och -), "
                f"t.ex. slug: {slugify(rec.titel, 50)}-2"
            )
            problems.append(_at_key(rec, key, message, hint))
    return problems


__all__ = [
    "Board",
    "Case",
    "Entry",
    "Meeting",
    "Organisation",
    "Site",
    "assemble_site",
    "check_paths",
    "record_path",
]


def meeting_time(meeting: Meeting) -> dt.time | None:
    """Return the time a meeting starts, when its kallelse (or minutes) gives one."""
    return next((e.record.tid for e in meeting.documents if e.record.tid), None)
