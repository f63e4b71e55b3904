"""Page furniture: what a printed page repeats and an export leaves behind, never content.

"Justerandes sign" and "Utdragsbestyrkande" boxes, rows of dashes, page numbers, and a header block
(organ, date, §, diarienummer) printed again at the top of every page. The first occurrence of a header
block stays: it is where the record's fields are read from.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from generator.importer.source import Line

_FURNITURE_WORDS = re.compile(
    r"(?i)(?<!\w)(justerandes?\s+signatur(er)?|justerandes?\s+sign|ordförandes\s+sign(atur)?|"
    r"sekreterarens\s+sign(atur)?|utdragsbestyrkande|sidinformation)(?!\w)|-{2,}|_{2,}|={2,}|\t"
)
_PAGE_NUMBER = re.compile(
    r"(?i)^(sida|sid|page|s\.)?\s*\d{1,4}\s*((av|of|/)\s*\d{1,4}|\(\s*\d{1,4}\s*\))?$|^[-–]\s*\d{1,4}\s*[-–]$"
)
_DATE_ONLY = re.compile(r"^(\d{2}|\d{4})-\d{2}-\d{2}$|^\d{1,2} [a-zåäö]+ \d{4}$")
_HEAD_SIZE = 14
"""The most lines a header block has: the document's leading short lines (organ, date, §, labels)."""


@dataclass(frozen=True)
class Cleaned:
    """A document's lines without furniture, and how many lines were dropped."""

    lines: tuple[Line, ...]
    dropped: int


def drop_furniture(lines: tuple[Line, ...]) -> Cleaned:
    """Return the lines without page furniture (a dropped line becomes blank, so paragraphs stay apart)."""
    keep = [not is_furniture(line.text) for line in lines]
    _drop_repeated_header(lines, keep)
    cleaned = tuple(line if ok else replace(line, text="") for line, ok in zip(lines, keep, strict=True))
    dropped = sum(1 for line, ok in zip(lines, keep, strict=True) if not ok and line.text.strip())
    return Cleaned(cleaned, dropped)


def bare(text: str) -> str:
    """Return a line without Markdown emphasis and surrounding white space (NBSP included)."""
    return re.sub(r"\*+|(?<!\w)_+|_+(?!\w)", "", text).replace("\u00a0", " ").strip()


def is_furniture(text: str) -> bool:
    """Tell whether one line is page furniture: signature boxes, rules, a page number."""
    stripped = bare(text)
    if not stripped:
        return False
    # A row of signature boxes comes as one line when exported ("Justerandes sign  Utdragsbestyrkande").
    if not _FURNITURE_WORDS.sub(" ", stripped).strip():
        return True
    return bool(_PAGE_NUMBER.match(stripped))


def _header_like(text: str) -> bool:
    """Tell whether a line could belong to a repeated page header: short, no sentence, no list or heading."""
    t = bare(text)
    return 0 < len(t) <= 80 and not t.endswith(".") and not re.match(r"^(#|[-•*]\s|\d+[.)]\s)", text.strip())


def _drop_repeated_header(lines: tuple[Line, ...], keep: list[bool]) -> None:
    """Mark every later repetition of (part of) the document's header block as furniture."""
    filled = [i for i, line in enumerate(lines) if keep[i] and line.text.strip()]
    head: list[int] = []
    for i in filled[:_HEAD_SIZE]:
        if not _header_like(lines[i].text):
            break
        head.append(i)
    head_texts = [bare(lines[i].text) for i in head]
    position = len(head)
    while position < len(filled):
        best = 0
        for start in range(len(head)):
            length = 0
            while (
                start + length < len(head)
                and position + length < len(filled)
                and bare(lines[filled[position + length]].text) == head_texts[start + length]
                and _header_like(lines[filled[position + length]].text)
            ):
                length += 1
            best = max(best, length)
        single_date = best == 1 and _DATE_ONLY.match(bare(lines[filled[position]].text)) is not None
        if best >= 2 or single_date:
            for i in filled[position : position + best]:
                keep[i] = False
            position += best
        else:
            position += 1
