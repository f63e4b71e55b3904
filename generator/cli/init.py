"""The command line of ``beslut init``: a new site in a new folder, and the next three commands."""

from __future__ import annotations

import argparse
import os
import shlex
import sys
from pathlib import Path
from typing import Any

from generator.authoring.init import (
    CI_CHOICES,
    CI_FILES,
    DEFAULT_ORGANISATION,
    DEFAULT_URL,
    NewSite,
    SiteFile,
    plan_site,
    refuse_folder,
    write_site,
)
from generator.base.diagnostics import Diagnostic, summarize_failure
from generator.model.publishing import build_day


def add_init_command(sub: Any) -> None:
    """Add ``beslut init [MAPP] [--organisation NAMN] [--url URL] [--ci github|gitlab|ingen]``."""
    n = sub.add_parser(
        "init",
        add_help=False,
        help="skapa en ny webbplats",
        description="Skriver en ny webbplats i en tom mapp: site.yaml med kommentarer, en exempelpost per "
        "dokumenttyp, .gitignore och CI-filer som bygger varje natt och publicerar från standardgrenen.",
    )
    n.add_argument("-h", "--help", action="help", help="visa den här hjälpen och avsluta")
    n.add_argument(
        "folder",
        nargs="?",
        default=Path("."),
        type=Path,
        metavar="MAPP",
        help="den nya webbplatsens mapp; den får inte finnas eller ska vara tom (standard: .)",
    )
    n.add_argument(
        "--organisation",
        default=DEFAULT_ORGANISATION,
        metavar="NAMN",
        help=f'kommunen, regionen eller förbundet, t.ex. "Sjöviks kommun" (standard: {DEFAULT_ORGANISATION})',
    )
    n.add_argument(
        "--url",
        default=DEFAULT_URL,
        metavar="URL",
        help=f"adressen webbplatsen publiceras på (standard: {DEFAULT_URL})",
    )
    n.add_argument(
        "--ci",
        choices=CI_CHOICES,
        default="github",
        help="CI-filer att skriva: github (GitHub Actions och Pages), gitlab (GitLab CI och Pages) "
        "eller ingen (standard: github)",
    )


def init_site(args: argparse.Namespace) -> int:
    """Write the new site; print what was written and the next three commands (1 if it cannot be made)."""
    folder: Path = args.folder
    refused = refuse_folder(folder)
    if refused is not None:
        return _fail([refused])
    if not args.organisation.strip():
        return _fail(
            [
                Diagnostic(
                    "--organisation",
                    0,
                    0,
                    "organisation",
                    "namnet är tomt",
                    'skriv t.ex. --organisation "Sjöviks kommun"',
                )
            ]
        )
    new = NewSite(
        organisation=args.organisation.strip(), url=args.url, ci=args.ci, day=build_day(None, os.environ)
    )
    files = plan_site(new)
    if not all(isinstance(f, SiteFile) for f in files):
        return _fail([f for f in files if isinstance(f, Diagnostic)])
    site_files = [f for f in files if isinstance(f, SiteFile)]
    refused = write_site(folder, site_files)
    if refused is not None:
        return _fail([refused])
    print(f"Skapade en ny webbplats för {new.organisation} i {folder} ({len(site_files)} filer).")
    if new.ci in CI_FILES:
        where = CI_FILES[new.ci][1]
        print(f"CI: {where} bygger vid varje ändring och varje natt (se docs/publicera.md i beslut).")
    print("Gå igenom raderna märkta ÄNDRA i site.yaml. Sedan:")
    for command, why in next_commands(folder):
        print(f"  {command:<52} # {why}")
    return 0


def next_commands(folder: Path) -> list[tuple[str, str]]:
    """Return the next three commands and what each does: look at the site, check it, version it."""
    here = folder.resolve() == Path.cwd().resolve()
    site = "" if here else " " + shlex.quote(str(folder))
    git = "git" if here else f"git -C {shlex.quote(str(folder))}"
    return [
        (f"beslut serve{site}", "förhandsvisa på http://127.0.0.1:8000/"),
        (f"beslut build{site}", "bygg webbplatsen till public/"),
        (f'{git} init && {git} add -A && {git} commit -m "Ny webbplats"', "versionshantera, och pusha sedan"),
    ]


def _fail(problems: list[Diagnostic]) -> int:
    for diagnostic in problems:
        print(diagnostic.format(), file=sys.stderr)
    print(summarize_failure(problems), file=sys.stderr)
    return 1
