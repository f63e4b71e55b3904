"""The search index stops as soon as its caller asks (the preview, when a save arrives while it indexes).

A bundle takes seconds to index, so the indexing does not wait for the bundle under way to finish: it
stops the Pagefind services and raises ``Cancelled``.
"""

from __future__ import annotations

import datetime as dt
import itertools
from pathlib import Path

import pytest

from generator.build import BuildOptions, BuildResult, load_site
from generator.load.memo import Memo
from generator.outputs.search import Cancelled, index_site
from tests.integration.archive import BUILD_DAY, make_archive


def test_a_cancel_during_a_bundle_stops_it(tmp_path: Path) -> None:
    site = make_archive(tmp_path / "site")
    options = BuildOptions(site, write=False, build_date=dt.date.fromisoformat(BUILD_DAY))
    loaded = load_site(options, BuildResult(), Memo(enabled=False))
    assert loaded is not None
    asked = itertools.count()

    def cancel() -> bool:  # "go on" when the one bundle starts, "stop" once it is under way
        return next(asked) > 0

    with pytest.raises(Cancelled):
        index_site(loaded.site, loaded.translator, tmp_path / "pagefind", [], jobs=1, cancel=cancel)

    problems, report = index_site(loaded.site, loaded.translator, tmp_path / "again", [], jobs=1)
    assert problems == [] and report.built == ["2024"], "the next indexing starts new services"
