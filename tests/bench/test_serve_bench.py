"""bench/serve_bench.py finds the page of the record it saves, as the generator names it.

The preview benchmark waits for that page to show its edit: an address the build does not write would
time out, and the benchmark (which the CI job does not run) would only fail when the team runs it.
"""

from __future__ import annotations

import sys
from pathlib import Path

from tests.integration.sitecheck import REPO, assert_built, build_site

sys.path.insert(0, str(REPO / "bench"))
import serve_bench


def test_the_saved_records_page_is_one_the_build_writes(tmp_path: Path) -> None:
    out = tmp_path / "public"
    assert_built(build_site(REPO, out))
    files = sorted((REPO / "content").rglob("*.md"))
    assert len(files) > 3
    for file in files[:: max(1, len(files) // 4)]:
        address = serve_bench.page_address(REPO, file, file.read_text(encoding="utf-8"))
        assert (out / address / "index.html").is_file(), address
