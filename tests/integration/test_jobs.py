"""--jobs: the work is shared by worker processes, and the output is the same bytes for any number of them."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from generator.build import BuildOptions, BuildResult, build
from tests.integration.archive import BUILD_DAY, make_archive
from tests.integration.sitecheck import assert_built, tree_digest


def build_with(site: Path, out: Path, jobs: int, search: bool = True) -> BuildResult:
    options = BuildOptions(
        site_dir=site, out=out, build_date=dt.date.fromisoformat(BUILD_DAY), search=search, jobs=jobs
    )
    return build(options)


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
