"""Find Swedish personnummer and samordningsnummer in text, so that a build can refuse to publish them.

A number counts only when its date is real and its Luhn check digit is right; that alone rejects nine in
ten random digit runs and every organisationsnummer (their "month" is 20 or more). Lookarounds reject the
digit runs that are parts of something else: diarienummer, dates, telephone numbers, longer numbers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

COORDINATION_DAY_OFFSET = 60
"""A samordningsnummer adds 60 to the day of birth (folkbokföringslagen 18 a §)."""

# Word processors turn the hyphen of "811218-9876" into an en dash, a non-breaking hyphen or a minus sign;
# those numbers are just as personal.
DASHES = "-\u2010\u2011\u2013\u2212"

_CENTURIES = range(18, 21)
_DASH_CLASS = "".join(re.escape(dash) for dash in DASHES)
# Characters that glue a digit run into a larger token when they touch it: "KS-2021/…", "1202.111",
# "+46…". Whitespace and other punctuation ("(", ",", ":", "*", "|") are honest boundaries, and so is "_":
# Markdown emphasis "_811218-9876_" still publishes the number.
_GLUE = rf"/.+{_DASH_CLASS}"

_NUMBER = re.compile(
    rf"""
    (?<![^\W_])                      # no letter or digit right before
    (?<![{_GLUE}])                   # nor a connector of a diarienummer, date or phone number
    (?P<century>[0-9]{{2}})?
    (?P<date>[0-9]{{6}})
    (?P<sign>[+{_DASH_CLASS}])?
    (?P<serial>[0-9]{{4}})
    (?![0-9])                        # no digit right after
    (?![{_GLUE}][0-9])               # nor a connector leading on to more digits
    """,
    re.VERBOSE,
)


@dataclass(frozen=True)
class PersonnummerHit:
    """A personnummer or samordningsnummer found in a text."""

    start: int
    """Offset of the first character in the searched text."""
    end: int
    """Offset just past the last character."""
    text: str
    """The number as written."""
    normalized: str
    """Twelve digits, ``YYYYMMDDNNNN``; a samordningsnummer keeps its day of 61–91."""

    @property
    def is_samordningsnummer(self) -> bool:
        """Tell whether the number is a samordningsnummer rather than a personnummer."""
        return int(self.normalized[6:8]) > COORDINATION_DAY_OFFSET


_SIX_DIGITS = re.compile(r"[0-9]{6}")


def may_hold_numbers(text: str) -> bool:
    """Tell whether ``text`` could hold a number at all: every form has its date's six digits in a row.

    One quick scan spares the full searches over the many texts that have no such run.
    """
    return _SIX_DIGITS.search(text) is not None


def find_personnummer(text: str, reference: date | None = None) -> list[PersonnummerHit]:
    """Return every valid personnummer and samordningsnummer in the text, in order."""
    today = date.today() if reference is None else reference
    hits = []
    for match in _NUMBER.finditer(text):
        normalized = _normalize_match(match, today)
        if normalized is not None:
            hits.append(PersonnummerHit(match.start(), match.end(), match.group(), normalized))
    return hits


# File names and link targets become addresses on the site, and there "-" and "/" separate words:
# "ansokan-811218-9876.pdf" publishes the number as surely as "ansökan 811218-9876" does.
_PATH_VALUE = re.compile(r"""\b(?:fil|slug):[ \t]*["']?(?P<value>[^\s,}"'\]]+)|\]\((?P<target>[^)\s]+)""")
_LOOSE_NUMBER = re.compile(rf"(?<![0-9])(?:[0-9]{{2}})?[0-9]{{6}}[+{_DASH_CLASS}]?[0-9]{{4}}(?![0-9])")


def find_in_paths(text: str, reference: date | None = None) -> list[PersonnummerHit]:
    """Return the valid numbers in ``fil:`` and ``slug:`` values and link targets, where '-' separates."""
    hits = []
    for path in _PATH_VALUE.finditer(text):
        group = "value" if path.group("value") is not None else "target"
        offset = path.start(group)
        for match in _LOOSE_NUMBER.finditer(path.group(group)):
            normalized = normalize(match.group(), reference)
            if normalized is not None:
                start = offset + match.start()
                hits.append(PersonnummerHit(start, start + len(match.group()), match.group(), normalized))
    return hits


def normalize(number: str, reference: date | None = None) -> str | None:
    """Return a number in any accepted form as twelve digits ``YYYYMMDDNNNN``, or None if it is not valid."""
    match = _NUMBER.fullmatch(number.strip())
    if match is None:
        return None
    return _normalize_match(match, date.today() if reference is None else reference)


def _normalize_match(match: re.Match[str], reference: date) -> str | None:
    """Return the twelve-digit form of a matched number, or None when its date or check digit is wrong."""
    yymmdd, serial = match["date"], match["serial"]
    if not _luhn_valid(yymmdd + serial):
        return None
    yy, month, day = int(yymmdd[:2]), int(yymmdd[2:4]), int(yymmdd[4:])
    if day > COORDINATION_DAY_OFFSET:
        day -= COORDINATION_DAY_OFFSET
    if match["century"] is not None:
        if int(match["century"]) not in _CENTURIES:
            return None
        year = int(match["century"]) * 100 + yy
    else:
        year = _recent_year(yy, month, day, reference)
        if match["sign"] == "+":
            # Skatteverket writes "+" from the year a person turns 100.
            year -= 100
    try:
        born = date(year, month, day)
    except ValueError:
        return None
    # Nobody is born after the build; a twelve-digit "future" number is a timestamp or a reference.
    if born > reference:
        return None
    return f"{year:04d}{yymmdd[2:]}{serial}"


def _recent_year(yy: int, month: int, day: int, reference: date) -> int:
    """Return the year ending in ``yy`` that makes month and day the most recent date not after reference."""
    # Depends only on the reference, never on the clock, so that a build with a given date is reproducible.
    year = reference.year - (reference.year - yy) % 100
    if (month, day) > (reference.month, reference.day) and year == reference.year:
        year -= 100
    return year


def _luhn_valid(digits: str) -> bool:
    """Tell whether a digit string passes the Luhn check (weights 2, 1, 2, … from the left)."""
    total = 0
    for index, digit in enumerate(digits):
        product = int(digit) * (2 - index % 2)
        total += product // 10 + product % 10
    return total % 10 == 0
