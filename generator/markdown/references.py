"""Cross-references: find them in text and in ``relaterade``, and resolve them against an index of targets.

The index (``LinkIndex``) is built once from every published record before any Markdown is rendered, so
that rendering stays a pure function of (record, index). Nothing here depends on the site model.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from generator.base.doctypes import Kind
from generator.base.record import Record
from generator.base.slugs import slugify
from generator.base.urls import case_path, meeting_path, record_path
from generator.config.parts import OrganisationConfig

MONTHS = (
    "januari", "februari", "mars", "april", "maj", "juni",
    "juli", "augusti", "september", "oktober", "november", "december",
)  # fmt: skip
_DATE = (
    r"(?:(?P<day>\d{1,2})\s+(?P<month>(?i:" + "|".join(MONTHS) + r"))\s+(?P<year>\d{4})"
    r"|(?P<iso>\d{4}-\d{2}-\d{2}))"
)
_PARAGRAPH_REF = re.compile(r"(?<![\w-])" + _DATE + r"\s*,?\s*§\s*(?P<p>\d{1,5}[a-z]?)(?![\w-])")
_DNR_CODE = r"[A-ZÅÄÖ]{1,8}[ -]?"
_DNR_TOKEN = r"(?:" + _DNR_CODE + r")?\d[\d./:-]*\d"
_DNR_PREFIXED = re.compile(
    r"(?<![\w-])(?i:dnr\.?|diarienr\.?|diarienummer)\s*:?\s*(?P<dnr>"
    + _DNR_TOKEN
    + r"(?:\s[A-ZÅÄÖ]{2,8}(?![\w-]))?)"
)
_DNR_WORD = re.compile(r"(?i)dnr|diarie")
_DNR_BARE = re.compile(
    r"(?<![\w/.-])(?P<dnr>[A-ZÅÄÖ]{2,8}-\d{4}/\d+(?:[.:]\d+)*|\d{3}-\d{1,6}/\d{4})(?![\w/])"
)
_RELATED = re.compile(r"^(?P<board>.+?)\s+(?P<iso>\d{4}-\d{2}-\d{2})(?:\s*,?\s*§\s*(?P<p>\d{1,5}[a-z]?))?$")
_CONNECTOR = re.compile(r"\s*(?:,|och|samt|respektive|resp\.)?\s*(?:den\s+)?$")
"""What may stand between two references for the second to share the first's board ('och', ',')."""
_SENTENCE_END = re.compile(r"[.!?:;]\s|\n\s*\n")
BOARD_WINDOW = 160
"""How far back (characters) a § reference looks for the board that made the decision."""
BOARD_IN_LINK = 25
"""A board named at most this far before the date is made part of the link text."""


@dataclass(frozen=True)
class BoardNames:
    """The boards of one organisation, found by short code (exact) or name (any case, genitive -s)."""

    shorts: Mapping[str, str]
    names: Mapping[str, str]
    """Lower-case name → short code."""
    pattern: re.Pattern[str]

    def short_of(self, written: str) -> str | None:
        """Return the short code of a board as written, or None."""
        if written in self.shorts:
            return self.shorts[written]
        low = written.lower()
        return self.names.get(low) or (self.names.get(low[:-1]) if low.endswith("s") else None)


def board_names(org: OrganisationConfig) -> BoardNames:
    """Return how the boards of ``org`` are recognised in text."""
    shorts = {b.short: b.short for b in org.boards}
    names = {b.name.lower(): b.short for b in org.boards}
    alternatives = [re.escape(s) for s in shorts] + [f"(?i:{re.escape(n)})s?" for n in names]
    alternatives.sort(key=len, reverse=True)
    body = "|".join(alternatives) or r"(?!x)x"
    return BoardNames(shorts, names, re.compile(r"(?<![\w-])(?:" + body + r")(?![\w-])"))


@dataclass(frozen=True)
class LinkIndex:
    """Every target a reference can point at, by the keys references are written with."""

    base_path: str
    boards: Mapping[str, BoardNames]
    """By organisation slug."""
    meetings: Mapping[tuple[str, str, dt.date], str]
    """(organisation, board short, date) → meeting page."""
    paragraphs: Mapping[tuple[str, str, dt.date, str], str]
    """(organisation, board short, date, §) → the protokollsutdrag's page."""
    minutes: Mapping[tuple[str, str, dt.date], str]
    """(organisation, board short, date) → the whole protokoll's page, for §§ without their own page."""
    cases: Mapping[tuple[str, str], str]
    """(organisation, slug of the diarienummer) → case page."""


def build_link_index(
    base_path: str, organisations: Iterable[OrganisationConfig], records: Iterable[Record]
) -> LinkIndex:
    """Index the published records: meetings, §§, whole minutes and cases, by organisation."""
    meetings: dict[tuple[str, str, dt.date], str] = {}
    paragraphs: dict[tuple[str, str, dt.date, str], str] = {}
    minutes: dict[tuple[str, str, dt.date], str] = {}
    cases: dict[tuple[str, str], str] = {}
    for rec in records:
        path = record_path(rec)
        if rec.diarienummer:
            cases.setdefault(
                (rec.organisation, slugify(rec.diarienummer, 80)),
                case_path(rec.organisation, rec.diarienummer),
            )
        if rec.namnd is None or rec.typ.kind not in (Kind.MINUTES_ITEM, Kind.MINUTES, Kind.NOTICE):
            continue
        key = (rec.organisation, rec.namnd, rec.datum)
        meetings[key] = meeting_path(*key)
        if rec.typ.kind is Kind.MINUTES_ITEM and rec.paragraf:
            paragraphs[(*key, rec.paragraf)] = path
        elif rec.typ.kind is Kind.MINUTES:
            minutes.setdefault(key, path)
    boards = {o.slug: board_names(o) for o in organisations}
    return LinkIndex(base_path, boards, meetings, paragraphs, minutes, cases)


@dataclass(frozen=True)
class Citation:
    """What a reference points at: a § (or a meeting when ``paragraf`` is empty), or a case."""

    organisation: str
    board: str = ""
    day: dt.date | None = None
    paragraf: str = ""
    diarienummer: str = ""

    def describe(self) -> str:
        """Return the reference written out: ``KS 2018-05-28 § 93``, ``ärendet 219-5028/2004``."""
        if self.diarienummer:
            return f"ärendet {self.diarienummer}"
        day = self.day.isoformat() if self.day else ""
        return f"{self.board} {day}" + (f" § {self.paragraf}" if self.paragraf else "")


def resolve(citation: Citation, index: LinkIndex) -> str | None:
    """Return the page (relative to the site root) a citation points at, or None if not on the site."""
    org = citation.organisation
    if citation.diarienummer:
        return index.cases.get((org, slugify(citation.diarienummer, 80)))
    if citation.day is None:
        return None
    key = (org, citation.board, citation.day)
    if not citation.paragraf:
        return index.meetings.get(key)
    return index.paragraphs.get((*key, citation.paragraf)) or index.minutes.get(key)


@dataclass(frozen=True)
class Found:
    """A reference found in a text: where (``start``–``end``, the span to link), what, and the problem."""

    start: int
    end: int
    text: str
    citation: Citation | None
    """None when the reference is recognisable but incomplete (a § whose board is not named)."""


def find_in_text(text: str, org: str, index: LinkIndex) -> list[Found]:
    """Return every reference in ``text`` (a § with its board and date, or a diarienummer), in order."""
    found: list[Found] = []
    if "§" not in text and "/" not in text and not _DNR_WORD.search(text):
        return found  # the common case, decided without running the patterns below
    names = index.boards.get(org)
    taken: list[tuple[int, int]] = []
    previous: Found | None = None
    for match in _PARAGRAPH_REF.finditer(text) if "§" in text else ():
        day = _date_of(match)
        if day is None:
            continue
        ref = _paragraph_ref(text, match, day, org, names, previous)
        found.append(ref)
        taken.append((match.start(), match.end()))
        previous = ref
    for pattern in (_DNR_PREFIXED, _DNR_BARE):
        for match in pattern.finditer(text):
            if any(s < match.end() and match.start() < e for s, e in taken):
                continue
            dnr = match.group("dnr").strip()
            taken.append((match.start(), match.end()))
            found.append(Found(match.start(), match.end(), match.group(0), Citation(org, diarienummer=dnr)))
    return sorted(found, key=lambda f: f.start)


def _date_of(match: re.Match[str]) -> dt.date | None:
    try:
        if match.group("iso"):
            return dt.date.fromisoformat(match.group("iso"))
        month = MONTHS.index(match.group("month").lower()) + 1
        return dt.date(int(match.group("year")), month, int(match.group("day")))
    except ValueError:
        return None


def _paragraph_ref(
    text: str, match: re.Match[str], day: dt.date, org: str, names: BoardNames | None, previous: Found | None
) -> Found:
    """Find the board named before a date and § in the same sentence ('och 20 juni 2017 § 150' inherits)."""
    window_start = max(0, match.start() - BOARD_WINDOW, previous.end if previous else 0)
    window = text[window_start : match.start()]
    ends = list(_SENTENCE_END.finditer(window))
    offset = window_start + (ends[-1].end() if ends else 0)
    mentions = list(names.pattern.finditer(text, offset, match.start())) if names else []
    start, board = match.start(), None
    if mentions and names is not None:
        last = mentions[-1]
        board = names.short_of(last.group(0))
        if match.start() - last.end() <= BOARD_IN_LINK:
            start = last.start()
    elif (
        previous is not None
        and previous.citation is not None
        and _CONNECTOR.match(text, previous.end, match.start())
    ):
        board = previous.citation.board or None
    paragraf = match.group("p")
    citation = Citation(org, board, day, paragraf) if board else None
    return Found(start, match.end(), text[start : match.end()], citation)


def parse_related(text: str, org: str, index: LinkIndex) -> Citation | str:
    """Return the citation a ``relaterade`` entry makes, or a Swedish message saying what is wrong with it."""
    match = _RELATED.match(text.strip())
    if match is None:
        return Citation(org, diarienummer=text.strip())
    try:
        day = dt.date.fromisoformat(match.group("iso"))
    except ValueError:
        return f'"{match.group("iso")}" är inget giltigt datum'
    names = index.boards.get(org)
    board = names.short_of(match.group("board")) if names else None
    if board is None:
        return f'nämnden "{match.group("board")}" finns inte i organisationen'
    return Citation(org, board, day, match.group("p") or "")


@dataclass(frozen=True)
class Cited:
    """A reference as written in a record (body, ``beslut`` or ``relaterade``) and where it leads."""

    field: str
    """Where it was written: ``relaterade``, ``beslut`` or ``hänvisning`` (the body text)."""
    line: int
    column: int
    text: str
    citation: Citation | None
    target: str | None
    """The page it leads to (relative to the site root), or None when not on the site."""
    problem: str = ""
    """Why it cannot be resolved, when the reference itself is faulty."""
