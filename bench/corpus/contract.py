"""Write the corpus as a site in the content contract's form: site.yaml, and content/ with the records,
their attachments and images."""

from __future__ import annotations

import json
import random
from collections.abc import Mapping
from pathlib import Path

from bench.corpus import files, words
from bench.corpus.model import (
    DELEGATIONSBESLUT,
    KALLELSE,
    NYHET,
    PROTOKOLL,
    PROTOKOLLSUTDRAG,
    TJANSTESKRIVELSE,
    UTLATANDE,
    Corpus,
    Document,
)
from bench.corpus.prose import Writer
from bench.corpus.topics import MASKED, WITHHELD

TAGS = {
    "styrning": "ekonomi och styrning",
    "skola": "skola",
    "social": "omsorg",
    "samhallsbyggnad": "samhällsbyggnad",
    "miljo": "miljö",
    "kultur": "kultur och fritid",
    "val": "val",
    "raddning": "räddningstjänst",
    "utbildning": "gymnasieskola",
}


def quoted(text: str) -> str:
    """Return a YAML double-quoted scalar (a JSON string is one)."""
    return json.dumps(text, ensure_ascii=False)


def site_yaml(corpus: Corpus, base_url: str, settings: Mapping[str, object] | None = None) -> str:
    """Return the site.yaml of the corpus; ``settings`` are added at the end (``page_size: 10``)."""
    lines = [
        "title: Sjödalens beslut",
        f"base_url: {base_url}",
        "language: sv",
        "theme: standard",
        "organisations:",
    ]
    for org in corpus.organisations:
        lines += [
            f"  - name: {quoted(org.name)}",
            f"    protocol_location: {quoted(org.protocol_location)}",
            f"    appeal_court: {quoted(org.appeal_court)}",
            "    boards:",
        ]
        for b in org.boards:
            parent = f", parent: {quoted(b.parent)}" if b.parent else ""
            lines.append(f"      - {{name: {quoted(b.name)}, short: {quoted(b.short)}{parent}}}")
    lines += [f"{key}: {value}" for key, value in (settings or {}).items()]
    return "\n".join(lines) + "\n"


def front_matter(doc: Document) -> list[str]:
    """Return the front matter lines of a document (without the fences)."""
    rng = random.Random(doc.seed ^ 0x5EED)
    w = Writer(doc)
    lines = [f"titel: {quoted(doc.title)}", f"typ: {doc.typ}"]
    when = f"{doc.date.isoformat()} {doc.time:%H:%M}" if doc.time else doc.date.isoformat()
    lines.append(f"datum: {when}")
    if doc.organisation.key != "sjovik":
        lines.append(f"organisation: {quoted(doc.organisation.name)}")
    if doc.board is not None:
        lines.append(f"nämnd: {quoted(doc.board.short if rng.random() < 0.7 else doc.board.name)}")
    if doc.paragraf is not None:
        lines.append(f"paragraf: {doc.paragraf}")
    if doc.case is not None:
        lines.append(f"diarienummer: {quoted(doc.case.number)}")
    meeting = doc.meeting if doc.typ in (PROTOKOLLSUTDRAG, PROTOKOLL) else None
    if meeting is not None and meeting.justerat is not None:
        lines.append(f"justerat: {meeting.justerat.isoformat()}")
        if meeting.anslag is not None:
            lines.append(f"anslag: {meeting.anslag.isoformat()}")
    if doc.typ == DELEGATIONSBESLUT and doc.anslag is not None:
        lines.append(f"anslag: {doc.anslag.isoformat()}")
    lines += decision_block(doc, w)
    if doc.typ == PROTOKOLLSUTDRAG and not doc.appealable:
        lines.append("överklagbar: false")
    if doc.typ == TJANSTESKRIVELSE:
        lines += paper_keys(doc, w, rng)
    if doc.typ == NYHET:
        lines += news_keys(doc, rng)
    if doc.reservations or (doc.typ == UTLATANDE and rng.random() < 0.6):
        lines += reservation_keys(w, rng)
    lines += related_keys(doc)
    lines += attachment_keys(doc, rng)
    if doc.typ == PROTOKOLLSUTDRAG and doc.board is not None and rng.random() < 0.3:
        lines.append(f"taggar: [{quoted(TAGS[doc.board.area])}]")
    return lines


def decision_block(doc: Document, w: Writer) -> list[str]:
    """Return ``beslut:`` as a literal block, for a § or a delegationsbeslut (both forms write it)."""
    decision = doc.decision if doc.typ == DELEGATIONSBESLUT else ""
    if doc.typ == PROTOKOLLSUTDRAG:
        decision = w.decision()
    if not decision:
        return []
    return ["beslut: |-", *(f"  {line}" if line else "" for line in decision.split("\n"))]


def paper_keys(doc: Document, w: Writer, rng: random.Random) -> list[str]:
    """Who wrote a tjänsteskrivelse, for whom, and a summary."""
    author = f"{rng.choice(words.FIRST_NAMES)} {rng.choice(words.LAST_NAMES)}, {rng.choice(words.ROLES)}"
    lines = [f"handläggare: {quoted(author)}"]
    if doc.board is None:
        lines.append(f"mottagare: [{quoted(w.board.name)}]")
    summary = f"{w.board.office} föreslår att {w.fixed['board_l']} beslutar om {w.fixed['matter']}."
    return [*lines, f"sammanfattning: {quoted(summary)}"]


def news_keys(doc: Document, rng: random.Random) -> list[str]:
    """A news item's lead, author, picture and subjects."""
    about = doc.about
    lines = [f"författare: {quoted(rng.choice(words.NEWS_AUTHORS))}"]
    if about is not None and about.board is not None and about.case is not None:
        lines.insert(
            0, f"ingress: {quoted(f'{about.board.name} har beslutat om {about.case.subject.matter}.')}"
        )
        if rng.random() < 0.5:
            lines.append(f"taggar: [{quoted(TAGS[about.board.area])}]")
    if doc.image:
        alt = rng.choice(words.IMAGE_ALTS).format(place=rng.choice(words.PLACES))
        lines += ["bild:", f"  fil: bilder/{picture(doc)}", f"  alt: {quoted(alt)}"]
    return lines


def reservation_keys(w: Writer, rng: random.Random) -> list[str]:
    """One or two reservations; some name only the party."""
    lines = ["reservationer:"]
    for party in rng.sample(words.PARTIES, rng.randint(1, 2)):
        if rng.random() < 0.25:
            lines.append(f"  - parti: {party}")
            continue
        name = f"{rng.choice(words.FIRST_NAMES)} {rng.choice(words.LAST_NAMES)}"
        lines += [f"  - namn: {quoted(name)}", f"    parti: {party}", f"    text: {quoted(w.reservation())}"]
    return lines


def related_keys(doc: Document) -> list[str]:
    """References: the § before in the case, or the case a news item is about."""
    before = doc.previous
    if before is not None and before.typ == PROTOKOLLSUTDRAG and before.board is not None:
        return [
            f"relaterade: [{quoted(f'{before.board.short} {before.date.isoformat()} § {before.paragraf}')}]"
        ]
    if doc.typ == NYHET and doc.about is not None and doc.about.case is not None:
        return [f"relaterade: [{quoted(doc.about.case.number)}]"]
    return []


def attachment_keys(doc: Document, rng: random.Random) -> list[str]:
    """Attachments: a PDF beside the record, and a withheld one naming its secrecy provision."""
    entries = []
    if doc.attachment:
        entries.append([f"titel: {quoted(doc.attachment)}", f"fil: bilagor/{doc.stem}.pdf"])
    first_of_case = doc.case is not None and doc.case.documents[0] is doc
    if (doc.secrecy == WITHHELD and first_of_case) or (doc.secrecy == MASKED and rng.random() < 0.3):
        title, provision = words.WITHHELD[0] if doc.secrecy == WITHHELD else rng.choice(words.WITHHELD[1:])
        entries.append([f"titel: {quoted(title)}", f"sekretess: {quoted(provision)}"])
    if not entries or doc.typ in (KALLELSE, NYHET):
        return []
    return ["bilagor:", *(f"  {'-' if i == 0 else ' '} {line}" for e in entries for i, line in enumerate(e))]


def write_document(doc: Document, content: Path, text: str) -> None:
    """Write a record with its body ``text`` and its files under ``content``."""
    folder = content / doc.folder
    folder.mkdir(parents=True, exist_ok=True)
    text = "---\n" + "\n".join(front_matter(doc)) + "\n---\n\n" + text
    (folder / f"{doc.stem}.md").write_text(text, encoding="utf-8", newline="\n")
    if doc.attachment:
        (folder / "bilagor").mkdir(exist_ok=True)
        (folder / "bilagor" / f"{doc.stem}.pdf").write_bytes(files.pdf(f"{doc.attachment}: {doc.title}"))
    if doc.image and doc.typ == NYHET:
        (folder / "bilder").mkdir(exist_ok=True)
        (folder / "bilder" / picture(doc)).write_bytes(files.png(doc.seed))


def picture(doc: Document) -> str:
    """Return the file name of a news item's picture: its date and a number, like a camera's.

    Not its title: the search index keeps a page's picture address, and the browser tests look for
    words the corpus must not have.
    """
    return f"{doc.date.isoformat()}-{doc.seed % 10000:04d}.png"
