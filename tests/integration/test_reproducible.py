"""The same site built twice on the same build date gives the same bytes, search index included.

The two builds go into different folders, a second apart, so that neither the output's path nor the
clock can leak into any file. Pagefind on its own is not reproducible (its filter files follow a random
hash order); generator/pagefind_bundle.py sorts them, and this test is what holds it to that.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from tests.integration.sitecheck import REPO, SITES, assert_built, build_site, tree_digest

CASES = {
    "demo": (REPO, "2026-11-22"),
    "tva-kommuner": (SITES / "valid" / "tva-kommuner", "2024-04-25"),
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


def test_build_date_is_the_only_input_besides_the_site(tmp_path: Path) -> None:
    """A different build date may change pages (notices come down), and a rebuild gets it back."""
    site, day = CASES["tva-kommuner"]
    one, other, again = tmp_path / "one", tmp_path / "other", tmp_path / "again"
    assert_built(build_site(site, one, day))
    assert_built(build_site(site, other, "2024-06-01"))
    assert_built(build_site(site, again, day))
    assert tree_digest(one) == tree_digest(again)
    assert tree_digest(one) != tree_digest(other)
