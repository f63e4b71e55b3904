"""Nothing already published is lost when a build fails, and nothing outside the output is touched.

Every failure here is a real one: bad content, a broken template, and Pagefind itself failing because
a file-size limit (RLIMIT_FSIZE, as on a full disk or quota) stops it from writing its bundle.
"""

from __future__ import annotations

import os
import resource
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import record_text
from tests.integration.sitecheck import assert_built, build_site, page, run_cli, tree_digest

DAY = "2024-06-01"
GOOD = {
    "content/kf/2024-05-20-5.md": record_text(
        "titel: Budget för 2025",
        "typ: protokollsutdrag",
        "datum: 2024-05-20",
        "nämnd: KF",
        "paragraf: 5",
        "justerat: 2024-05-22",
        "anslag: 2024-05-23",
        body="Kommunfullmäktige fastställer budgeten.\n",
    ),
    "content/ks/tjansteskrivelse.md": record_text(
        "titel: Förslag till budget", "typ: tjänsteskrivelse", "datum: 2024-05-02", "nämnd: KS"
    ),
}
BAD = record_text("titel: Fel typ", "typ: beslutt", "datum: 2024-05-20", "nämnd: KF")


def leftovers(parent: Path) -> list[str]:
    """Return staging or old-output folders the writer left in ``parent``."""
    return sorted(p.name for p in parent.iterdir() if ".staging-" in p.name or ".old-" in p.name)


@pytest.fixture
def published(site_factory: Callable[..., Path], tmp_path: Path) -> tuple[Path, Path, dict[str, str]]:
    """A site built once into tmp_path/www/public: (site, output, the output's fingerprint)."""
    site = site_factory(GOOD)
    out = tmp_path / "www" / "public"
    assert_built(build_site(site, out, DAY))
    return site, out, tree_digest(out)


def test_content_error_leaves_previous_output_byte_for_byte(
    published: tuple[Path, Path, dict[str, str]],
) -> None:
    site, out, before = published
    (site / "content/kf/2024-05-20-6.md").write_text(BAD, encoding="utf-8")

    result = build_site(site, out, DAY)

    assert not result.ok
    assert any(d.field == "typ" for d in result.diagnostics)
    assert tree_digest(out) == before
    assert leftovers(out.parent) == []


def test_template_error_while_writing_leaves_previous_output_byte_for_byte(
    published: tuple[Path, Path, dict[str, str]],
) -> None:
    """A site's own template that fails half-way through the pages: the staged half is thrown away."""
    site, out, before = published
    template = site / "templates" / "record.html"
    template.parent.mkdir()
    template.write_text(
        '{% extends "theme/record.html" %}\n{% block main %}\n{{ page.finns_inte }}\n{% endblock %}\n',
        encoding="utf-8",
    )

    result = build_site(site, out, DAY)

    assert not result.ok
    problem = next(d for d in result.diagnostics if d.field == "mall")
    assert (problem.path, problem.line) == ("templates/record.html", 3)
    assert "finns_inte" in problem.message
    assert tree_digest(out) == before
    assert leftovers(out.parent) == []


def _limit_file_size(limit: int) -> Callable[[], None]:
    def apply() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return apply


@pytest.mark.skipif(sys.platform != "linux", reason="RLIMIT_FSIZE as on Linux")
def test_pagefind_failure_leaves_previous_output_byte_for_byte(
    published: tuple[Path, Path, dict[str, str]],
) -> None:
    """The search index cannot be written (its WebAssembly is larger than the limit); our pages are not."""
    site, out, before = published
    ours = max(
        size
        for p in out.rglob("*")
        if p.is_file() and "pagefind" not in p.parts
        for size in [p.stat().st_size]
    )
    theirs = (out / "pagefind" / "wasm.sv.pagefind").stat().st_size
    limit = ours + 1024
    if limit >= theirs:
        pytest.skip(f"the site's own files ({ours} B) are as large as Pagefind's ({theirs} B)")
    (site / "content/ks/2024-05-30-ny-handling.md").write_text(
        record_text("titel: Ny handling", "typ: tjänsteskrivelse", "datum: 2024-05-30", "nämnd: KS"),
        encoding="utf-8",
    )

    done = run_cli("build", str(site), "--out", str(out), "--date", DAY, preexec=_limit_file_size(limit))

    assert done.returncode == 1, done.stderr
    assert "pagefind: fel: sök: sökindexet kunde inte byggas" in done.stderr
    assert "Avbrutet: 1 fel i 1 fil" in done.stderr
    assert tree_digest(out) == before
    assert leftovers(out.parent) == []
    # Without the limit the same site builds, and the new record is published.
    assert_built(build_site(site, out, DAY))
    assert "Ny handling" in page(out, "sjoviks-kommun/ks/2024-05-30/ny-handling/")


def test_nothing_outside_the_output_is_touched(
    published: tuple[Path, Path, dict[str, str]], tmp_path: Path
) -> None:
    site, out, _ = published
    precious = tmp_path / "www" / "precious"
    precious.mkdir()
    (precious / "keep.txt").write_text("inte vår\n", encoding="utf-8")
    (tmp_path / "www" / "public.html").write_text("en fil bredvid\n", encoding="utf-8")
    # A link inside the old output that points outside it: removing the old output must not follow it.
    (out / "genväg").symlink_to(precious, target_is_directory=True)

    def outside() -> dict[str, str]:
        return {k: v for k, v in tree_digest(tmp_path).items() if not k.startswith("www/public/")}

    before = outside()
    assert_built(build_site(site, out, DAY))
    assert outside() == before
    assert (precious / "keep.txt").read_text(encoding="utf-8") == "inte vår\n"
    assert not (out / "genväg").exists()
    assert leftovers(out.parent) == []


def test_output_that_is_a_symlink_keeps_pointing_at_the_new_site(
    site_factory: Callable[..., Path], tmp_path: Path
) -> None:
    site = site_factory(GOOD)
    real = tmp_path / "real"
    real.mkdir()
    link = tmp_path / "public"
    link.symlink_to(real, target_is_directory=True)
    assert_built(build_site(site, link, DAY))
    assert link.is_symlink()
    assert (link / "index.html").is_file()


def refused(site: Path, out: Path, env: dict[str, str] | None = None) -> str:
    """Run ``beslut build`` into ``out``; return stderr, after checking that it was refused."""
    done = run_cli("build", str(site), "--out", str(out), "--date", DAY, env=env)
    assert done.returncode == 1, done.stdout + done.stderr
    assert "--out: fel: utdatamapp:" in done.stderr
    return done.stderr


@pytest.mark.parametrize("where", ["site", "content", "parent of site"])
def test_output_refused_where_it_would_replace_the_site(
    site_factory: Callable[..., Path], where: str
) -> None:
    site = site_factory(GOOD)
    out = {"site": site, "content": site / "content", "parent of site": site.parent}[where]
    before = tree_digest(site.parent)
    refused(site, out)
    assert tree_digest(site.parent) == before
    assert leftovers(out.parent) == []


def test_output_refused_when_it_holds_other_files(site_factory: Callable[..., Path], tmp_path: Path) -> None:
    """The output folder is replaced whole, so a folder that is not a built site is never used."""
    site = site_factory(GOOD)
    documents = tmp_path / "Dokument"
    documents.mkdir()
    (documents / "protokoll.docx").write_bytes(b"PK\x03\x04")
    before = tree_digest(documents)
    stderr = refused(site, documents)
    assert "innehåller annat än en byggd webbplats" in stderr
    assert tree_digest(documents) == before
    # An empty folder is fine, and so is rebuilding into a built site.
    empty = tmp_path / "tom"
    empty.mkdir()
    assert_built(build_site(site, empty, DAY))
    assert_built(build_site(site, empty, DAY))


def test_output_refused_when_it_is_the_home_folder(site_factory: Callable[..., Path], tmp_path: Path) -> None:
    site = site_factory(GOOD)
    home = tmp_path / "hem"
    home.mkdir()
    (home / "brev.txt").write_text("mitt\n", encoding="utf-8")
    before = tree_digest(home)
    refused(site, home, {**os.environ, "HOME": str(home)})
    assert tree_digest(home) == before
    assert leftovers(tmp_path) == []


def test_output_refused_when_it_is_the_root_folder(site_factory: Callable[..., Path]) -> None:
    site = site_factory(GOOD)
    before = sorted(p.name for p in Path("/").iterdir())
    refused(site, Path("/"))
    assert sorted(p.name for p in Path("/").iterdir()) == before
