"""``beslut serve`` survives a bad afternoon: 100 saves in a row, most of them broken, every kind of broken.

A real preview on 127.0.0.1 (port 0) serves a site while a record, site.yaml and the site's own UI
strings are saved over and over: self-referencing aliases and alias bombs, broken quotes, missing keys,
``paragraf: 0``, a samordningsnummer in ``sammanfattning``, tags, deep nesting, control characters and
bytes that are not UTF-8, in turn with good saves. After every broken save the preview still answers, still
serves the last good pages, and lays the located errors over them; after every good save it serves the
new pages without the overlay; after the last save it serves exactly what a fresh build makes.
Every wait is bounded (see previewing.TIMEOUT).
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from generator.preview.session import PreviewSession
from tests.conftest import SITE_YAML
from tests.integration.previewing import (
    BUDGET,
    BUDGET_PAGE,
    SITE_FILES,
    assert_serves_a_fresh_build,
    fetch,
    running,
    status,
    wait_for_build,
)

EDITS = 100
TRANSLATION = "i18n/sv.yaml"


def alias_bomb(key: str) -> str:
    """Return nine levels of nine aliases (9**9 values once expanded) under ``key``, as YAML lines."""
    lines = [f"{key}: &a [" + ", ".join(["x"] * 9) + "]"]
    for level, name in enumerate("bcdefghi", start=1):
        lines.append(f"n{level}: &{name} [" + ", ".join([f"*{'abcdefghi'[level - 1]}"] * 9) + "]")
    return "\n".join(lines)


GOOD_RECORD = SITE_FILES[BUDGET]


def record_with(*lines: str, drop: str = "") -> str:
    """Return the budget record with ``lines`` added to its front matter (and the line ``drop`` left out)."""
    head, _, body = GOOD_RECORD[4:].partition("---\n")
    kept = [line for line in head.splitlines() if not (drop and line.startswith(drop))]
    return "---\n" + "\n".join([*kept, *lines]) + "\n---\n" + body


@dataclass(frozen=True)
class Broken:
    """One way to break one file: what is saved, and the field its first error names."""

    file: str
    text: str | bytes
    field: str


BROKEN = [
    Broken(BUDGET, record_with("taggar: &x [*x]"), "taggar"),
    Broken(BUDGET, record_with(alias_bomb("extra")), "extra"),
    Broken(BUDGET, GOOD_RECORD.replace("titel: Budget för 2024", 'titel: "Budget för 2024'), "titel"),
    Broken(BUDGET, record_with(drop="titel:"), "titel"),
    Broken(BUDGET, GOOD_RECORD.replace("paragraf: 12", "paragraf: 0"), "paragraf"),
    Broken(BUDGET, record_with("sammanfattning: Gäller 701063-2391."), "sammanfattning"),
    Broken(BUDGET, record_with("taggar: !!python/object/apply:os.system [ls]"), "taggar"),
    Broken(BUDGET, record_with("extra: " + "[" * 500 + "]" * 500), "extra"),
    Broken(BUDGET, GOOD_RECORD.replace("Budget för 2024", "Budget\x0bför 2024", 1), "titel"),
    Broken(BUDGET, GOOD_RECORD.replace("för 2024", "f\xf6r 2024", 1).encode("latin-1"), "teckenkodning"),
    Broken(BUDGET, GOOD_RECORD.replace("typ: protokollsutdrag", "typ: protokolsutdrag"), "typ"),
    Broken("site.yaml", SITE_YAML + alias_bomb("extra") + "\n", "extra"),
    Broken("site.yaml", SITE_YAML.replace("title: Sjöviks", 'title: "Sjöviks'), "title"),
    Broken("site.yaml", SITE_YAML + "page_size: !!float 20\n", "page_size"),
    Broken(TRANSLATION, alias_bomb("months") + "\n", "months"),
    Broken(TRANSLATION, "nav_start: [Start\n", "nav_start"),
]


def good(file: str, n: int) -> str:
    """Return a good version of ``file`` that shows ``n`` on the budget page."""
    if file == BUDGET:
        return GOOD_RECORD.replace("anta budgeten för 2024.", f"anta budgeten för 2024 (version {n}).")
    if file == "site.yaml":
        return SITE_YAML.replace("Sjöviks kommuns beslut", f"Sjöviks kommuns beslut {n}")
    return f'skip_link: "Till innehållet ({n})"\n'


def afternoon() -> list[tuple[str, str | bytes, Broken | None]]:
    """Return EDITS saves (file, text, how it is broken or None): one file broken up to three ways in a
    row, then fixed, file after file; the last save is a fix."""
    saves: list[tuple[str, str | bytes, Broken | None]] = []
    kinds = itertools.cycle(BROKEN)
    kind = next(kinds)
    while len(saves) < EDITS:
        file = kind.file
        for _ in range(3):
            if kind.file != file or len(saves) >= EDITS - 1:
                break
            saves.append((file, kind.text, kind))
            kind = next(kinds)
        saves.append((file, good(file, len(saves)), None))
    return saves


def save(site: Path, rel: str, text: str | bytes) -> None:
    """Save as an editor does: a temporary file beside the old one, renamed over it."""
    path = site / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(path.name + ".tmp")
    temporary.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    temporary.replace(path)


def test_the_schedule_is_a_hundred_saves_mostly_broken_and_of_every_kind() -> None:
    saves = afternoon()
    assert len(saves) == EDITS and saves[-1][2] is None
    broken = [kind for _, _, kind in saves if kind is not None]
    assert len(broken) > EDITS // 2
    assert {id(kind) for kind in broken} == {id(kind) for kind in BROKEN}


def test_the_preview_keeps_the_last_good_site_through_a_hundred_saves(
    site_factory: Callable[..., Path], tmp_path: Path
) -> None:
    site = site_factory(SITE_FILES)
    with running(site) as preview:
        page = preview.url + BUDGET_PAGE
        shown = "Kommunstyrelsen beslutar att anta budgeten för 2024."
        for n, (file, text, broken) in enumerate(afternoon()):
            builds = status(preview)["builds"]
            save(site, file, text)
            done = wait_for_build(preview, builds)
            code, html = fetch(page)
            assert code == 200, (n, file)
            if broken is None:
                assert done["ok"], (n, file, done["errors"])
                assert 'role="alertdialog"' not in html, n
                shown = f"anta budgeten för 2024 (version {n})." if file == BUDGET else shown
                assert shown in html, n
            else:
                assert_broken(preview, done, html, broken, shown, n)
        assert_serves_a_fresh_build(preview, site, tmp_path / "fresh")


def assert_broken(
    preview: PreviewSession, done: dict[str, object], html: str, broken: Broken, shown: str, n: int
) -> None:
    """The last good page is still served, under an overlay that names the located error."""
    assert done["ok"] is False, (n, broken.file)
    errors = [e for e in done["errors"] if e["severity"] == "error"]  # type: ignore[attr-defined]
    assert errors, (n, broken.file)
    first = errors[0]
    assert first["path"] == broken.file, (n, errors)
    assert first["field"] == broken.field or first["field"].startswith(broken.field + "["), (n, errors)
    assert first["line"] >= 1 and first["column"] >= 1, (n, first)
    assert shown in html, f"edit {n}: the last good page is served"
    assert 'role="alertdialog"' in html, n
    assert f"{first['path']}:{first['line']}" in html, n
    assert status(preview)["ok"] is False, "the preview answers"
