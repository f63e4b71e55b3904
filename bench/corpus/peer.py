"""Write the same records in the form the benchmark's Hugo site (bench/hugo) builds.

Hugo reserves ``type`` and reads its own keys, so the front matter is Hugo's: ``title``, ``date``, and
the site's own ``organisation``, ``namnd`` and ``dnr`` (the two taxonomies: a listing per board and per
case), ``paragraf``, ``dokumenttyp`` and ``beslut`` (Markdown). The bodies are the contract form's,
byte for byte, so both generators turn the same Markdown into pages.
"""

from __future__ import annotations

from pathlib import Path

from bench.corpus.contract import decision_block, quoted
from bench.corpus.model import Document
from bench.corpus.prose import Writer

LABELS = {
    "protokollsutdrag": "Protokollsutdrag",
    "protokoll": "Protokoll",
    "kallelse": "Kallelse",
    "tjänsteskrivelse": "Tjänsteskrivelse",
    "utlåtande": "Utlåtande",
    "delegationsbeslut": "Delegationsbeslut",
    "nyhet": "Nyhet",
}


def peer_front_matter(doc: Document) -> list[str]:
    """Return a record's front matter in Hugo's form."""
    when = f"{doc.date.isoformat()}T{doc.time:%H:%M}:00" if doc.time else doc.date.isoformat()
    lines = [
        f"title: {quoted(doc.title)}",
        f"date: {when}",
        f"organisation: {quoted(doc.organisation.name)}",
        f"dokumenttyp: {quoted(LABELS[doc.typ])}",
    ]
    if doc.board is not None:
        lines.append(f"namnd: [{quoted(doc.board.name)}]")
    if doc.case is not None:
        lines.append(f"dnr: [{quoted(doc.case.number)}]")
    if doc.paragraf is not None:
        lines.append(f"paragraf: {doc.paragraf}")
    return lines + decision_block(doc, Writer(doc))


def write_peer_document(doc: Document, folder: Path, text: str) -> None:
    """Write one record of the peer form, with its body ``text``, under ``folder``."""
    target = folder / doc.folder
    target.mkdir(parents=True, exist_ok=True)
    text = "---\n" + "\n".join(peer_front_matter(doc)) + "\n---\n\n" + text
    (target / f"{doc.stem}.md").write_text(text, encoding="utf-8", newline="\n")
