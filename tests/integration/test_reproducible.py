"""The same site built twice on the same build date gives the same bytes: search index, feeds, calendars and
open data included.

The two builds go into different folders, a second apart, so that neither the output's path nor the
clock can leak into any file. Pagefind on its own is not reproducible (its filter files follow a random
hash order); generator/outputs/pagefind_bundle.py sorts them, and these tests are what hold it to that.
"""

from __future__ import annotations

import json
import time
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest

from generator.outputs.pagefind_bundle import ENTRY, decode_pagefind, make_reproducible
from generator.outputs.pagefind_service import PagefindService
from generator.outputs.search import SETTINGS
from generator.outputs.search_bundles import KEEP, plan_bundles
from generator.outputs.search_records import search_records
from tests.integration.sitecheck import REPO, SITES, assert_built, build_site, tree_digest

CASES = {
    "demo": (REPO, "2026-11-22"),
    "tva-kommuner": (SITES / "valid" / "tva-kommuner", "2024-04-25"),
    "xrefs": (SITES / "valid" / "xrefs", "2024-06-01"),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_two_builds_are_byte_identical(tmp_path: Path, name: str) -> None:
    site, day = CASES[name]
    first, second = tmp_path / "a" / "public", tmp_path / "elsewhere" / "deeper" / "site"
    assert_built(build_site(site, first, day))
    time.sleep(1)
    assert_built(build_site(site, second, day))

    a, b = tree_digest(first), tree_digest(second)
    assert sorted(a) == sorted(b), "the two builds wrote different files"
    differing = [path for path in a if a[path] != b[path]]
    assert differing == []
    assert any(path.startswith("pagefind/filter/") for path in a), "the index has filters to compare"
    assert any(path.startswith("pagefind/fragment/") for path in a)
    for kind in ("atom.xml", "kalender.ics", "data/index.json", "sitemap.xml"):
        assert any(path.endswith(kind) for path in a), f"the builds have {kind} to compare"


def test_build_date_is_the_only_input_besides_the_site(tmp_path: Path) -> None:
    """A different build date may change pages (notices come down), and a rebuild gets it back."""
    site, day = CASES["tva-kommuner"]
    one, other, again = tmp_path / "one", tmp_path / "other", tmp_path / "again"
    assert_built(build_site(site, one, day))
    assert_built(build_site(site, other, "2024-06-01"))
    assert_built(build_site(site, again, day))
    assert tree_digest(one) == tree_digest(again)
    assert tree_digest(one) != tree_digest(other)


def index_meaning(files: Mapping[str, bytes]) -> dict[str, Any]:
    """Return what a Pagefind bundle says, independent of file names and of the order of filter values."""
    entry = json.loads(files["pagefind-entry.json"])
    (language,) = entry["languages"].values()
    version, pages, chunks, filters, sorts, fields = decode_pagefind(
        files[f"pagefind.{language['hash']}.pf_meta"]
    )
    values = {}
    for name, file in filters:
        filter_name, filter_values = decode_pagefind(files[f"filter/{file}.pf_filter"])
        assert filter_name == name
        values[name] = {value: pages for value, pages in filter_values}
    referenced = {f"filter/{file}.pf_filter" for _, file in filters}
    assert {f for f in files if f.startswith("filter/")} == referenced, "no orphan or missing filter file"
    return {
        "version": version,
        "pages": pages,
        "chunks": chunks,
        "filters": values,
        "sorts": sorts,
        "fields": fields,
        "page_count": language["page_count"],
        "other": {path: data for path, data in files.items() if path.startswith(("index/", "fragment/"))},
    }


def test_sorted_index_means_what_pagefind_wrote(tmp_path: Path) -> None:
    """Sorting only reorders: every filter value keeps its pages, every other part is Pagefind's own."""
    site, day = CASES["tva-kommuner"]
    result = build_site(site, tmp_path / "public", day)
    assert_built(result)
    assert result.loaded is not None
    records = search_records(result.loaded.site, result.loaded.translator)
    [bundle] = plan_bundles(records)
    with PagefindService(SETTINGS) as service:
        index = service.new_index("sv")
        service.add_records(index, [record.request("sv") for record in records])
        raw = {p: d for p, d in service.files(index).items() if p.endswith(KEEP) or p == ENTRY}
    sorted_files = make_reproducible(raw)
    assert index_meaning(sorted_files) == index_meaning(raw)
    nämnd = index_meaning(sorted_files)["filters"]["nämnd"]
    assert list(nämnd) == sorted(nämnd)
    assert bundle.records == tuple(records)
