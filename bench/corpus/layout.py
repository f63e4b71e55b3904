"""Where each document is written: a folder per organisation, board (or type) and year; a readable name."""

from __future__ import annotations

import re

from bench.corpus.model import KALLELSE, PROTOKOLL, PROTOKOLLSUTDRAG, Corpus, Document

TYPE_FOLDERS = {
    "tjänsteskrivelse": "tjansteskrivelser",
    "utlåtande": "utlatanden",
    "delegationsbeslut": "delegationsbeslut",
    "nyhet": "nyheter",
}
_ASCII = str.maketrans({"å": "a", "ä": "a", "ö": "o", "é": "e", "ü": "u"})


def slugify(text: str, limit: int = 50) -> str:
    """Return an ASCII file name part: "Ny väg i Åsbacka" → "ny-vag-i-asbacka" (cut at a word)."""
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower().translate(_ASCII)).strip("-")
    if len(slug) > limit:
        slug = slug[:limit].rsplit("-", 1)[0]
    return slug


def place_documents(corpus: Corpus) -> None:
    """Give every document its folder and file name; names are unique per board (or type) and
    organisation, so no two documents get one address."""
    used: set[tuple[str, str]] = set()
    for doc in corpus.documents:
        group = doc.board.short.lower() if doc.board else TYPE_FOLDERS[doc.typ]
        doc.folder = f"{doc.organisation.key}/{group}/{doc.date.year}"
        base = f"{doc.date.isoformat()}-{name(doc)}"
        stem, i = base, 2
        while (f"{doc.organisation.key}/{group}", stem) in used:
            stem, i = f"{base}-{i}", i + 1
        used.add((f"{doc.organisation.key}/{group}", stem))
        doc.stem = stem


def name(doc: Document) -> str:
    """Return the part of a file name after its date."""
    if doc.typ == PROTOKOLLSUTDRAG:
        return f"{doc.paragraf}-{slugify(doc.title, 40)}"
    if doc.typ in (PROTOKOLL, KALLELSE):
        return doc.typ
    return slugify(doc.title)
