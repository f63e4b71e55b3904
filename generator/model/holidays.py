"""Swedish public holidays, and the other days on which a statutory deadline cannot end.

Public holidays follow lagen (1989:253) om allmänna helgdagar. Lagen (1930:173) om beräkning av lagstadgad
tid moves a deadline that ends on a Saturday, a Sunday, a public holiday, midsommarafton, julafton or
nyårsafton to the next working day; this module knows all of those days.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from datetime import date, timedelta
from types import MappingProxyType

NATIONAL_DAY_FIRST_YEAR = 2005
"""Lag (2004:1320), in force 1 April 2005, made nationaldagen a holiday and abolished annandag pingst."""

_SATURDAY = 5


def easter_sunday(year: int) -> date:
    """Return påskdagen of a Gregorian year (the anonymous Gregorian algorithm)."""
    golden = year % 19
    century, year_of_century = divmod(year, 100)
    leap_centuries, century_rest = divmod(century, 4)
    moon_correction = (century - (century + 8) // 25 + 1) // 3
    epact = (19 * golden + century - leap_centuries - moon_correction + 15) % 30
    leap_years, year_rest = divmod(year_of_century, 4)
    to_sunday = (32 + 2 * century_rest + 2 * leap_years - epact - year_rest) % 7
    correction = (golden + 11 * epact + 22 * to_sunday) // 451
    month, day = divmod(epact + to_sunday - 7 * correction + 114, 31)
    return date(year, month, day + 1)


def _saturday_on_or_after(start: date) -> date:
    return start + timedelta(days=(_SATURDAY - start.weekday()) % 7)


def _named(days: list[tuple[date, str]]) -> Mapping[date, str]:
    """Return the days in date order; two holidays on one day (första maj 2008) keep both names."""
    names: dict[date, list[str]] = {}
    for day, name in days:
        names.setdefault(day, []).append(name)
    return MappingProxyType({day: " och ".join(names[day]) for day in sorted(names)})


# Cached because every record's appeal deadline asks about the same few years; the mappings are read-only
# so that no caller can corrupt the cache.
@functools.cache
def public_holidays(year: int) -> Mapping[date, str]:
    """Return the public holidays of a year (lag 1989:253), by date, named in Swedish."""
    easter = easter_sunday(year)
    days = [
        (date(year, 1, 1), "nyårsdagen"),
        (date(year, 1, 6), "trettondedag jul"),
        (easter - timedelta(days=2), "långfredagen"),
        (easter, "påskdagen"),
        (easter + timedelta(days=1), "annandag påsk"),
        (date(year, 5, 1), "första maj"),
        (easter + timedelta(days=39), "Kristi himmelsfärdsdag"),
        (easter + timedelta(days=49), "pingstdagen"),
        (_saturday_on_or_after(date(year, 6, 20)), "midsommardagen"),
        (_saturday_on_or_after(date(year, 10, 31)), "alla helgons dag"),
        (date(year, 12, 25), "juldagen"),
        (date(year, 12, 26), "annandag jul"),
    ]
    # Records reach back decades, and a deadline from 2004 must be computed by the law of 2004.
    if year >= NATIONAL_DAY_FIRST_YEAR:
        days.append((date(year, 6, 6), "nationaldagen"))
    else:
        days.append((easter + timedelta(days=50), "annandag pingst"))
    return _named(days)


@functools.cache
def non_working_days(year: int) -> Mapping[date, str]:
    """Return the named days a deadline cannot end on (lag 1930:173): holidays and three eves."""
    # Ordinary weekends are left out: they are every Saturday and Sunday, and would swamp the names.
    midsummer_eve = _saturday_on_or_after(date(year, 6, 20)) - timedelta(days=1)
    eves = [
        (midsummer_eve, "midsommarafton"),
        (date(year, 12, 24), "julafton"),
        (date(year, 12, 31), "nyårsafton"),
    ]
    return _named([*public_holidays(year).items(), *eves])


def holiday_name(day: date) -> str | None:
    """Return the Swedish name of a public holiday or of one of the three eves, or None."""
    return non_working_days(day.year).get(day)


def is_public_holiday(day: date) -> bool:
    """Tell whether a day is a named public holiday (ordinary Sundays excluded)."""
    return day in public_holidays(day.year)


def is_non_working_day(day: date) -> bool:
    """Tell whether a deadline ending on this day moves on: a weekend, a holiday or one of the three eves."""
    return day.weekday() >= _SATURDAY or day in non_working_days(day.year)


def next_working_day(day: date) -> date:
    """Return the day itself when it is a working day, else the first working day after it."""
    while is_non_working_day(day):
        day += timedelta(days=1)
    return day
