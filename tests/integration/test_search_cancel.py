"""The search index stops as soon as its caller asks (the preview, when a save arrives while it indexes).

A bundle takes seconds to index, so the indexing does not wait for the bundle under way to finish: it
stops the Pagefind services and raises ``Cancelled``.
"""

from __future__ import annotations

import datetime as dt
import threading
from pathlib import Path

import pytest

from generator.build import BuildOptions, BuildResult, load_site
from generator.load.memo import Memo
from generator.outputs import search
from generator.outputs.pagefind_service import PagefindService
from generator.outputs.search import Cancelled, index_site
from generator.outputs.search_bundles import Bundle, build_bundle
from tests.integration.archive import BUILD_DAY, make_archive


def test_a_cancel_during_a_bundle_stops_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    site = make_archive(tmp_path / "site")
    options = BuildOptions(site, write=False, build_date=dt.date.fromisoformat(BUILD_DAY))
    loaded = load_site(options, BuildResult(), Memo(enabled=False))
    assert loaded is not None
    under_way, asked_to_stop = threading.Event(), threading.Event()

    def cancel() -> bool:  # "stop" only once the bundle is under way: then the services must be stopped
        if under_way.is_set():
            asked_to_stop.set()
            return True
        return False

    def build_when_asked_to_stop(
        bundle: Bundle, service: PagefindService
    ) -> tuple[dict[str, bytes], str | None]:
        # The bundle is under way; it goes on only once the caller said stop, so that however fast the
        # real bundle would be, the stop comes while it is built (not after, as a short bundle could).
        under_way.set()
        assert asked_to_stop.wait(10), "the watcher asks the caller while a bundle is built"
        return build_bundle(bundle, service)

    monkeypatch.setattr(search, "build_bundle", build_when_asked_to_stop)
    with pytest.raises(Cancelled):
        index_site(loaded.site, loaded.translator, tmp_path / "pagefind", [], jobs=1, cancel=cancel)

    monkeypatch.undo()
    problems, report = index_site(loaded.site, loaded.translator, tmp_path / "again", [], jobs=1)
    assert problems == [] and report.built == ["2024"], "the next indexing starts new services"
