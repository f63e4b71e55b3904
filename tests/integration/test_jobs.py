"""--jobs: the work is shared by worker processes, and the output is the same bytes for any number of them."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from generator.build import BuildOptions, BuildResult, build
from generator.load.cache import BuildCache
from generator.outputs import opendata_files, pagedigest, registry
from generator.outputs.write import Staging
from generator.pages import pages
from tests.integration.archive import BUILD_DAY, make_archive
from tests.integration.sitecheck import assert_built, tree_digest


def build_with(site: Path, out: Path, jobs: int, search: bool = True) -> BuildResult:
    options = BuildOptions(
        site_dir=site, out=out, build_date=dt.date.fromisoformat(BUILD_DAY), search=search, jobs=jobs
    )
    return build(options)


def outputs_written(site: Path, out: Path, jobs: int) -> list[str]:
    """Build; return the files the staging took in besides the pages, in the order it took them in."""
    taken: list[str] = []

    class Recording(Staging):
        def swap(self) -> None:
            taken.extend(f for f in self.since(0).files if not f.endswith(".html"))
            super().swap()

    def staging(output: Path, use: BuildCache | None) -> Staging:
        return Recording(output)

    options = BuildOptions(
        site_dir=site, out=out, build_date=dt.date.fromisoformat(BUILD_DAY), search=False, jobs=jobs
    )
    result = build(options, staging=staging)
    assert_built(result)
    assert result.processes == jobs
    return taken


@pytest.mark.parametrize("jobs", [2, 3])
def test_one_and_more_processes_write_the_same_bytes(tmp_path: Path, jobs: int) -> None:
    site = make_archive(tmp_path / "site")
    one = build_with(site, tmp_path / "one", jobs=1)
    two = build_with(site, tmp_path / "two", jobs=jobs)
    assert_built(one)
    assert_built(two)
    assert (one.processes, two.processes) == (1, jobs), "the second build shared its work"

    a, b = tree_digest(tmp_path / "one"), tree_digest(tmp_path / "two")
    assert sorted(a) == sorted(b)
    assert [path for path in a if a[path] != b[path]] == []
    assert len(a) > 500 and any(p.startswith("pagefind/") for p in a)
    assert (one.records, one.pages, one.diagnostics) == (two.records, two.pages, two.diagnostics)


def test_problems_are_the_same_with_any_number_of_processes(tmp_path: Path) -> None:
    site = make_archive(tmp_path / "site")
    (site / "content" / "ks" / "trasig.md").write_text("titel: ingen front matter\n", encoding="utf-8")
    (site / "content" / "ks" / "okand.md").write_text(
        "---\ntitel: Okänd nämnd\ntyp: protokollsutdrag\ndatum: 2024-02-01\nnämnd: XYZ\nparagraf: 1\n---\n",
        encoding="utf-8",
    )
    one = build_with(site, tmp_path / "one", jobs=1, search=False)
    two = build_with(site, tmp_path / "two", jobs=2, search=False)
    assert not one.ok and two.processes == 2
    assert [d.format() for d in one.diagnostics] == [d.format() for d in two.diagnostics]
    assert len(one.diagnostics) == 2


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_template_that_fails_on_some_pages_names_the_first_of_them(tmp_path: Path, jobs: int) -> None:
    site = make_archive(tmp_path / "site")
    (site / "templates").mkdir()
    (site / "templates" / "record.html").write_text(
        '{% extends "theme/record.html" %}{% block main %}'
        '{% if page.title.endswith("7") %}{{ record.saknas }}{% endif %}{{ super() }}{% endblock %}',
        encoding="utf-8",
    )
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "index.html").write_text("publicerad", encoding="utf-8")
    result = build_with(site, tmp_path / "out", jobs=jobs, search=False)

    assert not result.ok
    [problem] = result.diagnostics
    assert problem.path == "templates/record.html"
    # Records come newest first: the first page the template fails on, whoever rendered it.
    assert problem.message.startswith(
        "sidan /sjoviks-kommun/kf/2024-04-29/148-ny-skolstruktur-i-sjovik-147/ "
    )
    assert (tmp_path / "out" / "index.html").read_text(encoding="utf-8") == "publicerad"


def test_feeds_calendars_and_data_are_the_same_files_in_the_same_order_however_they_are_shared(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = make_archive(tmp_path / "site")
    whole = outputs_written(site, tmp_path / "whole", jobs=1)
    # Small parts: every output in parts has several, and each worker makes some of them.
    monkeypatch.setattr(registry, "CASES_PER_PART", 3)
    monkeypatch.setattr(opendata_files, "OBJECTS_PER_PART", 5)
    monkeypatch.setattr(opendata_files, "PAGES_PER_PART", 1)
    orders = {jobs: outputs_written(site, tmp_path / f"jobs-{jobs}", jobs) for jobs in (1, 2, 3)}

    made = {f.rsplit("/", 1)[-1] for f in whole}
    assert {"atom.xml", "kalender.ics", "index.json", "system.json", "sitemap.xml", "anslag.json"} <= made
    assert len([f for f in whole if f.startswith("data/")]) > 100
    assert orders[1] == orders[2] == orders[3] == whole
    expected = tree_digest(tmp_path / "whole")
    for jobs in (1, 2, 3):
        digest = tree_digest(tmp_path / f"jobs-{jobs}")
        assert [f for f in sorted({*expected, *digest}) if expected.get(f) != digest.get(f)] == []


def test_meeting_views_made_again_when_few_are_kept_make_the_same_pages(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A page maker keeps the views of the meetings last asked for, and the page digests the digests of
    # the views last seen: a view made again must make the same page, with a cache and without.
    site = make_archive(tmp_path / "site")
    kept = build_with(site, tmp_path / "kept", jobs=1, search=False)
    monkeypatch.setattr(pages, "MEETING_VIEWS", 1)
    monkeypatch.setattr(pagedigest, "SHARED", 1)
    made = {
        "again": build_with(site, tmp_path / "again", jobs=2, search=False),
        "cached": build(
            BuildOptions(
                site_dir=site,
                out=tmp_path / "cached",
                build_date=dt.date.fromisoformat(BUILD_DAY),
                search=False,
                cache=tmp_path / "cache",
            )
        ),
    }
    expected = tree_digest(tmp_path / "kept")
    assert kept.loaded is not None and len(kept.loaded.site.meetings) > 10
    for name, result in made.items():
        assert_built(result)
        assert tree_digest(tmp_path / name) == expected, name
