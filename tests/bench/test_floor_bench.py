"""bench/floor_bench.py times the libraries over all of a site: every record's texts, every page.

Point 1's floor is only a floor if it leaves nothing out: a page kind the floor did not render, or a
decision text it did not parse, would make it look lower than it is, and the benchmark (which the CI
job does not run) would not show it.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import yaml

from tests.integration.sitecheck import REPO

sys.path.insert(0, str(REPO / "bench"))
import floor_bench


def test_the_floor_renders_every_page_the_build_writes(tmp_path: Path) -> None:
    out = tmp_path / "public"
    parts = floor_bench.library_parts(REPO, out, dt.date(2026, 11, 22))
    pages = sorted(out.rglob("*.html"))
    assert len(pages) > 20
    assert parts["pages"] == len(pages)
    assert parts["Jinja"] > 0 and parts["markdown-it-py"] > 0 and parts["libyaml"] > 0


def test_the_floor_parses_every_body_and_every_decision_text() -> None:
    heads, texts = floor_bench.front_matters_and_texts(REPO)
    files = sorted((REPO / "content").rglob("*.md"))
    decisions = [yaml.safe_load(head).get("beslut") for head in heads]
    assert len(heads) == len(files)
    assert any(decisions), "the demo has decisions with a text of their own"
    assert len(texts) == len(files) + sum(1 for text in decisions if isinstance(text, str))
    for file in files:
        assert file.read_text(encoding="utf-8").split("---\n", 2)[2] in texts
