"""What every reader gives: the document's lines, each with where it was in the source."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

MAX_TEXT_BYTES = 5_000_000
"""A text export of minutes is at most a few hundred kB; more is not a document but a dump."""


@dataclass(frozen=True)
class Line:
    """One line of a document: Markdown-like text (``## `` headings, ``- `` lists, ``**`` bold)."""

    text: str
    line: int
    """1-based: the line of a text file, the paragraph of a .docx, the line on the page of a PDF."""
    page: int = 0
    """The PDF page (1-based); 0 for formats without pages."""
    unit: str = "rad"
    """What ``line`` counts where there are no pages: ``rad``, or ``stycke`` in a .docx."""

    def where(self) -> str:
        """Return the position as a reader says it: ``rad 12``, ``stycke 4`` or ``sida 2, rad 5``."""
        return f"sida {self.page}, rad {self.line}" if self.page else f"{self.unit} {self.line}"


@dataclass(frozen=True)
class Unreadable:
    """Why a file could not be imported at all, in Swedish."""

    message: str
    hint: str = ""


@dataclass(frozen=True)
class Document:
    """A document's lines and what the reader noticed on the way."""

    lines: tuple[Line, ...]
    notes: tuple[str, ...] = ()
    """Things the user should know, e.g. that the file was read as Windows-1252."""


def read_document(path: Path) -> Document | Unreadable:
    """Read a .txt, .md, .docx or .pdf file into lines; say clearly why when that is not possible."""
    suffix = path.suffix.lower()
    if not path.is_file():
        return Unreadable("filen finns inte", "kontrollera sökvägen")
    if suffix in (".txt", ".md", ".markdown", ".text"):
        return read_text(path)
    if suffix == ".docx":
        from generator.importer.docx import read_docx

        return read_docx(path)
    if suffix == ".pdf":
        from generator.importer.pdf import read_pdf

        return read_pdf(path)
    if suffix == ".doc":
        return Unreadable(
            "det gamla Word-formatet .doc kan inte läsas",
            "öppna filen i Word och spara den som .docx (Arkiv → Spara som → Word-dokument)",
        )
    return Unreadable(
        f'filtypen "{suffix or "(ingen)"}" kan inte importeras',
        "importera .txt, .md, .docx eller .pdf",
    )


def read_text(path: Path) -> Document | Unreadable:
    """Read a text export: UTF-8 (with or without BOM), else Windows-1252/Latin-1, which is said."""
    size = path.stat().st_size
    if size > MAX_TEXT_BYTES:
        return Unreadable(
            f"filen är {size // 1_000_000} MB, mer än de {MAX_TEXT_BYTES // 1_000_000} MB "
            "en textfil får vara",
            "dela upp filen i ett dokument per ärende eller sammanträde",
        )
    raw = path.read_bytes()
    notes: list[str] = []
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = raw.decode("utf-16")
        notes.append("filen var sparad som UTF-16 och lästes som sådan")
    else:
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            # Older case-management exports write Windows-1252, a superset of Latin-1 for å, ä, ö.
            text = raw.decode("cp1252", errors="replace")
            notes.append("filen var inte sparad som UTF-8; den lästes som Windows-1252 (Latin-1)")
    return text_document(text, tuple(notes))


def text_document(text: str, notes: tuple[str, ...] = ()) -> Document:
    """Return a text's lines, numbered from 1, with line endings and stray controls normalised."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n")
    lines = tuple(Line(line.rstrip("\n"), number) for number, line in enumerate(text.split("\n"), start=1))
    return Document(lines, notes)


def is_empty(document: Document) -> bool:
    """Tell whether a document has no text at all."""
    return not any(line.text.strip() for line in document.lines)
