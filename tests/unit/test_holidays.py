"""The days a deadline cannot end on (lag 1930:173): public holidays (lag 1989:253) and three eves.

The calendar comes from the ``holidays`` package; these tests hold it to the law, worked out by hand.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from generator.model.appeal import days_off, holiday_name, is_non_working_day, next_working_day

EASTER = {
    2003: date(2003, 4, 20), 2004: date(2004, 4, 11), 2005: date(2005, 3, 27), 2006: date(2006, 4, 16),
    2007: date(2007, 4, 8), 2008: date(2008, 3, 23), 2009: date(2009, 4, 12), 2010: date(2010, 4, 4),
    2011: date(2011, 4, 24), 2012: date(2012, 4, 8), 2013: date(2013, 3, 31), 2014: date(2014, 4, 20),
    2015: date(2015, 4, 5), 2016: date(2016, 3, 27), 2017: date(2017, 4, 16), 2018: date(2018, 4, 1),
    2019: date(2019, 4, 21), 2020: date(2020, 4, 12), 2021: date(2021, 4, 4), 2022: date(2022, 4, 17),
    2023: date(2023, 4, 9), 2024: date(2024, 3, 31), 2025: date(2025, 4, 20), 2026: date(2026, 4, 5),
    2027: date(2027, 3, 28), 2028: date(2028, 4, 16), 2029: date(2029, 4, 1), 2030: date(2030, 4, 21),
}  # fmt: skip
"""Påskdagen 2003–2030, from the church calendar."""

EVES = ("midsommarafton", "julafton", "nyårsafton")


@pytest.mark.parametrize(
    ("year", "easter"),
    [
        (2038, date(2038, 4, 25)),  # the latest possible Easter; 2008 in the table is the century's earliest
        (2049, date(2049, 4, 18)),
        *EASTER.items(),
    ],
)
def test_easter_sunday(year: int, easter: date) -> None:
    assert holiday_name(easter) == "påskdagen"
    assert holiday_name(easter - timedelta(days=2)) == "långfredagen"


def _saturday_in(year: int, month: int, first_day: int) -> date:
    """The Saturday of the seven days from ``first_day``: how lag 1989:253 places its Saturday holidays."""
    start = date(year, month, first_day)
    return start + timedelta(days=(5 - start.weekday()) % 7)


def _by_hand(year: int) -> dict[date, str]:
    """The law's days off in a year, from its text and the Easter table: the list a clerk would write."""
    easter = EASTER[year]
    midsummer = _saturday_in(year, 6, 20)
    days = [
        (date(year, 1, 1), "nyårsdagen"),
        (date(year, 1, 6), "trettondedag jul"),
        (easter - timedelta(days=2), "långfredagen"),
        (easter, "påskdagen"),
        (easter + timedelta(days=1), "annandag påsk"),
        (date(year, 5, 1), "första maj"),
        (easter + timedelta(days=39), "Kristi himmelsfärdsdag"),
        (easter + timedelta(days=49), "pingstdagen"),
        (midsummer - timedelta(days=1), "midsommarafton"),
        (midsummer, "midsommardagen"),
        (_saturday_in(year, 10, 31), "alla helgons dag"),
        (date(year, 12, 24), "julafton"),
        (date(year, 12, 25), "juldagen"),
        (date(year, 12, 26), "annandag jul"),
        (date(year, 12, 31), "nyårsafton"),
    ]
    # Lag (2004:1320), in force 1 April 2005, made 6 June a holiday and abolished annandag pingst.
    if year >= 2005:
        days.append((date(year, 6, 6), "nationaldagen"))
    else:
        days.append((easter + timedelta(days=50), "annandag pingst"))
    names: dict[date, str] = {}
    for day, name in days:  # two on one day (första maj 2008) are named together
        names[day] = f"{names[day]} och {name}" if day in names else name
    return names


@pytest.mark.parametrize("year", sorted(EASTER))
def test_every_day_off_2003_to_2030_as_worked_out_by_hand(year: int) -> None:
    # Exactly these sixteen days, no more: no ordinary Sundays, no other eves, no half days.
    assert dict(days_off(year)) == _by_hand(year)


HOLIDAYS_2024 = {
    date(2024, 1, 1): "nyårsdagen",
    date(2024, 1, 6): "trettondedag jul",
    date(2024, 3, 29): "långfredagen",  # Easter 31 March
    date(2024, 3, 31): "påskdagen",
    date(2024, 4, 1): "annandag påsk",
    date(2024, 5, 1): "första maj",
    date(2024, 5, 9): "Kristi himmelsfärdsdag",  # Easter + 39 days, a Thursday
    date(2024, 5, 19): "pingstdagen",  # Easter + 49 days
    date(2024, 6, 6): "nationaldagen",
    date(2024, 6, 22): "midsommardagen",  # the Saturday of 20–26 June
    date(2024, 11, 2): "alla helgons dag",  # the Saturday of 31 Oct – 6 Nov
    date(2024, 12, 25): "juldagen",
    date(2024, 12, 26): "annandag jul",
}


def test_every_day_off_of_2024_in_date_order() -> None:
    eves = dict(zip([date(2024, 6, 21), date(2024, 12, 24), date(2024, 12, 31)], EVES, strict=True))
    assert list(days_off(2024).items()) == sorted({**HOLIDAYS_2024, **eves}.items())


@pytest.mark.parametrize(
    ("day", "name"),
    [
        # 2019: Easter 21 April
        (date(2019, 4, 19), "långfredagen"),
        (date(2019, 4, 21), "påskdagen"),
        (date(2019, 4, 22), "annandag påsk"),
        (date(2019, 5, 30), "Kristi himmelsfärdsdag"),
        (date(2019, 6, 9), "pingstdagen"),
        (date(2019, 6, 22), "midsommardagen"),
        (date(2019, 11, 2), "alla helgons dag"),
        # 2025: Easter 20 April; 20 June is a Friday, so midsommardagen is the 21st
        (date(2025, 1, 6), "trettondedag jul"),
        (date(2025, 4, 18), "långfredagen"),
        (date(2025, 4, 20), "påskdagen"),
        (date(2025, 4, 21), "annandag påsk"),
        (date(2025, 5, 29), "Kristi himmelsfärdsdag"),
        (date(2025, 6, 6), "nationaldagen"),
        (date(2025, 6, 8), "pingstdagen"),
        (date(2025, 6, 21), "midsommardagen"),
        (date(2025, 11, 1), "alla helgons dag"),
        # 2026: Easter 5 April; both Saturday rules land on the first day of their window
        (date(2026, 4, 3), "långfredagen"),
        (date(2026, 4, 5), "påskdagen"),
        (date(2026, 4, 6), "annandag påsk"),
        (date(2026, 5, 14), "Kristi himmelsfärdsdag"),
        (date(2026, 5, 24), "pingstdagen"),
        (date(2026, 6, 20), "midsommardagen"),
        (date(2026, 10, 31), "alla helgons dag"),
        # 2004, before lag (2004:1320): annandag pingst instead of nationaldagen
        (date(2004, 5, 31), "annandag pingst"),
        (date(2004, 6, 26), "midsommardagen"),
        (date(2004, 11, 6), "alla helgons dag"),  # the last day of its window
        # Two holidays on one day keep both names
        (date(2008, 5, 1), "första maj och Kristi himmelsfärdsdag"),  # Easter 23 March 2008
        (date(2049, 6, 6), "nationaldagen och pingstdagen"),  # Easter 18 April 2049
    ],
)
def test_public_holiday(day: date, name: str) -> None:
    assert days_off(day.year)[day] == name
    assert holiday_name(day) == name


@pytest.mark.parametrize(
    ("day", "name"),
    [
        (date(2025, 6, 9), None),  # annandag pingst, abolished from 2005
        (date(2005, 5, 16), None),  # annandag pingst in the first year of the new law
        (date(2003, 6, 6), None),  # 6 June was an ordinary day before 2005 (a Friday in 2003)
        (date(2024, 11, 1), None),  # alla helgons afton
        (date(2024, 3, 28), None),  # skärtorsdagen
        (date(2024, 4, 30), None),  # valborgsmässoafton
        (date(2024, 6, 21), "midsommarafton"),  # a day off, but not a public holiday: named as the eve
        (date(2024, 12, 24), "julafton"),  # likewise
        (date(2024, 6, 23), None),  # an ordinary Sunday is not a named holiday
    ],
)
def test_not_a_public_holiday(day: date, name: str | None) -> None:
    assert holiday_name(day) == name


def test_2004_has_no_nationaldag_and_2005_no_annandag_pingst() -> None:
    assert "nationaldagen" not in days_off(2004).values()
    assert "annandag pingst" not in days_off(2005).values()
    # Thirteen public holidays and three eves in each year.
    assert len(days_off(2004)) == len(days_off(2005)) == 13 + len(EVES)


@pytest.mark.parametrize(
    ("day", "name"),
    [
        (date(2024, 6, 21), "midsommarafton"),  # the Friday before midsommardagen 22 June
        (date(2025, 6, 20), "midsommarafton"),
        (date(2026, 6, 19), "midsommarafton"),  # midsommardagen 20 June, so the eve falls outside 20–26
        (date(2024, 12, 24), "julafton"),
        (date(2024, 12, 31), "nyårsafton"),
        (date(2024, 12, 25), "juldagen"),  # the holidays are included too
    ],
)
def test_eves_that_lag_1930_173_treats_as_holidays(day: date, name: str) -> None:
    assert days_off(day.year)[day] == name
    assert holiday_name(day) == name


@pytest.mark.parametrize(
    ("day", "non_working", "why"),
    [
        (date(2024, 3, 4), False, "Monday"),
        (date(2024, 3, 8), False, "Friday"),
        (date(2024, 3, 9), True, "Saturday"),
        (date(2024, 3, 10), True, "Sunday"),
        (date(2024, 3, 29), True, "långfredagen"),
        (date(2024, 3, 30), True, "påskafton, a Saturday"),
        (date(2024, 4, 1), True, "annandag påsk"),
        (date(2024, 5, 1), True, "första maj, a Wednesday"),
        (date(2024, 5, 9), True, "Kristi himmelsfärdsdag"),
        (date(2024, 5, 10), False, "the Friday after Kristi himmelsfärdsdag (a klämdag) is a working day"),
        (date(2024, 6, 6), True, "nationaldagen, a Thursday"),
        (date(2024, 6, 7), False, "the Friday after nationaldagen"),
        (date(2024, 6, 21), True, "midsommarafton"),
        (date(2024, 11, 1), False, "alla helgons afton is a working day"),
        (date(2024, 12, 23), False, "lillejulafton is a working day"),
        (date(2024, 12, 24), True, "julafton, a Tuesday"),
        (date(2024, 12, 27), False, "the Friday after annandag jul"),
        (date(2024, 12, 31), True, "nyårsafton, a Tuesday"),
        (date(2025, 1, 1), True, "nyårsdagen"),
        (date(2025, 1, 6), True, "trettondedag jul, a Monday"),
        (date(2025, 6, 9), False, "annandag pingst, no longer a holiday"),
        (date(2004, 5, 31), True, "annandag pingst 2004, still a holiday"),
    ],
)
def test_is_non_working_day(day: date, non_working: bool, why: str) -> None:
    assert is_non_working_day(day) is non_working, why


@pytest.mark.parametrize(
    ("day", "next_day"),
    [
        (date(2024, 3, 4), date(2024, 3, 4)),  # a Monday is already a working day
        (date(2024, 3, 9), date(2024, 3, 11)),  # Saturday → Monday
        (date(2024, 3, 29), date(2024, 4, 2)),  # långfredagen, påskafton, påskdagen, annandag → Tuesday
        (date(2024, 12, 24), date(2024, 12, 27)),  # julafton, juldagen, annandag jul → Friday
        (date(2024, 12, 31), date(2025, 1, 2)),  # nyårsafton, nyårsdagen → Thursday, across the year
    ],
)
def test_next_working_day(day: date, next_day: date) -> None:
    assert next_working_day(day) == next_day


def test_cached_holidays_cannot_be_changed_by_a_caller() -> None:
    holidays = days_off(2024)
    with pytest.raises(TypeError):
        holidays[date(2024, 3, 4)] = "påhittad helgdag"  # type: ignore[index]
    assert date(2024, 3, 4) not in days_off(2024)
