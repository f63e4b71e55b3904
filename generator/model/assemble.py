"""Assemble the site model from the published records: boards, meetings, cases, archives, news.

Everything is computed once, in linear time over the records (dictionaries keyed by board, meeting and
case), before anything is written. The objects are frozen: their links both ways are set here, while
they are made, and never after (``_link``); checks return diagnostics and change nothing.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from generator.base.diagnostics import Diagnostic
from generator.base.doctypes import Kind
from generator.base.record import Record
from generator.base.urls import board_path, case_path, meeting_path, organisation_path
from generator.config.settings import SiteConfig
from generator.model.site import MEETING_KINDS, Board, Case, Entry, Meeting, Organisation, RecordText, Site

MeetingKey = tuple[str, str, dt.date]


def _link(obj: object, **links: Any) -> None:
    """Set links of a frozen model object while the site is assembled (and at no other time)."""
    for name, value in links.items():
        object.__setattr__(obj, name, value)


def assemble_site(
    config: SiteConfig, texts: Iterable[RecordText], withdrawn: list[Record], build_date: dt.date
) -> tuple[Site, list[Diagnostic]]:
    """Group the records into organisations, boards, meetings, cases and archives; check meetings."""
    ordered = sorted(texts, key=lambda e: e.record.sort_key, reverse=True)
    orgs = {o.slug: Organisation(o, organisation_path(o.slug)) for o in config.organisations}
    boards = _boards(orgs)
    by_meeting: dict[MeetingKey, list[RecordText]] = defaultdict(list)
    for text in ordered:
        rec = text.record
        if rec.namnd is not None and rec.typ.kind in MEETING_KINDS:
            by_meeting[(rec.organisation, rec.namnd, rec.datum)].append(text)
    problems: list[Diagnostic] = []
    meetings: dict[MeetingKey, Meeting] = {}
    for key, members in by_meeting.items():
        members.sort(key=lambda e: e.record.sort_key)
        (justerat, anslag), found = check_meeting(key, [m.record for m in members])
        problems += found
        meetings[key] = Meeting(boards[key[:2]], key[2], meeting_path(*key), (), justerat, anslag)
    cases: dict[tuple[str, str], Case] = {}
    entries = tuple(_entry(text, orgs, boards, meetings, cases) for text in ordered)
    _link_members(entries, orgs, boards, meetings, cases)
    years: dict[int, list[Entry]] = defaultdict(list)
    months: dict[tuple[int, int], list[Entry]] = defaultdict(list)
    for entry in entries:
        years[entry.record.datum.year].append(entry)
        months[(entry.record.datum.year, entry.record.datum.month)].append(entry)
    site = Site(
        config=config,
        build_date=build_date,
        entries=entries,
        organisations=tuple(orgs.values()),
        boards=boards,
        meetings=meetings,
        cases=cases,
        years={y: tuple(e) for y, e in years.items()},
        months={m: tuple(e) for m, e in months.items()},
        news=tuple(e for e in entries if e.record.typ.kind is Kind.NEWS),
        withdrawn=tuple(withdrawn),
    )
    return site, problems


def _boards(orgs: dict[str, Organisation]) -> dict[tuple[str, str], Board]:
    """Return every board of every organisation, linked to its organisation, parent and sub-boards."""
    boards: dict[tuple[str, str], Board] = {}
    for org in orgs.values():
        own = [Board(org, b, board_path(org.slug, b.short)) for b in org.config.boards]
        boards.update(((org.slug, b.short), b) for b in own)
        _link(org, boards=tuple(own))
        for board in own:
            if board.config.parent:
                _link(board, parent=boards[(org.slug, board.config.parent)])
        for board in own:
            _link(board, children=tuple(b for b in own if b.parent is board))
    return boards


def _entry(
    text: RecordText,
    orgs: dict[str, Organisation],
    boards: dict[tuple[str, str], Board],
    meetings: dict[MeetingKey, Meeting],
    cases: dict[tuple[str, str], Case],
) -> Entry:
    """Return one record linked to its organisation, board, meeting and case (made on first use)."""
    rec = text.record
    org = None if rec.site_owned else orgs[rec.organisation]
    board = boards[(rec.organisation, rec.namnd)] if rec.namnd is not None else None
    meeting = meetings.get((rec.organisation, rec.namnd, rec.datum)) if rec.namnd is not None else None
    case = None
    if rec.diarienummer and org is not None:
        key = (rec.organisation, rec.diarienummer)
        case = cases.get(key) or cases.setdefault(key, Case(org, rec.diarienummer, case_path(*key)))
    return Entry(text, org, board, meeting, case)


def _link_members(
    entries: tuple[Entry, ...],
    orgs: dict[str, Organisation],
    boards: dict[tuple[str, str], Board],
    meetings: dict[MeetingKey, Meeting],
    cases: dict[tuple[str, str], Case],
) -> None:
    """Give organisations and boards their entries (newest first), meetings and cases theirs (in order)."""
    members: dict[int, list[Entry]] = defaultdict(list)
    board_meetings: dict[int, list[Meeting]] = defaultdict(list)
    for entry in entries:
        if entry.organisation is not None:
            members[id(entry.organisation)].append(entry)
        if entry.board is not None:
            members[id(entry.board)].append(entry)
        if entry.meeting is not None and entry.record.typ.kind in MEETING_KINDS:
            if not members[id(entry.meeting)]:
                board_meetings[id(entry.meeting.board)].append(entry.meeting)
            members[id(entry.meeting)].append(entry)
        if entry.case is not None:
            members[id(entry.case)].append(entry)
    for org in orgs.values():
        _link(org, entries=tuple(members[id(org)]))
    for board in boards.values():
        _link(board, entries=tuple(members[id(board)]), meetings=tuple(board_meetings[id(board)]))
    for group in (*meetings.values(), *cases.values()):
        _link(group, entries=tuple(sorted(members[id(group)], key=lambda e: e.record.sort_key)))


def check_meeting(
    key: MeetingKey, records: list[Record]
) -> tuple[tuple[dt.date | None, dt.date | None], list[Diagnostic]]:
    """Return a meeting's justerat and anslag dates, and its duplicate §§ and disagreeing dates."""
    problems = []
    by_paragraf: dict[str, list[Record]] = defaultdict(list)
    for rec in records:
        if rec.typ.kind is Kind.MINUTES_ITEM:
            by_paragraf[rec.paragraf or ""].append(rec)
    where = f"{key[1]} {key[2].isoformat()}"
    for paragraf, same in by_paragraf.items():
        if len(same) > 1:
            for rec in same:
                others = ", ".join(r.rel for r in same if r is not rec)
                problems.append(
                    at_key(
                        rec,
                        "paragraf",
                        f"§ {paragraf} finns två gånger i sammanträdet {where} (även i {others})",
                        "varje paragraf får bara finnas en gång per sammanträde; rätta numret",
                    )
                )
    dates: list[dt.date | None] = []
    for name in ("justerat", "anslag"):
        by_day: dict[dt.date, list[Record]] = defaultdict(list)
        for rec in records:
            if (day := getattr(rec, name)) is not None:
                by_day[day].append(rec)
        if len(by_day) > 1:
            listed = "; ".join(
                f"{day} i {', '.join(r.rel for r in recs)}" for day, recs in sorted(by_day.items())
            )
            for recs in by_day.values():
                problems += [
                    at_key(
                        rec,
                        name,
                        f"sammanträdet {where} har olika {name}-datum: {listed}",
                        f"{name} gäller hela sammanträdet; skriv samma datum i alla dess poster",
                    )
                    for rec in recs
                ]
        dates.append(next(iter(by_day), None))
    return (dates[0], dates[1]), problems


def at_key(rec: Record, key: str, message: str, hint: str) -> Diagnostic:
    """Return an error about ``key``, located at the front matter line where ``rec`` writes it."""
    pos = rec.keys.at(key)
    return Diagnostic(rec.rel, pos.line, pos.column, key, message, hint)
