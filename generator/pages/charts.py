"""Pictures drawn at build time: a board's decisions per year, a case's history across boards.

The views here carry numbers only (positions in an SVG ``viewBox``, counts, labels); the theme's
``_charts.html`` draws them as inline SVG, so no page needs JavaScript or a chart library, and the same
data is written beside each picture for screen readers (a table, the case's list). The drawing is made
for a phone first: 320 units wide, scaled to the column, text large enough at 320 px and at 200 % zoom.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from generator.base.doctypes import Kind
from generator.config.i18n import Translator
from generator.model.site import Entry

WIDTH = 320
"""The width of every picture's ``viewBox``."""
DECISION_KINDS = (Kind.MINUTES_ITEM, Kind.DELEGATION)
"""What a board's chart counts: its §§ and its delegationsbeslut (a whole protokoll repeats its §§)."""

_ROW = 28
_BAR = 18
_LABEL = 48
_BAR_SPACE = WIDTH - _LABEL - 44
_LANE = 50
_DOT = 10
_EDGE = 22


@dataclass(frozen=True)
class Bar:
    """One year of a board's decisions: a row of the bar chart."""

    label: str
    """The year."""
    value: int
    """How many decisions the board made that year."""
    y: int
    """The top of the bar."""
    width: float
    """The bar's length (0 for a year without decisions)."""


@dataclass(frozen=True)
class BarChart:
    """A horizontal bar chart: one bar per year, oldest first, and the same numbers as a table."""

    bars: tuple[Bar, ...]
    width: int
    height: int
    label_width: int
    """Where the bars start; the years are written left of it."""
    bar_height: int
    total: int
    """The sum of the bars."""


@dataclass(frozen=True)
class TimelineLane:
    """One board's line in a case's timeline (or the line of records that belong to no board)."""

    label: str
    y: int
    """The line's height in the picture; its label is written just above it."""


@dataclass(frozen=True)
class TimelineDot:
    """One record of a case, on its board's line at its date."""

    number: int
    """Its place in the case's history (1 is the first): the same number as in the list below."""
    x: float
    y: int
    label: str
    """The record's date, board and title, for the list beside the picture."""


@dataclass(frozen=True)
class TimelineTick:
    """A date written under the timeline (its first and last day, and each new year between)."""

    x: float
    label: str
    anchor: str
    """``start``, ``middle`` or ``end``: how the label sits at ``x``."""


@dataclass(frozen=True)
class Timeline:
    """A case's history across boards: a line per board, a numbered dot per record, dates below."""

    lanes: tuple[TimelineLane, ...]
    dots: tuple[TimelineDot, ...]
    ticks: tuple[TimelineTick, ...]
    width: int
    height: int
    axis_y: int
    """Where the time axis is drawn."""
    dot_radius: int
    left: int
    """Where the lines start."""
    right: int
    """Where the lines end."""


def decisions_per_year(entries: Iterable[Entry]) -> BarChart | None:
    """Return a board's decisions per year, every year from its first to its last; None without any."""
    counts = Counter(e.record.datum.year for e in entries if e.record.typ.kind in DECISION_KINDS)
    if not counts:
        return None
    years = range(min(counts), max(counts) + 1)
    most = max(counts.values())
    bars = tuple(
        Bar(str(year), counts[year], 4 + i * _ROW, round(_BAR_SPACE * counts[year] / most, 1))
        for i, year in enumerate(years)
    )
    return BarChart(bars, WIDTH, 8 + len(bars) * _ROW, _LABEL, _BAR, sum(counts.values()))


def case_timeline(entries: Sequence[Entry], t: Translator) -> Timeline:
    """Return a case's records (in date order) on a line per board, the first board on top."""
    other = t("case_lane_no_board")
    lanes: dict[str, int] = {}
    for entry in entries:
        lanes.setdefault(entry.board.name if entry.board else other, len(lanes))
    first, last = entries[0].record.datum, entries[-1].record.datum
    left, right = _EDGE, WIDTH - _EDGE
    span = max((last - first).days, 1)
    placed: dict[int, float] = {}
    dots = []
    for number, entry in enumerate(entries, 1):
        lane = lanes[entry.board.name if entry.board else other]
        x = left + (right - left) * (entry.record.datum - first).days / span if last > first else WIDTH / 2
        # Two records close in time on one line: the later one moves right, so both numbers show.
        x = min(max(x, placed.get(lane, -WIDTH) + 2 * _DOT + 2), right)
        placed[lane] = x
        where = entry.board.name if entry.board else entry.record.typ.label
        label = f"{t.date(entry.record.datum)}, {where}: {entry.record.titel}"
        dots.append(TimelineDot(number, round(x, 1), 34 + lane * _LANE, label))
    axis = 14 + len(lanes) * _LANE
    return Timeline(
        lanes=tuple(TimelineLane(name, 34 + i * _LANE) for name, i in lanes.items()),
        dots=tuple(dots),
        ticks=_ticks(first, last, left, right, t),
        width=WIDTH,
        height=axis + 26,
        axis_y=axis,
        dot_radius=_DOT,
        left=left,
        right=right,
    )


def _ticks(first: dt.date, last: dt.date, left: int, right: int, t: Translator) -> tuple[TimelineTick, ...]:
    """Return the first and last day at the ends of the axis, and each new year between where it fits."""
    if last <= first:
        return (TimelineTick(WIDTH / 2, t.date(first), "middle"),)
    start = TimelineTick(left - _DOT, t.date(first), "start")
    end = TimelineTick(right + _DOT, t.date(last), "end")
    # The end labels take about 7 units a letter; a year's label needs room on each side.
    free_from, free_to = start.x + 7 * len(start.label) + 24, end.x - 7 * len(end.label) - 24
    span = (last - first).days
    years: list[TimelineTick] = []
    for year in range(first.year + 1, last.year + 1):
        x = left + (right - left) * (dt.date(year, 1, 1) - first).days / span
        if free_from <= x <= free_to and (not years or x - years[-1].x >= 48):
            years.append(TimelineTick(round(x, 1), str(year), "middle"))
    return (start, *years, end)
