"""The last day to appeal: anslag plus three weeks, moved past weekends, holidays and the three eves."""

from __future__ import annotations

from datetime import date

import pytest

from generator.model.appeal import DEFAULT_APPEAL_PERIOD_DAYS, last_appeal_day, notice_is_up

# Adding 21 days keeps the weekday, so each anslag below is on the weekday of the day it lands on.


@pytest.mark.parametrize(
    ("anslag", "last_day", "why"),
    [
        (date(2024, 3, 4), date(2024, 3, 25), "Mon + 21 = Mon 25 March, a working day"),
        (date(2024, 9, 7), date(2024, 9, 30), "Sat + 21 = Sat 28 Sep → Sun 29 → Mon 30"),
        (date(2024, 9, 8), date(2024, 9, 30), "Sun + 21 = Sun 29 Sep → Mon 30"),
        (date(2024, 5, 31), date(2024, 6, 24), "Fri + 21 = midsommarafton 21 June → Sat, Sun → Mon 24"),
        (date(2025, 5, 30), date(2025, 6, 23), "Fri + 21 = midsommarafton 20 June → Sat, Sun → Mon 23"),
        (date(2024, 12, 3), date(2024, 12, 27), "Tue + 21 = julafton → juldagen → annandag jul → Fri 27"),
        (date(2021, 12, 3), date(2021, 12, 27), "Fri + 21 = julafton → Sat 25 → Sun 26 → Mon 27"),
        (date(2026, 12, 3), date(2026, 12, 28), "Thu + 21 = julafton → Fri 25 → Sat 26 → Sun 27 → Mon 28"),
        (date(2024, 12, 10), date(2025, 1, 2), "Tue + 21 = nyårsafton → nyårsdagen → Thu 2 Jan 2025"),
        (date(2021, 12, 10), date(2022, 1, 3), "Fri + 21 = nyårsafton → Sat 1 Jan 2022 → Sun 2 → Mon 3"),
        (date(2024, 12, 16), date(2025, 1, 7), "Mon + 21 = trettondedag jul 6 Jan 2025 → Tue 7"),
        (date(2025, 3, 31), date(2025, 4, 22), "Mon + 21 = annandag påsk 21 April → Tue 22"),
        (date(2025, 3, 28), date(2025, 4, 22), "Fri + 21 = långfredagen 18 April → … → annandag påsk → Tue"),
        (date(2024, 4, 10), date(2024, 5, 2), "Wed + 21 = första maj → Thu 2 May"),
        (date(2024, 4, 18), date(2024, 5, 10), "Thu + 21 = Kristi himmelsfärdsdag 9 May → Fri 10"),
        (date(2024, 5, 16), date(2024, 6, 7), "Thu + 21 = nationaldagen 6 June → Fri 7"),
        (date(2025, 5, 16), date(2025, 6, 9), "Fri + 21 = nationaldagen → Sat → pingstdagen → Mon"),
        (date(2004, 5, 10), date(2004, 6, 1), "Mon + 21 = annandag pingst, a holiday in 2004 → Tue"),
        (date(2024, 10, 11), date(2024, 11, 1), "Fri + 21 = alla helgons afton, a working day"),
        (date(2024, 12, 2), date(2024, 12, 23), "Mon + 21 = lillejulafton, a working day"),
    ],
)
def test_last_appeal_day(anslag: date, last_day: date, why: str) -> None:
    assert last_appeal_day(anslag) == last_day, why


@pytest.mark.parametrize(
    ("anslag", "period_days", "last_day", "why"),
    [
        (date(2024, 12, 1), 23, date(2024, 12, 27), "Sun + 23 = julafton → … → Fri 27"),
        (date(2024, 3, 4), 14, date(2024, 3, 18), "Mon + 14 = Mon"),
        (date(2024, 3, 4), 1, date(2024, 3, 5), "Mon + 1 = Tue"),
    ],
)
def test_another_period(anslag: date, period_days: int, last_day: date, why: str) -> None:
    assert last_appeal_day(anslag, period_days) == last_day, why


def test_the_default_period_is_three_weeks() -> None:
    assert DEFAULT_APPEAL_PERIOD_DAYS == 21


@pytest.mark.parametrize("period_days", [0, -21])
def test_a_period_must_be_at_least_one_day(period_days: int) -> None:
    with pytest.raises(ValueError, match="at least one day"):
        last_appeal_day(date(2024, 3, 4), period_days)


# anslag Tue 3 Dec 2024: + 21 = julafton, so the last day to appeal is Fri 27 Dec.
@pytest.mark.parametrize(
    ("build_date", "up"),
    [
        (date(2024, 12, 2), False),  # the day before anslag
        (date(2024, 12, 3), True),  # the anslag day itself
        (date(2024, 12, 15), True),
        (date(2024, 12, 24), True),  # anslag + 21, but the deadline moved on
        (date(2024, 12, 27), True),  # the last day to appeal
        (date(2024, 12, 28), False),  # the day after
        (date(2025, 6, 1), False),
    ],
)
def test_notice_is_up_from_anslag_through_the_last_appeal_day(build_date: date, up: bool) -> None:
    assert notice_is_up(date(2024, 12, 3), build_date) is up


@pytest.mark.parametrize(
    ("build_date", "up"),
    [
        (date(2024, 3, 18), True),  # Mon 4 March + 14 = Mon 18 March, the last day
        (date(2024, 3, 19), False),
    ],
)
def test_notice_is_up_follows_the_period(build_date: date, up: bool) -> None:
    assert notice_is_up(date(2024, 3, 4), build_date, period_days=14) is up
