"""Read a text PDF with pdfminer.six: lines with their fonts and places, page furniture left out.

A PDF knows glyphs and positions, not paragraphs. Lines are grouped into paragraphs by the space
between them; a line that ends well before the text's right edge inside a paragraph is a hard break;
a larger font is a heading and a bold or italic font is emphasis. A line in the top or bottom margin
that repeats on other pages, is a page number or is set smaller than the text is page furniture.
A paragraph that fills the last line of a page continues on the next.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.importer.furniture import is_furniture
from generator.importer.source import Document, Line, Unreadable

MAX_PDF_BYTES = 30_000_000
"""A text PDF of a whole protokoll is a few MB; one this large is scanned images, or many documents."""
MAX_PAGES = 400
_CID_BULLET = re.compile(r"^\s*\(cid:\d+\)\s*")
_MARGIN = 0.08
"""The share of the page height at the top and at the bottom where headers and footers stand."""


@dataclass(frozen=True)
class _PdfLine:
    page: int
    top: float
    bottom: float
    left: float
    right: float
    size: float
    text: str
    """With ``**``/``*`` around bold and italic runs."""
    height: float


def read_pdf(path: Path) -> Document | Unreadable:
    """Return the lines of a text PDF, or say why it cannot be read (scanned, locked, broken, too big)."""
    size = path.stat().st_size
    if size > MAX_PDF_BYTES:
        return Unreadable(
            f"PDF-filen är {size / 1_000_000:.0f} MB; beslut import läser PDF-filer upp till "
            f"{MAX_PDF_BYTES // 1_000_000} MB",
            "en så stor PDF är oftast inskannade sidor: exportera en PDF med text ur ärendesystemet, "
            "eller dela upp filen per sammanträde",
        )
    pages = _read_pages(path)
    if isinstance(pages, Unreadable):
        return pages
    lines, images = pages
    if not any(line.text.strip() for line in lines):
        if images:
            return Unreadable(
                "PDF-filen har inget textlager: sidorna är inskannade bilder",
                "importera originalet (Word eller en PDF exporterad ur ärendesystemet), eller låt "
                "tolka texten (OCR) först",
            )
        return Unreadable("PDF-filen innehåller ingen text", "kontrollera att rätt fil exporterades")
    kept = _without_furniture(lines)
    notes = (
        [] if len(kept) == len(lines) else [f"{len(lines) - len(kept)} rader sidhuvud och sidfot utelämnade"]
    )
    return Document(tuple(_as_lines(kept)), tuple(notes))


def _read_pages(path: Path) -> tuple[list[_PdfLine], bool] | Unreadable:
    """Return every text line of every page (top to bottom) and whether the pages hold images."""
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LAParams, LTChar, LTFigure, LTImage, LTTextContainer, LTTextLine
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFSyntaxError
    from pdfminer.psparser import PSException

    lines: list[_PdfLine] = []
    images = False

    def walk(item: Any, number: int, height: float) -> None:
        nonlocal images
        if isinstance(item, LTImage | LTFigure):
            images = True
        if isinstance(item, LTTextLine):
            chars = [c for c in item if isinstance(c, LTChar) or c.get_text() == " "]
            text = _marked(item)
            sizes = [c.size for c in chars if isinstance(c, LTChar)]
            if text.strip() and sizes:
                lines.append(
                    _PdfLine(number, height - item.y1, height - item.y0, item.x0, item.x1,
                             round(statistics.median(sizes), 1), text, height)
                )  # fmt: skip
            return
        if isinstance(item, LTTextContainer | LTFigure) or hasattr(item, "__iter__"):
            for child in item:
                walk(child, number, height)

    try:
        for number, page in enumerate(
            extract_pages(str(path), laparams=LAParams(), maxpages=MAX_PAGES + 1), 1
        ):
            if number > MAX_PAGES:
                return Unreadable(
                    f"PDF-filen har fler än {MAX_PAGES} sidor",
                    "dela upp filen: ett protokoll eller en handling per fil",
                )
            before = len(lines)
            walk(page, number, page.height)
            lines[before:] = sorted(lines[before:], key=lambda line: (round(line.top), line.left))
    except (PDFPasswordIncorrect, PDFEncryptionError):
        return Unreadable("PDF-filen är lösenordsskyddad", "spara en kopia utan lösenord och importera den")
    except (PDFSyntaxError, PSException, ValueError, KeyError, TypeError):
        return Unreadable("PDF-filen är trasig och kan inte läsas", "exportera den på nytt ur ärendesystemet")
    return lines, images


def _marked(line: Any) -> str:
    """Return a line's text with bold and italic runs marked (``**`` and ``*``), from the fonts' names."""
    from pdfminer.layout import LTChar

    out: list[str] = []
    look = (False, False)
    run = ""
    for char in line:
        text = char.get_text()
        if text == "\n":
            continue
        here = _look(char.fontname) if isinstance(char, LTChar) else look
        if here != look and text.strip():
            out.append(_wrap(run, look))
            run, look = "", here
        run += text
    out.append(_wrap(run, look))
    # A glyph without a Unicode mapping comes out as "(cid:N)"; at a line's start it is the list's bullet.
    return _CID_BULLET.sub("• ", "".join(out)).rstrip()


def _look(fontname: str) -> tuple[bool, bool]:
    """Tell from a font's name whether it is bold and whether it is italic."""
    name = fontname.lower()
    return ("bold" in name or "black" in name or "heavy" in name), ("italic" in name or "oblique" in name)


def _wrap(text: str, look: tuple[bool, bool]) -> str:
    """Return ``text`` with its look as Markdown emphasis, spaces kept outside the marks."""
    mark = ("**" if look[0] else "") + ("*" if look[1] else "")
    if not mark or not text.strip():
        return text
    lead, trail = text[: len(text) - len(text.lstrip())], text[len(text.rstrip()) :]
    return f"{lead}{mark}{text.strip()}{mark[::-1]}{trail}"


def _signature(text: str) -> str:
    """Return a line's text with numbers blanked, so that "Sida 1 av 3" and "Sida 2 av 3" compare equal."""
    return re.sub(r"\d+", "#", re.sub(r"\*", "", text)).strip()


def _without_furniture(lines: list[_PdfLine]) -> list[_PdfLine]:
    """Drop headers and footers: margin lines that repeat, number the page, or are set small."""
    body_size = Counter(line.size for line in lines).most_common(1)[0][0]
    pages = {line.page for line in lines}
    in_margin = [
        line
        for line in lines
        if line.top < line.height * _MARGIN or line.bottom > line.height * (1 - _MARGIN)
    ]
    repeats = Counter(_signature(line.text) for line in in_margin)
    dropped = {
        id(line)
        for line in in_margin
        if (len(pages) > 1 and repeats[_signature(line.text)] > 1)
        or is_furniture(line.text)
        or line.size < body_size - 0.5
    }
    return [line for line in lines if id(line) not in dropped]


def _as_lines(lines: list[_PdfLine]) -> list[Line]:
    """Return PDF lines as text lines: blank lines between paragraphs, headings by size, hard breaks kept."""
    if not lines:
        return []
    body_size = Counter(line.size for line in lines).most_common(1)[0][0]
    heading_sizes = sorted({line.size for line in lines if line.size > body_size * 1.12}, reverse=True)
    right_edge = max(line.right for line in lines)
    left_edge = min(line.left for line in lines)
    width = right_edge - left_edge
    out: list[Line] = []
    number_on_page = 0
    for i, line in enumerate(lines):
        previous = lines[i - 1] if i else None
        number_on_page = number_on_page + 1 if previous and previous.page == line.page else 1
        if previous is not None and _new_paragraph(previous, line, right_edge, width):
            out.append(Line("", number_on_page, line.page))
        text = line.text.strip()
        if line.size in heading_sizes:
            if previous is not None and previous.size == line.size and out and out[-1].text.startswith("#"):
                out[-1] = Line(out[-1].text + " " + text.replace("**", ""), out[-1].line, out[-1].page)
                continue  # a heading that wraps onto a second line is one heading
            text = "#" * (heading_sizes.index(line.size) + 2) + " " + text.replace("**", "")
        following = lines[i + 1] if i + 1 < len(lines) else None
        if (
            following is not None
            and not _new_paragraph(line, following, right_edge, width)
            and line.right < left_edge + 0.7 * width
            and following.size not in heading_sizes
        ):
            text += "  "
        out.append(Line(text, number_on_page, line.page))
    return out


def _new_paragraph(previous: _PdfLine, line: _PdfLine, right_edge: float, width: float) -> bool:
    """Tell whether ``line`` starts a new paragraph after ``previous``."""
    if previous.page != line.page:
        # A paragraph that runs to the page's last line, full width, goes on over the page break.
        return previous.right < right_edge - 0.15 * width
    gap = line.top - previous.bottom
    return (
        gap > 0.5 * min(previous.bottom - previous.top, line.bottom - line.top) or line.size != previous.size
    )
