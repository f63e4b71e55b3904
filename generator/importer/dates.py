"""Swedish dates as clerks and case-management systems write them."""

from __future__ import annotations

import datetime as dt
import re

MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("januari", "jan"),
            ("februari", "feb"),
            ("mars", "mar"),
            ("april", "apr"),
            ("maj",),
            ("juni", "jun"),
            ("juli", "jul"),
            ("augusti", "aug"),
            ("september", "sep", "sept"),
            ("oktober", "okt"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}

_MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))
DATE_PATTERN = (
    rf"(?P<iso>(?P<y>\d{{4}})-(?P<m>\d{{2}})-(?P<d>\d{{2}}))"
    rf"|(?P<short>(?P<sy>\d{{2}})-(?P<sm>\d{{2}})-(?P<sd>\d{{2}}))"
    rf"|(?P<words>(?P<wd>\d{{1,2}})(?:\s|\u00a0)+(?P<wm>{_MONTH_NAMES})\.?(?:\s|\u00a0)+(?P<wy>\d{{4}}))"
)
_DATE = re.compile(rf"(?<![\d/.-])(?:{DATE_PATTERN})(?![\d/])", re.IGNORECASE)
_TIME = re.compile(r"^[ T,]*(?:kl\.?\s*)?(?P<h>[01]?\d|2[0-3])[.:](?P<min>[0-5]\d)(?![\d])")


def find_dates(text: str) -> list[tuple[int, dt.date, str]]:
    """Return every date in ``text``: (offset, date, the text as written), invalid calendar dates skipped."""
    found = []
    for match in _DATE.finditer(text):
        day = to_date(match)
        if day is not None:
            found.append((match.start(), day, match.group()))
    return found


def parse_date(text: str) -> dt.date | None:
    """Return the date if ``text`` is one date and nothing else (``24-01-10``, ``9 juni 2021``)."""
    match = _DATE.fullmatch(text.strip().rstrip("."))
    return to_date(match) if match else None


def parse_date_time(text: str) -> tuple[dt.date, dt.time | None] | None:
    """Return a date with its time if ``text`` is a date, optionally followed by a time (``07.52``)."""
    match = _DATE.match(text.strip())
    if match is None or (day := to_date(match)) is None:
        return None
    rest = text.strip()[match.end() :]
    if not rest.strip():
        return day, None
    time = _TIME.match(rest)
    if time is None or rest[time.end() :].strip():
        return None
    return day, dt.time(int(time["h"]), int(time["min"]))


def to_date(match: re.Match[str]) -> dt.date | None:
    """Return the date a match of ``DATE_PATTERN`` names, or None when the calendar has no such day."""
    try:
        if match["iso"]:
            return dt.date(int(match["y"]), int(match["m"]), int(match["d"]))
        if match["short"]:
            # YY-MM-DD: the export's short form, always of this century in the documents we import.
            return dt.date(2000 + int(match["sy"]), int(match["sm"]), int(match["sd"]))
        return dt.date(int(match["wy"]), MONTHS[match["wm"].lower()], int(match["wd"]))
    except ValueError:
        return None
