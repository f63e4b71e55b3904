"""Swedish public holidays (lag 1989:253) and the days a deadline cannot end on (lag 1930:173)."""

from __future__ import annotations

from datetime import date

import pytest

from generator.model.holidays import (
    easter_sunday,
    holiday_name,
    is_non_working_day,
    is_public_holiday,
    next_working_day,
    non_working_days,
    public_holidays,
)


@pytest.mark.parametrize(
    ("year", "easter"),
    [
        (1818, date(1818, 3, 22)),  # the earliest possible Easter
        (1943, date(1943, 4, 25)),  # the latest possible Easter
        (2000, date(2000, 4, 23)),
        (2004, date(2004, 4, 11)),
        (2008, date(2008, 3, 23)),
        (2019, date(2019, 4, 21)),
        (2024, date(2024, 3, 31)),
        (2025, date(2025, 4, 20)),
        (2026, date(2026, 4, 5)),
        (2038, date(2038, 4, 25)),
        (2049, date(2049, 4, 18)),
        (2285, date(2285, 3, 22)),
    ],
)
def test_easter_sunday(year: int, easter: date) -> None:
    assert easter_sunday(year) == easter


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


def test_every_holiday_of_2024_in_date_order() -> None:
    assert list(public_holidays(2024).items()) == list(HOLIDAYS_2024.items())


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
        (date(2049, 6, 6), "pingstdagen och nationaldagen"),  # Easter 18 April 2049
    ],
)
def test_public_holiday(day: date, name: str) -> None:
    assert public_holidays(day.year)[day] == name
    assert is_public_holiday(day)
    assert holiday_name(day) == name


@pytest.mark.parametrize(
    "day",
    [
        date(2025, 6, 9),  # annandag pingst, abolished from 2005
        date(2005, 5, 16),  # annandag pingst in the first year of the new law
        date(2003, 6, 6),  # 6 June was an ordinary day before 2005 (a Friday in 2003)
        date(2024, 11, 1),  # alla helgons afton
        date(2024, 3, 28),  # skärtorsdagen
        date(2024, 4, 30),  # valborgsmässoafton
        date(2024, 6, 21),  # midsommarafton: a day off, but not a public holiday
        date(2024, 12, 24),  # julafton: likewise
        date(2024, 6, 23),  # an ordinary Sunday is not a named holiday
    ],
)
def test_not_a_public_holiday(day: date) -> None:
    assert not is_public_holiday(day)


def test_2004_has_no_nationaldag_and_2005_no_annandag_pingst() -> None:
    assert "nationaldagen" not in public_holidays(2004).values()
    assert "annandag pingst" not in public_holidays(2005).values()
    assert len(public_holidays(2004)) == len(public_holidays(2005)) == 13


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
    assert non_working_days(day.year)[day] == name
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
    holidays = public_holidays(2024)
    with pytest.raises(TypeError):
        holidays[date(2024, 3, 4)] = "påhittad helgdag"  # type: ignore[index]
    assert date(2024, 3, 4) not in public_holidays(2024)
