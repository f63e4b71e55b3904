"""Argument parsing shared by every command: Swedish help, Swedish usage errors, typed values."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from typing import Any


class Formatter(argparse.HelpFormatter):
    """argparse's help layout with Swedish headings."""

    def add_usage(self, usage: str | None, actions: Any, groups: Any, prefix: str | None = None) -> None:
        super().add_usage(usage, actions, groups, "användning: " if prefix is None else prefix)

    def start_section(self, heading: str | None) -> None:
        swedish = {"positional arguments": "argument", "options": "flaggor"}
        super().start_section(swedish.get(heading, heading) if heading else heading)


class Parser(argparse.ArgumentParser):
    """argparse with Swedish messages for usage errors (exit code 2) and Swedish help."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", Formatter)
        super().__init__(*args, **kwargs)

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(2, f"beslut: fel: {translate(message)}\n")


def translate(message: str) -> str:
    for english, swedish in (
        ("the following arguments are required", "dessa argument krävs"),
        ("unrecognized arguments", "okända argument"),
        ("invalid choice", "ogiltigt val"),
        ("choose from", "välj bland"),
        ("expected one argument", "väntade ett värde"),
        ("not allowed with argument", "går inte att kombinera med"),
    ):
        message = message.replace(english, swedish)
    return message


def parse_date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f'"{text}" är inget datum; skriv ÅÅÅÅ-MM-DD, t.ex. 2026-01-15'
        ) from None


def parse_jobs(text: str) -> int:
    try:
        jobs = int(text)
    except ValueError:
        jobs = 0
    if jobs < 1:
        raise argparse.ArgumentTypeError(
            f'"{text}" är inget antal processer; skriv ett heltal från 1, t.ex. --jobs 2'
        )
    return jobs
