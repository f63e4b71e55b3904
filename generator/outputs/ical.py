"""iCalendar (RFC 5545): each board's meetings, for subscribing in a phone's calendar.

Written by hand rather than with a library: the subset we need is small (one VCALENDAR of all-day or
floating-time VEVENTs), and the two rules that matter, TEXT escaping and folding at 75 octets without
splitting a UTF-8 character, are a few lines each and tested directly.

Times are *floating* (no time zone): a meeting "kl. 18.00" in a Swedish kommun is 18.00 wall-clock time
for the citizen, summer and winter, which a fixed UTC offset would get wrong half the year.
"""

from __future__ import annotations

import datetime as dt
from urllib.parse import urlsplit

from generator import __version__
from generator.base.stamps import latest, record_modified
from generator.config.i18n import Translator
from generator.model.site import Board, Meeting, Site

LINE_OCTETS = 75
DESCRIPTION_ITEMS = 40
"""At most this many §§ are listed in an event's description (the meeting page has them all)."""


def escape_text(value: str) -> str:
    """Escape a TEXT value: backslash, semicolon, comma and newlines (RFC 5545 3.3.11)."""
    value = value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return value.replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n")


def fold(line: str) -> str:
    """Fold a content line into lines of at most 75 octets (CRLF + space), never inside a character."""
    parts: list[str] = []
    current: list[str] = []
    size, limit = 0, LINE_OCTETS
    for char in line:
        octets = len(char.encode("utf-8"))
        if size + octets > limit:
            parts.append("".join(current))
            current, size, limit = [], 0, LINE_OCTETS - 1
        current.append(char)
        size += octets
    parts.append("".join(current))
    return "\r\n ".join(parts)


def calendar_title(board: Board, t: Translator) -> str:
    """Return the name of a board's calendar."""
    return t("calendar_title", board=board.config.name, organisation=board.organisation.name)


def board_calendar(board: Board, site: Site, t: Translator) -> bytes:
    """Return the calendar of one board's meetings as UTF-8 iCalendar with CRLF line ends."""
    cfg = site.config
    name = calendar_title(board, t)
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:-//beslut//beslut {__version__}//{cfg.language.upper()}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"NAME:{escape_text(name)}",
        f"X-WR-CALNAME:{escape_text(name)}",
        f"URL:{cfg.base_url}{board.path}",
        "REFRESH-INTERVAL;VALUE=DURATION:P1D",
        "X-PUBLISHED-TTL:P1D",
    ]
    for meeting in sorted(board.meetings, key=lambda m: m.date):
        lines += _event(meeting, site, t)
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines).encode("utf-8")


def _event(meeting: Meeting, site: Site, t: Translator) -> list[str]:
    """Return the lines of one meeting's VEVENT: all day, or at the time a kallelse gives."""
    cfg = site.config
    host = urlsplit(cfg.base_url).hostname or "localhost"
    changed = latest((record_modified(e.record) for e in meeting.entries), site.build_date)
    stamp = changed.strftime("%Y%m%dT000000Z")
    time = meeting.time
    if time is None:
        end = meeting.date + dt.timedelta(days=1)
        when = [f"DTSTART;VALUE=DATE:{meeting.date:%Y%m%d}", f"DTEND;VALUE=DATE:{end:%Y%m%d}"]
    else:
        when = [f"DTSTART:{dt.datetime.combine(meeting.date, time):%Y%m%dT%H%M%S}"]
    summary = t("calendar_event", board=meeting.board.name)
    return [
        "BEGIN:VEVENT",
        f"UID:{meeting.path.rstrip('/')}@{host}",
        f"DTSTAMP:{stamp}",
        f"LAST-MODIFIED:{stamp}",
        *when,
        f"SUMMARY:{escape_text(summary)}",
        f"DESCRIPTION:{escape_text(_description(meeting, t))}",
        f"URL:{cfg.base_url}{meeting.path}",
        "STATUS:CONFIRMED",
        "TRANSP:TRANSPARENT",
        "END:VEVENT",
    ]


def _description(meeting: Meeting, t: Translator) -> str:
    """Return the meeting's §§ (or its documents, before the minutes exist), one a line."""
    lines = [
        t("paragraf_short", paragraf=e.record.paragraf) + " " + e.record.titel
        for e in meeting.items[:DESCRIPTION_ITEMS]
    ]
    if len(meeting.items) > DESCRIPTION_ITEMS:
        lines.append(t("calendar_more", count=len(meeting.items) - DESCRIPTION_ITEMS))
    lines += [f"{e.record.typ.label}: {e.record.titel}" for e in meeting.documents]
    return "\n".join(lines)
