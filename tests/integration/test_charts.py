"""Pictures drawn at build time: a board's decisions per year, a case's history across boards.

Inline SVG hidden from screen readers, each beside the same data as a table or a list. The demo's
Exempelviks kommun has decisions in three years and a case across two boards (built on its demo_date).
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from generator.build import BuildOptions, build
from tests.integration.sitecheck import REPO, assert_built, main_of, page

KS = "exempelvik/ks/"
CASE = "exempelvik/arenden/ks-2023-212/"


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo, built as `make build` builds it (no search index: the pictures are in the pages)."""
    out = tmp_path_factory.mktemp("charts") / "public"
    assert_built(build(BuildOptions(site_dir=REPO, out=out, search=False)))
    return out


def decisions_written(board_folder: str) -> Counter[int]:
    """Count a board's §§ and delegationsbeslut per year straight from the demo's Markdown files."""
    counts: Counter[int] = Counter()
    for file in (REPO / "content").rglob("*.md"):
        text = file.read_text(encoding="utf-8")
        org, board = board_folder.strip("/").split("/")
        if not re.search(rf"(?m)^nämnd: {board}$", text, re.I) or f"/{org}/" not in file.as_posix():
            continue
        if re.search(r"(?m)^typ: (protokollsutdrag|delegationsbeslut)$", text):
            counts[int(re.search(r"(?m)^datum: (\d{4})", text)[1])] += 1
    return counts


def chart_table(main: str) -> dict[int, int]:
    """Return the table beside a board's bar chart: year → decisions."""
    table = main[main.index('<table class="visually-hidden">') : main.index("</table>")]
    rows = re.findall(r'<tr><th scope="row">(\d{4})</th><td>(\d+)</td></tr>', table)
    return {int(year): int(count) for year, count in rows}


def test_a_board_page_shows_its_decisions_per_year_as_bars_and_as_a_table(out: Path) -> None:
    main = main_of(page(out, KS))
    written = decisions_written(KS)
    assert written == {2023: 1, 2024: 1, 2025: 4}
    assert chart_table(main) == dict(written)
    svg = main[main.index('<svg class="chart-svg"') : main.index("</svg>")]
    assert 'aria-hidden="true"' in svg[: svg.index(">")]
    values = [int(v) for v in re.findall(r'<text class="chart-value"[^>]*>(\d+)</text>', svg)]
    labels = [int(v) for v in re.findall(r'<text class="chart-label"[^>]*>(\d{4})</text>', svg)]
    assert dict(zip(labels, values, strict=True)) == dict(written)
    widths = [float(w) for w in re.findall(r'<rect class="chart-bar"[^>]*width="([\d.]+)"', svg)]
    assert widths[2] == max(widths) and widths[0] == widths[1] == pytest.approx(widths[2] / 4, abs=0.1)


def test_years_without_decisions_are_bars_of_zero_between_the_first_and_the_last(out: Path) -> None:
    """Exempelvik's KF decided in 2024 only; Alingsås KF in 2018: one row each."""
    assert chart_table(main_of(page(out, "exempelvik/kf/"))) == {2024: 1}
    assert chart_table(main_of(page(out, "alingsas/kf/"))) == {2018: 1}


def test_a_board_without_decisions_has_no_chart(out: Path) -> None:
    """Stockholm's KS has an utlåtande only, Hjo's a tjänsteskrivelse: nothing to count."""
    for board in ("stockholm/ks/", "hjo/ks/"):
        assert 'class="chart' not in main_of(page(out, board)), board


def test_a_case_page_shows_its_history_as_numbered_dots_on_a_line_per_board(out: Path) -> None:
    main = main_of(page(out, CASE))
    svg = main[main.index('<svg class="chart-svg timeline-svg"') : main.index("</svg>")]
    assert 'aria-hidden="true"' in svg[: svg.index(">")]
    lanes = dict(
        (float(y), name)
        for name, y in re.findall(
            r'<text class="chart-label"[^>]*>([^<]+)</text>\s*<line class="chart-line"[^>]*y1="([\d.]+)"', svg
        )
    )
    assert set(lanes.values()) == {"Kommunstyrelsen", "Kommunstyrelsens arbetsutskott"}
    dots = re.findall(r'<circle cx="([\d.]+)" cy="([\d.]+)"[^>]*/>\s*<text[^>]*>(\d+)</text>', svg)
    listed = re.findall(r'<span class="timeline-who">(?:([^<·]+) · )?[^<]*</span>', main)
    assert [int(n) for _, _, n in dots] == list(range(1, len(listed) + 1)) == [1, 2, 3, 4]
    # Each dot is on its record's board's line, in the list's order, and later records lie further right.
    assert [lanes[float(y)] for _, y, _ in dots] == [board.strip() for board in listed]
    xs = [float(x) for x, _, _ in dots]
    assert xs == sorted(xs)
    assert "2 oktober 2023" in svg and "5 maj 2025" in svg


def test_every_case_page_has_its_timeline(out: Path) -> None:
    cases = sorted(out.glob("*/arenden/*/index.html"))
    assert len(cases) >= 5
    for file in cases:
        html = main_of(file.read_text(encoding="utf-8"))
        assert html.count("<circle ") == html.count('<span class="timeline-when">') > 0, file
