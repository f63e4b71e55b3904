"""Plan a corpus: cases that climb from board to board, and the news, notices and minutes around them.

``plan(n, seed, today)`` returns exactly ``n`` documents, the same ones for the same arguments. It starts
with what every corpus must show: a decision at each board's latest meeting (so the notice board has
notices on the build day), and one document of each type; then it adds units at random (a case, a
delegationsbeslut, a news item, a whole protokoll, a kallelse) until there are ``n``.
"""

from __future__ import annotations

import bisect
import datetime as dt
import random

from bench.corpus import words
from bench.corpus.bodies import ORGANISATIONS, Board, Organisation
from bench.corpus.meetings import board_calendar, first_day, next_weekday
from bench.corpus.model import (
    DECIDE,
    DELEGATIONSBESLUT,
    KALLELSE,
    NYHET,
    PASS_ON,
    PROPOSE,
    PROTOKOLL,
    PROTOKOLLSUTDRAG,
    TJANSTESKRIVELSE,
    UTLATANDE,
    Case,
    Corpus,
    Document,
    Meeting,
)
from bench.corpus.prose import lower_first, swedish_date
from bench.corpus.subjects import SubjectMaker, case_number
from bench.corpus.topics import MASKED

Calendar = dict[tuple[str, str], list[Meeting]]


class Planner:
    """Adds documents until the corpus has ``n``."""

    def __init__(self, n: int, seed: int, today: dt.date) -> None:
        self.n, self.today = n, today
        self.rng = random.Random(seed)
        self.subjects = SubjectMaker(self.rng)
        self.documents: list[Document] = []
        self.cases: list[Case] = []
        self.past: Calendar = {}
        self.upcoming: Calendar = {}
        for org in ORGANISATIONS:
            for board in org.boards:
                key = (org.key, board.short)
                self.past[key], self.upcoming[key] = board_calendar(self.rng, org, board, today)
        self.in_use: list[Meeting] = []
        """Meetings with at least one §, in the order they got it."""
        self.decided: list[Document] = []
        self.numbers: dict[tuple[str, str, int], int] = {}

    @property
    def full(self) -> bool:
        """Tell whether the corpus has its ``n`` documents."""
        return len(self.documents) >= self.n

    def add(self, doc: Document) -> bool:
        """Add a document unless the corpus is full; return whether it was added."""
        if self.full:
            return False
        self.documents.append(doc)
        if doc.case is not None:
            doc.case.documents.append(doc)
        return True

    def seed(self) -> int:
        """Return a seed for one document's text."""
        return self.rng.getrandbits(32)

    def pick_board(self) -> tuple[Organisation, Board]:
        """Return a board where a case starts, by the boards' weights."""
        pairs = [(org, board) for org in ORGANISATIONS for board in org.boards if board.weight]
        org, board = self.rng.choices(pairs, weights=[b.weight for _, b in pairs])[0]
        return org, board

    def new_case(self, org: Organisation, board: Board, year: int) -> Case:
        """Register a new case at the board's registry."""
        case = Case(
            org, case_number(self.rng, org, board, year, self.numbers), self.subjects.make(org, board, year)
        )
        self.cases.append(case)
        return case

    def case(self, org: Organisation, board: Board, meeting: Meeting, climb: int | None = None) -> None:
        """Add a case: perhaps a tjänsteskrivelse, then a § at each board it passes, up to its decision.

        ``climb`` is how many boards above the first one the case goes to (at random when None).
        """
        rng = self.rng
        paper_day = next_weekday(meeting.date - dt.timedelta(days=rng.randint(14, 42)))
        with_paper = rng.random() < 0.45 and first_day(self.today) <= paper_day
        case = self.new_case(org, board, paper_day.year if with_paper else meeting.date.year)
        above = org.chain[org.chain.index(board.short) + 1 :] if board.short in org.chain else org.chain
        if climb is None:
            climb = 0 if case.subject.secrecy == MASKED else rng.choices((0, 1, 2, 3), (50, 25, 15, 10))[0]
        steps = [board, *(org.board(short) for short in above[:climb])]
        if steps[-1].parent:  # an arbetsutskott prepares; its styrelse decides
            steps.append(org.board(steps[-1].parent))
        previous = self.paper(case, board, paper_day) if with_paper else None
        for i, step in enumerate(steps):
            if i > 0:
                after = previous.date + dt.timedelta(days=6) if previous else meeting.date
                found = self.meeting_after(org, step, after)
                if found is None:
                    return
                meeting = found
            last = i == len(steps) - 1
            role = DECIDE if last else PASS_ON if step.parent and rng.random() < 0.5 else PROPOSE
            if last and len(steps) > 1 and steps[-1].is_assembly and rng.random() < 0.35 and previous:
                statement = self.document(UTLATANDE, case, steps[-2], previous.date, previous=previous)
                statement.addressee = step
                self.add(statement)
            doc = self.document(PROTOKOLLSUTDRAG, case, step, meeting.date, previous=previous, role=role)
            doc.meeting, doc.addressee = meeting, None if last else steps[-1]
            doc.reservations = role != PASS_ON and rng.random() < 0.15
            doc.attachment = rng.choice(words.ATTACHMENTS) if rng.random() < 0.2 and not doc.secrecy else ""
            if not self.add(doc):
                return
            meeting.items.append(doc)
            if len(meeting.items) == 1:
                self.in_use.append(meeting)
            if last:
                self.decided.append(doc)
            previous = doc

    def document(self, typ: str, case: Case, board: Board | None, day: dt.date, **values: object) -> Document:
        """Return a document of a case."""
        doc = Document(typ, case.organisation, board, day, case.subject.title, self.seed(), case=case)
        doc.secrecy = case.subject.secrecy
        for key, value in values.items():
            setattr(doc, key, value)
        return doc

    def paper(self, case: Case, board: Board, day: dt.date) -> Document | None:
        """Add the tjänsteskrivelse a case starts with (two to six weeks before its first meeting)."""
        doc = self.document(TJANSTESKRIVELSE, case, board if self.rng.random() < 0.5 else None, day)
        doc.attachment = self.rng.choice(words.ATTACHMENTS) if self.rng.random() < 0.4 else ""
        return doc if self.add(doc) else None

    def meeting_after(self, org: Organisation, board: Board, day: dt.date) -> Meeting | None:
        """Return the board's first meeting on or after ``day``, if there is one by the build day."""
        meetings = self.past[(org.key, board.short)]
        i = bisect.bisect_left([m.date for m in meetings], day)
        return meetings[i] if i < len(meetings) else None

    def random_case(self) -> None:
        """Add a case that starts at a random meeting of a board chosen by weight."""
        org, board = self.pick_board()
        self.case(org, board, self.rng.choice(self.past[(org.key, board.short)]))

    def delegation(self, recent: bool = False) -> None:
        """Add a delegationsbeslut, with its own notice on the notice board."""
        rng = self.rng
        org, board = self.pick_board()
        start = first_day(self.today)
        if recent:
            day = next_weekday(self.today - dt.timedelta(days=rng.randint(4, 9)))
        else:
            day = next_weekday(start + dt.timedelta(days=rng.randrange((self.today - start).days)))
        title, decision, secrecy = self.subjects.delegated(board)
        case = self.new_case(org, board, day.year) if rng.random() < 0.7 else None
        doc = Document(DELEGATIONSBESLUT, org, board, day, title, self.seed(), case=case)
        doc.decision, doc.secrecy = decision, secrecy
        anslag = next_weekday(day + dt.timedelta(days=rng.randint(1, 2)))
        doc.anslag = anslag if anslag <= self.today else None
        self.add(doc)

    def news(self) -> bool:
        """Add a news item about a decision; return False when there is no decision yet."""
        candidates = [d for d in self.decided if d.date < self.today]
        if not candidates:
            return False
        about = self.rng.choice(candidates)
        day = min(self.today, next_weekday(about.date + dt.timedelta(days=self.rng.randint(1, 3))))
        title = f"Beslut om {lower_first(about.title)}"
        doc = Document(NYHET, about.organisation, None, day, title, self.seed(), about=about)
        doc.time = dt.time(self.rng.randint(8, 15), self.rng.choice((0, 15, 30, 45)))
        doc.image = self.rng.random() < 0.35
        return self.add(doc)

    def protocol(self, meeting: Meeting | None = None) -> bool:
        """Add the whole protokoll of a meeting that has §§; return False when none is left."""
        for _ in range(5):
            chosen = meeting or (self.rng.choice(self.in_use) if self.in_use else None)
            if chosen is None or chosen.protocol is not None:
                meeting = None
                continue
            title = f"Protokoll från {lower_first(chosen.board.name)} {swedish_date(chosen.date)}"
            doc = Document(PROTOKOLL, chosen.organisation, chosen.board, chosen.date, title, self.seed())
            doc.meeting, doc.attachment = chosen, "Justerat protokoll"
            chosen.protocol = doc
            return self.add(doc)
        return False

    def notice(self, meeting: Meeting | None = None) -> bool:
        """Add the kallelse of a meeting (an upcoming one or a past one with §§); False when none is left."""
        for _ in range(5):
            chosen = meeting
            if chosen is None and self.rng.random() < 0.3:
                chosen = self.rng.choice([m for ms in self.upcoming.values() for m in ms])
            elif chosen is None and self.in_use:
                chosen = self.rng.choice(self.in_use)
            if chosen is None or chosen.notice is not None:
                meeting = None
                continue
            title = f"Kallelse till {lower_first(chosen.board.name)} {swedish_date(chosen.date)}"
            doc = Document(KALLELSE, chosen.organisation, chosen.board, chosen.date, title, self.seed())
            doc.meeting, doc.time = chosen, chosen.start
            chosen.notice = doc
            return self.add(doc)
        return False

    def essentials(self) -> None:
        """Add what every corpus shows: notices up on the build day, and every type of document."""
        for org in ORGANISATIONS:
            for board in org.boards:
                latest = self.past[(org.key, board.short)][-1]
                self.case(org, board, latest, climb=0)
        sjovik = ORGANISATIONS[0]
        ks, meetings = sjovik.board("KS"), self.past[(sjovik.key, "KS")]
        self.case(sjovik, ks, meetings[-4], climb=1)  # decided by fullmäktige
        case = self.cases[-1]
        self.delegation(recent=True)
        self.protocol(meetings[-1])
        self.notice(self.upcoming[(sjovik.key, "KF")][0])
        self.news()
        if not any(d.typ == TJANSTESKRIVELSE for d in self.documents):
            self.add(self.document(TJANSTESKRIVELSE, case, None, meetings[-5].date))
        if not any(d.typ == UTLATANDE for d in self.documents):
            kf = sjovik.board("KF")
            self.add(self.document(UTLATANDE, case, ks, meetings[-4].date, addressee=kf))

    def fill(self) -> None:
        """Add random units until the corpus is full."""
        while not self.full:
            r = self.rng.random()
            done = True
            if r < 0.1:
                self.delegation()
            elif r < 0.18:
                done = self.news()
            elif r < 0.25:
                done = self.protocol()
            elif r < 0.33:
                done = self.notice()
            else:
                self.random_case()
            if not done:
                self.random_case()


def plan(n: int, seed: int, today: dt.date) -> Corpus:
    """Return a corpus of ``n`` documents, the same for the same arguments."""
    planner = Planner(n, seed, today)
    planner.essentials()
    planner.fill()
    meetings = [m for ms in (*planner.past.values(), *planner.upcoming.values()) for m in ms]
    number_paragraphs(planner.rng, meetings)
    used = [m for m in meetings if m.items or m.protocol or m.notice]
    return Corpus(
        seed, today, ORGANISATIONS, planner.documents, used, [c for c in planner.cases if c.documents]
    )


def number_paragraphs(rng: random.Random, meetings: list[Meeting]) -> None:
    """Number the §§ of each board through its year, meeting by meeting, as minutes do (with gaps)."""
    counters: dict[tuple[str, str, int], int] = {}
    for meeting in sorted(meetings, key=lambda m: m.date):
        key = (meeting.organisation.key, meeting.board.short, meeting.date.year)
        number = counters.get(key, rng.randint(0, 2))
        for item in meeting.items:
            number += 1 + (rng.random() < 0.3)
            item.paragraf = number
        counters[key] = number
