"""The load stage over every file: front matter split, the personnummer guard, then validated records.

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
from generator.load.frontmatter import SplitRecord, split_front_matter
from generator.load.memo import Memo
from generator.load.privacy import allowed_numbers, scan_masks, scan_source
from generator.load.records import validate_record

Split = tuple[SourceFile, SplitRecord | list[Diagnostic]]
"""A file and its front matter as read (or the problems that kept it from being read)."""


def split_all(sources: Sequence[SourceFile], memo: Memo) -> list[Split]:
    """Return each file with its front matter split off and parsed, once for the stages below."""
    return [(source, memo.get(("delning", source), split_front_matter, source)) for source in sources]


def guard_privacy(config: SiteConfig, splits: Sequence[Split], day: dt.date, memo: Memo) -> list[Diagnostic]:
    """Return every personnummer and unmasked secret of every file (the law first).

    A number is reported under the front matter key it is written at, so the split is passed along.
    """
    allowed, problems = allowed_numbers(config, day)
    for source, split in splits:
        problems += memo.get(("personnummer", source, day), scan_source, source, split, allowed, day)
        problems += memo.get(("maskering", source), scan_masks, source)
    return problems


def read_records(
    config: SiteConfig, splits: Sequence[Split], memo: Memo
) -> tuple[list[Record], list[Diagnostic]]:
    """Return the valid records of the files (in order) and every problem of every file."""
    records: list[Record] = []
    problems: list[Diagnostic] = []
    for source, split in splits:
        if isinstance(split, list):
            problems += split
            continue
        record, found = memo.get(("validera", source), validate_record, split, config)
        problems += found
        if record is not None:
            records.append(record)
    return records, problems
