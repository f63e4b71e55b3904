"""beslut serve starts by serving its kept copy when nothing it is made from changed (preview/kept.py).

The kept copy is served before any build only when every input has the same digest as when the copy
was kept; the first build then runs behind it, checks every kept file and reloads only what it makes
differently.
"""

from __future__ import annotations

import datetime as dt
import os
import socket
from pathlib import Path

import pytest

from generator.config.theme import BUILTIN_THEMES
from generator.load.cache import BuildCache
from generator.preview.kept import PREVIEW_KIND, kept_copy
from generator.preview.rebuild import PreviewBuilder
from generator.preview.session import PreviewSession, reloaded
from tests.conftest import record_text
from tests.integration.archive import make_archive
from tests.integration.previewing import DAY, assert_serves_a_fresh_build, fetch, status, wait_until
from tests.integration.sitecheck import tree_digest

DRAFT = "content/ks/2024-03-25-199.md"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def a_record(site: Path) -> Path:
    """Return a record of the archive (not the draft)."""
    return next(p for p in sorted((site / "content/ks").glob("*.md")) if not p.match(DRAFT))


def session_of(site: Path, port: int, day: dt.date = DAY) -> PreviewSession:
    return PreviewSession(
        site, site / ".beslut-preview", port=port, build_date=day, search=False, cache=site / ".beslut-cache"
    )


def one_session(site: Path, port: int) -> None:
    """Run a preview of ``site`` until its first build (and its idle work) is done, then stop it."""
    session = session_of(site, port)
    try:
        session.start()
        wait_until(lambda: status(session), lambda s: s["builds"] >= 1, "the first build")
    finally:
        session.stop()


@pytest.fixture
def site(tmp_path: Path) -> Path:
    site = make_archive(tmp_path / "site", size=40)
    draft = record_text(
        "titel: Ett utkast om skolskjutsar",
        "typ: protokollsutdrag",
        "datum: 2024-03-25",
        "nämnd: KS",
        "paragraf: 199",
        "utkast: true",
    )
    (site / DRAFT).write_text(draft, encoding="utf-8")
    return site


def test_an_unchanged_site_is_served_at_once_and_its_first_build_reloads_only_the_banners(
    site: Path, tmp_path: Path
) -> None:
    port = free_port()
    one_session(site, port)

    session = session_of(site, port)
    try:
        assert session.start() is None  # served from the kept copy; the first build runs behind it
        kept = site / ".beslut-cache" / "filer" / PREVIEW_KIND
        assert session.state.root == kept or status(session)["builds"] >= 1
        assert fetch(session.url)[0] == 200
        pages = {p.relative_to(kept).as_posix(): p.read_bytes() for p in kept.rglob("*.html")}
        settled = wait_until(lambda: status(session), lambda s: s["builds"] >= 1, "the first build")
        assert settled["ok"] is True and settled["generation"] == 2
        assert settled["kept"] > 100 and settled["rendered"] == 0
        # Nothing differs from the copy served, but the draft's page now shows its banner.
        assert len(settled["changed"]) == 1 and settled["changed"][0].endswith("-ett-utkast-om-skolskjutsar/")
        assert_serves_a_fresh_build(session, site, tmp_path / "fresh")
        # The copy served first was already those pages.
        live = session.builder.live  # type: ignore[union-attr]
        assert pages == {p.relative_to(live).as_posix(): p.read_bytes() for p in live.rglob("*.html")}
    finally:
        session.stop()


@pytest.mark.parametrize(
    "change",
    ["record", "template", "site.yaml", "day", "address", "new file", "removed file", "kept file"],
)
def test_after_any_change_the_site_is_built_before_it_is_served(site: Path, change: str) -> None:
    port = free_port()
    one_session(site, port)
    record = a_record(site)
    day = DAY
    if change == "record":
        record.write_text(record.read_text(encoding="utf-8").replace("gäller", "rör"), encoding="utf-8")
    elif change == "template":
        (site / "templates").mkdir()
        standard = (BUILTIN_THEMES / "standard/templates/404.html").read_text(encoding="utf-8")
        (site / "templates/404.html").write_text(standard + "{# egen #}\n", encoding="utf-8")
    elif change == "site.yaml":
        config = site / "site.yaml"
        config.write_text(config.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    elif change == "day":
        day = DAY + dt.timedelta(days=1)
    elif change == "address":
        port = free_port()
    elif change == "new file":
        (site / "content/ks/bilaga.txt").write_text("En bilaga.\n", encoding="utf-8")
    elif change == "removed file":
        record.unlink()
    else:  # a page of the kept copy changed on disk after it was kept
        kept = site / ".beslut-cache" / "filer" / PREVIEW_KIND / "index.html"
        with kept.open("a", encoding="utf-8") as page:
            page.write("<!-- ändrad -->\n")

    session = session_of(site, port, day)
    try:
        first = session.start()
        assert first is not None and first.published
    finally:
        session.stop()


def test_a_file_touched_again_with_the_same_text_is_a_change_too(site: Path) -> None:
    port = free_port()
    one_session(site, port)
    record = a_record(site)
    os.utime(record, ns=(record.stat().st_atime_ns, record.stat().st_mtime_ns + 1))
    session = session_of(site, port)
    try:
        assert session.start() is not None
    finally:
        session.stop()


def test_a_page_saved_while_the_kept_copy_is_served_is_made_and_reloaded(site: Path, tmp_path: Path) -> None:
    cache = site / ".beslut-cache"
    url = "http://127.0.0.1:8000/"
    first = PreviewBuilder(site, tmp_path / "one", url, DAY, cache)
    assert first.rebuild() is not None
    builder = PreviewBuilder(site, tmp_path / "two", url, DAY, cache)
    assert builder.kept_start() is not None
    # Saved after the kept copy was served, before the first build read it.
    record = a_record(site)
    record.write_text(record.read_text(encoding="utf-8").replace("gäller", "rör"), encoding="utf-8")

    rebuild = builder.rebuild()

    assert rebuild is not None and rebuild.published
    assert rebuild.changed is not None and 0 < len(rebuild.changed) < 10
    kept = builder.kept_start()  # the copy kept now is the site as that build read it
    assert kept is not None and tree_digest(kept[0]) == tree_digest(builder.live)


def test_the_note_goes_with_the_files_it_speaks_for(tmp_path: Path) -> None:
    site = make_archive(tmp_path / "site", size=20)
    cache_dir = tmp_path / "cache"
    builder = PreviewBuilder(site, tmp_path / "one", "http://127.0.0.1:8000/", DAY, cache_dir)
    assert builder.rebuild() is not None
    inputs = builder.inputs()
    assert inputs is not None and kept_copy(cache_dir, site, inputs.key) is not None

    cache, _ = BuildCache.open(cache_dir, site, writable=True)
    assert cache is not None
    cache.keep_files(PREVIEW_KIND, cache.kept_files(PREVIEW_KIND))  # kept again by a build that knew no note
    cache.close()

    assert kept_copy(cache_dir, site, inputs.key) is None


def test_pages_reload_when_they_changed_or_their_banner_did() -> None:
    draft = ("utkast", None)
    later = ("publiceras", dt.date(2026, 12, 1))
    assert reloaded([], {}, {}) == []
    assert reloaded(["/a/"], {"/b/": draft}, {"/b/": draft}) == ["/a/"]
    assert reloaded([], {"/b/": draft}, {"/c/": draft}) == ["/b/", "/c/"]
    assert reloaded([], {"/b/": draft}, {"/b/": later}) == ["/b/"]
    assert reloaded(None, {}, {"/b/": draft}) is None
