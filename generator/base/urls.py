"""Every address on the site, derived from a record's own fields only.

An address never depends on other records, so adding a record never moves another.
All paths are relative to the site root, start without '/' and end with '/' (or a file name).
"""

from __future__ import annotations

import datetime as dt
from pathlib import PurePosixPath

from generator.base.doctypes import Kind
from generator.base.record import Record
from generator.base.slugs import slugify

ARCHIVE = "arkiv"
NEWS = "nyheter"
NOTICE_BOARD = "anslagstavla"
SEARCH = "sok"
ACCESSIBILITY = "tillganglighet"
CASES = "arenden"
APPEAL = "overklaga"
FEED = "atom.xml"
"""A page's Atom feed: the site's at the root, a board's, a case's and the news' beside their pages."""
CALENDAR = "kalender.ics"
DATA = "data"
"""Open data: every page's object at ``data/<page>.json``, plus ``data/system.json`` and the index."""


def record_path(record: Record) -> str:
    """Return the address of a record's page.

    A § is unique in its meeting and a meeting has one protokoll and one kallelse, so those are named by
    what they are. Any other document is named by its file (``slug:`` overrides): titles and dates repeat
    (two yttranden on one remiss, the same day), file names in one folder do not.
    """
    org = record.organisation
    day = record.datum.isoformat()
    if record.namnd is not None:
        base = f"{org}/{slugify(record.namnd)}/{day}/"
        if record.slug:
            return f"{base}{record.slug}/"
        if record.typ.kind is Kind.MINUTES_ITEM and record.paragraf:
            return f"{base}{record.paragraf}-{slugify(record.titel, 50)}/"
        if record.typ.kind in (Kind.MINUTES, Kind.NOTICE):
            return f"{base}{record.typ.slug}/"
        part = _file_part(record).removeprefix(day + "-")
        # A file named only by its day ("2024-03-11.md") says nothing more: use the title.
        return f"{base}{slugify(record.titel) if part == day else part}/"
    # The site's own news (``organisation: ingen``) is in the site's news section: /nyheter/<day>-<file>/.
    folder = NEWS if record.site_owned else f"{org}/{record.typ.slug}"
    if record.slug:
        return f"{folder}/{record.slug}/"
    last = _file_part(record)
    if not last.startswith(day):
        last = f"{day}-{last}"
    return f"{folder}/{last}/"


def _file_part(record: Record) -> str:
    """Return the record's file name as an address part."""
    return slugify(PurePosixPath(record.rel).stem, 80)


def organisation_path(org: str) -> str:
    """Return the address of an organisation's page."""
    return f"{org}/"


def board_path(org: str, short: str) -> str:
    """Return the address of a board's page."""
    return f"{org}/{slugify(short)}/"


def meeting_path(org: str, short: str, day: dt.date) -> str:
    """Return the address of a meeting's page."""
    return f"{board_path(org, short)}{day.isoformat()}/"


def case_path(org: str, diarienummer: str) -> str:
    """Return the address of a case's page (``KS-2021/1202.111`` → ``ks-2021-1202-111``)."""
    return f"{org}/{CASES}/{slugify(diarienummer, 80)}/"


def appeal_path(org: str) -> str:
    """Return the address of an organisation's permanent page on how to appeal."""
    return f"{org}/{APPEAL}/"


def year_path(year: int) -> str:
    """Return the address of a year's archive."""
    return f"{ARCHIVE}/{year}/"


def month_path(year: int, month: int) -> str:
    """Return the address of a month's archive."""
    return f"{ARCHIVE}/{year}/{month:02d}/"


def paged(path: str, page: int) -> str:
    """Return the address of page ``page`` (1-based) of a paginated listing."""
    return path if page == 1 else f"{path}sida/{page}/"


def feed_path(page: str) -> str:
    """Return the address of the Atom feed of a page (the site's feed when ``page`` is '')."""
    return f"{page}{FEED}"


def calendar_path(board: str) -> str:
    """Return the address of a board's calendar (iCalendar), beside the board's page."""
    return f"{board}{CALENDAR}"


def data_path(page: str) -> str:
    """Return the address of the open data (JSON) of a page: ``ks/`` → ``data/ks.json``."""
    return f"{DATA}/{page.rstrip('/')}.json"
