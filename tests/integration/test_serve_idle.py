"""The preview's idle work makes the feeds, calendars, data files and sitemap of the site it last built.

Nothing changed since that build (a change cancels the idle work), so the site is not read again: the
served pages stay as they are (the same files), and what is served afterwards is exactly what a whole
preview build with the outputs serves, also after a change that removes an output's file.
"""

from __future__ import annotations

from pathlib import Path

from generator.preview.rebuild import PreviewBuilder
from generator.preview.watch import Batch, ChangeKind
from tests.integration.archive import make_archive
from tests.integration.previewing import DAY
from tests.integration.sitecheck import tree_digest

URL = "http://127.0.0.1:8000/"


def served_by_a_whole_build(site: Path, out: Path) -> dict[str, str]:
    builder = PreviewBuilder(site, out, URL, DAY)
    rebuild = builder.rebuild(extras=True)
    assert rebuild is not None and rebuild.published
    return tree_digest(builder.live)


def test_the_outputs_are_added_to_the_served_pages_as_a_whole_build_makes_them(tmp_path: Path) -> None:
    site = make_archive(tmp_path / "site")
    builder = PreviewBuilder(site, tmp_path / "preview", URL, DAY)
    assert (rebuild := builder.rebuild()) is not None and rebuild.published
    assert not (builder.live / "atom.xml").exists()
    pages = {p: p.stat().st_ino for p in builder.live.rglob("*.html")}
    files_read = builder.memo.files_read

    idle = builder.add_extras()

    assert idle is not None and idle.published
    assert idle.rendered == 0  # no page made again
    assert builder.memo.files_read == files_read  # and no record read again
    assert {p: p.stat().st_ino for p in builder.live.rglob("*.html")} == pages
    assert (builder.live / "atom.xml").is_file()
    assert tree_digest(builder.live) == served_by_a_whole_build(site, tmp_path / "whole")


def test_after_a_change_the_outputs_follow_and_a_file_no_longer_made_is_removed(tmp_path: Path) -> None:
    site = make_archive(tmp_path / "site")
    builder = PreviewBuilder(site, tmp_path / "preview", URL, DAY)
    assert (rebuild := builder.rebuild(extras=True)) is not None and rebuild.published
    before = tree_digest(builder.live)
    case = [
        p for p in (site / "content").rglob("*.md") if 'diarienummer: "KS-2024/1"\n' in p.read_text("utf-8")
    ]
    assert case
    for record in case:  # the case is gone, and with it its page and its feed
        record.unlink()

    assert (rebuild := builder.rebuild(Batch({ChangeKind.CONTENT}, set(case), 1))) is not None
    assert rebuild.published
    idle = builder.add_extras()

    assert idle is not None and idle.published
    after = served_by_a_whole_build(site, tmp_path / "whole")
    gone = {rel for rel in before.keys() - after.keys() if not rel.endswith(".html")}
    assert gone  # the case's feed
    assert tree_digest(builder.live) == after


def test_a_change_that_arrives_cancels_the_idle_work_and_nothing_is_served_of_it(tmp_path: Path) -> None:
    site = make_archive(tmp_path / "site")
    builder = PreviewBuilder(site, tmp_path / "preview", URL, DAY)
    assert (rebuild := builder.rebuild()) is not None and rebuild.published
    before = tree_digest(builder.live)

    assert builder.add_extras(cancel=lambda: True) is None
    assert tree_digest(builder.live) == before
