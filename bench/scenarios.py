"""The changes a warm rebuild is measured after (issue 12, point 2): each made to a site, and undone.

Each change is a function that changes a working copy of a corpus and returns how to undo it, so that
every warm build starts from the same primed cache and the same site. The build day is the one change
that is no file: it is a day added to the build's date.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

Undo = Callable[[], None]


@dataclass(frozen=True)
class Change:
    """One kind of change, as the results name it."""

    name: str
    make: Callable[[Path], Undo]
    days: int = 0
    """Days added to the build date (the nightly run)."""


def a_decision(site: Path) -> Path:
    """Return a protokollsutdrag in the middle of the corpus (one that is in a meeting and a case)."""
    files = sorted((site / "content").rglob("*.md"))
    decisions = [f for f in files if "typ: protokollsutdrag" in f.read_text(encoding="utf-8")]
    return decisions[len(decisions) // 2]


def _rewrite(path: Path, change: Callable[[str], str]) -> Undo:
    before = path.read_text(encoding="utf-8")
    after = change(before)
    assert after != before, f"{path}: nothing changed"
    path.write_text(after, encoding="utf-8")
    return lambda: path.write_text(before, encoding="utf-8")


def changed_record(site: Path) -> Undo:
    """A sentence added to one decision's text."""
    return _rewrite(a_decision(site), lambda text: text.rstrip("\n") + "\n\nEtt tillägg till ärendet.\n")


def changed_template(site: Path) -> Undo:
    """A site's override of the record page (every record's page changes)."""
    folder = site / "templates"
    folder.mkdir(exist_ok=True)
    override = folder / "record.html"
    override.write_text(
        '{% extends "theme/record.html" %}{% block body %}<p class="tillagg">Tillägg.</p>{{ super() }}'
        "{% endblock %}",
        encoding="utf-8",
    )

    def undo() -> None:
        override.unlink()
        if not any(folder.iterdir()):
            folder.rmdir()

    return undo


def changed_settings(site: Path) -> Undo:
    """A new title in site.yaml (every page changes)."""
    return _rewrite(
        site / "site.yaml",
        lambda text: re.sub(r"^title: (.*)$", r"title: \1 (ny)", text, count=1, flags=re.M),
    )


def new_record(site: Path) -> Undo:
    """A new § in an existing meeting."""
    source = a_decision(site)
    added = source.with_name(source.stem + "-ny.md")
    text = re.sub(r"^paragraf: .*$", "paragraf: 999", source.read_text(encoding="utf-8"), count=1, flags=re.M)
    added.write_text(text.replace("titel: ", "titel: Nytt ärende om ", 1), encoding="utf-8")
    return added.unlink


def deleted_record(site: Path) -> Undo:
    """One decision removed."""
    gone = a_decision(site)
    text = gone.read_bytes()
    gone.unlink()

    def undo() -> None:
        gone.write_bytes(text)

    return undo


def nothing(site: Path) -> Undo:
    """No change to the site (with a new build day)."""
    return lambda: None


CHANGES = (
    Change("en ändrad post", changed_record),
    Change("en ändrad mall", changed_template),
    Change("en ändrad site.yaml", changed_settings),
    Change("en ny post", new_record),
    Change("en borttagen post", deleted_record),
    Change("en ny byggdag (nattkörningen)", nothing, days=1),
)


def build_day(day: str, change: Change) -> str:
    """Return the build date of a run after ``change``."""
    return (dt.date.fromisoformat(day) + dt.timedelta(days=change.days)).isoformat()
