"""The command line: the only module that prints."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from generator import __version__
from generator.base.diagnostics import Severity, errors_in, summarize_failure
from generator.base.workers import default_jobs
from generator.build import BuildOptions, BuildResult, build
from generator.cli.annotations import github_command, gitlab_report
from generator.cli.args import Parser, parse_date, parse_jobs
from generator.cli.importing import add_import_command, import_files
from generator.cli.init import add_init_command, init_site
from generator.cli.preview import add_new_command, new_record, serve
from generator.cli.progress import TerminalProgress, stage_times
from generator.load.cache import CACHE_DIR
from generator.outputs.noticelist import NoticeChanges


def make_parser() -> argparse.ArgumentParser:
    """Return the parser of every command."""
    parser = Parser(
        prog="beslut", description="Bygger en statisk webbplats av kommunala beslut.", add_help=False
    )
    parser.add_argument("-h", "--help", action="help", help="visa den här hjälpen och avsluta")
    parser.add_argument(
        "--version", action="version", version=f"beslut {__version__}", help="visa versionen och avsluta"
    )
    sub = parser.add_subparsers(dest="command", metavar="KOMMANDO", parser_class=Parser)
    sub.required = True
    common = Parser(add_help=False)
    common.add_argument(
        "site",
        nargs="?",
        default=".",
        type=Path,
        metavar="MAPP",
        help="webbplatsens mapp (där site.yaml ligger); standard: .",
    )
    common.add_argument("--drafts", action="store_true", help="ta med utkast (utkast: true)")
    common.add_argument(
        "--date",
        type=parse_date,
        metavar="ÅÅÅÅ-MM-DD",
        help="byggdagen (standard: demo_date i site.yaml, annars SOURCE_DATE_EPOCH, annars idag)",
    )
    common.add_argument("--strict", action="store_true", help="behandla varningar som fel (för CI)")
    common.add_argument(
        "--cache",
        type=Path,
        metavar="MAPP",
        help=f"byggcachens mapp (standard: {CACHE_DIR} i webbplatsens mapp); bara det som ändrats görs om",
    )
    common.add_argument("--no-cache", action="store_true", help="bygg utan cache: läs och skriv ingen")
    common.add_argument("-h", "--help", action="help", help="visa den här hjälpen och avsluta")
    text_or_json = Parser(add_help=False)
    text_or_json.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="diagnostikens form: text eller json (en rad per fel)",
    )
    b = sub.add_parser(
        "build",
        parents=[common, ci_options(), work_options()],
        add_help=False,
        help="bygg webbplatsen",
        description="Bygger webbplatsen till utdatamappen.",
    )
    b.add_argument(
        "--out", type=Path, metavar="MAPP", help="utdatamapp (standard: output i site.yaml, annars public)"
    )
    s = sub.add_parser(
        "serve",
        parents=[common, text_or_json],
        add_help=False,
        help="bygg och visa webbplatsen lokalt",
        description="Bygger webbplatsen och visar den på http://127.0.0.1:PORT/.",
    )
    s.add_argument("--port", type=int, default=8000, help="port (standard: 8000; 0 väljer en ledig)")
    s.add_argument("--host", default="127.0.0.1", help="adress att lyssna på (standard: 127.0.0.1)")
    s.add_argument(
        "--out",
        type=Path,
        metavar="MAPP",
        help="var förhandsvisningen byggs (standard: .beslut-preview i webbplatsens mapp)",
    )
    s.add_argument(
        "--poll",
        action="store_true",
        help="leta efter ändringar varje halvsekund (nätverksmappar, containrar där ändringar inte märks)",
    )
    sub.add_parser(
        "check",
        parents=[common, ci_options(), work_options()],
        add_help=False,
        help="kontrollera allt innehåll utan att skriva något",
        description="Kontrollerar site.yaml och alla poster; skriver ingenting.",
    )
    add_new_command(sub)
    add_import_command(sub)
    add_init_command(sub)
    return parser


def work_options() -> Parser:
    """Return the options of build and check on how they work: processes and stage times."""
    jobs = Parser(add_help=False)
    jobs.add_argument(
        "-v",
        "--verbose",
        action="store_true",
        help="visa tiden för varje steg (och hur mycket som togs ur cachen) före sammanfattningen",
    )
    jobs.add_argument(
        "--jobs",
        type=parse_jobs,
        default=default_jobs(),
        metavar="N",
        help=f"antal processer som delar på arbetet (standard: datorns kärnor, här {default_jobs()})",
    )
    return jobs


def ci_options() -> Parser:
    """Return the options of build and check that serve CI: the form of the diagnostics and a report file."""
    ci = Parser(add_help=False)
    ci.add_argument(
        "--format",
        choices=("text", "json", "github", "gitlab"),
        default="text",
        help="diagnostikens form: text, json (en rad per fel), github (anteckningar i GitHub Actions) "
        "eller gitlab (en Code Quality-rapport till --report)",
    )
    ci.add_argument(
        "--report",
        type=Path,
        metavar="FIL",
        help="med --format gitlab: skriv rapporten (JSON) till FIL, t.ex. gl-code-quality-report.json",
    )
    return ci


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code (0 ok, 1 content errors, 2 wrong usage)."""
    parser = make_parser()
    args = parser.parse_args(argv)
    if args.command == "serve":
        return serve(args)
    if args.command == "new":
        return new_record(args)
    if args.command == "import":
        return import_files(args)
    if args.command == "init":
        return init_site(args)
    if (args.format == "gitlab") != (args.report is not None):
        parser.error("--format gitlab och --report FIL hör ihop: ange båda eller ingen av dem")
    options = BuildOptions(
        site_dir=args.site,
        out=getattr(args, "out", None),
        strict=args.strict,
        drafts=args.drafts,
        build_date=args.date,
        write=args.command == "build",
        jobs=args.jobs,
        cache=None if args.no_cache else args.cache or args.site / CACHE_DIR,
    )
    progress = TerminalProgress(sys.stderr) if args.format == "text" and sys.stderr.isatty() else None
    result = build(options, listener=progress)
    if progress is not None:
        progress.finish()
    written = args.report is None or write_report(args.report, gitlab_report(result.diagnostics, args.site))
    report(result, args.command, args.format, args.strict, args.site, args.verbose)
    return 0 if result.ok and written else 1


def write_report(path: Path, text: str) -> bool:
    """Write the CI report file; say so and return False when it cannot be written."""
    try:
        path.write_text(text, encoding="utf-8")
    except OSError as exc:
        print(
            f"beslut: kan inte skriva rapporten {path} ({exc.strerror}); välj en annan --report",
            file=sys.stderr,
        )
        return False
    return True


def report(
    result: BuildResult, command: str, fmt: str, strict: bool, site: Path, verbose: bool = False
) -> None:
    """Print every diagnostic, what changes soon, the stage times if asked for, and the summary.

    The summary ends the output.
    """
    out = sys.stderr
    for diagnostic in [*result.diagnostics, *result.cache_warnings]:
        if fmt == "github":
            print(github_command(diagnostic, site), flush=True)
        else:
            print(diagnostic.to_json() if fmt == "json" else diagnostic.format(), file=out)
    if fmt == "json":
        return
    if command == "check" and result.changes:
        print("Inom 30 dagar:")
        for change in result.changes:
            verb = "publiceras" if change.appears else "avpubliceras"
            print(f"  {change.day.isoformat()} {verb}: {change.record.rel} ({change.record.titel})")
    if verbose:
        print("\n".join(["Tid per steg:", *stage_times(result)]))
    fatal = errors_in(result.diagnostics, strict)
    if not result.ok:
        print(summarize_failure(fatal or result.diagnostics), file=out)
        return
    warnings = sum(d.severity is Severity.WARNING for d in result.diagnostics)
    if result.notices is not None:
        print(notice_summary(result.notices))
    done = "Klart" if command == "build" else "Inga fel"
    where = f" i {result.output}" if result.output else ""
    counts = f"{result.records} poster, {result.pages} sidor, {warnings} varningar"
    print(f"{done}: {counts}, {result.seconds:.1f} s{where}")


def notice_summary(notices: NoticeChanges) -> str:
    """Return the line on the notice board: how many notices are up, and what changed since the last build."""
    line = f"Anslagstavlan: {notices.up} anslag uppe"
    if notices.posted is None or notices.removed is None:
        return line + " (inget tidigare bygge att jämföra med)"
    return line + f"; sedan förra bygget har {notices.posted} satts upp och {notices.removed} tagits ner"


if __name__ == "__main__":
    sys.exit(main())
