"""Benchmark builds against Hugo on the same records, run by run in pairs (issue 12): cold, warm, at scale.

    python bench/build_bench.py                          # 1,000 records, 2 pairs (make bench)
    python bench/build_bench.py --sizes 10000 --repeat 3
    python bench/build_bench.py --sizes 10000 100000     # a size from --scale-from on: cold runs, once
    python bench/build_bench.py --corpus MAPP            # a corpus made elsewhere (site.yaml, content/)

Each figure is measured in pairs, A B A B: a beslut build, then Hugo's clean build of the same records
(bench/hugo-site over the corpus's peer/ form), again and again, so that both see the same load on a
shared machine; each figure is reported as the median and range of its runs and of the pair-by-pair
ratios. A beslut build runs as a child process (``build()`` in-process there, to read its stage times);
its CPU time and peak memory are those of all its processes (bench/measure.py).

- Cold: no output folder and an empty build cache, without and with the search index (points 1, 5); and
  without any cache (``--no-cache``), search excluded, below the scale sizes.
- Warm (point 2): the cache of a build of the unchanged corpus is restored as a CI job restores it (a
  copy: other inodes, so every kept file is checked by its bytes), one change is made
  (bench/scenarios.py), and the site is built into a fresh output folder, search index included.
- The floor of a warm build (point 2): no build at all, only the primed build's output folder made anew
  of hard links to its files (``cp -al``, coreutils, in C): the folders and links that any warm build
  writing a fresh output folder makes at the least, paired with Hugo like the builds.
- Scale (point 4): sizes from ``--scale-from`` on are built cold once each, without and with search, and
  without Hugo (the point compares the time per record with beslut's own at 10,000).

No timed run follows right after a large removal: the last run's output and cache are renamed aside
(measure.SetAside), and removed between corpora, a minute before the next timed run.

The results are printed and written to bench/results.md with each point's target and whether it is met.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import shutil
import subprocess
import sys
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import bench_report
import hugo_peer
import measure
import scenarios
from corpora import DEFAULT_SEED, generated, given, record_count

REPO = Path(__file__).resolve().parents[1]
DATE = "2026-11-22"
FLOOR = "golv för varm: bara utdatamappen, länkad (cp -al), inget bygge"
"""The floor figure's name (point 2): what making the output folder anew costs without building."""


@dataclass
class Figure:
    """One measured figure: its runs of beslut, each paired with a run of Hugo."""

    size: int
    name: str
    beslut: list[measure.Sample] = field(default_factory=list)
    hugo: list[measure.Sample] = field(default_factory=list)


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark; return 0 when every build succeeded."""
    args = parse_args(argv)
    if args.child:
        return child(args)
    args.work.mkdir(parents=True, exist_ok=True)
    if args.corpus:
        sites = [given(folder) for folder in args.corpus]
    else:
        day = dt.date.fromisoformat(args.date)
        sites = [generated(n, args.work, day, args.seed) for n in args.sizes]
    if hugo_peer.hugo_binary() is None:
        print("build_bench: Hugo saknas (make bench installerar det); kör utan Hugo", file=sys.stderr)
    load_before = bench_report.load_average()
    figures: list[Figure] = []
    for site in sites:
        figures += bench_site(site, args)
    table = bench_report.markdown(figures, args, load_before)
    print(table)
    if str(args.results) not in ("", "."):  # --results '' (Path makes it ".") writes no file
        args.results.write_text(table, encoding="utf-8")
        print(f"\nskrev {args.results}", file=sys.stderr)
    return 0 if all(s.ok for f in figures for s in f.beslut) else 1


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000], help="corpus sizes (records)")
    parser.add_argument("--repeat", type=int, default=2, help="pairs per figure (below --scale-from)")
    parser.add_argument("--scale-from", type=int, default=50000, help="sizes from here on: cold runs, once")
    parser.add_argument("--jobs", type=int, default=0, help="beslut's --jobs (0: the machine's cores)")
    parser.add_argument("--no-warm", action="store_true", help="measure cold builds only")
    parser.add_argument("--work", type=Path, default=Path("/tmp/beslut-bench"), help="corpora and outputs")
    parser.add_argument("--date", default=DATE, help="the build date (fixed, so runs compare)")
    parser.add_argument("--results", type=Path, default=REPO / "bench" / "results.md", help="'' to skip")
    parser.add_argument("--corpus", type=Path, nargs="+", help="corpora made elsewhere (instead of --sizes)")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help="the generator's seed")
    parser.add_argument("--child", nargs=2, metavar=("SITE", "OUT"), help=argparse.SUPPRESS)
    parser.add_argument("--cache", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--no-search", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.results is not None and str(args.results) == "":
        args.results = None
    return args


def bench_site(site: Path, args: argparse.Namespace) -> list[Figure]:
    """Measure every figure of one corpus."""
    size = record_count(site)
    scale = size >= args.scale_from
    repeat = 1 if scale else args.repeat
    work = args.work / f"run-{site.name}"
    if work.exists():
        shutil.rmtree(work)
        time.sleep(measure.SETTLE)  # the last run's folders were removed (see measure.SetAside)
    work.mkdir(parents=True)
    args.aside = aside = measure.SetAside(work / "aside")
    measure.read_through(site)  # the records (and Hugo's) in memory, as in CI's fresh checkout
    # At scale Hugo is not run: point 4 compares beslut with its own 10,000 figure (and Hugo would need
    # about 14 GB for 100,000 pages).
    peer = site / "peer" if (site / "peer").is_dir() and hugo_peer.hugo_binary() and not scale else None
    expected = hugo_peer.expected_pages(peer) if peer else 0
    figures = []
    # (name, search, cache): a cold build fills an empty build cache, as CI's first run does; the one
    # without a cache (``--no-cache``) shows what filling it costs.
    colds = [("kall, utan sökindex", False, True), ("kall, med sökindex", True, True)]
    if not scale:
        colds.insert(1, ("kall, utan cache, utan sökindex", False, False))
    for name, search, cached in colds:
        figure = Figure(size, name)
        for _ in range(repeat):
            aside.clear(work / "cache")
            cache = work / "cache" if cached else None
            pair(figure, site, peer, work, args, expected, cache=cache, search=search)
        figures.append(figure)
        say(figure)
    if not scale and not args.no_warm:
        figures += warm_figures(site, peer, work, args, expected)
    aside.empty(settle=False)  # the next corpus's first run waits (above)
    return figures


def warm_figures(
    site: Path, peer: Path | None, work: Path, args: argparse.Namespace, expected: int
) -> list[Figure]:
    """Measure a warm build after each kind of change, from one primed cache restored anew each time."""
    copy, primed = work / "site", work / "primed"
    shutil.copytree(site, copy, ignore=shutil.ignore_patterns("peer", ".beslut-cache"))
    primer = beslut(copy, work / "primed-out", primed, args.date, args, search=True)
    if not primer.ok:
        raise SystemExit(f"build_bench: bygget av {copy} misslyckades: {primer.details.get('diagnostics')}")
    figures = []
    for change in scenarios.CHANGES:
        figure = Figure(record_count(copy), f"varm, {change.name}, med sökindex")
        for _ in range(args.repeat):
            cache = work / "cache"
            args.aside.clear(cache)
            shutil.copytree(primed, cache)  # as a CI job restores it: other inodes, the same bytes
            undo = change.make(copy)
            try:
                day = scenarios.build_day(args.date, change)
                pair(figure, copy, peer, work, args, expected, cache=cache, search=True, day=day)
            finally:
                undo()
        figures.append(figure)
        say(figure)
    figures.append(floor(work / "primed-out", peer, work, args, expected))
    say(figures[-1])
    return figures


def floor(built: Path, peer: Path | None, work: Path, args: argparse.Namespace, expected: int) -> Figure:
    """Measure the warm build's floor: ``built`` linked into a new folder (``cp -al``), paired with Hugo."""
    figure = Figure(record_count(work / "site"), FLOOR)
    target = work / "floor"
    for _ in range(args.repeat):
        args.aside.clear(target)
        sample, _ = measure.run(["cp", "-al", str(built), str(target)])
        sample.details = {"files": sum(1 for p in target.rglob("*") if p.is_file())}
        figure.beslut.append(sample)
        if peer is not None:
            figure.hugo.append(hugo(peer, work / "hugo", expected, args.aside))
    args.aside.clear(target)
    return figure


def pair(
    figure: Figure,
    site: Path,
    peer: Path | None,
    work: Path,
    args: argparse.Namespace,
    expected: int,
    cache: Path | None,
    search: bool,
    day: str | None = None,
) -> None:
    """Run beslut once, then Hugo once, on the same records; add both to ``figure``."""
    out = work / "out"
    args.aside.clear(out)
    figure.beslut.append(beslut(site, out, cache, day or args.date, args, search))
    if peer is not None:
        figure.hugo.append(hugo(peer, work / "hugo", expected, args.aside))


def beslut(
    site: Path, out: Path, cache: Path | None, day: str, args: argparse.Namespace, search: bool
) -> measure.Sample:
    """Build ``site`` with beslut in a child process (``cache`` None: without one); return its figures."""
    command = [sys.executable, str(Path(__file__).resolve()), "--child", str(site), str(out), "--date", day]
    command += ["--cache", str(cache)] if cache is not None else []
    command += ["--jobs", str(args.jobs)] + ([] if search else ["--no-search"])
    sample, output = measure.run(command, cwd=REPO)
    sample.details = json.loads(output) if output.strip() else {"ok": False}
    sample.ok = sample.ok and bool(sample.details.get("ok"))
    return sample


def hugo(peer: Path, out: Path, expected: int, aside: measure.SetAside) -> measure.Sample:
    """Build ``peer`` with Hugo (a clean build); check that it made every page."""
    binary = hugo_peer.hugo_binary()
    assert binary is not None
    aside.clear(out)
    command = [str(binary), "--quiet", "--noBuildLock", "--source", str(hugo_peer.SITE)]
    command += ["--contentDir", str(peer.resolve()), "--destination", str(out.resolve())]
    sample, _ = measure.run(command)
    pages = sum(1 for _ in out.rglob("*.html"))
    sample.details = {"pages": pages}
    if expected and pages != expected:
        raise SystemExit(f"Hugo byggde {pages} sidor, väntat {expected}: se bench/hugo-site")
    return sample


def say(figure: Figure) -> None:
    walls = ", ".join(f"{s.wall:.1f}" for s in figure.beslut)
    hugos = ", ".join(f"{s.wall:.1f}" for s in figure.hugo)
    who = "cp -al" if figure.name == FLOOR else "beslut"
    print(f"{figure.size}: {figure.name}: {who} {walls} s; Hugo {hugos} s", file=sys.stderr, flush=True)


def child(args: argparse.Namespace) -> int:
    """Build and print the result as JSON (runs in the child process)."""
    sys.path.insert(0, str(REPO))
    from generator.base.workers import default_jobs
    from generator.build import BuildOptions, build

    site, out = Path(args.child[0]), Path(args.child[1])
    cpu: dict[str, float] = {}
    options = BuildOptions(
        site,
        out=out,
        build_date=dt.date.fromisoformat(args.date),
        search=not args.no_search,
        jobs=args.jobs or default_jobs(),
        cache=args.cache,
    )
    with cpu_per_stage(cpu):
        result = build(options)
    summary = {
        "ok": result.ok,
        "records": result.records,
        "pages": result.pages,
        "seconds": result.seconds,
        "timings": result.timings,
        "cpu_timings": cpu,
        "processes": result.processes,
        "made": result.made,
        "reused": result.reused,
        "diagnostics": [d.format() for d in result.diagnostics if d.severity.name == "ERROR"][:5],
        "cache_warnings": [d.format() for d in result.cache_warnings],
    }
    print(json.dumps(summary, ensure_ascii=False))
    return 0


@contextmanager
def cpu_per_stage(cpu: dict[str, float]):  # type: ignore[no-untyped-def]
    """Note each stage's CPU time (its waited-for worker processes and Pagefind included)."""
    import os

    from generator.build import BuildResult

    wall_stage = BuildResult.stage

    @contextmanager
    def stage(self: BuildResult, name: str):  # type: ignore[no-untyped-def]
        start = sum(os.times()[:4])
        with wall_stage(self, name):
            yield
        cpu[name] = cpu.get(name, 0.0) + sum(os.times()[:4]) - start

    BuildResult.stage = stage  # type: ignore[method-assign]
    try:
        yield
    finally:
        BuildResult.stage = wall_stage  # type: ignore[method-assign]


def is_address_collision(diagnostic: dict[str, str]) -> bool:
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


def run_git(*args: str) -> str:
    done = subprocess.run(["git", *args], cwd=REPO, capture_output=True, text=True, check=False)
    return done.stdout.strip()


if __name__ == "__main__":
    sys.exit(main())
