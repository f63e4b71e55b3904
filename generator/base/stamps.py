"""Dates and times of machine-readable outputs, all derived from content (never the wall clock)."""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterable
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from generator.base.record import Record


def record_modified(record: Record) -> dt.date:
    """Return the last day a record's content changed: the latest of datum, justerat, anslag, publicera."""
    changed = record.datum
    for day in (record.justerat, record.anslag, record.publicera):
        if day is not None and day > changed:
            changed = day
    return changed


def latest(days: Iterable[dt.date], default: dt.date) -> dt.date:
    """Return the latest of ``days``, or ``default`` when there are none."""
    return max(days, default=default)


@functools.lru_cache(maxsize=64)
def zone_of(name: str) -> dt.tzinfo | None:
    """Return the zone ``name`` (``Europe/Stockholm``) or fixed offset (``+01:00``); None if unknown."""
    if match := re.fullmatch(r"([+-])(\d{2}):(\d{2})", name):
        delta = dt.timedelta(hours=int(match[2]), minutes=int(match[3]))
        return dt.timezone(-delta if match[1] == "-" else delta)
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return None


@functools.lru_cache(maxsize=1 << 14)
def rfc3339(day: dt.date, zone: str, time: dt.time | None = None) -> str:
    """Return ``day`` (at ``time``, else midnight) as an RFC 3339 timestamp in the site's time zone.

    With a zone name the offset follows summer time: 2018-05-28 is +02:00 in Sweden, 2018-12-05 +01:00.
    Remembered: the outputs ask for the same few thousand days over and over.
    """
    local = dt.datetime.combine(day, (time or dt.time(0)).replace(microsecond=0))
    return local.replace(tzinfo=zone_of(zone) or dt.UTC).isoformat()
