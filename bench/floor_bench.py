"""Point 1's floor: the least a cold build without search can take with the mandated stack, beside Hugo.

    python bench/floor_bench.py --size 10000 [--repeat 2] [--append bench/results.md]
    python bench/floor_bench.py --corpus DIR            # a site made elsewhere, with peer/ for Hugo

The site is built once (not timed) into a folder of its own, and its pages' views are made (not timed).
Then each part of the floor is timed in CPU seconds:

- libyaml (PyYAML's ``CSafeLoader``) reads every record's front matter;
- markdown-it-py (the CommonMark preset with tables, as the build has it, and no plugin of ours) renders
  every Markdown text of every record: its body and its ``beslut``;
- Jinja renders every page of the site through the theme, from the views made before;
- ``cp -r`` writes the built output's files once more, into a new folder (the kernel's time included).

Their sum, spread perfectly over the machine's cores, is what a build doing nothing else would take: no
checks, no privacy guard, no links, no feeds, calendars or open data, no cache. Each run pairs it with
Hugo's clean build of the same records (A B A B), and the ratio is the floor of point 1's target
(≤ 1.0 × Hugo). No timed run follows a removal (``measure.SetAside``).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import measure

REPO = Path(__file__).resolve().parents[1]
TARGET = 1.0
"""Point 1's target without search: the cold build within Hugo's clean build of the same records."""
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

import yaml  # noqa: E402
from markdown_it import MarkdownIt  # noqa: E402

from bench import hugo_peer  # noqa: E402
from bench.corpora import generated, given, record_count  # noqa: E402
from generator.build import BuildOptions, build  # noqa: E402
from generator.pages.jobs import page_jobs  # noqa: E402
from generator.pages.render import make_environment, render_page  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    """Measure the floor and print (and with ``--append`` add) its section."""
    args = parse_args(argv)
    site = generated(args.size, args.work, args.day) if args.size else given(args.corpus)
    work = args.work / f"floor-{site.name}"
    aside = measure.SetAside(work / "aside")
    try:
        built = work / "built"
        aside.clear(built)
        parts = library_parts(site, built, args.day)
        # make bench's other scripts remove their folders as they end: no timed run right after that.
        time.sleep(measure.SETTLE)
        runs = [measured_run(site, built, work, aside, parts) for _ in range(args.repeat)]
    finally:
        aside.empty(settle=False)
    text = markdown(record_count(site), parts, runs, args)
    print(text)
    if args.append:
        with args.append.open("a", encoding="utf-8") as results:
            results.write("\n" + text + "\n")
    return 0


def library_parts(site: Path, built: Path, day: dt.date) -> dict[str, float]:
    """Build ``site`` into ``built`` (not timed); return the CPU seconds of libyaml, markdown-it-py, Jinja."""
    result = build(BuildOptions(site, out=built, build_date=day, search=False))
    if not result.ok or result.loaded is None:
        errors = [d.format() for d in result.diagnostics if d.severity.name == "ERROR"][:5]
        raise SystemExit(f"floor_bench: bygget av {site} misslyckades, golvet kan inte mätas: {errors}")
    heads, texts = front_matters_and_texts(site)
    parser = MarkdownIt("commonmark", {"html": False, "typographer": False}).enable("table")
    t = result.loaded.settings.translator
    env = make_environment(result.loaded.settings.theme, t)
    jobs = [make() for make in page_jobs(result.loaded.site, t)]
    yaml_cpu = cpu_of(lambda: [yaml.load(head, Loader=yaml.CSafeLoader) for head in heads])
    markdown_cpu = cpu_of(lambda: [parser.render(text) for text in texts])
    jinja_cpu = cpu_of(lambda: [render_page(env, job) for job in jobs])
    return {"libyaml": yaml_cpu, "markdown-it-py": markdown_cpu, "Jinja": jinja_cpu, "pages": len(jobs)}


def front_matters_and_texts(site: Path) -> tuple[list[str], list[str]]:
    """Return every record's front matter, and every Markdown text of the records (body and beslut)."""
    heads, texts = [], []
    for file in sorted((site / "content").rglob("*.md")):
        _, head, body = file.read_text(encoding="utf-8").split("---\n", 2)
        heads.append(head)
        texts.append(body)
        decision = yaml.load(head, Loader=yaml.CSafeLoader).get("beslut")
        if isinstance(decision, str):
            texts.append(decision)
    return heads, texts


def cpu_of(work: Callable[[], object]) -> float:
    """Return the CPU seconds (user and system) this process spends on ``work()``."""
    start = time.process_time()
    work()
    return time.process_time() - start


def measured_run(
    site: Path, built: Path, work: Path, aside: measure.SetAside, parts: dict[str, float]
) -> dict[str, float]:
    """Time ``cp -r`` of the output and Hugo's clean build, each into a folder nothing was removed from."""
    copy, hugo_out = work / "copy", work / "hugo"
    aside.clear(copy)
    aside.clear(hugo_out)
    before = os.times()
    subprocess.run(["cp", "-r", str(built), str(copy)], check=True)
    after = os.times()
    copy_cpu = after.children_user + after.children_system - before.children_user - before.children_system
    hugo = hugo_peer.build(site / "peer", hugo_out)
    cores = len(os.sched_getaffinity(0))
    total = parts["libyaml"] + parts["markdown-it-py"] + parts["Jinja"] + copy_cpu
    return {"cp -r": copy_cpu, "sum": total, "floor": total / cores, "hugo": hugo.seconds, "cores": cores}


def markdown(
    records: int, parts: dict[str, float], runs: list[dict[str, float]], args: argparse.Namespace
) -> str:
    """Return point 1's floor as a section of bench/results.md."""

    def cell(values: list[float], digits: int = 2) -> str:
        low, mid, high = min(values), statistics.median(values), max(values)
        return f"{mid:.{digits}f} ({low:.{digits}f}–{high:.{digits}f})"

    ratios = [run["floor"] / run["hugo"] for run in runs]
    # A floor just under the target still leaves next to nothing for the rest of a build: say how much.
    share = statistics.median(ratios) / TARGET
    met = f"floor at {share:.0%} of the target"
    how = f"--size {args.size}" if args.size else f"--corpus {args.corpus.name}"
    return "\n".join(
        [
            f"## Point 1: the floor of the cold build without search, {records:,} records",
            "",
            f"`python bench/floor_bench.py {how} --repeat {args.repeat}`: the mandated libraries' CPU"
            f" on this site's {records:,} records and {int(parts['pages']):,} pages, and the kernel's"
            " writing its output's files, summed and spread perfectly over the"
            f" {runs[0]['cores']:.0f} cores; nothing else of a build. Each run beside Hugo's clean build.",
            "",
            "| part | CPU s |",
            "|---|---:|",
            f"| libyaml: every front matter | {parts['libyaml']:.2f} |",
            f"| markdown-it-py: every body and decision text | {parts['markdown-it-py']:.2f} |",
            f"| Jinja: every page through the theme | {parts['Jinja']:.2f} |",
            f"| `cp -r`: the output's files written again | {cell([run['cp -r'] for run in runs])} |",
            f"| sum | {cell([run['sum'] for run in runs])} |",
            "",
            "| figure | s | Hugo's clean build, s | × Hugo | target | met |",
            "|---|---:|---:|---:|---|---|",
            f"| the floor: the sum over {runs[0]['cores']:.0f} cores | {cell([run['floor'] for run in runs])}"
            f" | {cell([run['hugo'] for run in runs])} | {cell(ratios)} | ≤ {TARGET} × | {met} |",
        ]
    )


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, help="a generated corpus of N records")
    parser.add_argument("--corpus", type=Path, help="a site made elsewhere (site.yaml, content/, peer/)")
    parser.add_argument("--repeat", type=int, default=2, help="runs, each paired with Hugo's build")
    parser.add_argument("--work", type=Path, default=Path("/tmp/beslut-bench"), help="corpora and outputs")
    parser.add_argument("--date", default="2026-11-22", help="the build date")
    parser.add_argument("--append", type=Path, help="add the section to this file (bench/results.md)")
    args = parser.parse_args(argv)
    if not args.corpus and not args.size:
        parser.error("--corpus eller --size behövs")
    args.day = dt.date.fromisoformat(args.date)
    return args


if __name__ == "__main__":
    sys.exit(main())
