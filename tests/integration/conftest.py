"""Fixtures of the integration tests; the helpers they use are in sitecheck.py."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.integration.sitecheck import REPO, SITES, assert_built, build_site


@pytest.fixture(scope="module")
def demo_out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo site (the repository's site.yaml and content/), built once per module on 2026-11-22."""
    out = tmp_path_factory.mktemp("demo") / "public"
    assert_built(build_site(REPO, out, "2026-11-22"))
    return out


@pytest.fixture(scope="module")
def xrefs_out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site tests/sites/valid/xrefs/ (the decisions it cites are on it), built on 2024-06-01."""
    out = tmp_path_factory.mktemp("xrefs") / "public"
    assert_built(build_site(SITES / "valid" / "xrefs", out, "2024-06-01"))
    return out


@pytest.fixture(scope="module", params=["demo", "xrefs"])
def any_out(request: pytest.FixtureRequest) -> Path:
    """The demo site's output, then the cross-reference site's: for checks that hold for every site."""
    return Path(request.getfixturevalue("demo_out" if request.param == "demo" else "xrefs_out"))
