"""The build cache and the search index: a warm build indexes again only the bundles whose records changed.

The archive's year is split into bundles of about a month (a small bundle limit), so that one changed
record belongs to one bundle of several. The warm build's index must be byte for byte the cold build's.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from generator.build import BuildOptions, BuildResult, build
from generator.outputs import search_bundles
from tests.integration.archive import BUILD_DAY, make_archive
from tests.integration.sitecheck import assert_built, tree_digest
from tests.integration.test_cache import change_record


def build_with(site: Path, out: Path, cache: Path | None) -> BuildResult:
    options = BuildOptions(
        site_dir=site, out=out, build_date=dt.date.fromisoformat(BUILD_DAY), jobs=2, cache=cache
    )
    return build(options)


def index_of(out: Path) -> dict[str, str]:
    return {path: sha for path, sha in tree_digest(out).items() if path.startswith("pagefind/")}


def test_a_warm_build_indexes_only_the_bundle_of_the_changed_record(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(search_bundles, "LIMIT", 40)
    site, out, cache = make_archive(tmp_path / "site"), tmp_path / "out", tmp_path / "cache"
    cold = build_with(site, out, cache)
    assert_built(cold)
    bundles = cold.made["sök"]
    assert bundles >= 4, "the archive's months make several bundles"

    unchanged = build_with(site, out, cache)
    assert unchanged.made["sök"] == 0

    change_record(site)
    warm = build_with(site, out, cache)
    assert_built(warm)
    assert warm.made["sök"] == 1, "only the changed record's bundle is indexed again"
    assert warm.cache_warnings == []

    fresh = tmp_path / "fresh"
    assert_built(build_with(site, fresh, None))
    assert index_of(out) == index_of(fresh), "the warm index is the cold one, byte for byte"
    assert len(index_of(out)) > bundles * 3
