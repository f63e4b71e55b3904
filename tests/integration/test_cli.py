"""The command line as a clerk and a CI job use it: exit codes, what is printed where, in Swedish.

Exit codes: 0 built (or checked) without errors, 1 content errors, 2 wrong usage.
Each test runs ``python -m generator`` as a separate process.
"""

from __future__ import annotations

import calendar
import json
import os
import pty
import re
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from generator import __version__
from tests.conftest import record_text
from tests.integration.archive import make_archive
from tests.integration.sitecheck import run_cli, tree_digest

DAY = "2024-06-01"
SUMMARY = re.compile(r"^Klart: (\d+) poster, (\d+) sidor, (\d+) varningar, \d+\.\d s i (.+)$")
GOOD = {
    "content/kf/2024-05-20-5.md": record_text(
        "titel: Budget för 2025",
        "typ: protokollsutdrag",
        "datum: 2024-05-20",
        "nämnd: KF",
        "paragraf: 5",
        "justerat: 2024-05-22",
        "anslag: 2024-05-23",
    ),
    "content/ks/2024-05-06-12.md": record_text(
        "titel: Förslag till budget för 2025",
        "typ: protokollsutdrag",
        "datum: 2024-05-06",
        "nämnd: KS",
        "paragraf: 12",
        "överklagbar: false",
    ),
}
BAD = {
    "content/kf/fel.md": record_text("titel: Fel typ", "typ: beslutt", "datum: 2024-05-20", "nämnd: KF"),
    "content/kf/fel-datum.md": record_text(
        "titel: Fel datum", "typ: protokollsutdrag", "datum: 2024-02-30", "nämnd: KF", "paragraf: 7"
    ),
}
WARNING = {
    # A reference to a decision that is not on the site is shown as text: a warning, not an error.
    "content/ks/hanvisning.md": record_text(
        "titel: Uppföljning av budget",
        "typ: tjänsteskrivelse",
        "datum: 2024-05-10",
        "nämnd: KS",
        'relaterade: ["KF 2019-06-14 § 142"]',
    ),
}


def test_build_exits_0_and_prints_the_notice_board_and_one_summary_line(
    site_factory: Callable[..., Path], tmp_path: Path
) -> None:
    site, out = site_factory(GOOD), tmp_path / "public"

    done = run_cli("build", str(site), "--out", str(out), "--date", DAY)

    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert len(lines) == 2, done.stdout
    assert lines[0] == "Anslagstavlan: 1 anslag uppe (inget tidigare bygge att jämföra med)"
    match = SUMMARY.match(lines[1])
    assert match, lines[1]
    records, pages, warnings, where = match.groups()
    assert int(records) == 2
    assert int(pages) == len(list(out.rglob("*.html")))
    assert int(warnings) == 0
    assert Path(where) == out.resolve()
    assert done.stderr == ""


def test_verbose_prints_the_time_of_each_stage_before_the_summary(
    site_factory: Callable[..., Path], tmp_path: Path
) -> None:
    site, out, cache = site_factory(GOOD), tmp_path / "public", tmp_path / "cache"
    run_cli("build", str(site), "--out", str(out), "--date", DAY, "--cache", str(cache))

    done = run_cli("build", str(site), "--out", str(out), "--date", DAY, "--cache", str(cache), "--verbose")

    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0] == "Tid per steg:"
    stages = [line.split()[0] for line in lines[1:] if line.endswith(" s")]
    assert stages[:3] == ["site.yaml", "läsa", "validera"] and "sidor" in stages and "publicera" in stages
    made = "0 filer kontrollerade, 0 texter renderade, 0 delar av sökindexet byggda"
    assert f"  gjort på nytt      {made}" in lines
    assert any(line.startswith("  ur cachen ") for line in lines)
    assert SUMMARY.match(lines[-1]) and done.stderr == ""


def test_a_terminal_sees_the_progress_of_a_build_that_takes_a_while(tmp_path: Path) -> None:
    """Under a terminal (a pseudo-terminal here) the stage and the count are shown, then taken away."""
    site = make_archive(tmp_path / "site", size=600)
    args = [
        "build",
        str(site),
        "--out",
        str(tmp_path / "out"),
        "--no-cache",
        "--jobs",
        "1",
        "--date",
        "2024-06-20",
    ]
    started = time.monotonic()
    output = run_in_terminal(args)
    took = time.monotonic() - started

    assert "Klart: " in output
    if took > 3:  # a machine fast enough to build 600 records within a second shows nothing (by design)
        assert "\r\x1b[KBygger: sidor " in output, output[:500]
        *progress, last = output.split("\r\x1b[K")
        assert all(line.startswith("Bygger: ") for line in progress[1:])
        assert last.splitlines()[-1].startswith("Klart: ") and "Bygger" not in last


def run_in_terminal(args: list[str]) -> str:
    """Run ``beslut`` with a pseudo-terminal as stdout and stderr; return all it wrote."""
    leader, follower = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "generator", *args], stdout=follower, stderr=follower, stdin=subprocess.DEVNULL
    )
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the terminal closed with the process
            break
        if not chunk:
            break
        chunks.append(chunk)
    process.wait(timeout=300)
    os.close(leader)
    return b"".join(chunks).decode("utf-8", "replace")


def test_build_with_content_errors_exits_1_and_lists_every_error(
    site_factory: Callable[..., Path], tmp_path: Path
) -> None:
    site, out = site_factory({**GOOD, **BAD}), tmp_path / "public"

    done = run_cli("build", str(site), "--out", str(out), "--date", DAY)

    assert done.returncode == 1
    assert done.stdout == ""
    err = done.stderr.splitlines()
    assert any(
        line.startswith("content/kf/fel.md:3") and ': fel: typ: okänd dokumenttyp "beslutt"' in line
        for line in err
    )
    assert any(line.startswith("content/kf/fel-datum.md:4") and ": fel: datum: " in line for line in err)
    assert all(line.startswith(("content/", "    tips: ", "Avbrutet: ")) for line in err), err
    assert err[-1] == "Avbrutet: 2 fel i 2 filer"
    assert not out.exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["build", "--bogus"], "beslut: fel: okända argument: --bogus"),
        (["build", "--date", "2024-13-45"], 'beslut: fel: argument --date: "2024-13-45" är inget datum'),
        (["build", "--date", "igår"], 'beslut: fel: argument --date: "igår" är inget datum'),
        (["build", "--format", "xml"], "beslut: fel: argument --format: ogiltigt val: 'xml' (välj bland"),
        (["bygg"], "beslut: fel: argument KOMMANDO: ogiltigt val: 'bygg' (välj bland"),
        (["build", "--jobs", "0"], 'beslut: fel: argument --jobs: "0" är inget antal processer'),
        (["check", "--jobs", "alla"], 'beslut: fel: argument --jobs: "alla" är inget antal processer'),
        ([], "beslut: fel: dessa argument krävs: KOMMANDO"),
    ],
)
def test_wrong_usage_exits_2_with_a_swedish_message(args: list[str], message: str) -> None:
    done = run_cli(*args)

    assert done.returncode == 2
    assert done.stdout == ""
    assert message in done.stderr
    assert done.stderr.startswith("användning: beslut")
    for english in ("usage:", "error:", "invalid", "choose from", "argument required"):
        assert english not in done.stderr


def test_help_is_in_swedish() -> None:
    done = run_cli("build", "--help")
    assert done.returncode == 0
    assert done.stdout.startswith("användning: beslut build")
    assert "flaggor:" in done.stdout and "options:" not in done.stdout


def test_version() -> None:
    done = run_cli("--version")
    assert done.returncode == 0
    assert done.stdout.strip() == f"beslut {__version__}"


def test_check_writes_nothing(site_factory: Callable[..., Path]) -> None:
    site = site_factory(GOOD)
    before = tree_digest(site.parent)

    done = run_cli("check", str(site), "--date", DAY)

    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("Inga fel: 2 poster")
    assert tree_digest(site.parent) == before
    assert not (site / "public").exists()


def test_check_reports_errors_without_writing(site_factory: Callable[..., Path]) -> None:
    site = site_factory({**GOOD, **BAD})
    before = tree_digest(site.parent)
    done = run_cli("check", str(site), "--date", DAY)
    assert done.returncode == 1
    assert done.stderr.splitlines()[-1] == "Avbrutet: 2 fel i 2 filer"
    assert tree_digest(site.parent) == before


def test_strict_makes_warnings_fatal(site_factory: Callable[..., Path], tmp_path: Path) -> None:
    site = site_factory({**GOOD, **WARNING})

    relaxed = run_cli("build", str(site), "--out", str(tmp_path / "a"), "--date", DAY)
    strict = run_cli("build", str(site), "--out", str(tmp_path / "b"), "--date", DAY, "--strict")

    assert relaxed.returncode == 0, relaxed.stderr
    assert ": varning: " in relaxed.stderr
    match = SUMMARY.match(relaxed.stdout.splitlines()[-1])
    assert match and int(match.group(3)) >= 1
    assert strict.returncode == 1
    assert ": varning: " in strict.stderr
    assert strict.stderr.splitlines()[-1].startswith("Avbrutet: ")
    assert not (tmp_path / "b").exists()


def test_format_json_prints_one_object_per_line(site_factory: Callable[..., Path]) -> None:
    site = site_factory({**GOOD, **BAD, **WARNING})

    done = run_cli("check", str(site), "--date", DAY, "--format", "json")

    assert done.returncode == 1
    lines = done.stderr.splitlines()
    assert lines
    objects = [json.loads(line) for line in lines]
    for obj in objects:
        assert set(obj) == {"path", "line", "column", "severity", "field", "message", "hint"}
        assert obj["severity"] in ("error", "warning")
    assert {o["path"] for o in objects if o["severity"] == "error"} == {
        "content/kf/fel.md",
        "content/kf/fel-datum.md",
    }
    assert any(o["severity"] == "warning" for o in objects)


def _epoch(day: str, hour: int = 12) -> str:
    y, m, d = (int(p) for p in day.split("-"))
    return str(calendar.timegm((y, m, d, hour, 0, 0)))


def test_source_date_epoch_is_the_build_date(site_factory: Callable[..., Path], tmp_path: Path) -> None:
    """SOURCE_DATE_EPOCH gives the same site as --date of that day; --date wins over it."""
    site = site_factory(GOOD)
    env = {**os.environ, "SOURCE_DATE_EPOCH": _epoch(DAY)}
    later = {**os.environ, "SOURCE_DATE_EPOCH": _epoch("2024-09-01")}

    by_date = run_cli("build", str(site), "--out", str(tmp_path / "date"), "--date", DAY)
    by_epoch = run_cli("build", str(site), "--out", str(tmp_path / "epoch"), env=env)
    by_later = run_cli("build", str(site), "--out", str(tmp_path / "later"), env=later)
    overridden = run_cli("build", str(site), "--out", str(tmp_path / "both"), "--date", DAY, env=later)

    for done in (by_date, by_epoch, by_later, overridden):
        assert done.returncode == 0, done.stderr
    assert tree_digest(tmp_path / "epoch") == tree_digest(tmp_path / "date")
    assert tree_digest(tmp_path / "both") == tree_digest(tmp_path / "date")
    # On 1 June the notice of 23 May is up; on 1 September it has come down.
    board = (tmp_path / "date" / "anslagstavla/index.html").read_text(encoding="utf-8")
    board_later = (tmp_path / "later" / "anslagstavla/index.html").read_text(encoding="utf-8")
    assert "sjoviks-kommun/kf/2024-05-20/" in board
    assert "sjoviks-kommun/kf/2024-05-20/" not in board_later
