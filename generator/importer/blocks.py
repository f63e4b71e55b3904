"""Lines → blocks: headings, paragraphs and list items, each with the source line it starts on.

Exports break text where the page did, not where the author did. This module mends what can be told
for sure: a word hyphenated over a line break, a paragraph cut by a page break (it ends without a full
stop and the next begins in lower case), a heading glued to the text before it
(``Beslut**Kommunfullmäktiges beslut:**``), and a table printed column by column (three "Justeras:"
and then the three names). Nothing is dropped or reordered otherwise.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from generator.importer.furniture import bare
from generator.importer.source import Line

SECTION_NAMES = frozenset(
    (
        "ärendebeskrivning", "ärendet", "bakgrund", "beredning", "sammanfattning", "beslut", "överläggning",
        "yrkanden", "yrkande", "propositionsordning", "omröstning", "beslutsgång", "förslag till beslut",
        "beslutsunderlag", "handlingar", "bilagor", "reservation", "reservationer", "protokollsanteckning",
        "protokollsanteckningar", "jäv", "särskilt yttrande", "särskilt uttalande", "bedömning",
        "förvaltningens bedömning", "yttrande", "motivering", "skäl för beslutet", "ekonomiska konsekvenser",
        "konsekvenser", "finansiering", "uppföljning", "tidplan", "beslutet skickas till", "expedieras till",
        "ärendets beredning", "inledning", "syfte", "analys", "slutsats", "slutsatser", "övrigt",
    )
)  # fmt: skip
"""Plain lines that are section headings wherever they stand alone (compared in lower case, without ':')."""

_LIST = re.compile(r"^\s*(?P<marker>[-*•●▪–]|\d{1,3}[.)])(?:\s+|$)(?P<text>.*)$")
_HEADING = re.compile(r"^(?P<hashes>#{1,6})\s+(?P<text>.+?)\s*#*$")
_GLUED = re.compile(r"^(?P<before>.*\S)\*\*(?P<heading>[^*]+)\*\*\s*$")
_SENTENCE_END = re.compile(r"[.!?:;…)\"”]\s*$")
_CONJUNCTIONS = ("och ", "eller ", "samt ", "respektive ", "till ", "som ")


@dataclass(frozen=True)
class Block:
    """One heading, paragraph or list item; ``text`` is Markdown inline text."""

    kind: str
    """``heading``, ``paragraph``, ``item`` or ``table``."""
    text: str
    line: Line
    """The source line the block starts on."""
    level: int = 0
    """A heading's level (2 = ``##``)."""
    marker: str = ""
    """A list item's marker: ``-`` or ``1.``."""
    parts: tuple[Line, ...] = ()
    """The source lines the block was made of (a header's lines may stand in one paragraph)."""

    @property
    def plain(self) -> str:
        """Return the text without Markdown emphasis and hard breaks."""
        return plain(self.text)


def plain(text: str) -> str:
    """Return Markdown inline text as plain text on one line."""
    return re.sub(r"\s+", " ", bare(text.replace("  \n", " ").replace("\n", " "))).strip()


def to_blocks(lines: tuple[Line, ...]) -> list[Block]:
    """Group lines into blocks and mend what the export broke."""
    blocks: list[Block] = []
    for group in _groups(lines):
        blocks += _group_blocks(group)
    blocks = _join_page_breaks(blocks)
    return _pair_columns(blocks)


def section_name(text: str) -> str | None:
    """Return the lower-case section name if ``text`` is one (``Beslut``, ``Sammanfattning:``)."""
    name = plain(text).rstrip(":").strip().lower()
    return name if name in SECTION_NAMES else None


def _groups(lines: tuple[Line, ...]) -> list[list[Line]]:
    """Split lines at blank lines (white space and NBSP only count as blank)."""
    groups: list[list[Line]] = [[]]
    for line in lines:
        if line.text.replace("\u00a0", " ").strip():
            groups[-1].append(line)
        elif groups[-1]:
            groups.append([])
    return [g for g in groups if g]


def _group_blocks(group: list[Line]) -> list[Block]:
    """Turn one run of non-blank lines into blocks: headings and items start new blocks."""
    if all(line.text.lstrip().startswith("|") for line in group):  # a Markdown table stays as it is
        return [Block("table", "\n".join(line.text.strip() for line in group), group[0], parts=tuple(group))]
    blocks: list[Block] = []
    for line in group:
        text = line.text.rstrip()
        hard_break = line.text.endswith("  ")
        stripped = text.strip()
        if match := _HEADING.match(stripped):
            blocks.append(Block("heading", _unwrap(match["text"]), line, len(match["hashes"])))
            continue
        if (match := _GLUED.match(stripped)) and _is_heading_text(match["heading"]):
            before = match["before"]
            if section_name(before) is not None:
                blocks.append(Block("heading", section_name(before).capitalize(), line, 2))  # type: ignore[union-attr]
            else:
                blocks.append(Block("paragraph", before, line))
            blocks.append(Block("heading", _unwrap(match["heading"]).rstrip(), line, 2))
            continue
        item = _LIST.match(text)
        previous = blocks[-1] if blocks else None
        if item and not (previous and previous.text.endswith("  \n") and item["marker"] in "-–"):
            marker = "-" if not item["marker"][0].isdigit() else item["marker"].replace(")", ".")
            blocks.append(
                Block("item", item["text"].strip() + ("  \n" if hard_break else ""), line, marker=marker)
            )
            continue
        if previous is not None and previous.kind != "heading":
            parts = (*previous.parts, replace(line, text=stripped))
            blocks[-1] = replace(previous, text=_continue(previous.text, stripped, hard_break), parts=parts)
            continue
        blocks.append(
            Block(
                "paragraph",
                stripped + ("  \n" if hard_break else ""),
                line,
                parts=(replace(line, text=stripped),),
            )
        )
    blocks = [replace(b, text=b.text.removesuffix("  \n").rstrip()) for b in blocks]
    if len(blocks) == 1 and blocks[0].kind == "paragraph":
        return [_heading_or_paragraph(blocks[0])]
    return blocks


def _continue(previous: str, text: str, hard_break: bool) -> str:
    """Return a block's text with one more source line added."""
    end = "  \n" if hard_break else ""
    if previous.endswith("  \n"):
        body = previous[:-3]
        # A word hyphenated at the line's end continues on the next line: "upp-" + "siktspflicht".
        if body.endswith("-") and text[:1].islower() and not text.startswith(_CONJUNCTIONS):
            return body[:-1] + text + end
        if not body.strip():  # an item marker alone on its line ("3.  ") is followed by its text
            return text + end
        return body + "  \n" + text + end
    if previous.endswith("-") and text[:1].islower() and not text.startswith(_CONJUNCTIONS):
        return previous[:-1] + text + end
    return (previous + " " + text).strip() + end


def _unwrap(text: str) -> str:
    """Return a heading's text without the emphasis around all of it (``*Ärendet*`` → ``Ärendet``)."""
    stripped = text.strip()
    for mark in ("***", "**", "*", "__", "_"):
        if stripped.startswith(mark) and stripped.endswith(mark) and len(stripped) > 2 * len(mark):
            inner = stripped[len(mark) : -len(mark)]
            if mark not in inner:
                return inner.strip()
    return stripped


def _is_heading_text(text: str) -> bool:
    """Tell whether bold text glued to a line is a heading: a section name or "… beslut:"."""
    return section_name(text) is not None or plain(text).rstrip(":").lower().endswith("beslut")


def _heading_or_paragraph(block: Block) -> Block:
    """Return a lone short line as a heading when it is a known section name or all emphasised."""
    text = block.text.strip()
    if "\n" in text:
        return block
    if section_name(text) is not None:
        return Block("heading", plain(text).rstrip(":").strip(), block.line, 2)
    unwrapped = _unwrap(text)
    emphasised = unwrapped != text and "*" not in unwrapped and "_" not in unwrapped
    if emphasised and len(unwrapped) <= 60 and not unwrapped.endswith((".", ",", ";")):
        return Block("heading", unwrapped, block.line, 2)
    return block


def _join_page_breaks(blocks: list[Block]) -> list[Block]:
    """Join a paragraph cut by a page break: it ends without a full stop, the next starts in lower case."""
    out: list[Block] = []
    for block in blocks:
        previous = out[-1] if out else None
        if (
            previous is not None
            and previous.kind == "paragraph"
            and block.kind == "paragraph"
            and len(previous.plain) > 40
            and not _SENTENCE_END.search(previous.text)
            and block.text[:1].islower()
        ):
            out[-1] = replace(previous, text=previous.text + " " + block.text)
            continue
        out.append(block)
    return out


def _pair_columns(blocks: list[Block]) -> list[Block]:
    """Undo a table printed column by column: N equal one-line labels, then N blocks, become N pairs."""
    out: list[Block] = []
    i = 0
    while i < len(blocks):
        label = blocks[i]
        count = 1
        while (
            i + count < len(blocks)
            and blocks[i + count].kind == "paragraph"
            and blocks[i + count].text == label.text
        ):
            count += 1
        following = blocks[i + count : i + 2 * count]
        if (
            label.kind == "paragraph"
            and count >= 2
            and label.text.endswith(":")
            and "\n" not in label.text
            and len(following) == count
            and all(b.kind == "paragraph" and b.text != label.text for b in following)
        ):
            out += [replace(label, text=label.text + "  \n" + b.text) for b in following]
            i += 2 * count
            continue
        out.append(label)
        i += 1
    return out


def render(blocks: list[Block]) -> str:
    """Return blocks as Markdown: blank lines between blocks, items of one list on consecutive lines."""
    parts: list[str] = []
    for i, block in enumerate(blocks):
        if block.kind == "heading":
            text = "#" * block.level + " " + block.text
        elif block.kind == "item":
            indent = " " * (len(block.marker) + 1)
            text = f"{block.marker} " + block.text.replace("  \n", "  \n" + indent)
        else:
            text = block.text
        if parts:
            tight = block.kind == "item" and blocks[i - 1].kind == "item"
            parts.append("\n" if tight else "\n\n")
        parts.append(text)
    return "".join(parts) + "\n" if parts else ""
