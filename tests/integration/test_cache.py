"""The build cache: a warm build redoes only what changed, and writes exactly the bytes a cold build writes.

Each test builds an archive once to fill the cache, changes the site (one kind of change per case),
builds again with the cache (two processes), and compares every byte with a cold build of the changed
site without a cache (one process). A cache that is damaged, foreign or from another version is set
aside with a warning and never trusted.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from generator.build import BuildOptions, BuildResult, build
from generator.load.keptfiles import kept_place
from tests.integration.archive import BUILD_DAY, make_archive
from tests.integration.sitecheck import assert_built, run_cli, tree_digest

NEXT_DAY = "2024-06-21"
LATER = "2024-07-02"
"""After a notice came down and the tjänsteskrivelse with ``publicera: 2024-07-01`` went up."""


def build_with(site: Path, out: Path, cache: Path | None, day: str = BUILD_DAY, jobs: int = 2) -> BuildResult:
    options = BuildOptions(
        site_dir=site,
        out=out,
        build_date=dt.date.fromisoformat(day),
        search=False,
        jobs=jobs,
        cache=cache,
    )
    return build(options)


def assert_same_as_cold(site: Path, warm_out: Path, tmp_path: Path, day: str = BUILD_DAY) -> None:
    """Build ``site`` without a cache and require every byte of ``warm_out`` to be the same."""
    cold_out = tmp_path / "cold"
    assert_built(build_with(site, cold_out, None, day, jobs=1))
    warm, cold = tree_digest(warm_out), tree_digest(cold_out)
    assert sorted(warm) == sorted(cold), "the warm build wrote other files than the cold one"
    assert [path for path in warm if warm[path] != cold[path]] == []


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def change_record(site: Path) -> None:
    edit(site / "content/ks/2024-03-25-101.md", "Ärendet gäller", "Ärendet, som ändrats, gäller")


def change_title(site: Path) -> None:
    edit(
        site / "content/ks/2024-03-25-101.md",
        "titel: Åtgärder för ökad trygghet 100",
        "titel: Åtgärder för trygghet",
    )


def change_template(site: Path) -> None:
    (site / "templates").mkdir()
    (site / "templates" / "record.html").write_text(
        '{% extends "theme/record.html" %}{% block body %}<p>Tillagt.</p>{{ super() }}{% endblock %}',
        encoding="utf-8",
    )


def change_site_yaml(site: Path) -> None:
    edit(site / "site.yaml", "title: Sjöviks kommuns beslut", "title: Sjöviks beslut")


def change_board(site: Path) -> None:
    edit(site / "site.yaml", "{name: Kommunfullmäktige, short: KF}", "{name: Fullmäktige, short: KF}")


def add_record(site: Path) -> None:
    shutil.copy(site / "content/ks/2024-03-25-101.md", site / "content/ks/2024-03-25-ny.md")
    edit(site / "content/ks/2024-03-25-ny.md", "paragraf: 101", "paragraf: 250")


def delete_record(site: Path) -> None:
    (site / "content/ks/2024-03-25-101.md").unlink()


CHANGES: dict[str, Callable[[Path], None]] = {
    "en ändrad post": change_record,
    "en ändrad titel": change_title,
    "en ändrad mall": change_template,
    "en ändrad site.yaml": change_site_yaml,
    "en ändrad nämnd i site.yaml": change_board,
    "en ny post": add_record,
    "en borttagen post": delete_record,
}


@pytest.mark.parametrize("change", sorted(CHANGES))
def test_a_warm_build_after_a_change_writes_what_a_cold_build_writes(tmp_path: Path, change: str) -> None:
    site, out, cache = make_archive(tmp_path / "site"), tmp_path / "out", tmp_path / "cache"
    assert_built(build_with(site, out, cache))

    CHANGES[change](site)
    warm = build_with(site, out, cache)

    assert_built(warm)
    assert warm.cache_warnings == []
    assert_same_as_cold(site, out, tmp_path)


@pytest.mark.parametrize("day", [NEXT_DAY, LATER])
def test_a_warm_build_on_a_new_day_writes_what_a_cold_build_writes(tmp_path: Path, day: str) -> None:
    site, out, cache = make_archive(tmp_path / "site"), tmp_path / "out", tmp_path / "cache"
    first = build_with(site, out, cache)

    warm = build_with(site, out, cache, day)

    assert_built(warm)
    assert_same_as_cold(site, out, tmp_path, day)
    assert warm.made.get("fil") == 0, "no file is checked again on a new day"
    if day == LATER:
        assert warm.records == first.records + 1 - 0, "the tjänsteskrivelse is published on 1 July"


def test_one_changed_record_is_all_that_is_made_again(tmp_path: Path) -> None:
    site, out, cache = make_archive(tmp_path / "site"), tmp_path / "out", tmp_path / "cache"
    cold = build_with(site, out, cache)
    files = sum(1 for p in out.rglob("*") if p.is_file())
    assert cold.made == {"fil": 160, "text": 147} and cold.reused == 0

    unchanged = build_with(site, out, cache)
    assert unchanged.made == {"fil": 0, "text": 0}
    assert unchanged.reused == files

    change_record(site)
    warm = build_with(site, out, cache)
    assert warm.made == {"fil": 1, "text": 1}
    assert files - 10 < warm.reused < files, "the record's page and its data are made again, not the rest"


def test_a_build_keeps_its_files_flat_one_copy_of_each_published_file(tmp_path: Path) -> None:
    site, out, cache = make_archive(tmp_path / "site"), tmp_path / "out", tmp_path / "cache"
    assert_built(build_with(site, out, cache))
    change_record(site)
    assert_built(build_with(site, out, cache))  # replaces a kept page, and keeps the new one flat too

    kept = cache / "filer" / "bygge"
    folders = sorted(p.name for p in kept.iterdir())
    assert folders, "the build kept its files"
    assert all(len(name) == 2 and set(name) <= set("0123456789abcdef") for name in folders), folders
    assert all(p.is_file() for folder in kept.iterdir() for p in folder.iterdir()), "no deeper folders"
    published = [p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()]
    assert sorted(p.stat().st_ino for p in kept.rglob("*") if p.is_file()) == sorted(
        kept_copy(cache, out, rel).stat().st_ino for rel in published
    ), "each published file is kept once, as the same file, and nothing else is kept"


def test_site_yaml_has_the_records_checked_again_only_when_it_changes_what_they_are_checked_against(
    tmp_path: Path,
) -> None:
    site, out, cache = make_archive(tmp_path / "site"), tmp_path / "out", tmp_path / "cache"
    cold = build_with(site, out, cache)

    change_site_yaml(site)  # a new title: every page changes, no record
    retitled = build_with(site, out, cache)
    assert retitled.made == {"fil": 0, "text": 0}

    change_board(site)  # the records of fullmäktige belong to a board of another name
    renamed = build_with(site, out, cache)
    assert renamed.made["fil"] == cold.made["fil"] == 160
    assert_same_as_cold(site, out, tmp_path)


def test_a_warm_build_does_not_depend_on_the_number_of_processes(tmp_path: Path) -> None:
    site, cache = make_archive(tmp_path / "site"), tmp_path / "cache"
    assert_built(build_with(site, tmp_path / "first", cache, jobs=1))
    change_title(site)
    assert_built(build_with(site, tmp_path / "out", cache, jobs=2))
    assert_same_as_cold(site, tmp_path / "out", tmp_path)


def test_check_reads_the_cache_and_writes_nothing(tmp_path: Path) -> None:
    site, out, cache = make_archive(tmp_path / "site"), tmp_path / "out", tmp_path / "cache"
    assert_built(build_with(site, out, cache))
    before = {p: p.stat().st_mtime_ns for p in cache.rglob("*")}
    options = BuildOptions(
        site_dir=site, build_date=dt.date.fromisoformat(BUILD_DAY), write=False, cache=cache
    )
    checked = build(options)
    assert checked.ok and checked.made == {"fil": 0, "text": 0}
    assert {p: p.stat().st_mtime_ns for p in cache.rglob("*")} == before

    fresh = tmp_path / "none"
    options = BuildOptions(
        site_dir=site, build_date=dt.date.fromisoformat(BUILD_DAY), write=False, cache=fresh
    )
    assert build(options).ok and not fresh.exists()


def kept_copy(cache: Path, out: Path, rel: str) -> Path:
    """Return where the cache keeps the published file ``rel`` of ``out`` (the same file: a hard link)."""
    kept = Path(kept_place(str(cache / "filer" / "bygge"), rel, tree=False))
    assert kept.stat().st_ino == (out / rel).stat().st_ino
    return kept


def kept_page(cache: Path, out: Path) -> Path:
    """Return a page the cache keeps (one record's page)."""
    page = next(out.rglob("2024-03-25/101-*/index.html"))
    return kept_copy(cache, out, page.relative_to(out).as_posix())


def test_a_kept_file_changed_in_the_cache_is_made_again(tmp_path: Path) -> None:
    site, out, cache = make_archive(tmp_path / "site"), tmp_path / "out", tmp_path / "cache"
    assert_built(build_with(site, out, cache))
    page = kept_page(cache, out)
    before = page.stat()
    text = page.read_bytes()
    changed = text.replace("gäller".encode(), "gällde".encode())
    assert changed != text and len(changed) == len(text)
    page.write_bytes(changed)
    os.utime(page, ns=(before.st_atime_ns, before.st_mtime_ns))  # and the same time

    warm = build_with(site, out, cache)

    assert_built(warm)
    assert [w.message for w in warm.cache_warnings] == [
        "1 poster i cachen var skadade eller borta och gjordes om"
    ]
    assert warm.cache_warnings[0].path == "cache" or warm.cache_warnings[0].path.endswith("cache")
    assert_same_as_cold(site, out, tmp_path)


def test_a_page_changed_in_the_published_site_is_not_taken_for_the_kept_one(tmp_path: Path) -> None:
    site, out, cache = make_archive(tmp_path / "site"), tmp_path / "out", tmp_path / "cache"
    assert_built(build_with(site, out, cache))
    with open(out / "index.html", "r+b") as published:  # changed where it is (same file as the cache's)
        published.write(b"<!-- x -->")

    assert_built(build_with(site, out, cache))

    assert_same_as_cold(site, out, tmp_path)


def test_a_removed_kept_file_is_made_again(tmp_path: Path) -> None:
    site, out, cache = make_archive(tmp_path / "site"), tmp_path / "out", tmp_path / "cache"
    assert_built(build_with(site, out, cache))
    data = [p.relative_to(out).as_posix() for p in (out / "data").rglob("*") if p.is_file()]
    for rel in data:
        kept_copy(cache, out, rel).unlink()

    warm = build_with(site, out, cache)

    assert_built(warm)
    assert "poster i cachen var skadade eller borta" in warm.cache_warnings[0].message
    assert_same_as_cold(site, out, tmp_path)


def test_a_damaged_value_is_made_again(tmp_path: Path) -> None:
    site, out, cache = make_archive(tmp_path / "site"), tmp_path / "out", tmp_path / "cache"
    assert_built(build_with(site, out, cache))
    with sqlite3.connect(cache / "cache.sqlite") as db:
        rows = db.execute("SELECT key, value FROM entry").fetchall()
        db.executemany("UPDATE entry SET value = ? WHERE key = ?", [(v[:-1] + b"!", k) for k, v in rows])

    warm = build_with(site, out, cache)

    assert_built(warm)
    assert warm.made == {"fil": 160, "text": 147}
    assert warm.cache_warnings[0].message.endswith("poster i cachen var skadade eller borta och gjordes om")
    assert_same_as_cold(site, out, tmp_path)


@pytest.mark.parametrize(
    ("damage", "said"),
    [
        ("garbage", "cachen kan inte läsas"),
        ("other version", "cachen skrevs av en annan version av beslut eller av dess bibliotek"),
        ("no database", "cachen är ofullständig"),
    ],
)
def test_an_unusable_cache_is_built_anew_with_a_warning(tmp_path: Path, damage: str, said: str) -> None:
    site, out, cache = make_archive(tmp_path / "site"), tmp_path / "out", tmp_path / "cache"
    assert_built(build_with(site, out, cache))
    database = cache / "cache.sqlite"
    if damage == "garbage":
        database.write_bytes(b"inte en databas" * 100)
    elif damage == "other version":
        with sqlite3.connect(database) as db:
            db.execute("UPDATE meta SET value = x'00' WHERE name = 'product'")
    else:
        database.unlink()

    warm = build_with(site, out, cache)

    assert_built(warm)
    [warning] = warm.cache_warnings
    assert warning.message.startswith(said) and warning.message.endswith("; den byggs om från början")
    assert warning.severity == "varning" and warning.field == "cache"
    assert warm.made == {"fil": 160, "text": 147}, "nothing was taken from it"
    assert_same_as_cold(site, out, tmp_path)
    again = build_with(site, out, cache)
    assert again.made == {"fil": 0, "text": 0} and again.cache_warnings == []


def test_a_folder_that_is_no_cache_is_not_used_and_not_touched(tmp_path: Path) -> None:
    site, out, folder = make_archive(tmp_path / "site"), tmp_path / "out", tmp_path / "dokument"
    folder.mkdir()
    (folder / "viktigt.txt").write_text("mitt", encoding="utf-8")

    result = build_with(site, out, folder)

    assert_built(result)
    [warning] = result.cache_warnings
    assert warning.message == "mappen är ingen cache från beslut; den används inte och lämnas orörd"
    assert [p.name for p in folder.iterdir()] == ["viktigt.txt"]


def test_a_failed_warm_build_leaves_the_site_and_the_cache_as_they_were(tmp_path: Path) -> None:
    site, out, cache = make_archive(tmp_path / "site"), tmp_path / "out", tmp_path / "cache"
    assert_built(build_with(site, out, cache))
    published = tree_digest(out)

    (site / "templates").mkdir()
    (site / "templates" / "case.html").write_text("{{ saknas.helt }}", encoding="utf-8")
    failed = build_with(site, out, cache)

    assert not failed.ok and failed.output is None
    assert tree_digest(out) == published
    shutil.rmtree(site / "templates")
    again = build_with(site, out, cache)
    assert_built(again)
    assert again.made == {"fil": 0, "text": 0} and again.cache_warnings == []
    assert tree_digest(out) == published


def test_compiled_templates_are_kept_and_a_damaged_one_is_compiled_again(tmp_path: Path) -> None:
    site, out, cache = make_archive(tmp_path / "site"), tmp_path / "out", tmp_path / "cache"
    build_args = ("build", str(site), "--out", str(out), "--date", BUILD_DAY, "--cache", str(cache))
    assert run_cli(*build_args).returncode == 0
    compiled = sorted((cache / "mallar").iterdir())
    assert len(compiled) >= 10, "every template the pages use is kept compiled"
    for kept in compiled:  # each process compiles anew what it cannot read back
        kept.write_bytes(b"j2" + kept.read_bytes()[2:40] + b"\x00trasig")
    change_site_yaml(site)  # every page is rendered again, so every template is loaded again

    done = run_cli(*build_args)

    assert done.returncode == 0, done.stderr
    assert [kept.name for kept in compiled if b"trasig" in kept.read_bytes()] == [], "compiled again, kept"
    cold_out = tmp_path / "cold"
    assert_built(build_with(site, cold_out, None, jobs=1))
    pages = {path: sha for path, sha in tree_digest(out).items() if not path.startswith("pagefind/")}
    assert pages == tree_digest(cold_out), "the CLI's build (search aside) is the cold build's"


@pytest.mark.parametrize("command", ["build", "check"])
def test_a_cache_folder_that_cannot_be_made_is_done_without(tmp_path: Path, command: str) -> None:
    site = make_archive(tmp_path / "site")
    (tmp_path / "fil").write_text("ingen mapp\n", encoding="utf-8")
    cache = tmp_path / "fil" / "cache"  # under a file: no folder can be made there

    out = ["--out", str(tmp_path / "out")] if command == "build" else []
    done = run_cli(command, str(site), *out, "--date", BUILD_DAY, "--cache", str(cache))

    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    if command == "build":  # check only reads a cache, and there is none to read
        assert f"{cache}: varning: cache: cachen kan inte läsas" in done.stderr
        assert "; den används inte" in done.stderr


def test_a_cache_whose_lock_cannot_be_taken_is_done_without(tmp_path: Path) -> None:
    site, out, cache = make_archive(tmp_path / "site"), tmp_path / "out", tmp_path / "cache"
    assert_built(build_with(site, out, cache))
    (cache / "lås").unlink()
    (cache / "lås").mkdir()  # a folder where the lock file was: it cannot be opened

    warm = build_with(site, out, cache)

    assert_built(warm)
    [said] = [w.message for w in warm.cache_warnings]
    assert said.startswith("cachen kan inte användas (") and said.endswith("); bygget görs utan den")
    assert warm.made == {"fil": 160, "text": 147}, "nothing was taken from it"
