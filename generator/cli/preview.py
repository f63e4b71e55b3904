"""The command line of writing and previewing: ``beslut serve`` and ``beslut new`` (these print)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from generator.base.diagnostics import Diagnostic, errors_in, summarize_failure
from generator.cli.args import parse_date
from generator.config.settings import load_config
from generator.load.cache import CACHE_DIR
from generator.model.publishing import build_day

if TYPE_CHECKING:
    from generator.preview.rebuild import Rebuild

PREVIEW_PORT = 8000


def serve(args: argparse.Namespace) -> int:
    """Build, serve and watch the site until interrupted; every later build is reported as it ends."""
    from generator.preview.session import PreviewSession

    if not (args.site / "site.yaml").is_file():  # not a site at all: a wrong folder, not an edit to show
        problems = load_config(args.site)
        return _fail(problems if isinstance(problems, list) else [])
    out = args.out or args.site / ".beslut-preview"
    session = PreviewSession(
        args.site,
        out,
        args.host,
        args.port,
        poll=args.poll,
        build_date=args.date,
        report=_Reporter(args.format).report,
        cache=None if args.no_cache else args.cache or args.site / CACHE_DIR,
    )
    try:
        session.start()
    except OSError as exc:
        print(
            f"beslut: kan inte lyssna på {args.host}:{args.port} ({exc.strerror}); "
            "välj en annan port med --port",
            file=sys.stderr,
        )
        return 1
    how = "letar efter ändringar varje halvsekund" if args.poll else "bevakar ändringar"
    print(f"Förhandsvisning på {session.url} ({how}; avsluta med Ctrl+C)", flush=True)
    try:
        session.stopping.wait()
    except KeyboardInterrupt:
        pass
    finally:
        session.stop()
    return 0


class _Reporter:
    """Prints each preview build: its errors every time, its warnings when they changed, one summary line."""

    def __init__(self, fmt: str) -> None:
        self.fmt = fmt
        self.warnings: list[Diagnostic] = []

    def report(self, rebuild: Rebuild) -> None:
        """Print one build."""
        result = rebuild.result
        errors = errors_in(result.diagnostics)
        warnings = [d for d in result.diagnostics if d not in errors]
        shown = errors + (warnings if warnings != self.warnings else [])
        self.warnings = warnings
        for diagnostic in sorted(shown, key=Diagnostic.sort_key):
            print(diagnostic.to_json() if self.fmt == "json" else diagnostic.format(), file=sys.stderr)
        if self.fmt == "json":
            return
        if errors:
            print(summarize_failure(errors) + " (förhandsvisningen visar den senaste fungerande versionen)")
        else:
            print(
                f"Byggt på {result.seconds:.2f} s: {rebuild.rendered} sidor nya, "
                f"{rebuild.kept} oförändrade, {rebuild.files_read} filer lästa, {len(warnings)} varningar",
                flush=True,
            )


def add_new_command(sub: Any) -> None:
    """Add ``beslut new TYP [TITEL] --nämnd ... --datum ...`` to the command parsers."""
    n = sub.add_parser(
        "new",
        add_help=False,
        help="skapa en ny post",
        description="Skriver en ny, giltig post under content/ och visar dess adress i förhandsvisningen.",
    )
    n.add_argument("-h", "--help", action="help", help="visa den här hjälpen och avsluta")
    n.add_argument("typ", metavar="TYP", help="dokumenttyp, t.ex. protokollsutdrag, tjänsteskrivelse, nyhet")
    n.add_argument("titel", nargs="?", metavar="TITEL", help="ärendemening eller rubrik (eller --titel)")
    n.add_argument("--titel", dest="titel_option", metavar="TEXT", help="ärendemening eller rubrik")
    n.add_argument(
        "--nämnd", "--namnd", dest="namnd", metavar="NÄMND", help="nämndens namn eller förkortning"
    )
    n.add_argument(
        "--datum", type=parse_date, metavar="ÅÅÅÅ-MM-DD", help="sammanträdesdatum (standard: idag)"
    )
    n.add_argument("--paragraf", metavar="NR", help="paragrafnummer, t.ex. 12 eller 12a")
    n.add_argument("--diarienummer", metavar="DNR", help="diarienummer, t.ex. KS-2025/12")
    n.add_argument("--organisation", metavar="NAMN", help="organisationen (standard: den första i site.yaml)")
    n.add_argument(
        "--site", type=Path, default=Path("."), metavar="MAPP", help="webbplatsens mapp (standard: .)"
    )
    n.add_argument("--publicerad", action="store_true", help="skriv posten utan utkast: true")


def new_record(args: argparse.Namespace) -> int:
    """Write a new record; print its file and its preview address (1 if it cannot be made)."""
    from generator.authoring.newrecord import NewRecord, Planned, plan_record, write_record

    config = load_config(args.site)
    if isinstance(config, list):
        return _fail(config)
    titel = args.titel_option or args.titel
    if not titel:
        return _fail(
            [
                Diagnostic(
                    "--titel",
                    0,
                    0,
                    "titel",
                    "titel saknas",
                    'skriv titeln efter typen: beslut new TYP "Titel"',
                )
            ]
        )
    new = NewRecord(
        typ=args.typ,
        titel=titel,
        datum=build_day(args.datum, {}),
        namnd=args.namnd,
        paragraf=args.paragraf,
        diarienummer=args.diarienummer,
        organisation=args.organisation,
        draft=not args.publicerad,
    )
    planned = plan_record(new, config)
    if not isinstance(planned, Planned):
        return _fail(planned)
    refused = write_record(planned)
    if refused is not None:
        return _fail([refused])
    print(f"Skapade {planned.rel}")
    print(f"Förhandsvisning: http://127.0.0.1:{PREVIEW_PORT}/{planned.address} (med beslut serve)")
    return 0


def _fail(problems: list[Diagnostic]) -> int:
    for diagnostic in problems:
        print(diagnostic.format(), file=sys.stderr)
    print(summarize_failure(problems), file=sys.stderr)
    return 1
