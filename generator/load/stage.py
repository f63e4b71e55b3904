"""The load stage over every file: the personnummer guard, then front matter to validated records.

Per-file work goes through the memo, keyed by every input it reads (see ``memo.py``), so the preview
redoes only what a save changed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from generator.base.diagnostics import Diagnostic
from generator.base.record import Record
from generator.base.sources import SourceFile
from generator.config.settings import SiteConfig
from generator.load.frontmatter import split_front_matter
from generator.load.memo import Memo
from generator.load.privacy import allowed_numbers, scan_masks, scan_source
from generator.load.records import validate_record


def guard_privacy(
    config: SiteConfig, sources: Sequence[SourceFile], day: dt.date, memo: Memo
) -> list[Diagnostic]:
    """Return every personnummer and unmasked secret of every file (the law first)."""
    allowed, problems = allowed_numbers(config, day)
    for source in sources:
        problems += memo.get(("personnummer", source, day), scan_source, source, allowed, day)
        problems += memo.get(("maskering", source), scan_masks, source)
    return problems


def read_records(
    config: SiteConfig, sources: Sequence[SourceFile], memo: Memo
) -> tuple[list[Record], list[Diagnostic]]:
    """Return the valid records of ``sources`` (in order) and every problem of every file."""
    records: list[Record] = []
    problems: list[Diagnostic] = []
    for source in sources:
        split = memo.get(("delning", source), split_front_matter, source)
        if isinstance(split, list):
            problems += split
            continue
        record, found = memo.get(("validera", source), validate_record, split, config)
        problems += found
        if record is not None:
            records.append(record)
    return records, problems
