"""docs/publicera.md says what the product does: its schedules are the CI files' own, the files it tells a
web server to cache forever really are named by their content, and the take-down steps work as described.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import yaml

from generator.authoring.init import SKELETON
from tests.conftest import record_text
from tests.integration.sitecheck import REPO, run_cli, tree_digest
from tests.integration.test_cli import GOOD

GUIDE = (REPO / "docs" / "publicera.md").read_text(encoding="utf-8")
FOREVER = ("pagefind/fragment/", "pagefind/index/", "pagefind/filter/")
"""The folders the guide says may be cached forever (``immutable``)."""


def test_the_guide_covers_every_way_of_publishing_and_keeping_the_site_lawful() -> None:
    headings = re.findall(r"^##+ (.+)$", GUIDE, flags=re.MULTILINE)
    for heading in (
        "GitHub Pages", "Nattbygget på GitHub", "GitLab Pages", "En egen webbserver", "Under en undermapp",
        "Objektlagring (S3-kompatibel)", "Cachehuvuden", "När någon begär att en uppgift tas bort",
    ):  # fmt: skip
        assert heading in headings


def test_the_guide_quotes_the_schedules_of_the_ci_files() -> None:
    workflow = yaml.safe_load((SKELETON / "ci" / "github.yml").read_text(encoding="utf-8"))
    crons = [s["cron"] for s in workflow[True]["schedule"]]
    for cron in crons:
        assert f"`{cron}`" in GUIDE
    gitlab = (SKELETON / "ci" / "gitlab-ci.yml").read_text(encoding="utf-8")
    assert "`5 0 * * *`" in GUIDE and "5 0 * * *" in gitlab
    assert "Europe/Stockholm" in GUIDE and "Europe/Stockholm" in gitlab
    for name in ("gl-code-quality-report.json", ".beslut-cache/", "BESLUT_VERSION"):
        assert name in GUIDE and (name in gitlab or name.strip("/") in json.dumps(workflow))


def test_what_the_guide_caches_forever_is_named_by_its_content(
    site_factory: Callable[..., Path], tmp_path: Path
) -> None:
    """After a changed record, a file in those folders either keeps its name and its bytes or gets a new
    name; the entry files the guide says to revalidate keep their names and change their bytes."""
    site = site_factory(GOOD)
    assert run_cli("build", str(site), "--out", str(tmp_path / "a"), "--date", "2024-06-01").returncode == 0
    record = site / "content" / "kf" / "2024-05-20-5.md"
    record.write_text(record.read_text(encoding="utf-8").replace("Budget", "Ny budget"), encoding="utf-8")
    assert run_cli("build", str(site), "--out", str(tmp_path / "b"), "--date", "2024-06-01").returncode == 0

    before, after = tree_digest(tmp_path / "a"), tree_digest(tmp_path / "b")
    forever = [path for path in before if path.startswith(FOREVER)]
    assert len(forever) >= 3
    assert all(after.get(path, before[path]) == before[path] for path in forever)
    assert any(path not in before for path in after if path.startswith(FOREVER))
    entry = "pagefind/pagefind-entry.json"
    assert entry in before and entry in after and before[entry] != after[entry]
    assert "`Cache-Control: no-cache`" in GUIDE and entry in GUIDE


def test_a_take_down_with_avpublicera_removes_the_record_from_every_file(
    site_factory: Callable[..., Path], tmp_path: Path
) -> None:
    """The guide's first step: avpublicera with today's date; the record's words are in no file, and its open
    data say deleted."""
    withdrawn = record_text(
        "titel: Bidrag till Anna Andersson",
        "typ: delegationsbeslut",
        "datum: 2024-05-27",
        "nämnd: KS",
        "avpublicera: 2024-06-01",
        body="Anna Andersson får bidrag till bostadsanpassning.\n",
    )
    site = site_factory({**GOOD, "content/ks/bidrag.md": withdrawn})
    out = tmp_path / "public"
    done = run_cli("build", str(site), "--out", str(out), "--date", "2024-06-01")
    assert done.returncode == 0, done.stderr
    leaks = [p for p in out.rglob("*") if p.is_file() and b"Andersson" in p.read_bytes()]
    assert leaks == []
    files = [json.loads(p.read_text(encoding="utf-8")) for p in (out / "data").rglob("*.json")]
    assert [f["type"] for f in files if isinstance(f, dict) and f.get("deleted") is True] == [
        "https://schema.oparl.org/1.1/Paper"
    ]
