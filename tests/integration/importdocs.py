"""Write a text export (the seeds' Markdown-like form) as a real .docx or .pdf, the way offices print them.

Both carry what printed minutes carry: a page header, a footer with the page number. The .docx puts
them in Word's header and footer parts; the PDF prints them on every page, small, in the margins.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

HEADER = "Utdrag ur protokoll – exporterat ur ärendesystemet"


@dataclass(frozen=True)
class Piece:
    """One paragraph of the text: a heading, a list item or a paragraph of lines (hard breaks kept)."""

    kind: str
    lines: tuple[str, ...]
    level: int = 0
    marker: str = ""


def pieces(text: str) -> list[Piece]:
    """Return the text's paragraphs as a writer sees them: blank lines part them, '#', '- ', '1. ' mark them.

    Every line of a paragraph keeps its own line, as a text export printed as it stands.
    """
    out: list[Piece] = []
    current: list[str] = []
    kind, marker = "paragraph", ""

    def flush() -> None:
        if current:
            out.append(Piece(kind, tuple(current), marker=marker))
            current.clear()

    for line in text.split("\n"):
        if not line.replace("\u00a0", " ").strip():
            flush()
            kind, marker = "paragraph", ""
            continue
        if heading := re.match(r"^(#{1,6})\s+(.*)$", line.strip()):
            flush()
            out.append(Piece("heading", (heading[2],), len(heading[1])))
            kind, marker = "paragraph", ""
        elif item := re.match(r"^\s*([-•]|\d+\.)(?:\s+|$)(.*)$", line):
            flush()
            kind, marker = "item", "-" if item[1] in "-•" else item[1]
            current.append(item[2])
        else:
            current.append(line)
    flush()
    return out


def runs(text: str) -> list[tuple[str, bool, bool]]:
    """Split inline Markdown into (text, bold, italic) runs."""
    out = []
    for part in re.split(r"(\*\*[^*]+\*\*|\*[^*]+\*)", text):
        if part.startswith("**") and part.endswith("**") and len(part) > 4:
            out.append((part[2:-2], True, False))
        elif part.startswith("*") and part.endswith("*") and len(part) > 2:
            out.append((part[1:-1], False, True))
        elif part:
            out.append((part, False, False))
    return out


def write_docx(text: str, path: Path) -> Path:
    """Write ``text`` as a Word document with a page header and a page-number footer."""
    import docx
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    document = docx.Document()
    section = document.sections[0]
    section.header.paragraphs[0].text = HEADER
    footer = section.footer.paragraphs[0]
    footer.add_run("Sida ")
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    footer._p.append(field)
    for piece in pieces(text):
        if piece.kind == "heading":
            document.add_heading(re.sub(r"\*", "", piece.lines[0]), min(piece.level, 9))
            continue
        paragraph = document.add_paragraph(style="List Bullet" if piece.marker == "-" else None)
        if piece.marker not in ("", "-"):
            paragraph.add_run(piece.marker + " ")
        for i, line in enumerate(piece.lines):
            for chunk, bold, italic in runs(line.rstrip() if i < len(piece.lines) - 1 else line):
                run = paragraph.add_run(chunk.replace("\t", "    "))
                run.bold, run.italic = bold or None, italic or None
            if i < len(piece.lines) - 1:
                paragraph.add_run().add_break()
    document.save(str(path))
    return path


def write_pdf(text: str, path: Path) -> Path:
    """Write ``text`` as a text PDF (A4) with a small header and "Sida N" footer on every page."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import cm
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    body = ParagraphStyle("body", fontName="Helvetica", fontSize=10.5, leading=13, spaceAfter=7)
    item = ParagraphStyle("item", parent=body, leftIndent=14, bulletIndent=2, spaceAfter=3)
    sizes = {1: 17, 2: 15, 3: 13, 4: 12, 5: 12, 6: 12}

    def furniture(canvas: object, doc: object) -> None:
        canvas.saveState()  # type: ignore[attr-defined]
        canvas.setFont("Helvetica", 8)  # type: ignore[attr-defined]
        canvas.drawString(2 * cm, A4[1] - 1.3 * cm, HEADER)  # type: ignore[attr-defined]
        canvas.drawRightString(A4[0] - 2 * cm, 1.2 * cm, f"Sida {doc.page}")  # type: ignore[attr-defined]
        canvas.restoreState()  # type: ignore[attr-defined]

    story = []
    for piece in pieces(text):
        if piece.kind == "heading":
            style = ParagraphStyle(
                f"h{piece.level}", parent=body, fontName="Helvetica-Bold", fontSize=sizes[piece.level],
                leading=sizes[piece.level] + 4, spaceBefore=6,
            )  # fmt: skip
            story.append(Paragraph(_markup(re.sub(r"\*", "", piece.lines[0])), style))
        elif piece.marker == "-":
            story.append(
                Paragraph("<br/>".join(_markup(line.rstrip()) for line in piece.lines), item, bulletText="•")
            )
        elif piece.marker:
            lines = [piece.marker + " " + piece.lines[0], *piece.lines[1:]]
            story.append(Paragraph("<br/>".join(_markup(line.rstrip()) for line in lines), item))
        else:
            story.append(Paragraph("<br/>".join(_markup(line.rstrip()) for line in piece.lines), body))
    doc = SimpleDocTemplate(str(path), pagesize=A4, topMargin=2.5 * cm, bottomMargin=2.5 * cm)
    doc.build(story, onFirstPage=furniture, onLaterPages=furniture)
    return path


def _markup(text: str) -> str:
    """Return inline Markdown as reportlab's paragraph markup (<b>, <i>), special characters escaped."""
    out = []
    for chunk, bold, italic in runs(text.replace("\t", "    ")):
        chunk = chunk.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        out.append(f"<b>{chunk}</b>" if bold else f"<i>{chunk}</i>" if italic else chunk)
    return "".join(out)
