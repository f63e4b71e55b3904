"""The header of a document: labels and values, dates, §, diarienummer, organ and title.

Case-management exports print a block of labels and values before the title ("Sammanträdesdatum",
"9 juni 2021", "Paragraf", "§ 6"), sometimes on one line ("Diarienummer KS-2021/1202.111"). This module
reads that block and the title after it; what follows is the body.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.config.settings import SiteConfig
from generator.importer.blocks import Block, section_name
from generator.importer.dates import find_dates, parse_date_time
from generator.importer.findings import Findings
from generator.importer.organs import board_named

LABELS = {
    "datum": "datum",
    "sammanträdesdatum": "datum",
    "sammanträde": "datum",
    "mötesdatum": "datum",
    "beslutsdatum": "datum",
    "paragraf": "paragraf",
    "diarienummer": "diarienummer",
    "diarienr": "diarienummer",
    "dnr": "diarienummer",
    "ärendenummer": "diarienummer",
    "handläggare": "handläggare",
    "mottagare": "mottagare",
    "justerat": "justerat",
    "justeringsdatum": "justerat",
    "protokollet justerat": "justerat",
    "anslaget": "anslag",
    "anslag": "anslag",
    "anslagsdatum": "anslag",
    "datum för anslags uppsättande": "anslag",
    "anslaget sätts upp": "anslag",
    "nämnd": "nämnd",
    "organ": "nämnd",
    "beslutsinstans": "nämnd",
    "enhet": "extra",
    "förvaltning": "extra",
    "avdelning": "extra",
}
"""Header labels (lower case, without ':') and the front-matter key their value fills."""

TYPE_WORDS = {
    "protokollsutdrag": "protokollsutdrag",
    "utdrag ur protokoll": "protokollsutdrag",
    "utdrag ur sammanträdesprotokoll": "protokollsutdrag",
    "protokoll": "protokoll",
    "sammanträdesprotokoll": "protokoll",
    "tjänsteskrivelse": "tjänsteskrivelse",
    "utlåtande": "utlåtande",
    "tjänsteutlåtande": "utlåtande",
    "kallelse": "kallelse",
    "delegationsbeslut": "delegationsbeslut",
    "nyhet": "nyhet",
}
"""Words that say what a document is when they stand alone in its header."""

_LABEL_VALUE = re.compile(
    r"^(?P<label>"
    + "|".join(sorted(map(re.escape, LABELS), key=len, reverse=True))
    + r")\s*:?\s+(?P<value>\S.*)$",
    re.IGNORECASE,
)
_PARAGRAPH = re.compile(r"^§\s*(?P<number>\d{1,5}\s?[a-z]?)(?![\w])\s*(?P<rest>.*)$")
_DNR_IN_TEXT = re.compile(
    r"\(?\b(?:Dnr|Diarienummer|Diarienr)\.?:?\s+(?P<dnr>[^\s,;)]+(?:\s[A-ZÅÄÖ]{2,5}\b)?)\)?"
)
_DNR_SHAPE = re.compile(r"^(?=.*\d)(?=.*[./-])[\wÅÄÖåäö./-]+(?:\s[A-ZÅÄÖ]{2,5})?$")
_HEAD_LIMIT = 40


@dataclass(frozen=True)
class Head:
    """The body that follows the header and the title, and how to shift its heading levels."""

    body: list[Block]
    title_level: int
    """The title's heading level (0 when the title was a plain line)."""


def read_head(blocks: list[Block], findings: Findings, config: SiteConfig) -> Head:
    """Read the header block and the title into ``findings``; return the body after them."""
    blocks = list(blocks)
    start, level = _read_head(blocks, findings, config)
    # Some papers give their date or diarienummer right under the title.
    while start < len(blocks) and blocks[start].kind == "paragraph" and len(blocks[start].parts) == 1:
        if not _read_header_line(blocks[start], findings, config):
            break
        start += 1
    return Head(blocks[start:], level)


def _split_lines(blocks: list[Block], i: int, config: SiteConfig) -> bool:
    """Split a header paragraph of short lines ("Sjöviks kommun / Kommunstyrelsen / Protokoll") in place.

    Only when its first line is a header line by itself: a title wrapped over two lines stays whole.
    """
    parts = blocks[i].parts
    if len(parts) < 2 or not all(len(part.text) <= 80 and not part.text.endswith(".") for part in parts):
        return False
    first = Block("paragraph", parts[0].text.strip(), parts[0])
    label = LABELS.get(first.plain.rstrip(":").strip().lower())
    if label is None and not _read_header_line(first, Findings(), config):
        return False
    blocks[i : i + 1] = [Block("paragraph", part.text.strip(), part, parts=(part,)) for part in parts]
    return True


def _read_head(blocks: list[Block], findings: Findings, config: SiteConfig) -> tuple[int, int]:
    """Return the index of the first body block and the title's heading level (``blocks`` may be split)."""
    i = 0
    while i < min(len(blocks), _HEAD_LIMIT):
        block = blocks[i]
        text = block.plain
        if block.kind == "heading" and section_name(text) is None:
            findings.put("titel", text, block.line)
            return i + 1, block.level
        if block.kind != "paragraph" or section_name(text) is not None:
            return i, 0
        label = LABELS.get(text.rstrip(":").strip().lower())
        if label is not None:
            i = _read_label(blocks, i, text.rstrip(":").strip().lower(), findings, config)
            continue
        if _split_lines(blocks, i, config):
            continue
        if _read_header_line(block, findings, config):
            i += 1
            continue
        if findings.get("titel") is not None:  # a § of a protokoll has its title on the § line
            return i, 0
        findings.put("titel", text, block.line)
        return i + 1, 0
    return i, 0


def _read_label(blocks: list[Block], i: int, label: str, findings: Findings, config: SiteConfig) -> int:
    """Read a label's value(s) from the following block(s); return the index after them."""
    key = LABELS[label]
    values: list[Block] = []
    j = i + 1
    while j < len(blocks) and blocks[j].kind == "paragraph" and "\n" not in blocks[j].text:
        if LABELS.get(blocks[j].plain.rstrip(":").strip().lower()) is not None:
            break
        values.append(blocks[j])
        j += 1
        if key != "mottagare":
            break
    if key == "mottagare" and values:
        # Recipients are listed until the title; the title is the first heading or the first long line.
        findings.put("mottagare", [b.plain for b in values], values[0].line)
        return j
    if values:
        _put_value(key, label, values[0], findings, config)
    return i + 1 + len(values)


def _put_value(key: str, label: str, block: Block, findings: Findings, config: SiteConfig) -> None:
    """Record one labelled value, converted to what the key holds."""
    value = block.plain
    if key == "datum":
        when = parse_date_time(value)
        if when is not None:
            findings.put("datum", when, block.line)
    elif key in ("justerat", "anslag"):
        dates = find_dates(value)
        if dates:
            findings.put(key, dates[0][1], block.line)
    elif key == "paragraf":
        match = _PARAGRAPH.match(value) or re.match(r"^(?P<number>\d{1,5}[a-z]?)$", value)
        if match:
            findings.put("paragraf", match["number"].replace(" ", ""), block.line)
    elif key == "nämnd":
        board = board_named(value, None, config)
        findings.put("nämnd", board.name if board else value, block.line)
    elif key == "extra":
        findings.put("extra." + label, value, block.line)
    else:
        findings.put(key, value, block.line)


def _read_header_line(block: Block, findings: Findings, config: SiteConfig) -> bool:
    """Read one header line that carries its own value; tell whether it was one."""
    text = block.plain
    if len(text) > 120:
        return False
    if match := _LABEL_VALUE.match(text):
        label = match["label"].lower()
        _put_value(LABELS[label], label, Block("paragraph", match["value"], block.line), findings, config)
        return True
    if (when := parse_date_time(text)) is not None:
        findings.put("datum", when, block.line)
        return True
    if match := _PARAGRAPH.match(text):
        findings.put("paragraf", match["number"].replace(" ", ""), block.line)
        rest = match["rest"].strip()
        if rest and _DNR_SHAPE.match(rest):
            findings.put("diarienummer", rest, block.line)
        return not rest or _DNR_SHAPE.match(rest) is not None
    if match := _DNR_IN_TEXT.search(text):
        findings.put("diarienummer", match["dnr"], block.line)
        rest = (text[: match.start()] + text[match.end() :]).strip()
        if rest:
            first = rest.split()[0]
            findings.put("extra." + (first.lower() if first.isupper() else "rubrik"), rest, block.line)
        return True
    if text.lower().rstrip(":") in TYPE_WORDS:
        findings.put("typ", TYPE_WORDS[text.lower().rstrip(":")], block.line)
        return True
    if (board := board_named(text, None, config)) is not None:
        findings.put("nämnd", board.name, block.line)
        return True
    org = next((o for o in config.organisations if text in (o.name, o.slug)), None)
    if org is not None:
        findings.put("organisation", org.name, block.line)
    return org is not None
