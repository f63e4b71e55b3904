"""The personnummer guard on imported text, before anything is written (the same rules as a build).

A valid personnummer or samordningsnummer stops the file, with its source line, unless the user asks
for masking: then each number becomes a visible secrecy marker, and the report says where.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from generator.importer.source import Line
from generator.load.personnummer import find_personnummer

MASK = "[[maskerat: OSL 21 kap. 7 §]]"
"""What a masked number becomes: the site shows it as a marker naming the provision."""


@dataclass(frozen=True)
class NumberFound:
    """A personnummer or samordningsnummer in the source, and where."""

    line: Line
    text: str
    kind: str


def find_numbers(lines: tuple[Line, ...], allowed: set[str], day: dt.date) -> list[NumberFound]:
    """Return every personnummer and samordningsnummer in the lines that site.yaml does not allow."""
    found = []
    for line in lines:
        for hit in find_personnummer(line.text, day):
            if hit.normalized not in allowed:
                kind = "samordningsnummer" if hit.is_samordningsnummer else "personnummer"
                found.append(NumberFound(line, hit.text, kind))
    return found


def mask_numbers(lines: tuple[Line, ...], allowed: set[str], day: dt.date) -> tuple[Line, ...]:
    """Return the lines with each number that is not allowed replaced by the secrecy marker."""
    masked = []
    for line in lines:
        text = line.text
        for hit in reversed(find_personnummer(text, day)):
            if hit.normalized not in allowed:
                text = text[: hit.start] + MASK + text[hit.end :]
        masked.append(replace(line, text=text))
    return tuple(masked)
