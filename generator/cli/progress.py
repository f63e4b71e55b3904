"""What a build shows while it runs at a terminal, and the times of its stages (``--verbose``)."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TextIO

from generator.build import BuildResult

SHOW_AFTER = 1.0
"""Seconds a build runs before its progress is shown: a quick build shows nothing but its summary."""
REDRAW = 0.1
"""Seconds between two redraws of the progress line."""


def count(number: int) -> str:
    """Return a number the Swedish way, with a space between thousands: ``10 000``."""
    return f"{number:,}".replace(",", " ")


class TerminalProgress:
    """One line on a terminal: the stage the build is in, how far it has come, and the time so far.

    Use it only where the output is a terminal: a CI log gets no progress, only the summary.
    """

    def __init__(self, stream: TextIO, clock: Callable[[], float] = time.monotonic) -> None:
        self.stream = stream
        self.clock = clock
        self.started = clock()
        self.name = ""
        self.done = 0
        self.total: int | None = None
        self.drawn = 0.0
        self.shown = False

    def stage(self, name: str) -> None:
        """Show that the stage ``name`` begins."""
        self.name, self.done, self.total = name, 0, None
        self._draw()

    def advance(self, done: int, total: int | None) -> None:
        """Show how far the stage has come."""
        self.done, self.total = done, total
        self._draw()

    def line(self) -> str:
        """Return the progress line: ``Bygger: markdown 4 200 av 10 000 (12 s)``."""
        far = ""
        if self.done:
            far = f" {count(self.done)}" + (f" av {count(self.total)}" if self.total is not None else "")
        return f"Bygger: {self.name}{far} ({self.clock() - self.started:.0f} s)"

    def finish(self) -> None:
        """Take the progress line away (the summary follows)."""
        if self.shown:
            self.stream.write("\r\x1b[K")
            self.stream.flush()

    def _draw(self) -> None:
        now = self.clock()
        if now - self.started < SHOW_AFTER or now - self.drawn < REDRAW:
            return
        self.drawn, self.shown = now, True
        self.stream.write("\r\x1b[K" + self.line())
        self.stream.flush()


MADE = {"fil": "filer kontrollerade", "text": "texter renderade", "sök": "delar av sökindexet byggda"}
"""What ``BuildResult.made`` counts, as ``--verbose`` names it."""


def stage_times(result: BuildResult) -> list[str]:
    """Return the lines of ``--verbose``: the time of each stage, the processes and what the cache gave."""
    lines = [f"  {name:<18} {seconds:7.2f} s" for name, seconds in result.timings.items()]
    lines.append(f"  {'processer':<18} {result.processes:7d}")
    if result.made:
        made = ", ".join(f"{count(n)} {MADE.get(k, k)}" for k, n in result.made.items())
        lines.append(f"  {'gjort på nytt':<18} {made}")
    if result.reused:
        lines.append(f"  {'ur cachen':<18} {count(result.reused)} filer")
    return lines
