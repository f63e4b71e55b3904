"""A generated archive: enough records of every kind for a build to split its work into many chunks.

Meetings with many §§, cases that span boards, cross-references, news, a kallelse, whole protokoll,
reservations, an attachment, records published later or taken down, and a small page size, so that
every page kind, feed, calendar and open data file is made, and each stage has more than one chunk
of work for the worker processes. Deterministic: the same ``size`` gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from tests.conftest import SITE_YAML, make_site, record_text

BUILD_DAY = "2024-06-20"
"""A day when some notices are up and some appeal periods have run out."""

BOARDS = ("KF", "KS", "KSAU")
SUBJECTS = (
    "Budget för förskolan",
    "Detaljplan för Östra hamnen",
    "Taxa för bygglov",
    "Ny skolstruktur i Sjövik",
    "Åtgärder för ökad trygghet",
    "Yttrande över remiss om kollektivtrafik",
)


def archive_files(size: int) -> dict[str, str | bytes]:
    """Return the content files of an archive of about ``size`` records (path → text)."""
    files: dict[str, str | bytes] = {"content/ks/bilagor/underlag.pdf": b"%PDF-1.4 underlag\n"}
    start = dt.date(2024, 1, 8)
    for number in range(size):
        board = BOARDS[number % len(BOARDS)]
        day = start + dt.timedelta(days=7 * (number // 9))
        subject = SUBJECTS[number % len(SUBJECTS)]
        case = f"{board}-2024/{number // 4 + 1}"
        lines = [
            f"titel: {subject} {number}",
            "typ: protokollsutdrag",
            f"datum: {day.isoformat()}",
            f"nämnd: {board}",
            f"paragraf: {number + 1}",
            f'diarienummer: "{case}"',
            f"beslut: {board} beslutar att anta förslaget om {subject.lower()}.",
            f"justerat: {(day + dt.timedelta(days=3)).isoformat()}",
            f"anslag: {(day + dt.timedelta(days=4)).isoformat()}",
        ]
        if number % 11 == 0:
            lines.append("reservationer: [{namn: Anna Svensson, parti: S, text: Vi yrkade avslag.}]")
        if number % 13 == 5:
            lines.append("avpublicera: 2024-05-01")
        body = (
            f"## Ärendebeskrivning\n\nÄrendet gäller {subject.lower()}. Se även beslutet "
            f"KS {start.isoformat()} § 2 och dnr KF-2024/1.\n\n"
            "| Post | Belopp |\n|---|---:|\n| Drift | 1 200 |\n\n- första punkten\n- andra punkten\n"
        )
        files[f"content/{board.lower()}/{day.isoformat()}-{number + 1}.md"] = record_text(*lines, body=body)
    for week in range(0, max(1, size // 9), 4):
        day = start + dt.timedelta(days=7 * week)
        files[f"content/ks/{day.isoformat()}-protokoll.md"] = record_text(
            f"titel: Protokoll {day.isoformat()}",
            "typ: protokoll",
            f"datum: {day.isoformat()}",
            "nämnd: KS",
            "bilagor: [{titel: Underlag, fil: bilagor/underlag.pdf}]",
        )
        files[f"content/nyheter/{day.isoformat()}-nyhet-{week}.md"] = record_text(
            f"titel: Nyhet vecka {week}",
            "typ: nyhet",
            f"datum: {day.isoformat()} 09:30",
            "ingress: Kommunen informerar.",
            "författare: Kommunikationsavdelningen",
            body=f"Läs mer om beslutet {BOARDS[1]} {day.isoformat()} § {week * 9 + 2}.\n",
        )
    files["content/kf/2024-06-24-kallelse.md"] = record_text(
        "titel: Kallelse till kommunfullmäktige",
        "typ: kallelse",
        "datum: 2024-06-24 18:00",
        "nämnd: KF",
    )
    files["content/ks/2024-05-02-tjansteskrivelse.md"] = record_text(
        "titel: Utredning av skolskjutsar",
        "typ: tjänsteskrivelse",
        "datum: 2024-05-02",
        "nämnd: KS",
        "handläggare: Per Olsson",
        'diarienummer: "KS-2024/1"',
        "publicera: 2024-07-01",
    )
    return files


def make_archive(root: Path, size: int = 150) -> Path:
    """Write an archive site of about ``size`` records into ``root`` (page size 5: many listing pages)."""
    return make_site(root, archive_files(size), SITE_YAML + "page_size: 5\n")
