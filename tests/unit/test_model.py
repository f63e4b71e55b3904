"""The assembled model: linked both ways, frozen once assembled, and checks that change nothing."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest

from generator.build import BuildOptions, build
from generator.model.site import Site
from tests.conftest import make_site, record_text

DAY = dt.date(2026, 3, 10)


def assembled(tmp_path: Path, files: dict[str, str]) -> tuple[Site, list[str]]:
    site_dir = make_site(tmp_path / "site", files)
    result = build(BuildOptions(site_dir, write=False, build_date=dt.date(2026, 4, 1)))
    assert result.loaded is not None
    return result.loaded.site, [d.message for d in result.diagnostics]


def paragraf(n: int, dnr: str, extra: tuple[str, ...] = ()) -> str:
    return record_text(
        f"titel: Ärende {n}",
        "typ: protokollsutdrag",
        f"datum: {DAY.isoformat()}",
        "nämnd: KSAU",
        f"paragraf: {n}",
        f'diarienummer: "{dnr}"',
        *extra,
    )


FILES = {
    "content/ksau/1.md": paragraf(1, "KS-2026/1", ("justerat: 2026-03-12", "anslag: 2026-03-13")),
    "content/ksau/2.md": paragraf(2, "KS-2026/2"),
    "content/ks/skrivelse.md": record_text(
        "titel: Tjänsteskrivelse om ärende 1",
        "typ: tjänsteskrivelse",
        "datum: 2026-02-20",
        "nämnd: KS",
        'diarienummer: "KS-2026/1"',
    ),
}


def test_an_entry_knows_its_organisation_board_meeting_and_case(tmp_path: Path) -> None:
    site, problems = assembled(tmp_path, FILES)
    assert problems == []
    first = next(e for e in site.entries if e.record.paragraf == "1")
    assert first.organisation is site.organisations[0]
    assert first.board is not None and first.board.short == "KSAU"
    assert first.board.organisation is first.organisation
    assert first.board.parent is not None and first.board.parent.short == "KS"
    assert first.board in first.board.parent.children
    assert first.meeting is not None and first.meeting.board is first.board
    assert first in first.meeting.entries and first.meeting in first.board.meetings
    assert first.case is not None and first.case.diarienummer == "KS-2026/1"
    # The case crosses boards: the KS paper and the KSAU § are both in it, in date order.
    assert [e.record.typ.label for e in first.case.entries] == ["Tjänsteskrivelse", "Protokollsutdrag"]
    assert all(e.case is first.case for e in first.case.entries)
    # justerat and anslag written in one § hold for the whole meeting.
    assert (first.meeting.justerat, first.meeting.anslag) == (dt.date(2026, 3, 12), dt.date(2026, 3, 13))


def test_the_model_cannot_be_changed_after_assembly(tmp_path: Path) -> None:
    site, _ = assembled(tmp_path, FILES)
    entry = site.entries[0]
    assert entry.meeting is not None and entry.case is not None and entry.board is not None
    for obj, name in [
        (site, "entries"),
        (site.organisations[0], "boards"),
        (entry.board, "meetings"),
        (entry.meeting, "anslag"),
        (entry.case, "entries"),
        (entry, "board"),
    ]:
        with pytest.raises(dataclasses.FrozenInstanceError):
            setattr(obj, name, None)
    assert isinstance(entry.meeting.entries, tuple) and isinstance(site.entries, tuple)


def test_a_meeting_whose_records_disagree_is_reported_and_left_as_first_written(tmp_path: Path) -> None:
    files = {
        "content/ksau/1.md": paragraf(1, "KS-2026/1", ("anslag: 2026-03-13",)),
        "content/ksau/2.md": paragraf(2, "KS-2026/2", ("anslag: 2026-03-14",)),
    }
    site, problems = assembled(tmp_path, files)
    assert sum("olika anslag-datum" in p for p in problems) == 2
    (meeting,) = site.meetings.values()
    assert meeting.anslag == dt.date(2026, 3, 13)
