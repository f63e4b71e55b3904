"""The geometry of the pictures, from a real site's model: bars per year, a dot per record per board."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from generator.build import BuildOptions, build
from generator.model.site import Site
from generator.pages.charts import WIDTH, case_timeline, decisions_per_year
from tests.conftest import record_text


def model(site_factory: Callable[..., Path], files: dict[str, str]) -> tuple[Site, object]:
    result = build(BuildOptions(site_factory(files), write=False, build_date=dt.date(2025, 1, 1)))
    assert result.ok and result.loaded is not None, [d.format() for d in result.diagnostics]
    return result.loaded.site, result.loaded.translator


def paragraf(board: str, day: str, number: int, dnr: str = "KS-2020/1") -> str:
    return record_text(
        "titel: Ett beslut",
        "typ: protokollsutdrag",
        f"datum: {day}",
        f"nämnd: {board}",
        f"paragraf: {number}",
        f"diarienummer: {dnr}",
    )


def test_every_year_from_the_first_to_the_last_has_a_bar(site_factory: Callable[..., Path]) -> None:
    files = {
        f"content/ks/{day}-{n}.md": paragraf("KS", day, n)
        for n, day in enumerate(["2020-03-02", "2020-05-04", "2022-03-07"], 1)
    }
    files["content/ks/paper.md"] = record_text(
        "titel: PM", "typ: tjänsteskrivelse", "datum: 2023-01-09", "nämnd: KS"
    )
    site, _ = model(site_factory, files)
    chart = decisions_per_year(site.boards[("sjoviks-kommun", "KS")].entries)
    assert chart is not None
    assert [(b.label, b.value) for b in chart.bars] == [("2020", 2), ("2021", 0), ("2022", 1)]
    assert chart.bars[1].width == 0 and chart.bars[0].width == 2 * chart.bars[2].width
    assert chart.label_width + chart.bars[0].width + 40 <= WIDTH
    assert chart.total == 3
    assert decisions_per_year(site.boards[("sjoviks-kommun", "KF")].entries) is None


def test_records_close_in_time_on_one_line_do_not_hide_each_other(site_factory: Callable[..., Path]) -> None:
    files = {
        "content/ks/1.md": paragraf("KS", "2020-03-02", 1),
        "content/ks/2.md": paragraf("KS", "2020-03-03", 2),
        "content/ksau/3.md": paragraf("KSAU", "2020-03-03", 3),
        "content/ks/4.md": paragraf("KS", "2024-03-04", 4),
    }
    site, t = model(site_factory, files)
    timeline = case_timeline(site.cases[("sjoviks-kommun", "KS-2020/1")].entries, t)  # type: ignore[arg-type]
    assert [lane.label for lane in timeline.lanes] == ["Kommunstyrelsen", "Kommunstyrelsens arbetsutskott"]
    one, two, three, four = timeline.dots
    assert two.x - one.x >= 2 * timeline.dot_radius
    # Another line: no need to move, so the same day as § 2 lies left of § 2 (moved right on its line).
    assert three.y != two.y and one.x < three.x < two.x
    assert four.x == timeline.right
    assert timeline.ticks[0].label == "2 mars 2020"
    assert "2022" in [tick.label for tick in timeline.ticks]


def test_a_case_of_one_day_sits_in_the_middle(site_factory: Callable[..., Path]) -> None:
    site, t = model(site_factory, {"content/ks/1.md": paragraf("KS", "2020-03-02", 1)})
    timeline = case_timeline(site.cases[("sjoviks-kommun", "KS-2020/1")].entries, t)  # type: ignore[arg-type]
    assert [d.x for d in timeline.dots] == [WIDTH / 2]
    assert [(tick.label, tick.anchor) for tick in timeline.ticks] == [("2 mars 2020", "middle")]
