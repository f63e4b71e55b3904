"""The progress line of a build at a terminal: nothing for a quick build, then stage, count and time."""

from __future__ import annotations

import io

from generator.build import BuildResult
from generator.cli.progress import TerminalProgress, count, stage_times


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_a_quick_build_shows_nothing() -> None:
    out, clock = io.StringIO(), Clock()
    progress = TerminalProgress(out, clock)
    progress.stage("läsa")
    clock.now += 0.5
    progress.stage("markdown")
    progress.advance(64, 2000)
    progress.finish()
    assert out.getvalue() == ""


def test_a_longer_build_shows_its_stage_how_far_it_has_come_and_the_time() -> None:
    out, clock = io.StringIO(), Clock()
    progress = TerminalProgress(out, clock)
    progress.stage("markdown")
    clock.now += 1.2
    progress.advance(4200, 10000)
    clock.now += 0.01
    progress.advance(4264, 10000)  # too soon to draw again
    clock.now += 0.5
    progress.stage("sidor")
    clock.now += 0.2
    progress.advance(8192, None)
    progress.finish()

    drawn = out.getvalue().split("\r\x1b[K")
    assert drawn == [
        "",
        "Bygger: markdown 4 200 av 10 000 (1 s)",
        "Bygger: sidor (2 s)",
        "Bygger: sidor 8 192 (2 s)",
        "",
    ]


def test_numbers_are_grouped_the_swedish_way() -> None:
    assert (count(7), count(18134), count(1000000)) == ("7", "18 134", "1 000 000")


def test_verbose_lists_each_stage_and_what_the_cache_gave() -> None:
    result = BuildResult(timings={"läsa": 0.25, "markdown": 12.5}, processes=2, made={"fil": 1, "text": 1})
    result.reused = 18133
    assert stage_times(result) == [
        "  läsa                  0.25 s",
        "  markdown             12.50 s",
        "  processer                2",
        "  gjort på nytt      1 filer kontrollerade, 1 texter renderade",
        "  ur cachen          18 133 filer",
    ]
