"""The body of each type of document, in Markdown."""

from __future__ import annotations

import datetime as dt

from bench.corpus import phrases, words
from bench.corpus.meetings import next_weekday
from bench.corpus.model import (
    DELEGATIONSBESLUT,
    KALLELSE,
    NYHET,
    PROTOKOLL,
    PROTOKOLLSUTDRAG,
    TJANSTESKRIVELSE,
    Document,
)
from bench.corpus.prose import Writer, swedish_date


def body(doc: Document) -> str:
    """Return the Markdown body of a document."""
    writer = Writer(doc)
    make = {
        PROTOKOLLSUTDRAG: minutes_item,
        TJANSTESKRIVELSE: paper,
        DELEGATIONSBESLUT: delegation,
        NYHET: news,
        PROTOKOLL: minutes,
        KALLELSE: notice,
    }.get(doc.typ, statement)
    blocks = [b for b in make(writer) if b]
    return "\n\n".join(blocks) + "\n"


def minutes_item(w: Writer) -> list[str]:
    """A § of the minutes: the matter, its preparation, motions, the documents it rests on."""
    doc, rng = w.doc, w.rng
    share = w.shares(550, 2)
    blocks = ["## Ärendet", w.reference(), *(w.paragraph(w.background) for _ in range(share[0])), w.masked()]
    blocks += w.section("Beredning", phrases.ASSESSMENT, share[1])
    if rng.random() < 0.25:
        blocks += ["### Ekonomi", w.paragraph(phrases.ECONOMY, 1, 3)]
    if doc.reservations or rng.random() < 0.2:
        motions = [w.fill(m) for m in rng.sample(phrases.MOTIONS, rng.randint(1, 3))]
        blocks += [
            "## Yrkanden",
            " ".join(motions),
            "## Propositionsordning",
            w.fill(rng.choice(phrases.PROPOSITIONS)),
        ]
    papers = [d.date for d in (doc.case.documents if doc.case else []) if d.typ == TJANSTESKRIVELSE]
    written = papers[0] if papers else next_weekday(doc.date - dt.timedelta(days=rng.randint(14, 45)))
    basis = [f"- Tjänsteskrivelse, {swedish_date(written)}"]
    if doc.attachment:
        basis.append(f"- {doc.attachment} (bilaga)")
    blocks += ["## Beslutsunderlag", "\n".join(basis)]
    blocks += ["## Skickas till", "\n".join(f"- {s}" for s in rng.sample(words.SEND_TO, rng.randint(1, 3)))]
    return blocks


def paper(w: Writer) -> list[str]:
    """A tjänsteskrivelse: background, assessment, consequences, the proposed decision."""
    doc, rng = w.doc, w.rng
    share = w.shares(650, 3)
    blocks = [*w.section("Bakgrund", w.background, share[0]), w.masked()]
    blocks += w.section("Förvaltningens bedömning", phrases.ASSESSMENT, share[1])
    blocks += w.section("Ekonomiska konsekvenser", phrases.ECONOMY, max(1, share[2] // 2))
    if rng.random() < 0.3:
        blocks += [f"Kostnaderna i tusental kronor, {doc.date.year}–{doc.date.year + 2}:", table(w)]
    blocks += ["## Konsekvenser för barn", w.paragraph(phrases.CHILDREN, 1, 2)]
    if doc.case is not None:
        clauses = doc.case.subject.decisions
        wording = "\n".join(f"{i}. att {c}" for i, c in enumerate(clauses, 1))
        blocks += [
            "## Förslag till beslut",
            f"{w.board.office} föreslår att {w.fixed['board_l']} beslutar",
            wording,
        ]
    return blocks


def statement(w: Writer) -> list[str]:
    """An utlåtande: the proposal, the matter, what the consulted bodies said."""
    share = w.shares(650, 3)
    blocks = ["## Förslag till beslut", w.decision(), w.reference()]
    blocks += w.section("Ärendet", w.background, share[0])
    blocks += w.section("Remissvar", phrases.CONSULTATION, share[1])
    blocks += w.section("Bedömning", phrases.ASSESSMENT, share[2])
    return blocks


def delegation(w: Writer) -> list[str]:
    """A delegationsbeslut: on what authority, and briefly why."""
    point = f"{w.rng.randint(1, 9)}.{w.rng.randint(1, 12)}"
    return [
        f"Beslutet är fattat med stöd av {w.fixed['board_gl']} delegationsordning, punkt {point}.",
        w.masked(),
        w.paragraph(phrases.ASSESSMENT, 1, 3),
    ]


def news(w: Writer) -> list[str]:
    """A news item about a decision."""
    about = w.doc.about
    blocks = []
    if about is not None and about.board is not None and about.case is not None:
        clause = about.case.subject.decisions[0]
        date = swedish_date(about.date)
        blocks.append(f"{about.board.name} beslutade den {date}, § {about.paragraf} att {clause}.")
    blocks += [w.paragraph(w.background, 2, 3), "## Vad händer nu?", w.paragraph(phrases.NEWS_NEXT, 2, 3)]
    return [*blocks, "## Mer information", phrases.NEWS_MORE]


def minutes(w: Writer) -> list[str]:
    """A meeting's whole protokoll: who was there, its §§, when it was approved."""
    meeting, rng = w.doc.meeting, w.rng
    assert meeting is not None
    members = [f"{words.FIRST_NAMES[i]} {rng.choice(words.LAST_NAMES)} ({rng.choice(words.PARTIES)})" for i in
               rng.sample(range(len(words.FIRST_NAMES)), rng.randint(5, 11))]  # fmt: skip
    members[0] += ", ordförande"
    items = [f"- § {item.paragraf} {item.title}" for item in meeting.items]
    blocks = ["## Närvarande ledamöter", "\n".join(f"- {m}" for m in members), "## Paragrafer"]
    blocks.append("\n".join(items) or "Sammanträdet hade inga ärenden som publiceras här.")
    if meeting.justerat is not None:
        text = f"Protokollet justerades den {swedish_date(meeting.justerat)}."
        if meeting.anslag is not None:
            text += f" Anslaget om justeringen sattes upp den {swedish_date(meeting.anslag)}."
        blocks += ["## Justering", text]
    return blocks


def notice(w: Writer) -> list[str]:
    """A kallelse: when and where the board meets, and what it will deal with."""
    meeting, rng = w.doc.meeting, w.rng
    assert meeting is not None
    weekday = words.WEEKDAYS[meeting.date.weekday()]
    when = f"{weekday}en den {swedish_date(meeting.date)} klockan {meeting.start:%H.%M}"
    venues = words.VENUES[meeting.organisation.key]
    venue = venues[0] if meeting.board.is_assembly or len(venues) == 1 else rng.choice(venues[1:])
    blocks = [f"{meeting.board.name} sammanträder {when} i {venue}."]
    if meeting.board.is_assembly:
        blocks.append("Sammanträdet är öppet för allmänheten.")
    titles = [item.title for item in meeting.items] or [
        "Information från förvaltningen",
        "Anmälan av delegationsbeslut",
    ]
    agenda = ["Upprop", "Val av justerare", *titles, "Övriga frågor"]
    return [*blocks, "## Ärenden", "\n".join(f"{i}. {t}" for i, t in enumerate(agenda, 1))]


def table(w: Writer) -> str:
    """Return a small table of costs."""
    year, rng = w.doc.date.year, w.rng
    rows = ["| Post | " + " | ".join(str(year + i) for i in range(3)) + " |", "|---|---:|---:|---:|"]
    for post in rng.sample(("Personal", "Lokaler", "Material", "Konsulter", "Intäkter", "Övrigt"), 4):
        rows.append(
            f"| {post} | "
            + " | ".join(f"{rng.randrange(50, 9000):,}".replace(",", " ") for _ in range(3))
            + " |"
        )
    return "\n".join(rows)
