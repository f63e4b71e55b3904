"""Benchmark the search index alone: its time and memory, beside Pagefind over Hugo's output, and what a
citizen's first search transfers.

    python bench/search_bench.py --corpus DIR                       # index DIR (make_corpus.py --contract)
    python bench/search_bench.py --corpus DIR --hugo-site OUT       # paired with Pagefind over Hugo's OUT
    python bench/search_bench.py --corpus DIR --transfer SITE_OUT   # first searches on a built site

Each indexing runs in a child process that first loads the site (not timed), then makes every bundle
(``generator.outputs.search.index_site``, no cache). Its memory is sampled every 50 ms from here over the
child's whole process tree (Python and the Pagefind services): ``peak`` is that tree, ``index`` the tree
less what the loaded site held before indexing began. Pagefind over Hugo's output runs as
``pagefind --site OUT`` into a folder of its own, sampled the same way. Runs are paired (A B A B …): on
a shared machine only ratios measured side by side compare. No run's index is removed before the next
run (``measure.SetAside``: removing thousands of files slows the next run's writes); all are removed at
the end. ``--transfer`` serves a site built by
``beslut build`` and counts, in Debian's Chromium, the bytes of each response of a first search
(tests/browser/transfer.py).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import measure

REPO = Path(__file__).resolve().parents[1]
FIRST = (".pf_meta", "pagefind-entry.json", "bundles.json")
QUERIES = ("simhallen", "parkeringsnorm", "Lillsjön", "Norrby", "kulturstipendium 2019", "förskola", "budget")


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print its table."""
    args = parse_args(argv)
    if args.child:
        return child(Path(args.child[0]), Path(args.child[1]), args.date, args.jobs)
    if args.size:
        prepare(args)
    rows: list[dict[str, Any]] = []
    aside = measure.SetAside(args.work / "search-bench-indexes")
    try:
        for _ in range(args.repeat):
            ours = index_in_child(args, aside.folder)
            hugo = pagefind_over(args.hugo_site, aside.folder) if args.hugo_site else None
            rows.append({"ours": ours, "hugo": hugo})
    finally:
        aside.empty(settle=False)
    report = {"index": summarize(rows)}
    if args.transfer:
        report["transfer"] = transfer(args.transfer, args.queries)
    print(json.dumps(report, ensure_ascii=False, indent=1))
    if args.append:
        with args.append.open("a", encoding="utf-8") as results:
            results.write("\n" + markdown(report, args) + "\n")
    return 0


def prepare(args: argparse.Namespace) -> None:
    """Make what ``--size N`` measures: the generated corpus, Hugo's output of it, beslut's site."""
    sys.path.insert(0, str(REPO / "bench"))
    import hugo_peer
    from corpora import generated

    site = generated(args.size, args.work, dt.date.fromisoformat(args.date))
    args.corpus = site
    args.transfer = args.work / f"search-site-{site.name}"
    removed = args.transfer.exists()
    if hugo_peer.hugo_binary() is not None:
        args.hugo_site = args.work / f"search-hugo-{site.name}"
        removed = removed or args.hugo_site.exists()
        hugo_peer.build(site / "peer", args.hugo_site)  # removes the last run's output first
    shutil.rmtree(args.transfer, ignore_errors=True)
    command = [sys.executable, "-m", "generator", "build", str(site), "--out", str(args.transfer)]
    subprocess.run([*command, "--date", args.date, "--no-cache"], cwd=REPO, check=True)
    if removed:
        time.sleep(measure.SETTLE)  # the last run's sites were removed: the timed runs wait


def markdown(report: dict[str, Any], args: argparse.Namespace) -> str:
    """Return point 3's section of bench/results.md: the index beside Pagefind over Hugo, the transfer."""
    index = report["index"]
    ours, hugo, ratio = index.get("ours", {}), index.get("hugo"), index.get("ratio")

    def cell(spread: dict[str, float], digits: int = 1) -> str:
        return f"{spread['median']:.{digits}f} ({spread['min']:.{digits}f}–{spread['max']:.{digits}f})"

    records = index["runs"][0]["ours"]["records"]
    lines = [
        f"## Point 3: the search index, {records:,} records",
        "",
        f"`python bench/search_bench.py --size {args.size or records} --repeat {args.repeat}`: the index"
        " alone (beslut: the site loaded first, not timed; every bundle built, no cache) paired run by"
        " run with `pagefind --site` over Hugo's output of the same records. Median (range).",
        "",
        "| figure | beslut | Pagefind over Hugo | ratio | target | met |",
        "|---|---:|---:|---:|---|---|",
    ]
    if hugo and ratio:
        met = "yes" if ratio["seconds"]["median"] <= 0.5 else "no"
        lines.append(
            f"| index time, s | {cell(ours['seconds'])} | {cell(hugo['seconds'])} "
            f"| {cell(ratio['seconds'], 2)} | ≤ 0.5 × | {met} |"
        )
        lines.append(
            f"| index CPU, s | {cell(ours['cpu_seconds'])} | {cell(hugo['cpu_seconds'])} "
            f"| {cell(ratio['cpu_seconds'], 2)} | – | reported |"
        )
        lines.append(
            f"| of it Pagefind's own CPU, s (beslut's Python: {cell(ours['cpu_python'])}) "
            f"| {cell(ours['cpu_pagefind'])} | | | – | reported |"
        )
        share = ratio["floor_seconds"]["median"] / 0.5  # how much of the target the floor alone takes
        lines.append(
            f"| floor: Pagefind's own CPU over the machine's {len(os.sched_getaffinity(0))} cores, s "
            f"| {cell(ours['floor_seconds'])} | {cell(hugo['seconds'])} | {cell(ratio['floor_seconds'], 2)} "
            f"| ≤ 0.5 × | floor at {share:.0%} of the target |"
        )
    peak = ours["peak_mb"]
    lines.append(
        f"| peak memory (the whole process tree, the loaded site included), MiB | {cell(peak, 0)} "
        f"| {cell(hugo['peak_mb'], 0) if hugo else '–'} | {cell(ratio['peak_mb'], 2) if ratio else '–'} "
        f"| ≤ 1,024 | {'yes' if peak['median'] <= 1024 else 'no'} |"
    )
    lines.append(
        f"| memory of the indexing (the tree less the loaded site), MiB | {cell(ours['index_mb'], 0)} "
        "| | | – | reported |"
    )
    if "transfer" in report:
        kb, queries = report["transfer"]["kb"], len(report["transfer"]["queries"])
        met = "yes" if kb["max"] <= 300 else "no"
        lines.append(
            f"| a citizen's first search in Chromium, kB (median, min–max over {queries}"
            f" queries) | {kb['median']:.0f} ({kb['min']:.0f}–{kb['max']:.0f}) | | | ≤ 300 | {met} |"
        )
        lines += ["", "| first search | kB | kB gzip by the host | by kind |", "|---|---:|---:|---|"]
        for query, weighed in report["transfer"]["queries"].items():
            kinds = ", ".join(f"{k} {v}" for k, v in weighed.items() if k not in ("kb", "kb_gzip_host"))
            lines.append(f"| {query} | {weighed['kb']} | {weighed['kb_gzip_host']} | {kinds} |")
    return "\n".join(lines)


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, help="a site: site.yaml and content/")
    parser.add_argument(
        "--size",
        type=int,
        help="a generated corpus of N records (instead of --corpus):"
        " Hugo's output and beslut's site of it are made too",
    )
    parser.add_argument("--work", type=Path, default=Path("/tmp/beslut-bench"), help="corpora and outputs")
    parser.add_argument("--append", type=Path, help="add the results to this file (bench/results.md)")
    parser.add_argument("--hugo-site", type=Path, help="Hugo's output of the same records (peer form)")
    parser.add_argument("--transfer", type=Path, help="the corpus built by beslut build (search included)")
    parser.add_argument("--queries", nargs="+", default=list(QUERIES), help="first searches to weigh")
    parser.add_argument("--repeat", type=int, default=3, help="pairs of runs")
    parser.add_argument("--jobs", type=int, default=0, help="Pagefind services at once (0: the cores)")
    parser.add_argument("--date", default="2026-11-22", help="the build date")
    parser.add_argument("--child", nargs=2, metavar=("SITE", "OUT"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if not args.corpus and not args.size and not args.child:
        parser.error("--corpus eller --size behövs")
    return args


class Sampler:
    """Samples the resident memory of a process and its descendants, every 50 ms, in a thread."""

    def __init__(self, pid: int) -> None:
        self.pid, self.peak, self.running = pid, 0, True
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self) -> None:
        while self.running:
            self.peak = max(self.peak, tree_rss(self.pid))
            time.sleep(0.05)

    def stop(self) -> int:
        """Stop sampling; return the peak in bytes."""
        self.running = False
        self.thread.join()
        return self.peak


def tree_rss(pid: int) -> int:
    """Return the resident memory of ``pid`` and every descendant, in bytes."""
    total, todo = 0, [pid]
    while todo:
        current = todo.pop()
        try:
            with open(f"/proc/{current}/statm") as statm:
                total += int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
            for task in os.listdir(f"/proc/{current}/task"):
                with open(f"/proc/{current}/task/{task}/children") as children:
                    todo += [int(c) for c in children.read().split()]
        except (OSError, ValueError):
            continue
    return total


def index_in_child(args: argparse.Namespace, aside: Path) -> dict[str, Any]:
    """Index the corpus in a child process into a new folder in ``aside``; return its figures."""
    out = tempfile.mkdtemp(prefix="beslut-", dir=aside)
    command = [sys.executable, str(Path(__file__).resolve()), "--corpus", str(args.corpus)]
    command += ["--child", str(args.corpus), out, "--date", args.date, "--jobs", str(args.jobs)]
    with subprocess.Popen(command, stdout=subprocess.PIPE, cwd=REPO) as proc:
        assert proc.stdout is not None
        before = json.loads(proc.stdout.readline())["loaded_bytes"]  # the site is loaded: indexing begins
        sampler = Sampler(proc.pid)
        result: dict[str, Any] = json.loads(proc.stdout.read())
        peak = sampler.stop()
    result["peak_mb"], result["index_mb"] = peak / 2**20, (peak - before) / 2**20
    files = [p for p in Path(out).rglob("*") if p.is_file()]
    result["output_mb"] = sum(p.stat().st_size for p in files) / 2**20
    # What every first search loads whatever its words: each bundle's entry and metadata.
    result["metadata_kb"] = sum(p.stat().st_size for p in files if p.name.endswith(FIRST)) / 1024
    return result


def child(site: Path, out: Path, day: str, jobs: int) -> int:
    """Load ``site``, then index it into ``out``; print the figures as JSON (runs in the child)."""
    sys.path.insert(0, str(REPO))
    from generator.build import BuildOptions, BuildResult, load_site
    from generator.load.memo import Memo
    from generator.outputs.search import index_site

    result = BuildResult()
    options = BuildOptions(site, write=False, build_date=dt.date.fromisoformat(day))
    loaded = load_site(options, result, Memo(enabled=False))
    assert loaded is not None, [d.format() for d in result.diagnostics]
    print(json.dumps({"loaded_bytes": tree_rss(os.getpid())}), flush=True)
    times, start = os.times(), time.perf_counter()
    problems, report = index_site(loaded.site, loaded.translator, out / "pagefind", [], jobs=jobs)
    seconds, after = time.perf_counter() - start, os.times()
    own, pagefind = [sum(after[i : i + 2]) - sum(times[i : i + 2]) for i in (0, 2)]
    figures = {
        "records": report.records,
        "bundles": len(report.built),
        "seconds": seconds,
        "cpu_seconds": own + pagefind,
        "cpu_python": own,
        "cpu_pagefind": pagefind,
        # No index made by Pagefind from these records, each indexed once, can take less: its own CPU
        # time spread evenly over every core of the machine.
        "floor_seconds": pagefind / len(os.sched_getaffinity(0)),
        "problems": [p.format() for p in problems],
    }
    print(json.dumps(figures))
    return 0


def pagefind_over(site: Path, aside: Path) -> dict[str, Any]:
    """Run Pagefind over a built site into a new folder in ``aside``; return its time, CPU and peak memory."""
    sys.path.insert(0, str(REPO))
    from pagefind.service import get_executable

    out = tempfile.mkdtemp(prefix="hugo-", dir=aside)
    command = [str(get_executable()), "--site", str(site), "--output-path", out, "--silent"]
    start = time.perf_counter()
    with subprocess.Popen(command) as proc:
        sampler = Sampler(proc.pid)
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
    seconds, peak = time.perf_counter() - start, sampler.stop()
    size = sum(p.stat().st_size for p in Path(out).rglob("*") if p.is_file())
    return {
        "seconds": seconds,
        "cpu_seconds": usage.ru_utime + usage.ru_stime,
        "peak_mb": max(peak, usage.ru_maxrss * 1024) / 2**20,
        "output_mb": size / 2**20,
    }


def summarize(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """Return each figure's median and range, and the pair-by-pair ratios against Hugo's Pagefind."""

    def spread(values: list[float]) -> dict[str, float]:
        return {"median": statistics.median(values), "min": min(values), "max": max(values)}

    summary: dict[str, Any] = {"runs": rows}
    for side in ("ours", "hugo"):
        if all(row[side] for row in rows):
            keys = ("seconds", "cpu_seconds", "peak_mb")
            keys += ("index_mb", "cpu_pagefind", "cpu_python", "floor_seconds") if side == "ours" else ()
            summary[side] = {key: spread([row[side][key] for row in rows]) for key in keys}
    if all(row["hugo"] for row in rows):
        summary["ratio"] = {
            key: spread([row["ours"][key] / row["hugo"][key] for row in rows])
            for key in ("seconds", "cpu_seconds", "peak_mb")
        }
        summary["ratio"]["floor_seconds"] = spread(
            [row["ours"]["floor_seconds"] / row["hugo"]["seconds"] for row in rows]
        )
    return summary


def transfer(site_out: Path, queries: list[str]) -> dict[str, Any]:
    """Serve a built site and weigh a first search for each query in a fresh Chromium context."""
    sys.path.insert(0, str(REPO))
    from playwright.sync_api import sync_playwright

    from generator.preview.serve import start_server
    from tests.browser.sites import CHROMIUM, CHROMIUM_ARGS
    from tests.browser.transfer import first_search

    # Serve the site at the base path it was built for (site.yaml's base_url), as its host would.
    page = (site_out / "sok" / "index.html").read_text(encoding="utf-8")
    base = re.search(r'data-bundle="([^"]*)pagefind/"', page)
    assert base is not None, "sok/index.html has no search form"
    root = Path(tempfile.mkdtemp(prefix="beslut-search-bench-www-"))
    served = root / base[1].strip("/") if base[1].strip("/") else root
    if served != root:
        served.parent.mkdir(parents=True, exist_ok=True)
        served.symlink_to(site_out.resolve(), target_is_directory=True)
    server = start_server(root if served != root else site_out, port=0)
    site_url = server.url + base[1].lstrip("/")
    weighed: dict[str, Any] = {}
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            for query in queries:
                context = browser.new_context(locale="sv-SE")
                found = first_search(context.new_page(), site_url, query)
                kinds = {kind: round(size / 1024) for kind, size in found.by_kind().items()}
                weighed[query] = {
                    "kb": round(found.total / 1024),
                    "kb_gzip_host": round(found.total_gzipped / 1024),
                    **kinds,
                }
                context.close()
            browser.close()
    finally:
        server.stop()
        shutil.rmtree(root, ignore_errors=True)
    totals = [w["kb"] for w in weighed.values()]
    return {
        "queries": weighed,
        "kb": {"median": statistics.median(totals), "min": min(totals), "max": max(totals)},
    }


if __name__ == "__main__":
    sys.exit(main())
