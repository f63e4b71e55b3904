"""The last day to appeal a municipal decision, and how long its notice stays on the notice board.

Lagen (1930:173) om beräkning av lagstadgad tid moves a deadline that ends on a Saturday, a Sunday, a public
holiday (lagen (1989:253) om allmänna helgdagar), midsommarafton, julafton or nyårsafton to the next working
day. The calendar of those days comes from the ``holidays`` package: its Sweden class follows lag 1989:253 as
it stood in each year (nationaldagen from 2005, annandag pingst until 2004) and has the three eves in its
``DE_FACTO`` category. It knows the years 1953 (lag 1952:48) to 2100; outside them only weekends move a
deadline.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from datetime import date, timedelta
from types import MappingProxyType

import holidays
from holidays.countries.sweden import Sweden

DEFAULT_APPEAL_PERIOD_DAYS = 21
"""Kommunallagen 13 kap.: an appeal must arrive within three weeks from the day the notice was posted."""

_SATURDAY = 5
_PROPER_NOUNS = ("Kristi ",)
"""Names that keep their capital in running text: Kristi himmelsfärdsdag (Kristi is a name)."""


def _in_running_text(name: str) -> str:
    """Return a holiday's name as written inside a sentence (``julafton``, ``Kristi himmelsfärdsdag``)."""
    # The package capitalises every name like a heading; Swedish writes holidays in lower case.
    return name if name.startswith(_PROPER_NOUNS) else name[:1].lower() + name[1:]


# Cached because every record's appeal deadline asks about the same few years; the mappings are read-only
# so that no caller can corrupt the cache.
@functools.cache
def days_off(year: int) -> Mapping[date, str]:
    """Return the named days of a year a deadline cannot end on: public holidays and the three eves."""
    # Ordinary Sundays are left out: every weekend moves a deadline anyway, and they would swamp the names.
    # Said explicitly, since older versions of the package (0.88 among them) list them by default.
    calendar = Sweden(
        years=year,
        categories=(holidays.PUBLIC, holidays.DE_FACTO),
        language="sv",
        include_sundays=False,
    )
    # Two holidays on one day (första maj 2008) keep both names.
    return MappingProxyType(
        {day: " och ".join(map(_in_running_text, calendar.get_list(day))) for day in sorted(calendar)}
    )


def holiday_name(day: date) -> str | None:
    """Return the Swedish name of a public holiday or of one of the three eves, or None."""
    return days_off(day.year).get(day)


def is_non_working_day(day: date) -> bool:
    """Tell whether a deadline ending on this day moves on: a weekend, a holiday or one of the three eves."""
    return day.weekday() >= _SATURDAY or day in days_off(day.year)


def next_working_day(day: date) -> date:
    """Return the day itself when it is a working day, else the first working day after it."""
    while is_non_working_day(day):
        day += timedelta(days=1)
    return day


def last_appeal_day(anslag: date, period_days: int = DEFAULT_APPEAL_PERIOD_DAYS) -> date:
    """Return the last day to appeal a decision whose justerat protokoll was announced on ``anslag``."""
    if period_days < 1:
        raise ValueError(f"the appeal period must be at least one day, not {period_days}")
    # "Within three weeks from the day" ends on the same weekday three weeks later; lagen (1930:173) then
    # lets an appeal arrive on the next working day when that day is a weekend, holiday or one of the eves.
    return next_working_day(anslag + timedelta(days=period_days))


def notice_is_up(anslag: date, build_date: date, period_days: int = DEFAULT_APPEAL_PERIOD_DAYS) -> bool:
    """Tell whether the notice posted on ``anslag`` is on the notice board on ``build_date``."""
    # Kommunallagen 8 kap.: the notice stays up until and including the day the appeal period ends; it
    # follows the moved deadline, since the public must be able to see it for as long as appeals are open.
    return anslag <= build_date <= last_appeal_day(anslag, period_days)
