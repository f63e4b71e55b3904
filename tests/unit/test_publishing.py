"""The day of the build: --date, else SOURCE_DATE_EPOCH, else today, always as a Swedish calendar day."""

from __future__ import annotations

import datetime as dt

import pytest

from generator.model.publishing import build_day

UTC = dt.UTC


def epoch(*args: int) -> str:
    return str(int(dt.datetime(*args, tzinfo=UTC).timestamp()))


@pytest.mark.parametrize(
    ("utc", "day", "why"),
    [
        (dt.datetime(2024, 6, 9, 21, 59, tzinfo=UTC), dt.date(2024, 6, 9), "23:59 CEST"),
        (dt.datetime(2024, 6, 9, 22, 0, tzinfo=UTC), dt.date(2024, 6, 10), "00:00 CEST, summer time"),
        (dt.datetime(2024, 1, 9, 22, 59, tzinfo=UTC), dt.date(2024, 1, 9), "23:59 CET"),
        (dt.datetime(2024, 1, 9, 23, 0, tzinfo=UTC), dt.date(2024, 1, 10), "00:00 CET, winter time"),
        (dt.datetime(2024, 12, 31, 23, 30, tzinfo=UTC), dt.date(2025, 1, 1), "nyårsnatten"),
    ],
)
def test_today_is_the_day_in_sweden(utc: dt.datetime, day: dt.date, why: str) -> None:
    assert build_day(None, {}, now=utc) == day, why


def test_source_date_epoch_is_read_in_swedish_time() -> None:
    assert build_day(None, {"SOURCE_DATE_EPOCH": epoch(2024, 6, 9, 22, 30)}) == dt.date(2024, 6, 10)
    assert build_day(None, {"SOURCE_DATE_EPOCH": epoch(2024, 6, 9, 21, 30)}) == dt.date(2024, 6, 9)


def test_the_date_option_wins() -> None:
    env = {"SOURCE_DATE_EPOCH": epoch(2024, 6, 9, 22, 30)}
    assert build_day(dt.date(2021, 3, 1), env) == dt.date(2021, 3, 1)


@pytest.mark.parametrize("raw", ["", "  ", "-1", "1.5", "igår"])
def test_a_source_date_epoch_that_is_no_whole_number_is_ignored(raw: str) -> None:
    now = dt.datetime(2024, 6, 9, 12, 0, tzinfo=UTC)
    assert build_day(None, {"SOURCE_DATE_EPOCH": raw}, now=now) == dt.date(2024, 6, 9)


def test_a_demos_fixed_day_wins_over_source_date_epoch_and_today_but_not_over_the_date_option() -> None:
    """site.yaml's demo_date: the demo shows one day's notice board whatever day it is built."""
    env = {"SOURCE_DATE_EPOCH": epoch(2024, 6, 9, 22, 30)}
    now = dt.datetime(2026, 12, 5, 12, 0, tzinfo=UTC)
    pinned = dt.date(2025, 5, 19)
    assert build_day(None, env, now=now, pinned=pinned) == pinned
    assert build_day(None, {}, now=now, pinned=pinned) == pinned
    assert build_day(dt.date(2021, 3, 1), env, now=now, pinned=pinned) == dt.date(2021, 3, 1)
    assert build_day(None, {}, now=now, pinned=None) == dt.date(2026, 12, 5)
