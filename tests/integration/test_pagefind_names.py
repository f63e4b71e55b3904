"""Short names for a bundle's pages and chunks (generator/outputs/pagefind_names.py), on what Pagefind writes.

The search page orders a bundle's results newest first by the rank in their names, so the names must follow
the dates whatever order Pagefind was given the records in; and a name must never be reused for other
content, or a browser that kept the older file would show it.
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
import random
import re
from collections.abc import Mapping
from typing import Any

from generator.outputs.pagefind_bundle import ENTRY, decode_pagefind
from generator.outputs.pagefind_names import shorten_names
from generator.outputs.search_records import SORT, SearchRecord
from tests.integration.swedishindex import index


def record(day: str, n: int, words: str = "") -> SearchRecord:
    date = dt.date.fromisoformat(day)
    return SearchRecord(
        url=f"ks/{day}/{n}/",
        date=date,
        parts=(f"Beslut {n} om budget och {words or 'plan'} den {day}",),
        meta=(("title", f"§ {n} Beslut"), ("datum", day)),
        filters=(("år", str(date.year)),),
    )


RECORDS = [record(f"20{20 + i % 5}-{1 + i % 12:02d}-{1 + i % 28:02d}", i) for i in range(60)]


def meta(files: Mapping[str, bytes]) -> list[Any]:
    (language,) = json.loads(files[ENTRY])["languages"].values()
    return decode_pagefind(files[f"pagefind.{language['hash']}.pf_meta"])  # type: ignore[no-any-return]


def fragment_url(files: Mapping[str, bytes], name: str) -> str:
    data = gzip.decompress(files[f"fragment/{name}.pf_fragment"])
    return json.loads(data[len(b"pagefind_dcd") :])["url"]  # type: ignore[no-any-return]


def test_pages_are_named_by_date_and_every_file_keeps_its_content() -> None:
    shuffled = RECORDS[:]
    random.Random(7).shuffle(shuffled)
    raw = index(shuffled)
    short = shorten_names(raw, SORT)
    before, after = meta(raw), meta(short)
    assert [name for name, _ in before[4]] == [SORT]
    assert after[4] == [], "the sort by date is left out: the names carry it"
    tag = after[1][0][0].split("-")[0]
    # Page by page (Pagefind's numbering, which the index chunks and filters use), the same fragment.
    for (old, words), (new, same_words) in zip(before[1], after[1], strict=True):
        assert words == same_words
        assert short[f"fragment/{new}.pf_fragment"] == raw[f"fragment/{old}.pf_fragment"]
        assert re.fullmatch(re.escape(tag) + r"-[0-9a-z]+", new)
    ranked = sorted(after[1], key=lambda page: int(page[0].split("-")[1], 36))
    by_date = sorted(RECORDS, key=lambda r: (r.date, r.url))
    assert [r.date for r in by_date] == [
        next(r.date for r in RECORDS if r.url == fragment_url(short, name)) for name, _ in ranked
    ]
    assert ranked[0][0] == f"{tag}-0" and ranked[-1][0] == f"{tag}-1n"  # 59 in base 36
    for (first, last, old), (same_first, same_last, new) in zip(before[2], after[2], strict=True):
        assert (first, last) == (same_first, same_last)
        assert short[f"index/{new}.pf_index"] == raw[f"index/{old}.pf_index"]
    assert before[3] == after[3], "the filters are untouched"
    named = {f"fragment/{p[0]}.pf_fragment" for p in after[1]} | {f"index/{c[2]}.pf_index" for c in after[2]}
    listed = named | {f"filter/{f[1]}.pf_filter" for f in after[3]} | {ENTRY}
    assert set(short) - listed == {next(p for p in short if p.endswith(".pf_meta"))}, "no file left over"
    assert sum(len(short[p]) for p in short if p.endswith(".pf_meta")) < sum(
        len(raw[p]) for p in raw if p.endswith(".pf_meta")
    )


def test_a_name_is_never_reused_for_other_content() -> None:
    """One record changed: every name of the new bundle is new, so no browser takes an old file for it."""
    first = shorten_names(index(RECORDS), SORT)
    changed = [*RECORDS[:30], record(RECORDS[30].date.isoformat(), 30, "förskola"), *RECORDS[31:]]
    second = shorten_names(index(changed), SORT)
    again = shorten_names(index(RECORDS), SORT)
    assert again == first, "the same records give the same names"
    shared = {p for p in set(first) & set(second) if p.startswith(("fragment/", "index/"))}
    assert shared == set()
    assert {p for p in first if p.startswith("fragment/")} != set()
