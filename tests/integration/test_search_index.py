"""The search index in bundles: a bundle is made once for the same records, and a change remakes one.

The demo site's records (2006 to 2025) are indexed in bundles of at most two, so that they make several,
as 10,000 records do at the real limit. The cache is the preview's, in memory; the bundles are made by
the real Pagefind.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from unittest import mock

import pytest

from generator.build import BuildResult
from generator.outputs import search_bundles
from generator.outputs.pagefind_service import PagefindError, PagefindService
from generator.outputs.search import MemoryCache, index_site
from tests.integration.sitecheck import REPO, assert_built, build_site, tree_digest

DAY = "2026-11-22"
RECORD_2018 = (
    "content/alingsas/kf/"
    "2018-11-28-205-genomforande-handlingsplan-effekt-6-0-samla-kommunens-stodfunktioner.md"
)


@pytest.fixture
def small_bundles() -> Iterator[None]:
    with mock.patch.object(search_bundles, "LIMIT", 2):
        yield


def built(site: Path, out: Path) -> BuildResult:
    result = build_site(site, out, DAY, search=False)
    assert_built(result)
    return result


def index(result: BuildResult, out: Path, target: Path, cache: MemoryCache) -> tuple[list[str], list[str]]:
    """Index a built site into ``target``; return the bundles made and those taken from the cache."""
    assert result.loaded is not None
    pages = [(path, (out / file).read_text(encoding="utf-8")) for path, file in result.searched]
    problems, report = index_site(result.loaded.site, result.loaded.translator, target, pages, cache=cache)
    assert problems == []
    return report.built, report.reused


def test_the_same_records_are_taken_from_the_cache_byte_for_byte(small_bundles: None, tmp_path: Path) -> None:
    out = tmp_path / "public"
    result = built(REPO, out)
    cache = MemoryCache()
    made, reused = index(result, out, tmp_path / "first", cache)
    names = bundle_names(tmp_path / "first")
    assert len(names) > 3 and "2018-2021" in names
    assert made == names and reused == []
    made, reused = index(result, out, tmp_path / "second", cache)
    assert made == [] and reused == names
    assert tree_digest(tmp_path / "first") == tree_digest(tmp_path / "second")


def test_two_indexings_of_the_same_site_are_byte_identical(small_bundles: None, tmp_path: Path) -> None:
    """Every bundle, made twice by Pagefind without a cache: the same files, the same bytes."""
    out = tmp_path / "public"
    result = built(REPO, out)
    index(result, out, tmp_path / "first", MemoryCache())
    index(result, out, tmp_path / "second", MemoryCache())
    assert len(bundle_names(tmp_path / "first")) > 3
    assert tree_digest(tmp_path / "first") == tree_digest(tmp_path / "second")


def test_a_changed_record_remakes_its_bundle_only(small_bundles: None, tmp_path: Path) -> None:
    site = tmp_path / "site"
    shutil.copytree(
        REPO, site, ignore=shutil.ignore_patterns(".venv", ".git", "public", "tests", "node_modules")
    )
    cache = MemoryCache()
    result = built(site, tmp_path / "a")
    index(result, tmp_path / "a", tmp_path / "before", cache)
    source = site / RECORD_2018
    source.write_text(
        source.read_text(encoding="utf-8") + "\nEtt tillägg om Sjöviks hamn.\n", encoding="utf-8"
    )
    result = built(site, tmp_path / "b")
    made, reused = index(result, tmp_path / "b", tmp_path / "after", cache)
    assert made == ["2018-2021"]
    assert reused == [name for name in bundle_names(tmp_path / "after") if name != "2018-2021"]
    before, after = tree_digest(tmp_path / "before"), tree_digest(tmp_path / "after")
    changed = {path.split("/")[0] for path in set(before) ^ set(after)}
    changed |= {path.split("/")[0] for path in before.keys() & after.keys() if before[path] != after[path]}
    assert changed == {"2018-2021"}


def bundle_names(index: Path) -> list[str]:
    """Return the bundles of an index, newest first, as its bundles.json lists them."""
    names: list[str] = json.loads((index / "bundles.json").read_text(encoding="utf-8"))["bundles"]
    return names


def test_a_service_that_stops_is_an_error_that_says_so() -> None:
    with PagefindService() as service:
        service._process.kill()
        with pytest.raises(PagefindError, match="Pagefind avbröts: avbröts av signalen SIGKILL"):
            service.new_index("sv")
