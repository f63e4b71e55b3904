"""beslut serve starts from the build cache: a new session takes the last preview's pages from it."""

from __future__ import annotations

from pathlib import Path

from generator.preview.rebuild import PreviewBuilder
from generator.preview.session import PreviewSession
from generator.preview.watch import Batch, ChangeKind
from tests.integration.archive import make_archive
from tests.integration.previewing import DAY, fetch, status
from tests.integration.sitecheck import tree_digest

URL = "http://127.0.0.1:8000/"


def first_build(site: Path, out: Path, cache: Path | None) -> PreviewBuilder:
    builder = PreviewBuilder(site, out, URL, DAY, cache)
    rebuild = builder.rebuild()
    assert rebuild is not None and rebuild.published, [d.format() for d in rebuild.result.diagnostics]
    return builder


def test_a_new_session_takes_the_pages_of_the_last_one_from_the_cache(tmp_path: Path) -> None:
    site, cache = make_archive(tmp_path / "site"), tmp_path / "cache"
    one = first_build(site, tmp_path / "one", cache)
    two = PreviewBuilder(site, tmp_path / "two", URL, DAY, cache)
    rebuild = two.rebuild()
    assert rebuild is not None and rebuild.published
    assert rebuild.rendered == 0 and rebuild.kept > 300
    assert rebuild.result.made == {"fil": 0, "text": 0}

    without = first_build(site, tmp_path / "without", None)
    assert tree_digest(two.live) == tree_digest(without.live) == tree_digest(one.live)


def test_after_the_cached_start_a_save_re_renders_only_what_it_changed(tmp_path: Path) -> None:
    site, cache = make_archive(tmp_path / "site"), tmp_path / "cache"
    first_build(site, tmp_path / "one", cache)
    builder = first_build(site, tmp_path / "two", cache)
    record = site / "content/ks/2024-03-25-101.md"
    record.write_text(record.read_text(encoding="utf-8").replace("gäller", "rör"), encoding="utf-8")

    rebuild = builder.rebuild(Batch({ChangeKind.CONTENT}, {record}, 1))

    assert rebuild is not None and rebuild.published
    assert 0 < rebuild.rendered < 10
    fresh = first_build(site, tmp_path / "fresh", None)
    assert tree_digest(builder.live) == tree_digest(fresh.live)


def test_serve_builds_with_the_cache_in_the_site_folder(tmp_path: Path) -> None:
    site = make_archive(tmp_path / "site", size=40)
    session = PreviewSession(
        site, site / ".beslut-preview", port=0, build_date=DAY, search=False, cache=site / ".beslut-cache"
    )
    session.start()
    try:
        assert status(session)["ok"] is True
        assert fetch(session.url)[0] == 200
    finally:
        session.stop()
    assert (site / ".beslut-cache" / "cache.sqlite").is_file()
