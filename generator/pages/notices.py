"""The notice board (anslagstavlan) and what every decision and meeting page says about appealing.

Kommunallagen 8 kap. 9–10 §§ and 12 §: the notice of a justerat protokoll is posted on the notice board
and stays there until the time to appeal has run out (13 kap. 5 §: three weeks from the posting, moved by
lagen (1930:173) past weekends, holidays and the three eves), and not a day longer. 5 kap. 62 §: the time
and place of fullmäktige's meetings is announced on the notice board. Everything here depends on the day of
the build, so a nightly build keeps the board lawful.
"""

from __future__ import annotations

import datetime as dt

from generator.base.doctypes import Kind
from generator.base.urls import appeal_path
from generator.model.appeal import holiday_name, last_appeal_day, notice_is_up
from generator.model.site import APPEALABLE_KINDS, Entry, Meeting, Organisation
from generator.pages.context import Link, make_item
from generator.pages.pages import PageMaker
from generator.pages.views import AppealView, DecisionNotice, MeetingAnnouncement, MinutesNotice

ASSEMBLY_WORD = "fullmäktige"
"""Kommunfullmäktige, regionfullmäktige, förbundsfullmäktige: the assemblies whose meetings are announced."""


def is_assembly(board_name: str) -> bool:
    """Tell whether a board is a fullmäktige, whose meetings the notice board announces."""
    return ASSEMBLY_WORD in board_name.casefold()


def appeal_links(maker: PageMaker) -> list[Link]:
    """Return the permanent page on how to appeal of each organisation with appealable decisions."""
    base = maker.site.config.base_path
    return [
        Link(maker.t("appeal_page_title", organisation=o.config.name), base + appeal_path(o.config.slug))
        for o in maker.site.organisations
        if o.appealable
    ]


def minutes_notices(maker: PageMaker, organisation: str | None = None) -> list[MinutesNotice]:
    """Return the notices of justerade protokoll up on the build date, newest first."""
    site = maker.site
    day, period = site.build_date, site.config.appeal_period_days
    notices = []
    for meeting in site.meetings.values():
        if organisation is not None and meeting.organisation.slug != organisation:
            continue
        if meeting.anslag is None or not _has_minutes(meeting):
            continue
        if notice_is_up(meeting.anslag, day, period):
            down = last_appeal_day(meeting.anslag, period)
            notices.append(MinutesNotice(maker.meeting_view(meeting), meeting.anslag, down))
    notices.sort(key=lambda n: (n.posted, n.meeting.date, n.meeting.board), reverse=True)
    return notices


def _has_minutes(meeting: Meeting) -> bool:
    """Tell whether a meeting has minutes on the site (a § or the whole protokoll), not just a kallelse."""
    return any(e.record.typ.kind in (Kind.MINUTES_ITEM, Kind.MINUTES) for e in meeting.entries)


def announcements(maker: PageMaker) -> list[MeetingAnnouncement]:
    """Return the kallelser of fullmäktige meetings on or after the build date, soonest first."""
    site = maker.site
    found = []
    for entry in site.entries:
        rec = entry.record
        if rec.typ.kind is not Kind.NOTICE or rec.namnd is None or rec.datum < site.build_date:
            continue
        if entry.board is not None and is_assembly(entry.board.name):
            found.append((rec.sort_key, MeetingAnnouncement(make_item(entry, site, maker.t), rec.tid)))
    return [a for _, a in sorted(found, key=lambda pair: pair[0])]


def decision_notices(maker: PageMaker, organisation: str | None = None) -> list[DecisionNotice]:
    """Return the appealable delegationsbeslut whose notice is up on the build date, newest first."""
    site = maker.site
    day, period = site.build_date, site.config.appeal_period_days
    notices = []
    for entry in site.entries:
        rec = entry.record
        if rec.typ.kind is not Kind.DELEGATION or rec.anslag is None or not rec.overklagbar:
            continue
        if organisation is not None and rec.organisation != organisation:
            continue
        if notice_is_up(rec.anslag, day, period):
            down = last_appeal_day(rec.anslag, period)
            notices.append(DecisionNotice(make_item(entry, site, maker.t), rec.anslag, down))
    return sorted(notices, key=lambda n: (n.posted, n.item.date), reverse=True)


def record_appeal(maker: PageMaker, entry: Entry, meeting: Meeting | None) -> AppealView | None:
    """Return what a record's page says about appealing it; None for papers, notices and news."""
    rec, org = entry.record, entry.organisation
    # A decision always has its organisation: only news can be the site's own (load/owners.py).
    if rec.typ.kind not in APPEALABLE_KINDS or org is None:
        return None
    anslag = rec.anslag or (meeting.anslag if meeting is not None else None)
    t = maker.t
    board = entry.board.name if entry.board else ""
    if rec.typ.kind is Kind.MINUTES_ITEM and board:
        reference = t("appeal_reference_paragraf", board=board, date=t.date(rec.datum), paragraf=rec.paragraf)
    elif rec.typ.kind is Kind.MINUTES and board:
        reference = t("appeal_reference_meeting", board=board, date=t.date(rec.datum))
    else:
        reference = t("appeal_reference_title", title=rec.titel, date=t.date(rec.datum))
    return _appeal(maker, org, rec.overklagbar, anslag, reference, rec.diarienummer or "")


def meeting_appeal(maker: PageMaker, meeting: Meeting) -> AppealView | None:
    """Return what a meeting's page says about appealing its decisions; None before it has minutes."""
    if not _has_minutes(meeting):
        return None
    appealable = any(e.record.overklagbar for e in meeting.entries if e.record.typ.kind is not Kind.NOTICE)
    t = maker.t
    reference = t("appeal_reference_meeting", board=meeting.board.name, date=t.date(meeting.date))
    return _appeal(maker, meeting.organisation, appealable, meeting.anslag, reference, "")


def _appeal(
    maker: PageMaker, owner: Organisation, appealable: bool, anslag: dt.date | None, reference: str, dnr: str
) -> AppealView:
    """Return the appeal view of one decision or meeting of the organisation ``owner``."""
    site = maker.site
    org = owner.config
    period = site.config.appeal_period_days
    last = last_appeal_day(anslag, period) if anslag and appealable else None
    nominal = anslag + dt.timedelta(days=period) if anslag else None
    moved = nominal if last is not None and nominal != last else None
    return AppealView(
        appealable=appealable,
        last_day=last,
        expired=last is not None and site.build_date > last,
        moved_from=moved,
        moved_reason=(holiday_name(moved) or maker.t.weekday(moved)) if moved else "",
        organisation=org.name,
        court=org.appeal_court,
        reference=reference,
        diarienummer=dnr,
        url=site.config.base_path + appeal_path(org.slug),
    )
