"""What changes tonight: the notice board as data (anslagstavla/anslag.json), and the build's line on how many
notices went up and came down since the last build: from the previous output, or (in CI, which starts from
a fresh checkout) from the copy kept in the build cache folder.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from tests.conftest import record_text
from tests.integration.sitecheck import run_cli, tree_digest
from tests.integration.test_cli import GOOD

DELEGATION = {
    "content/ks/delegation.md": record_text(
        "titel: Upplåtelse av torget <för> marknad & loppis",
        "typ: delegationsbeslut",
        "datum: 2024-05-27",
        "nämnd: KS",
        "anslag: 2024-05-28",
    ),
}
"""Up from 28 May until 18 June 2024; KF's notice of 20 May is up from 23 May until 13 June."""
NO_PREVIOUS = "Anslagstavlan: {} anslag uppe (inget tidigare bygge att jämföra med)"
SINCE = "Anslagstavlan: {} anslag uppe; sedan förra bygget har {} satts upp och {} tagits ner"


def build(site: Path, out: Path, day: str, *extra: str) -> list[str]:
    """Build on ``day``; return stdout's lines (the notice line, then the summary)."""
    done = run_cli("build", str(site), "--out", str(out), "--date", day, *extra)
    assert done.returncode == 0, done.stderr
    return done.stdout.splitlines()


def test_the_summary_counts_notices_going_up_and_coming_down(
    site_factory: Callable[..., Path], tmp_path: Path
) -> None:
    site, out = site_factory({**GOOD, **DELEGATION}), tmp_path / "public"

    first = build(site, out, "2024-05-20")
    assert first[0] == NO_PREVIOUS.format(0)
    assert first[1].startswith("Klart: ") and len(first) == 2
    assert build(site, out, "2024-05-29")[0] == SINCE.format(2, 2, 0)
    assert build(site, out, "2024-05-30")[0] == SINCE.format(2, 0, 0)
    assert build(site, out, "2024-06-14")[0] == SINCE.format(1, 0, 1)  # KF's came down after 13 June
    assert build(site, out, "2024-09-01")[0] == SINCE.format(0, 0, 1)


def test_the_notice_list_is_the_notice_board_as_data(
    site_factory: Callable[..., Path], tmp_path: Path
) -> None:
    site, out = site_factory({**GOOD, **DELEGATION}), tmp_path / "public"
    build(site, out, "2024-06-01")

    raw = (out / "anslagstavla" / "anslag.json").read_text(encoding="utf-8")
    data = json.loads(raw)

    assert data["byggdag"] == "2024-06-01"
    assert [(n["typ"], n["uppsatt"], n["nedtas"]) for n in data["anslag"]] == [
        ("protokoll", "2024-05-23", "2024-06-13"),
        ("delegationsbeslut", "2024-05-28", "2024-06-18"),
    ]
    minutes, delegation = data["anslag"]
    assert minutes["nämnd"] == "Kommunfullmäktige" and minutes["organisation"] == "Sjöviks kommun"
    assert minutes["adress"] == "https://www.sjovik.se/beslut/sjoviks-kommun/kf/2024-05-20/"
    board = (out / "anslagstavla" / "index.html").read_text(encoding="utf-8")
    for notice in data["anslag"]:
        assert notice["adress"].removeprefix("https://www.sjovik.se") in board
    # Escaped as every JSON file of the site: no markup in the file, the same data for every parser.
    assert delegation["titel"] == "Upplåtelse av torget <för> marknad & loppis"
    assert "<" not in raw and ">" not in raw and "&" not in raw
    assert "torget \\u003cför\\u003e marknad \\u0026 loppis" in raw


def test_an_announced_fullmaktige_meeting_is_on_the_list_until_its_day(
    site_factory: Callable[..., Path], tmp_path: Path
) -> None:
    kallelse = {
        "content/kf/kallelse.md": record_text(
            "titel: Kallelse till kommunfullmäktige", "typ: kallelse", "datum: 2024-06-10 18:30", "nämnd: KF"
        ),
    }
    site, out = site_factory(kallelse), tmp_path / "public"
    build(site, out, "2024-06-10")
    [notice] = json.loads((out / "anslagstavla" / "anslag.json").read_text(encoding="utf-8"))["anslag"]
    assert (notice["typ"], notice["uppsatt"], notice["nedtas"]) == ("sammanträde", None, "2024-06-10")
    assert build(site, out, "2024-06-11")[0] == SINCE.format(0, 0, 1)


def test_ci_compares_with_the_copy_in_the_build_cache(
    site_factory: Callable[..., Path], tmp_path: Path
) -> None:
    """Each CI run builds into a fresh output; the cache folder it restores holds the last list."""
    site = site_factory({**GOOD, **DELEGATION})
    (site / ".beslut-cache").mkdir()

    assert build(site, tmp_path / "run1", "2024-05-24")[0] == NO_PREVIOUS.format(1)
    copy = site / ".beslut-cache" / "anslagstavla.json"
    assert copy.read_bytes() == (tmp_path / "run1" / "anslagstavla" / "anslag.json").read_bytes()
    assert build(site, tmp_path / "run2", "2024-06-14")[0] == SINCE.format(1, 1, 1)


def test_without_a_cache_folder_the_site_folder_is_left_alone(
    site_factory: Callable[..., Path], tmp_path: Path
) -> None:
    site = site_factory(GOOD)
    before = tree_digest(site)
    build(site, tmp_path / "public", "2024-06-01", "--no-cache")
    assert tree_digest(site) == before
    assert build(site, tmp_path / "other", "2024-06-01", "--no-cache")[0] == NO_PREVIOUS.format(1)


def test_the_build_cache_keeps_the_list_of_the_last_build(
    site_factory: Callable[..., Path], tmp_path: Path
) -> None:
    """A build keeps its cache in the site folder (or --cache): the next build compares with that."""
    site, cache = site_factory({**GOOD, **DELEGATION}), tmp_path / "cache"
    assert build(site, tmp_path / "run1", "2024-05-24", "--cache", str(cache))[0] == NO_PREVIOUS.format(1)
    assert (cache / "anslagstavla.json").is_file() and not (site / ".beslut-cache").exists()
    assert build(site, tmp_path / "run2", "2024-06-14", "--cache", str(cache))[0] == SINCE.format(1, 1, 1)


def test_an_unreadable_previous_list_is_no_previous_build(
    site_factory: Callable[..., Path], tmp_path: Path
) -> None:
    site, out = site_factory(GOOD), tmp_path / "public"
    build(site, out, "2024-06-01")
    (out / "anslagstavla" / "anslag.json").write_text("{inte json", encoding="utf-8")
    assert build(site, out, "2024-06-01")[0] == NO_PREVIOUS.format(1)
