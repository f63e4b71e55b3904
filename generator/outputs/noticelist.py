"""The notice board as data (``anslagstavla/anslag.json``), and what changed on it since the last build.

The list is part of the site (a machine-readable notice board) and the memory of the board between builds:
the build reads the previous output's list before it swaps the new site in. A CI job starts from a fresh
checkout, without the previous output; it keeps the list in the build cache folder (``.beslut-cache/`` or
``--cache``, which the CI files restore and save), so the nightly run can say what went up and what came down.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.base.jsontext import dump_json
from generator.base.urls import NOTICE_BOARD
from generator.config.i18n import Translator
from generator.load.cache import NOTICE_COPY
from generator.model.site import Site
from generator.pages.notices import announcements, decision_notices, minutes_notices
from generator.pages.pages import PageMaker

NOTICE_LIST = NOTICE_BOARD + "/anslag.json"
"""Where the list is written in the output (and kept in the build cache folder, ``CACHE_DIR``)."""


@dataclass(frozen=True)
class NoticeChanges:
    """The notice board after a build, compared with the one before."""

    up: int
    """Notices on the board now."""
    posted: int | None
    """Notices that went up since the last build; None when there is no earlier build to compare with."""
    removed: int | None
    """Notices that came down since the last build; None when there is no earlier build."""


def notice_list(site: Site, t: Translator) -> bytes:
    """Return the notices on the board on the build date, as JSON: the same ones the page shows."""
    maker = PageMaker(site, t)
    base_url, base_path = site.config.base_url, site.config.base_path

    def address(url: str) -> str:
        return base_url + url.removeprefix(base_path)

    notices: list[dict[str, Any]] = [
        _notice("protokoll", n.meeting.title, n.meeting.organisation, n.meeting.board, n.meeting.date)
        | {"adress": address(n.meeting.url), "uppsatt": _day(n.posted), "nedtas": _day(n.down)}
        for n in minutes_notices(maker)
    ]
    notices += [
        _notice("delegationsbeslut", n.item.title, n.item.organisation, n.item.board, n.item.date)
        | {"adress": address(n.item.url), "uppsatt": _day(n.posted), "nedtas": _day(n.down)}
        for n in decision_notices(maker)
    ]
    notices += [
        _notice("sammanträde", a.item.title, a.item.organisation, a.item.board, a.item.date)
        | {"adress": address(a.item.url), "uppsatt": None, "nedtas": _day(a.item.date)}
        for a in announcements(maker)
    ]
    data = {"byggdag": _day(site.build_date), "anslag": notices}
    return (dump_json(data, indent=1) + "\n").encode("utf-8")


def _notice(kind: str, title: str, organisation: str, board: str, day: dt.date) -> dict[str, Any]:
    return {"typ": kind, "titel": title, "organisation": organisation, "nämnd": board, "datum": _day(day)}


def _day(day: dt.date) -> str:
    return day.isoformat()


def _keys(data: bytes | None) -> set[tuple[str, str]] | None:
    """Return the notices of a list by kind and address; None when it is missing or unreadable."""
    if data is None:
        return None
    try:
        notices = json.loads(data.decode("utf-8"))["anslag"]
        return {(str(n["typ"]), str(n["adress"])) for n in notices}
    except (ValueError, KeyError, TypeError):
        return None


def compare_notices(previous: bytes | None, current: bytes) -> NoticeChanges:
    """Return how many notices are up, went up and came down between two lists."""
    now = _keys(current) or set()
    before = _keys(previous)
    if before is None:
        return NoticeChanges(len(now), None, None)
    return NoticeChanges(len(now), len(now - before), len(before - now))


def previous_notice_list(output: Path, cache: Path | None) -> bytes | None:
    """Return the list of the last build: in the output it replaces, else the copy in the build cache."""
    for path in (output / NOTICE_LIST, *([cache / NOTICE_COPY] if cache else [])):
        try:
            return path.read_bytes()
        except OSError:
            continue
    return None


def keep_notice_list(cache: Path | None, output: Path) -> None:
    """Keep a copy of the output's list in the build cache folder, when the build has one (CI restores it)."""
    if cache is not None and cache.is_dir():
        with contextlib.suppress(OSError):  # only a copy: the next build compares with the output then
            (cache / NOTICE_COPY).write_bytes((output / NOTICE_LIST).read_bytes())
