"""After a save, the preview shows the saved record's own page first, then every other page that shows it.

The first pass makes only the saved records' pages and leaves every other served file as it was; the
full rebuild that follows makes the rest, does not make the record's page again, and leaves exactly
what a fresh preview build makes. Anything but a few saved records goes straight to the full rebuild.
"""

from __future__ import annotations

from pathlib import Path

from generator.preview.rebuild import FIRST_PASS_LIMIT, PreviewBuilder, first_pass_files
from generator.preview.watch import Batch, ChangeKind
from tests.integration.archive import make_archive
from tests.integration.previewing import DAY
from tests.integration.sitecheck import tree_digest

URL = "http://127.0.0.1:8000/"
RECORD = "content/ks/2024-03-25-101.md"


def built(site: Path, out: Path) -> PreviewBuilder:
    builder = PreviewBuilder(site, out, URL, DAY)
    rebuild = builder.rebuild()
    assert rebuild is not None and rebuild.published
    return builder


def pages_with(root: Path, text: str) -> set[str]:
    return {p.relative_to(root).as_posix() for p in root.rglob("*.html") if text in p.read_text("utf-8")}


def test_the_first_pass_shows_the_saved_record_and_the_full_rebuild_the_rest(tmp_path: Path) -> None:
    site = make_archive(tmp_path / "site")
    builder = built(site, tmp_path / "preview")
    record = site / RECORD
    record.write_text(
        record.read_text("utf-8").replace("titel: Åtgärder för ökad trygghet 100", "titel: Tryggare torg"),
        encoding="utf-8",
    )
    batch = Batch({ChangeKind.CONTENT}, {record}, 1)

    saved = first_pass_files(batch, site)
    assert saved == frozenset({RECORD})
    first = builder.rebuild(batch, only_records=saved)

    assert first is not None and first.published and first.first_pass
    assert first.rendered == 1
    [page] = pages_with(builder.live, "Tryggare torg")
    assert first.changed == ["/" + page.removesuffix("index.html")]

    full = builder.rebuild(batch)

    assert full is not None and full.published and not full.first_pass
    shown = pages_with(builder.live, "Tryggare torg")
    assert page in shown and len(shown) > 3, "its meeting, case, board and archive pages show the title too"
    assert full.changed is not None and "/" + page.removesuffix("index.html") not in full.changed
    assert full.rendered == len(shown) - 1
    # The new title gave the record a new address: the page at the old one is gone, and named as changed.
    [gone] = [a for a in full.changed if not (builder.live / a.lstrip("/") / "index.html").exists()]
    assert "/101-atgarder-for-okad-trygghet-100/" in gone and len(full.changed) == full.rendered + 1
    fresh = built(site, tmp_path / "fresh")
    assert tree_digest(builder.live) == tree_digest(fresh.live)


def test_only_a_few_saved_records_get_a_first_pass(tmp_path: Path) -> None:
    site = make_archive(tmp_path / "site")
    records = sorted((site / "content" / "ks").glob("*.md"))
    saved = Batch({ChangeKind.CONTENT}, {records[0]}, 1)
    assert first_pass_files(saved, site) == frozenset({records[0].relative_to(site).as_posix()})

    many = Batch({ChangeKind.CONTENT}, set(records[: FIRST_PASS_LIMIT + 1]), 6)
    template = Batch({ChangeKind.CONTENT, ChangeKind.THEME}, {records[0], site / "templates/x.html"}, 2)
    deleted = Batch({ChangeKind.CONTENT}, {site / "content/ks/borta.md"}, 1)
    attachment = Batch({ChangeKind.CONTENT}, {site / "content/ks/bilagor/underlag.pdf"}, 1)
    assert [first_pass_files(b, site) for b in (None, many, template, deleted, attachment)] == [None] * 5
