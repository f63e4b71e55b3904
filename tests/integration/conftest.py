"""Fixtures of the integration tests; the helpers they use are in sitecheck.py."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.integration.sitecheck import REPO, assert_built, build_site


@pytest.fixture(scope="module")
def demo_out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo site (the repository's site.yaml and content/), built once per module on 2026-11-22."""
    out = tmp_path_factory.mktemp("demo") / "public"
    assert_built(build_site(REPO, out, "2026-11-22"))
    return out
