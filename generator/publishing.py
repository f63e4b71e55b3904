"""Which records are on the site on the build date: drafts, publicera and avpublicera."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import Enum

from generator.record import Record

UPCOMING_DAYS = 30


class Visibility(str, Enum):
    """A record's state on one build date."""

    PUBLISHED = "publicerad"
    DRAFT = "utkast"
    SCHEDULED = "kommande"
    WITHDRAWN = "avpublicerad"


def visibility(record: Record, build_date: dt.date, drafts: bool) -> Visibility:
    """Return whether ``record`` is on the site on ``build_date``."""
    if record.avpublicera is not None and record.avpublicera <= build_date:
        return Visibility.WITHDRAWN
    if record.utkast and not drafts:
        return Visibility.DRAFT
    if record.publicera is not None and record.publicera > build_date:
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
