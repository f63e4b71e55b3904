"""Write a document's Swedish text: its decision's wording and its body, in Markdown.

Each document's text comes from its own random generator (seeded by ``Document.seed``), so it is the same
whatever order the documents are written in.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable

from bench.corpus import phrases, words
from bench.corpus.bodies import Board
from bench.corpus.meetings import next_weekday
from bench.corpus.model import DECIDE, PASS_ON, PROTOKOLLSUTDRAG, Document
from bench.corpus.subjects import person, small_amount, swedish_amount
from bench.corpus.topics import MASKED


def swedish_date(day: dt.date) -> str:
    """Return "12 april 2023"."""
    return f"{day.day} {words.SWEDISH_MONTHS[day.month - 1]} {day.year}"


def lower_first(text: str) -> str:
    """Return a name as it is written in running text ("kommunstyrelsen")."""
    return text[:1].lower() + text[1:]


class _Values(dict[str, str]):
    """The placeholders of one sentence, each made when the sentence asks for it."""

    def __init__(self, writer: Writer) -> None:
        super().__init__()
        self.writer = writer

    def __missing__(self, key: str) -> str:
        return self.writer.value(key)


def home_board(doc: Document) -> Board:
    """Return the board a document belongs to: its own, or the first board of its case."""
    if doc.board is not None:
        return doc.board
    boards = [d.board for d in (doc.case.documents if doc.case else []) if d.board is not None]
    return boards[0] if boards else doc.organisation.boards[1 if len(doc.organisation.boards) > 1 else 0]


class Writer:
    """Writes the text of one document."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.rng = random.Random(doc.seed)
        self.decks: dict[int, list[str]] = {}
        source = doc.about or doc  # a news item is written about its decision's matter
        board = home_board(source)
        self.board = board
        self.area = source.case.subject.area if source.case else board.area
        self.background = phrases.BACKGROUND + phrases.FACTS[self.area]
        self.fixed = {
            "board": board.name,
            "board_l": lower_first(board.name),
            "board_gl": lower_first(board.genitive),
            "office": board.office,
            "office_l": lower_first(board.office),
            "matter": source.case.subject.matter if source.case else lower_first(doc.title),
            "y": str(doc.date.year),
            "y0": str(doc.date.year - 1),
            "y1": str(doc.date.year + 1),
        }
        self.fresh = self.makers()

    def fill(self, template: str) -> str:
        """Fill in a sentence, with fresh places, groups and numbers each time."""
        text = template.format_map(_Values(self))
        return text[:1].upper() + text[1:]

    def value(self, key: str) -> str:
        """Return a fresh value for one placeholder of phrases.py."""
        return self.fixed[key] if key in self.fixed else self.fresh[key]()

    def makers(self) -> dict[str, Callable[[], str]]:
        """Return how each placeholder that changes from sentence to sentence gets its value."""
        rng = self.rng
        return {
            "place": lambda: rng.choice(words.PLACES),
            "group": lambda: rng.choice(words.GROUPS),
            "ground": lambda: rng.choice(words.GROUNDS),
            "law": lambda: rng.choice(words.LAWS[self.area]),
            "street": lambda: rng.choice(words.STREETS),
            "dependency": lambda: rng.choice(words.DEPENDENCIES),
            "benefit": lambda: rng.choice(words.BENEFITS),
            "unit": lambda: rng.choice(words.UNITS),
            "date": lambda: swedish_date(self.earlier()),
            "pct": lambda: str(rng.randint(3, 40)),
            "count": lambda: str(rng.randint(12, 90)),
            "amount": lambda: swedish_amount(rng),
            "small": lambda: small_amount(rng),
            "years": lambda: str(rng.choice((10, 15, 20, 33))),
            "person": lambda: person(rng),
            "party": lambda: rng.choice(words.PARTIES),
            "osl": lambda: words.OSL.get(self.area, "OSL 26 kap. 1 §"),
        }

    def earlier(self) -> dt.date:
        """Return a weekday two months to a year before the document, not in July (no meetings then)."""
        day = self.doc.date - dt.timedelta(days=self.rng.randint(60, 400))
        return next_weekday(day - dt.timedelta(days=31) if day.month == 7 else day)

    def draw(self, pool: tuple[str, ...]) -> str:
        """Return a sentence of ``pool`` not used yet in this document (until all have been)."""
        deck = self.decks.get(id(pool))
        if not deck:
            deck = self.decks[id(pool)] = self.rng.sample(pool, len(pool))
        return deck.pop()

    def paragraph(self, pool: tuple[str, ...], low: int = 2, high: int = 4) -> str:
        """Return a paragraph of different sentences from ``pool``."""
        count = min(len(pool), self.rng.randint(low, high))
        return " ".join(self.fill(self.draw(pool)) for _ in range(count))

    def section(self, heading: str, pool: tuple[str, ...], paragraphs: int) -> list[str]:
        """Return a heading and its paragraphs."""
        return [f"## {heading}", *(self.paragraph(pool) for _ in range(paragraphs))]

    def shares(self, median_words: int, sections: int) -> list[int]:
        """Return how many paragraphs each of ``sections`` sections gets, for a text of about
        ``median_words`` words (log-normally spread, as real records are: most short, some long)."""
        length = median_words * min(4.0, max(0.3, self.rng.lognormvariate(0, 0.5)))
        total = max(sections, round(length / 50))
        return [total // sections + (i < total % sections) for i in range(sections)]

    def decision(self) -> str:
        """Return the wording of a § or an utlåtande's proposal (Markdown)."""
        doc = self.doc
        assert doc.case is not None and doc.board is not None
        clauses = doc.case.subject.decisions
        if doc.role == PASS_ON and doc.board.parent:
            parent = doc.organisation.board(doc.board.parent)
            parent_name = lower_first(parent.name)
            return f"Arbetsutskottet överlämnar ärendet till {parent_name} utan eget ställningstagande."
        if doc.role == DECIDE and doc.typ == PROTOKOLLSUTDRAG:
            opening = f"{doc.board.name} beslutar"
        else:
            to = doc.addressee or doc.board
            opening = f"{doc.board.name} föreslår {lower_first(to.name)} besluta"
        if len(clauses) == 1:
            return f"{opening} att {clauses[0]}."
        points = "\n".join(
            f"{i}. att {c}{',' if i < len(clauses) else '.'}" for i, c in enumerate(clauses, 1)
        )
        return f"{opening}\n\n{points}"

    def reference(self) -> str:
        """Return the sentence that refers to the case's step before this document."""
        before = self.doc.previous
        if before is None:
            return ""
        if before.typ == PROTOKOLLSUTDRAG and before.board is not None:
            when = swedish_date(before.date)
            return f"{before.board.name} behandlade ärendet den {when}, § {before.paragraf}."
        return (
            f"{self.board.office} lämnade den {swedish_date(before.date)} ett förslag till beslut i ärendet."
        )

    def masked(self) -> str:
        """Return a passage with a masked part, when the matter is secret."""
        return self.fill(self.rng.choice(phrases.MASKED_PASSAGES)) if self.doc.secrecy == MASKED else ""

    def reservation(self) -> str:
        """Return the text of a reservation."""
        return self.fill(self.rng.choice(phrases.RESERVATIONS))
