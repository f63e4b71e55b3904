"""Timestamps of feeds and open data: the site's time zone, with Swedish summer time."""

from __future__ import annotations

import datetime as dt

import pytest

from generator.base.stamps import rfc3339, zone_of

SE = "Europe/Stockholm"


@pytest.mark.parametrize(
    ("day", "time", "zone", "expected"),
    [
        (dt.date(2018, 5, 28), None, SE, "2018-05-28T00:00:00+02:00"),  # summer time (CEST)
        (dt.date(2018, 12, 5), dt.time(9, 15), SE, "2018-12-05T09:15:00+01:00"),  # winter (CET)
        (dt.date(2024, 3, 31), dt.time(12, 0), SE, "2024-03-31T12:00:00+02:00"),  # the day it starts
        (dt.date(2024, 10, 27), dt.time(12, 0), SE, "2024-10-27T12:00:00+01:00"),  # the day it ends
        (dt.date(2018, 5, 28), None, "+01:00", "2018-05-28T00:00:00+01:00"),  # a fixed offset stays fixed
        (dt.date(2018, 5, 28), dt.time(7, 52, 30, 999), "-03:30", "2018-05-28T07:52:30-03:30"),
    ],
)
def test_rfc3339_in_the_sites_time_zone(day: dt.date, time: dt.time | None, zone: str, expected: str) -> None:
    assert rfc3339(day, zone, time) == expected


@pytest.mark.parametrize("name", ["Europe/Stockholm", "UTC", "+01:00", "-05:00"])
def test_known_zones(name: str) -> None:
    assert zone_of(name) is not None


@pytest.mark.parametrize("name", ["Europe/Sjövik", "CEST+1", "+1", "", "../etc/passwd"])
def test_unknown_zones(name: str) -> None:
    assert zone_of(name) is None
