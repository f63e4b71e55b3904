"""Benchmark the preview: the cold start of ``beslut serve`` and the time from a save to the reloaded page.

    python bench/serve_bench.py                  # 2,000 records, 10 edits
    python bench/serve_bench.py --size 500 --edits 20 --poll

The corpus is made by the project's own generator (bench/corpus, kept in ``--work``; see
bench/corpora.py), or given with ``--corpus MAPP``; address collisions get the ``slug:`` the diagnostic
asks for, as in build_bench.py. ``beslut serve`` runs as a child process,
as a user starts it. Cold start: from starting the process to the first page answered with the built
site. Save to reload: from writing a record (a new title) to the moment the page, fetched again after
the server's reload event (what the browser's script does), shows the new title; the rebuild's own
figures (seconds, pages rendered, pages kept) come from /__beslut/status.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import shutil
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench_report import commit
from build_bench import DATE, add_slugs, is_address_collision
from corpora import generated, given

from generator.load.cachefolder import CACHE_DIR

REPO = Path(__file__).resolve().parents[1]
BESLUT = [sys.executable, "-m", "generator"]


@dataclass
class Edit:
    """One measured save."""

    file: str
    reload_seconds: float
    rebuild_seconds: float
    rendered: int
    kept: int


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print its table (and add it to ``--append``)."""
    args = parse_args(argv)
    site = make_site(args)
    shutil.rmtree(site / CACHE_DIR, ignore_errors=True)
    port = free_port()  # the same address both times: the pages name it, so another one changes them all
    starts: list[Start] = []
    for _ in range(2):  # the first start fills the build cache, the second starts from it
        child, url, figures = start(site, args, port)
        starts.append(figures)
        if len(starts) == 1:
            stop(child)
    try:
        edits = [edit_once(url, site, file) for file in pick_records(site, args.edits)]
    finally:
        stop(child)
    table = report(args, starts, edits)
    print(table)
    if args.append:
        with args.append.open("a", encoding="utf-8") as results:
            results.write("\n" + table + "\n")
    return 0


def free_port() -> int:
    """Return a TCP port no one listens on now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


Start = tuple[float, float, float]
"""Seconds from starting the process to the first page, of what served it, and to the first build done."""


def start(site: Path, args: argparse.Namespace, port: int) -> tuple[subprocess.Popen[str], str, Start]:
    """Start ``beslut serve``; return it, its address and how long its start took (``Start``).

    The first page may be the kept copy of the last preview (``kind`` "kept" in the status): the first
    build then runs behind it, and a save is measured only once that build is done.
    """
    begun = time.perf_counter()
    child = subprocess.Popen(
        [*BESLUT, "serve", str(site), "--port", str(port), *(["--poll"] if args.poll else [])],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        url = read_address(child)
        status = wait_for(lambda: get_json(url + "__beslut/status"), lambda s: s["generation"] >= 1, 600)
        get_text(url)
        shown = time.perf_counter() - begun
        wait_for(lambda: get_json(url + "__beslut/status"), lambda s: s["builds"] >= 1, 600)
    except BaseException:
        stop(child)
        raise
    return child, url, (shown, status["seconds"], time.perf_counter() - begun)


def stop(child: subprocess.Popen[str]) -> None:
    """Stop ``beslut serve`` (it writes its cache as it stops)."""
    child.terminate()
    child.wait(timeout=60)


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=2000, help="records in the corpus")
    parser.add_argument("--edits", type=int, default=10, help="how many saves to time")
    parser.add_argument("--work", type=Path, default=Path("/tmp/beslut-bench"), help="where corpora are kept")
    parser.add_argument("--poll", action="store_true", help="serve with --poll")
    parser.add_argument("--corpus", type=Path, help="a corpus made elsewhere (instead of --size)")
    parser.add_argument("--date", default=DATE, help="the build day the generated corpus is made for")
    parser.add_argument("--append", type=Path, help="add the table to this file (bench/results.md)")
    return parser.parse_args(argv)


def make_site(args: argparse.Namespace) -> Path:
    """Make (or reuse) the corpus, and fix its address collisions the way the diagnostics say."""
    if args.corpus:
        site = given(args.corpus)
    else:
        site = generated(args.size, args.work, dt.date.fromisoformat(args.date))
    check = subprocess.run(
        [*BESLUT, "check", str(site), "--format", "json"], cwd=REPO, capture_output=True, text=True
    )
    errors = [json.loads(line) for line in check.stderr.splitlines() if line.startswith("{")]
    errors = [d for d in errors if d["severity"] == "error"]
    if errors and all(is_address_collision(d) for d in errors):
        add_slugs(site, {d["path"] for d in errors})
    return site


def read_address(child: subprocess.Popen[str]) -> str:
    """Return the address ``beslut serve`` prints."""
    assert child.stdout is not None
    for line in child.stdout:
        found = re.search(r"http://[\d.]+:\d+/", line)
        if found:
            return found.group(0)
    raise RuntimeError("beslut serve printed no address")


def get_json(url: str) -> Any:
    with urllib.request.urlopen(url, timeout=30) as response:
        return json.load(response)


def get_text(url: str) -> str:
    with urllib.request.urlopen(url, timeout=30) as response:
        return str(response.read().decode("utf-8"))


def wait_for(fetch: Any, done: Any, timeout: float) -> Any:
    """Poll ``fetch`` until ``done`` says yes (every 10 ms)."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        try:
            value = fetch()
            if done(value):
                return value
        except OSError:
            pass
        time.sleep(0.01)
    raise TimeoutError("the preview did not answer in time")


def pick_records(site: Path, count: int) -> list[Path]:
    """Return ``count`` records spread over the corpus."""
    files = sorted((site / "content").rglob("*.md"))
    step = max(1, len(files) // count)
    return files[step // 2 :: step][:count]


def edit_once(url: str, site: Path, file: Path) -> Edit:
    """Give one record a new title; time until its page, fetched after the reload event, shows it."""
    status = get_json(url + "__beslut/status")
    text = file.read_text(encoding="utf-8")
    marker = f"Ändrad {time.time_ns()}"
    events = urllib.request.urlopen(f"{url}__beslut/events?since={status['version']}", timeout=60)
    changed = re.sub(r"^titel: ", f"titel: {marker} ", text, count=1, flags=re.M)
    page = url + page_address(site, file, changed)
    start = time.perf_counter()
    file.write_text(changed, encoding="utf-8")
    state: dict[str, Any] = {}
    for raw in events:
        line = raw.decode("utf-8")
        if line.startswith("data: "):
            state = json.loads(line[6:])
            if state["generation"] > status["generation"] or not state["ok"]:
                break
    events.close()
    wait_for(lambda: get_text(page), lambda html: marker in html, 60)
    elapsed = time.perf_counter() - start
    # The save's full rebuild (after the first pass that showed the page) ends before the text is put back,
    # and the put-back's own full rebuild before the next save: no save waits for another's work.
    wait_for(lambda: get_json(url + "__beslut/status"), lambda s: s["builds"] > status["builds"], 120)
    builds = get_json(url + "__beslut/status")["builds"]
    file.write_text(text, encoding="utf-8")
    wait_for(lambda: get_json(url + "__beslut/status"), lambda s: s["builds"] > builds, 120)
    return Edit(file.name, elapsed, state.get("seconds", 0.0), state.get("rendered", 0), state.get("kept", 0))


def page_address(site: Path, file: Path, text: str) -> str:
    """Return a record's page address, as the generator gives it."""
    from generator.base.sources import SourceFile
    from generator.base.urls import record_path
    from generator.config.settings import load_config
    from generator.load.frontmatter import split_front_matter
    from generator.load.records import validate_record

    config = load_config(site)
    assert not isinstance(config, list)
    rel = file.relative_to(config.site_dir).as_posix()
    split = split_front_matter(SourceFile(file, rel, text))
    assert not isinstance(split, list)
    record, _ = validate_record(split, config.rules)
    assert record is not None
    return record_path(record)


def report(args: argparse.Namespace, starts: list[Start], edits: list[Edit]) -> str:
    """Return the results as a Markdown section, with issue 12's targets (point 6)."""
    times = [e.reload_seconds for e in edits]
    size = args.size if not args.corpus else len(list((args.corpus / "content").rglob("*.md")))
    (cold, first, _), (warm, again, settled) = starts
    reload_target = 1.0 if size <= 2000 else 2.0
    median = statistics.median(times)
    lines = [
        f"## Point 6: the preview, {size:,} records{' (--poll)' if args.poll else ''}",
        "",
        f"`python bench/serve_bench.py --size {size} --edits {args.edits}`, commit {commit()}.",
        "",
        "| figure | measured | target | met |",
        "|---|---:|---|---|",
        f"| first start, no cache (process start → first page; its build) | {cold:.2f} s ({first:.2f} s) "
        "| – | reported |",
        f"| start from the cache (process start → first page; its build or kept copy) | {warm:.2f} s "
        f"({again:.2f} s) "
        f"| ≤ 2 s | {'yes' if warm <= 2.0 else 'no'} |",
        "| start from the cache: process start → first build done (a save is shown from then) "
        f"| {settled:.2f} s | – | reported |",
        f"| save → reloaded page, median (range) of {len(edits)} saves | {median:.2f} s "
        f"({min(times):.2f}–{max(times):.2f}) | ≤ {reload_target:.0f} s "
        f"| {'yes' if median <= reload_target else 'no'} |",
        "",
        "| record | save → page s | rebuild s | pages rendered | files kept |",
        "|---|---:|---:|---:|---:|",
    ]
    lines += [
        f"| {e.file[:60]} | {e.reload_seconds:.2f} | {e.rebuild_seconds:.2f} | {e.rendered} | {e.kept} |"
        for e in edits
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
