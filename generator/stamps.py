"""Dates and times of machine-readable outputs, all derived from content (never the wall clock)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from generator.record import Record


def record_modified(record: Record) -> dt.date:
    """Return the last day a record's content changed: the latest of datum, justerat, anslag, publicera."""
    return max(d for d in (record.datum, record.justerat, record.anslag, record.publicera) if d is not None)


def latest(days: Iterable[dt.date], default: dt.date) -> dt.date:
    """Return the latest of ``days``, or ``default`` when there are none."""
    return max(days, default=default)


def rfc3339(day: dt.date, offset: str, time: dt.time | None = None) -> str:
    """Return ``day`` (at ``time``, else midnight) as an RFC 3339 timestamp in the site's UTC offset."""
    clock = (time or dt.time(0)).replace(microsecond=0).isoformat()
    return f"{day.isoformat()}T{clock}{offset}"
