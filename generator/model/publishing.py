"""Which records are on the site on the build date: drafts, publicera and avpublicera."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from generator.base.record import Record

UPCOMING_DAYS = 30
"""``beslut check`` lists what appears or comes down within this many days."""


def swedish_time() -> dt.tzinfo:
    """Return Sweden's time zone (CET/CEST), or CET when the system has no time zone data."""
    try:
        return ZoneInfo("Europe/Stockholm")
    except ZoneInfoNotFoundError:
        return dt.timezone(dt.timedelta(hours=1), "CET")


def build_day(
    given: dt.date | None,
    env: Mapping[str, str],
    now: dt.datetime | None = None,
    pinned: dt.date | None = None,
) -> dt.date:
    """Return the day of the build: ``--date``, else a demo's ``demo_date``, else ``SOURCE_DATE_EPOCH``,
    else today, in Swedish time."""
    # Deadlines are Swedish calendar days: a nightly build at 00:30 in Sjövik is 23:30 UTC the day before,
    # and must already take down the notices whose last day was yesterday.
    if given is not None:
        return given
    if pinned is not None:
        # A demo is a picture of one day: a release build's SOURCE_DATE_EPOCH must not empty its board.
        return pinned
    raw = env.get("SOURCE_DATE_EPOCH", "").strip()
    if raw.isdigit():
        return dt.datetime.fromtimestamp(int(raw), tz=swedish_time()).date()
    return (now or dt.datetime.now(dt.UTC)).astimezone(swedish_time()).date()


class Visibility(StrEnum):
    """A record's state on one build date."""

    PUBLISHED = "publicerad"
    DRAFT = "utkast"
    SCHEDULED = "kommande"
    WITHDRAWN = "avpublicerad"


def visibility(record: Record, build_date: dt.date, drafts: bool, scheduled: bool = False) -> Visibility:
    """Return whether ``record`` is on the site on ``build_date`` (the preview shows drafts and scheduled)."""
    if record.avpublicera is not None and record.avpublicera <= build_date:
        return Visibility.WITHDRAWN
    if record.utkast and not drafts:
        return Visibility.DRAFT
    if record.publicera is not None and record.publicera > build_date and not scheduled:
        return Visibility.SCHEDULED
    return Visibility.PUBLISHED


@dataclass(frozen=True)
class Change:
    """A record that will appear on or come down from the site soon."""

    day: dt.date
    appears: bool
    record: Record


def upcoming_changes(records: list[Record], build_date: dt.date, days: int = UPCOMING_DAYS) -> list[Change]:
    """Return what will be published or taken down within ``days`` after the build date, by day."""
    horizon = build_date + dt.timedelta(days=days)
    changes = []
    for record in records:
        if record.utkast:
            continue
        if record.publicera is not None and build_date < record.publicera <= horizon:
            changes.append(Change(record.publicera, True, record))
        if record.avpublicera is not None and build_date < record.avpublicera <= horizon:
            changes.append(Change(record.avpublicera, False, record))
    return sorted(changes, key=lambda c: (c.day, c.record.rel))
