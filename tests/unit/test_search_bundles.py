"""Bundles of the search index: whole years, at most LIMIT records, a key that only their records change."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from generator.outputs.search_bundles import Bundle, plan_bundles
from generator.outputs.search_records import SearchRecord


def record(day: str, n: int = 0) -> SearchRecord:
    """Return a record of ``day`` (the n-th of that day)."""
    date = dt.date.fromisoformat(day)
    return SearchRecord(
        url=f"ks/{day}/{n}/",
        date=date,
        parts=(f"Beslut nummer {n} den {day}",),
        meta=(("title", f"§ {n} Beslut"),),
        filters=(("år", str(date.year)),),
    )


def year(y: int, count: int) -> list[SearchRecord]:
    """Return ``count`` records spread over the months of year ``y``."""
    return [record(f"{y}-{1 + i % 12:02d}-{1 + i // 12 % 28:02d}", i) for i in range(count)]


def oldest_first(records: list[SearchRecord]) -> list[SearchRecord]:
    return sorted(records, key=lambda r: (r.date, r.url))


def names(bundles: list[Bundle]) -> list[str]:
    return [b.name for b in bundles]


def test_years_are_grouped_from_the_oldest_while_they_fit() -> None:
    records = oldest_first(year(2019, 4) + year(2020, 3) + year(2021, 5) + year(2022, 1))
    bundles = plan_bundles(records, limit=8)
    assert names(bundles) == ["2021-2022", "2019-2020"]
    assert [len(b.records) for b in bundles] == [6, 7]
    assert [r for b in reversed(bundles) for r in b.records] == records


def test_a_year_larger_than_the_limit_is_split_into_runs_of_whole_months() -> None:
    records = oldest_first(year(2023, 2) + year(2024, 24))  # two records a month in 2024
    bundles = plan_bundles(records, limit=7)
    assert names(bundles) == ["2024-10", "2024-07", "2024-04", "2024-01", "2023"]
    assert [len(b.records) for b in bundles] == [6, 6, 6, 6, 2]
    months = [{r.date.month for r in b.records} for b in bundles[:-1]]
    assert months == [{10, 11, 12}, {7, 8, 9}, {4, 5, 6}, {1, 2, 3}]


def test_no_records_no_bundles() -> None:
    assert plan_bundles([]) == []


def test_a_changed_record_changes_the_key_of_its_bundle_only() -> None:
    records = oldest_first(year(2019, 5) + year(2020, 5) + year(2021, 5))
    before = plan_bundles(records, limit=5)
    changed = [replace(r, parts=(*r.parts, "rättad")) if r.url == "ks/2020-03-01/2/" else r for r in records]
    after = plan_bundles(changed, limit=5)
    assert names(after) == names(before) == ["2021", "2020", "2019"]
    differs = [a.name for a, b in zip(after, before, strict=True) if a.key != b.key]
    assert differs == ["2020"]


def test_new_records_of_this_year_leave_the_older_bundles_as_they_were() -> None:
    records = oldest_first(year(2022, 6) + year(2023, 6) + year(2024, 2))
    before = {b.name: b.key for b in plan_bundles(records, limit=6)}
    after = {b.name: b.key for b in plan_bundles(oldest_first([*records, record("2024-11-30", 99)]), limit=6)}
    assert set(after) == set(before) == {"2022", "2023", "2024"}
    assert [name for name in after if after[name] != before[name]] == ["2024"]


def test_the_key_depends_on_what_is_indexed_not_on_the_bundle_object() -> None:
    records = tuple(year(2024, 3))
    assert Bundle("2024", records).key == Bundle("2024", records).key
    assert Bundle("2024", records).key != Bundle("2024", records, primary=True).key
    assert Bundle("2024", records).key != Bundle("2024", records, pages=(("sida/", "<main>x</main>"),)).key
