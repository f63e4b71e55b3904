"""Helpers of the import tests: a site with the demo's site.yaml, the seeds, records read back as data."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from typing import Any

import yaml

from tests.integration.sitecheck import REPO, run_cli

SEEDS = REPO / "tests" / "fixtures" / "seeds"
IMPORT_FIXTURES = REPO / "tests" / "fixtures" / "import"


def seed_files() -> list[Path]:
    """Return the five seed documents (text exports), in name order."""
    return sorted(SEEDS.glob("*.txt"))


def demo_site(root: Path) -> Path:
    """Return a new, empty site with the demo's site.yaml."""
    root.mkdir(parents=True)
    shutil.copyfile(REPO / "site.yaml", root / "site.yaml")
    (root / "content").mkdir()
    return root


def import_json(site: Path, *args: str | Path) -> tuple[int, list[dict[str, Any]], str]:
    """Run ``beslut import … --format json`` as a user does; return the exit code, the reports, stderr."""
    done = run_cli("import", *map(str, args), "--site", str(site), "--format", "json")
    return done.returncode, [json.loads(line) for line in done.stdout.splitlines() if line], done.stderr


def read_record(path: Path) -> tuple[dict[str, Any], str]:
    """Return a record's front matter (as YAML reads it) and its body."""
    _, front, body = path.read_text(encoding="utf-8").split("---\n", 2)
    return yaml.safe_load(front), body


def words(markdown: str) -> list[str]:
    """Return the words of Markdown text in order, without heading, list and emphasis marks."""
    text = re.sub(r"(?m)^\s*(?:#{1,6}|[-*]|\d+\.)\s+", " ", markdown)
    return text.replace("*", "").split()


def written(reports: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """Return each imported file's name (stem) → its one record's report."""
    out = {}
    for report in reports:
        assert report["importerad"], report
        (record,) = report["poster"]
        out[Path(report["fil"]).stem] = record
    return out
