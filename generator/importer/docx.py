"""Read a Word document (.docx) with python-docx: paragraphs in order, with their structure kept.

Heading styles become ``#`` headings, list paragraphs ``-`` or ``1.`` items, bold and italic runs
``**`` and ``*``, line breaks hard breaks, and a table a Markdown table. Page headers and footers live
in their own parts of the file and are never read: they are page furniture.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from typing import Any

from generator.importer.source import Document, Line, Unreadable

_HEADING_STYLE = re.compile(r"^(?:heading|rubrik)\s*(?P<level>[1-6])$", re.IGNORECASE)


def read_docx(path: Path) -> Document | Unreadable:
    """Return the document's lines (one per paragraph line, numbered by paragraph), or why not."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError):
        return Unreadable(
            "filen är ingen läsbar Word-fil (.docx)",
            "öppna den i Word och spara den igen som Word-dokument (.docx)",
        )
    lines: list[Line] = []
    notes: list[str] = []
    counters: dict[str, int] = {}
    for number, item in enumerate(document.iter_inner_content(), start=1):
        if hasattr(item, "rows"):
            lines += _table(item, number)
            notes.append(f"en tabell (stycke {number}) är återgiven som Markdown-tabell; kontrollera den")
        else:
            lines += _paragraph(item, number, counters)
        lines.append(Line("", number, unit="stycke"))
    return Document(tuple(lines), tuple(notes))


def _paragraph(paragraph: Any, number: int, counters: dict[str, int]) -> list[Line]:
    """Return one paragraph as lines: its prefix (heading, list) on the first, hard breaks between."""
    style = paragraph.style.name if paragraph.style is not None else ""
    text = _runs(paragraph)
    prefix = ""
    if match := _HEADING_STYLE.match(style):
        prefix = "#" * int(match["level"]) + " "
    elif style.lower() in ("title", "rubrik"):
        prefix = "# "
    elif _is_list(paragraph, style):
        if "number" in style.lower() or "numrer" in style.lower():
            counters[style] = counters.get(style, 0) + 1
            prefix = f"{counters[style]}. "
        else:
            prefix = "- "
    if not _is_list(paragraph, style):
        counters.clear()
    parts = text.split("\n")
    return [
        Line((prefix if i == 0 else "") + part + ("  " if i < len(parts) - 1 else ""), number, unit="stycke")
        for i, part in enumerate(parts)
    ]


def _is_list(paragraph: Any, style: str) -> bool:
    """Tell whether a paragraph is a list item, by its style or its own numbering."""
    if style.lower().startswith(("list", "liststycke", "punktlista", "numrerad")):
        return True
    ppr = paragraph._p.pPr
    return ppr is not None and ppr.numPr is not None


def _runs(paragraph: Any) -> str:
    """Return a paragraph's text with bold and italic runs marked as Markdown emphasis."""
    # Word splits runs where it pleases: join neighbours of the same look before marking them.
    segments: list[list[Any]] = []
    for run in paragraph.runs:
        look = (bool(run.bold), bool(run.italic))
        if segments and segments[-1][0] == look:
            segments[-1][1] += run.text
        elif run.text:
            segments.append([look, run.text])
    out: list[str] = []
    for (bold, italic), text in segments:
        mark = ("**" if bold else "") + ("*" if italic else "")
        if not mark or not text.strip():
            out.append(text)
            continue
        lead = text[: len(text) - len(text.lstrip())]
        trail = text[len(text.rstrip()) :]
        out.append(f"{lead}{mark}{text.strip()}{mark[::-1]}{trail}")
    return "".join(out)


def _table(table: Any, number: int) -> list[Line]:
    """Return a table as Markdown table lines (the first row as the header)."""
    rows = [[" ".join(cell.text.split()).replace("|", "\\|") for cell in row.cells] for row in table.rows]
    if not rows:
        return []
    width = max(len(r) for r in rows)
    rows = [r + [""] * (width - len(r)) for r in rows]
    lines = ["| " + " | ".join(rows[0]) + " |", "|" + " --- |" * width]
    lines += ["| " + " | ".join(r) + " |" for r in rows[1:]]
    return [Line(line, number, unit="stycke") for line in lines]
