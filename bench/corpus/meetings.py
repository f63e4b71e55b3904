"""Meeting calendars: every board meets on its own weekday, about once a month, never in July or at Christmas.

Calendars are laid backwards from the build day, so that each board's latest meeting is a known number of
days before it (``Board.notice_days``): some boards' latest minutes are on the notice board on that day,
others' have come down. Each board also has its next meetings after the build day, for kallelser.
"""

from __future__ import annotations

import datetime as dt
import random

from bench.corpus.bodies import Board, Organisation
from bench.corpus.model import Meeting

YEARS = 10
"""How many calendar years the corpus spans, the build day's year the last."""
UPCOMING = 2
"""How many meetings after the build day each board has (for kallelser)."""
_DAY = dt.timedelta(days=1)


def first_day(today: dt.date) -> dt.date:
    """Return the first day of the corpus: 1 January, ten years back."""
    return dt.date(today.year - YEARS + 1, 1, 1)


def is_break(day: dt.date) -> bool:
    """Tell whether boards do not meet on this day: July, and from 20 December to 7 January."""
    return day.month == 7 or (day.month == 12 and day.day >= 20) or (day.month == 1 and day.day <= 7)


def next_weekday(day: dt.date) -> dt.date:
    """Return ``day``, or the Monday after it when it is a Saturday or Sunday."""
    while day.weekday() >= 5:
        day += _DAY
    return day


def start_time(board: Board) -> dt.time:
    """Return when the board's meetings start: assemblies in the evening, the others in the morning."""
    return dt.time(18, 30) if board.is_assembly else dt.time(8, 30)


def make_meeting(
    rng: random.Random, organisation: Organisation, board: Board, day: dt.date, today: dt.date
) -> Meeting:
    """Return a meeting on ``day``; its minutes are approved and posted within five days, if by today."""
    justerat = next_weekday(day + 2 * _DAY)
    anslag = next_weekday(justerat + _DAY) if rng.random() < 0.4 else justerat
    return Meeting(
        organisation,
        board,
        day,
        start_time(board),
        justerat if justerat <= today else None,
        anslag if anslag <= today else None,
    )


def board_calendar(
    rng: random.Random, organisation: Organisation, board: Board, today: dt.date
) -> tuple[list[Meeting], list[Meeting]]:
    """Return a board's meetings up to the build day (oldest first) and its next meetings."""
    day = today - board.notice_days * _DAY
    while day.weekday() != board.weekday:
        day -= _DAY
    anchor, start, past = day, first_day(today), []
    while day >= start:
        if not is_break(day):
            past.append(make_meeting(rng, organisation, board, day, today))
        day -= dt.timedelta(days=rng.choice((28, 35)))
    upcoming: list[Meeting] = []
    day = anchor
    while len(upcoming) < UPCOMING:
        day += dt.timedelta(days=rng.choice((28, 35)))
        while is_break(day):
            day += dt.timedelta(days=7)
        upcoming.append(make_meeting(rng, organisation, board, day, today))
    return past[::-1], upcoming
