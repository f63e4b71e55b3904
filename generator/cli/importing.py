"""``beslut import FIL...``: existing documents become records; per file, what was found and where it went."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from generator.base.diagnostics import Diagnostic
from generator.config.settings import load_config
from generator.model.publishing import build_day

_SHOWN = 72
"""How much of a long value the text report shows."""


def add_import_command(sub: Any) -> None:
    """Add ``beslut import FIL... [--site MAPP] [--organisation O] [--nämnd N] [--typ T] …``."""
    p = sub.add_parser(
        "import",
        add_help=False,
        help="gör poster av befintliga dokument (.txt, .md, .docx, .pdf)",
        description="Läser protokoll, protokollsutdrag, tjänsteskrivelser, utlåtanden och nyheter och "
        "skriver dem som poster under content/ (som utkast), där beslut new skulle lägga dem. Befintliga "
        "filer skrivs aldrig över. Ett protokoll med flera paragrafer blir ett protokollsutdrag per "
        "paragraf.",
    )
    p.add_argument("-h", "--help", action="help", help="visa den här hjälpen och avsluta")
    p.add_argument(
        "files", nargs="+", type=Path, metavar="FIL", help="filer att importera (.txt, .md, .docx, .pdf)"
    )
    p.add_argument(
        "--site", type=Path, default=Path("."), metavar="MAPP", help="webbplatsens mapp (standard: .)"
    )
    p.add_argument("--organisation", metavar="O", help="organisationen, när källan inte namnger den")
    p.add_argument("--nämnd", "--namnd", dest="namnd", metavar="N", help="nämndens namn eller förkortning")
    p.add_argument("--typ", metavar="T", help="dokumenttyp, t.ex. protokollsutdrag, tjänsteskrivelse, nyhet")
    p.add_argument("--publicerad", action="store_true", help="skriv posterna utan utkast: true")
    p.add_argument(
        "--maskera-personnummer",
        dest="mask",
        action="store_true",
        help="ersätt personnummer och samordningsnummer med en maskering i stället för att stoppa filen",
    )
    p.add_argument(
        "--bifoga-protokoll",
        dest="attach",
        action="store_true",
        help="spara ett helt protokoll (flera §§) som bilaga till en post av typen protokoll",
    )
    p.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="rapportens form: text eller json (en rad per fil)",
    )


def import_files(args: argparse.Namespace) -> int:
    """Import every file; print per file what was found and where it went (1 if any file failed)."""
    from generator.importer.infer import Given
    from generator.importer.run import ImportOptions, existing_addresses, import_file

    config = load_config(args.site)
    if isinstance(config, list):
        for diagnostic in config:
            print(diagnostic.format(), file=sys.stderr)
        return 1
    options = ImportOptions(
        given=Given(args.typ, args.organisation, args.namnd),
        draft=not args.publicerad,
        mask=args.mask,
        attach=args.attach,
        day=build_day(None, {}),
    )
    existing = existing_addresses(config)
    failed = written = already = 0
    for path in args.files:
        report = import_file(path, str(path), config, options, existing)
        failed += bool(report.problems)
        written += sum(o.status.name == "WRITTEN" for o in report.records)
        already += sum(o.status.name == "ALREADY" for o in report.records)
        print(json.dumps(_as_json(report), ensure_ascii=False) if args.format == "json" else _as_text(report))
        for problem in report.problems:
            if args.format == "text":
                print(problem.format(), file=sys.stderr)
    if args.format == "text":
        files = len(args.files)
        print(
            f"Klart: {written} poster skrivna, {already} redan importerade, "
            f"{files - failed} av {files} filer importerade"
            + (f"; {failed} {'fil' if failed == 1 else 'filer'} med fel" if failed else "")
        )
    return 1 if failed else 0


def _as_text(report: Any) -> str:
    """Return a file's report for a person: each record, the values found (with their lines), the to-dos."""
    lines: list[str] = []
    if report.problems:
        lines.append(f"{report.path}: importerades inte")
    for outcome in report.records:
        f = outcome.findings
        lines.append(f"{report.path}: {f.get('typ')} → {outcome.rel} ({outcome.status.value})")
        lines.append(f"    adress: /{outcome.address}")
        for found in f.values.values():
            where = f" ({found.line.where()})" if found.line is not None else " (angivet)"
            lines.append(f"    {found.key}{where}: {_short(found.value)}")
        lines += [f"    att fylla i: {t.key}: {t.hint}" for t in f.todos]
    lines += [f"    obs: {note}" for note in report.notes]
    return "\n".join(lines)


def _short(value: Any) -> str:
    """Return a value on one line, cut to a readable length."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        text = "; ".join(v.get("namn", "") if isinstance(v, dict) else str(v) for v in value)
    elif isinstance(value, tuple):
        text = " ".join(str(v) for v in value if v is not None)
    else:
        text = str(value)
    text = " ".join(text.split())
    return text if len(text) <= _SHOWN else text[: _SHOWN - 1] + "…"


def _as_json(report: Any) -> dict[str, Any]:
    """Return a file's report as one JSON object (for scripts and CI)."""
    return {
        "fil": report.path,
        "importerad": not report.problems,
        "poster": [
            {
                "status": o.status.value,
                "fil": o.rel,
                "adress": "/" + o.address,
                "funnet": {
                    k: {"värde": _short(v.value), "var": v.line.where() if v.line else "angivet"}
                    for k, v in o.findings.values.items()
                },
                "att_fylla_i": [{"nyckel": t.key, "tips": t.hint} for t in o.findings.todos],
            }
            for o in report.records
        ],
        "fel": [json.loads(Diagnostic.to_json(d)) for d in report.problems],
        "obs": list(report.notes),
    }
