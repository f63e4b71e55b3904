"""The load stage over every file: front matter to validated records, and the personnummer guard.

Per-file work goes through the memo, keyed by every input it reads (see ``memo.py``), so the preview
and a build with a cache redo only what changed; what is left to do is done by the worker processes.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Sequence
from dataclasses import dataclass

from generator.base.diagnostics import Diagnostic
from generator.base.record import Record
from generator.base.sources import SourceFile
from generator.base.workers import Workers
from generator.config.settings import RecordRules, SiteConfig
from generator.load.frontmatter import split_front_matter
from generator.load.memo import Memo
from generator.load.personnummer import may_hold_numbers
from generator.load.privacy import allowed_numbers, scan_masks, scan_source
from generator.load.records import validate_record


@dataclass(frozen=True)
class FileCheck:
    """What one record file gives, apart from the personnummer scan (which depends on the build day)."""

    record: Record | None
    """The record, when it is usable."""
    problems: list[Diagnostic]
    """Its secrecy markers', front matter's and fields' problems."""
    holds_numbers: bool
    """Whether its text could hold a personnummer (see ``personnummer.may_hold_numbers``)."""


@dataclass(frozen=True)
class CheckedFiles:
    """Every file's record and problems, and the files that the personnummer guard must read."""

    records: list[Record]
    problems: list[Diagnostic]
    with_numbers: list[SourceFile]


def check_file(source: SourceFile, rules: RecordRules) -> FileCheck:
    """Return the record of ``source`` and every problem in it but a personnummer.

    It reads nothing but the file and ``rules`` (and whether the attachments it names are there): the
    memo and the build cache key its result by those.
    """
    masks = scan_masks(source)
    holds_numbers = may_hold_numbers(source.text)
    split = split_front_matter(source)
    if isinstance(split, list):
        return FileCheck(None, masks + split, holds_numbers)
    record, problems = validate_record(split, rules)
    return FileCheck(record, masks + problems, holds_numbers)


def check_files(
    config: SiteConfig, sources: Sequence[SourceFile], memo: Memo, workers: Workers
) -> CheckedFiles:
    """Return the valid records of ``sources`` (in order) and every problem of every file."""
    checks = memo.map("fil", sources, functools.partial(check_file, rules=config.rules), workers)
    records = [c.record for c in checks if c.record is not None]
    problems = [p for c in checks for p in c.problems]
    with_numbers = [s for s, c in zip(sources, checks, strict=True) if c.holds_numbers]
    return CheckedFiles(records, problems, with_numbers)


def guard_privacy(
    config: SiteConfig, sources: Sequence[SourceFile], day: dt.date, workers: Workers
) -> list[Diagnostic]:
    """Return every personnummer in ``sources`` that site.yaml does not allow on ``day``.

    A number is reported under the front matter key it is written at, so each file's front matter is
    read again (only files that may hold a number come here).
    """
    allowed, problems = allowed_numbers(config, day)

    def scan(source: SourceFile) -> list[Diagnostic]:
        return scan_source(source, split_front_matter(source), allowed, day)

    return problems + [p for found in workers.map(scan, sources, chunk=16) for p in found]
