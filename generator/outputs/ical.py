"""iCalendar (RFC 5545): each board's meetings, for subscribing in a phone's calendar.

Written with the ``icalendar`` package, which escapes TEXT values and folds lines at 75 octets without
splitting a UTF-8 character. Properties are written in the order they are added (``sorted=False``), so the
file reads like the event it describes; nothing in it comes from the wall clock or chance, so two builds of
the same content give the same bytes.

Times are *floating* (no time zone): a meeting "kl. 18.00" in a Swedish kommun is 18.00 wall-clock time
for the citizen, summer and winter, which a fixed UTC offset would get wrong half the year.
"""

from __future__ import annotations

import datetime as dt
from urllib.parse import urlsplit

import icalendar

from generator import __version__
from generator.base.stamps import latest, record_modified
from generator.config.i18n import Translator
from generator.model.site import Board, Meeting, Site

DESCRIPTION_ITEMS = 40
"""At most this many §§ are listed in an event's description (the meeting page has them all)."""
DAILY = dt.timedelta(days=1)
"""How often a calendar app should fetch the calendar again."""


def calendar_title(board: Board, t: Translator) -> str:
    """Return the name of a board's calendar."""
    return t("calendar_title", board=board.config.name, organisation=board.organisation.name)


def board_calendar(board: Board, site: Site, t: Translator) -> bytes:
    """Return the calendar of one board's meetings as UTF-8 iCalendar with CRLF line ends."""
    cfg = site.config
    name = calendar_title(board, t)
    calendar = icalendar.Calendar()
    calendar.add("version", "2.0")
    calendar.add("prodid", f"-//beslut//beslut {__version__}//{cfg.language.upper()}")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    # The package (some versions, or all) does not know the types of NAME and REFRESH-INTERVAL (RFC 7986)
    # or of the older clients' X-WR-CALNAME and X-PUBLISHED-TTL: given as vText and vDuration they are
    # escaped like SUMMARY and written P1D, the same bytes with icalendar 6 and 7.
    calendar.add("name", icalendar.vText(name))
    calendar.add("x-wr-calname", icalendar.vText(name))
    calendar.add("url", f"{cfg.base_url}{board.path}")
    calendar.add("refresh-interval", icalendar.vDuration(DAILY), parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", icalendar.vDuration(DAILY))
    for meeting in sorted(board.meetings, key=lambda m: m.date):
        calendar.add_component(_event(meeting, site, t))
    return bytes(calendar.to_ical(sorted=False))


def _event(meeting: Meeting, site: Site, t: Translator) -> icalendar.Event:
    """Return one meeting's VEVENT: all day, or at the time a kallelse gives (floating local time)."""
    cfg = site.config
    host = urlsplit(cfg.base_url).hostname or "localhost"
    changed = latest((record_modified(e.record) for e in meeting.entries), site.build_date)
    stamp = dt.datetime.combine(changed, dt.time(0), tzinfo=dt.UTC)
    event = icalendar.Event()
    # A stable UID (the meeting's address): a calendar app updates the event instead of adding a copy.
    event.add("uid", f"{meeting.path.rstrip('/')}@{host}")
    event.add("dtstamp", stamp)
    event.add("last-modified", stamp)
    time = meeting.time
    if time is None:
        event.add("dtstart", meeting.date)
        event.add("dtend", meeting.date + dt.timedelta(days=1))
    else:
        event.add("dtstart", dt.datetime.combine(meeting.date, time))  # naive: floating time
    event.add("summary", t("calendar_event", board=meeting.board.name))
    event.add("description", _description(meeting, t))
    event.add("url", f"{cfg.base_url}{meeting.path}")
    event.add("status", "CONFIRMED")
    event.add("transp", "TRANSPARENT")
    return event


def _description(meeting: Meeting, t: Translator) -> str:
    """Return the meeting's §§ (or its documents, before the minutes exist), one a line."""
    lines = [t.heading(e.record.titel, e.record.paragraf) for e in meeting.items[:DESCRIPTION_ITEMS]]
    if len(meeting.items) > DESCRIPTION_ITEMS:
        lines.append(t("calendar_more", count=len(meeting.items) - DESCRIPTION_ITEMS))
    lines += [f"{e.record.typ.label}: {e.record.titel}" for e in meeting.documents]
    return "\n".join(lines)
