"""Fill in a board's subjects (topics.py) and number its cases the way its registry does."""

from __future__ import annotations

import random

from bench.corpus import words
from bench.corpus.bodies import Board, Organisation
from bench.corpus.model import Subject
from bench.corpus.topics import AREAS, DELEGATED

CLASS_CODES = (
    "100",
    "104",
    "106",
    "109",
    "202",
    "206",
    "301",
    "305",
    "401",
    "408",
    "502",
    "507",
    "703",
    "809",
)
"""The classification codes after a municipal diarienummer (their own list: the browser tests' fixture
records use other codes, so no generated case can share a number with theirs)."""


def swedish_amount(rng: random.Random) -> str:
    """Return a sum of millions, as the text writes it ("4,5 miljoner kronor")."""
    return f"{rng.randint(12, 480) / 10:.1f} miljoner kronor".replace(".", ",")


def small_amount(rng: random.Random) -> str:
    """Return a sum of thousands ("45 000 kronor")."""
    return f"{rng.randrange(5, 300) * 1000:,} kronor".replace(",", " ")


def person(rng: random.Random) -> str:
    """Return a made-up elected member's name."""
    return f"{rng.choice(words.FIRST_NAMES)} {rng.choice(words.LAST_NAMES)}"


class SubjectMaker:
    """Fills in subjects with places, years, people and sums."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def values(self, org: Organisation, board: Board, year: int) -> dict[str, str]:
        """Return a value for every placeholder of topics.py."""
        rng = self.rng
        place, place2 = rng.sample(words.PLACES, 2)
        others = [b.name for b in org.boards if b is not board] or [board.name]
        month = rng.randint(1, 12)
        return {
            "place": place,
            "place2": place2,
            "block": rng.choice(words.BLOCKS),
            "n": str(rng.randint(1, 40)),
            "street": rng.choice(words.STREETS),
            "lake": rng.choice(words.LAKES),
            "y0": str(year - 1),
            "y": str(year),
            "y1": str(year + 1),
            "y2": str(year + 2),
            "y3": str(year + 3),
            "board": rng.choice(others).lower(),
            "person": person(rng),
            "party": rng.choice(words.PARTIES),
            "amount": swedish_amount(rng),
            "small": small_amount(rng),
            "date": f"{rng.randint(1, 28)} {words.SWEDISH_MONTHS[month - 1]} {year + 1}",
            "election": str(year + (2 - year % 4) % 4),
            "election0": str(year - (year - 2) % 4),
        }

    def make(self, org: Organisation, board: Board, year: int) -> Subject:
        """Return one of the board's subjects, filled in for a case of ``year``."""
        title, matter, decisions, secrecy = self.rng.choice(AREAS[board.area])
        values = self.values(org, board, year)
        values["matter"] = matter.format(**values)
        count = self.rng.randint(1, len(decisions))
        chosen = tuple(d.format(**values) for d in decisions[:count])
        return Subject(title.format(**values), values["matter"], chosen, secrecy, board.area)

    def delegated(self, board: Board) -> tuple[str, str, str]:
        """Return the title, wording and secrecy of a decision taken under the board's delegation."""
        title, decision, secrecy = self.rng.choice(DELEGATED.get(board.area, DELEGATED["styrning"]))
        values = self.values_for_delegation()
        return title.format(**values), decision.format(**values), secrecy

    def values_for_delegation(self) -> dict[str, str]:
        """Return the placeholders a delegationsbeslut uses."""
        rng = self.rng
        return {
            "place": rng.choice(words.PLACES),
            "block": rng.choice(words.BLOCKS),
            "n": str(rng.randint(1, 40)),
            "small": small_amount(rng),
        }


def case_number(
    rng: random.Random, org: Organisation, board: Board, year: int, last: dict[tuple[str, str, int], int]
) -> str:
    """Return the next diarienummer of the board's registry for ``year`` (numbers rise through the year)."""
    registry = board.registry or board.short
    key = (org.key, registry, year)
    number = last.get(key, rng.randint(1, 30)) + rng.randint(1, 12)
    last[key] = number
    if org.dnr_style == "dot":
        return f"{year}.{number:03d} {registry}"
    if org.dnr_style == "slash":
        return f"{registry} {year}/{number}"
    return f"{registry}-{year}/{number}.{rng.choice(CLASS_CODES)}"
