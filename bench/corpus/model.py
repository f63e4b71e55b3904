"""The corpus as data: meetings, cases and documents, before any of it is written as text."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from bench.corpus.bodies import Board, Organisation

PROTOKOLLSUTDRAG = "protokollsutdrag"
PROTOKOLL = "protokoll"
KALLELSE = "kallelse"
TJANSTESKRIVELSE = "tjänsteskrivelse"
UTLATANDE = "utlåtande"
DELEGATIONSBESLUT = "delegationsbeslut"
NYHET = "nyhet"
TYPES = (PROTOKOLLSUTDRAG, PROTOKOLL, KALLELSE, TJANSTESKRIVELSE, UTLATANDE, DELEGATIONSBESLUT, NYHET)

DECIDE = "decide"
"""A § that decides the matter."""
PROPOSE = "propose"
"""A § that proposes a decision to the board above (not appealable)."""
PASS_ON = "pass_on"
"""An arbetsutskott's § that passes the matter on without a position of its own (not appealable)."""


@dataclass
class Meeting:
    """One meeting of a board, with the documents the corpus has of it."""

    organisation: Organisation
    board: Board
    date: dt.date
    start: dt.time
    justerat: dt.date | None
    """When its minutes were approved; None while that is after the build day."""
    anslag: dt.date | None
    """When the notice of the approved minutes went up; None while that is after the build day."""
    items: list[Document] = field(default_factory=list)
    protocol: Document | None = None
    notice: Document | None = None


@dataclass
class Subject:
    """A matter with its placeholders filled in."""

    title: str
    matter: str
    decisions: tuple[str, ...]
    """The "att" clauses of the decision, in order."""
    secrecy: str
    area: str
    """The area of the board where the case started (topics.AREAS)."""


@dataclass
class Case:
    """Every document of one diarienummer."""

    organisation: Organisation
    number: str
    subject: Subject
    documents: list[Document] = field(default_factory=list)


@dataclass
class Document:
    """One record of the corpus."""

    typ: str
    organisation: Organisation
    board: Board | None
    date: dt.date
    title: str
    seed: int
    """Seeds the random choices of its text, so the text does not depend on the order of writing."""
    time: dt.time | None = None
    case: Case | None = None
    meeting: Meeting | None = None
    previous: Document | None = None
    """The case's step before this one, which the text and ``relaterade`` refer to."""
    role: str = DECIDE
    addressee: Board | None = None
    """Whom a proposal goes to."""
    paragraf: int | None = None
    anslag: dt.date | None = None
    """A delegationsbeslut's own notice."""
    decision: str = ""
    """A delegationsbeslut's wording, when it is not made from the case's subject."""
    secrecy: str = ""
    reservations: bool = False
    attachment: str = ""
    """The title of a public attachment (a PDF written beside the record)."""
    image: bool = False
    about: Document | None = None
    """The decision a news item is about."""
    folder: str = ""
    """Where it is written, under content/ (set when the corpus is complete)."""
    stem: str = ""
    """Its file name without ``.md`` (set when the corpus is complete)."""

    @property
    def appealable(self) -> bool:
        """Tell whether the decision can be appealed (a proposal or a passing-on cannot)."""
        return self.role == DECIDE


@dataclass
class Corpus:
    """Every document, meeting and case, and the day the corpus was made for."""

    seed: int
    today: dt.date
    organisations: tuple[Organisation, ...]
    documents: list[Document]
    meetings: list[Meeting]
    cases: list[Case]

    def count(self, typ: str) -> int:
        """Return how many documents have this type."""
        return sum(1 for d in self.documents if d.typ == typ)
