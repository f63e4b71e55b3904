"""watch.classify: what a changed path means to the preview's next rebuild (a pure function)."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

from generator.preview.watch import Batch, ChangeKind, Layout, Watcher, classify

SITE = Path("/srv/sjovik")
THEME = Path("/opt/beslut/themes/standard")
LAYOUT = Layout(SITE, SITE / "content", SITE / ".beslut-preview", (SITE / "themes" / "egen", THEME))


@pytest.mark.parametrize(
    ("path", "kind"),
    [
        ("content/ks/2024-03-11-12.md", ChangeKind.CONTENT),
        ("content/2019/2019-12-09-ks-brygga.md", ChangeKind.CONTENT),
        ("content/ks/bilagor/protokoll.pdf", ChangeKind.CONTENT),
        ("content/ks", ChangeKind.CONTENT),
        ("content/ks/.2024-03-11-12.md.swp", ChangeKind.IGNORED),
        ("content/ks/.2024-03-11-12.md.swx", ChangeKind.IGNORED),
        ("content/ks/2024-03-11-12.md~", ChangeKind.IGNORED),
        ("content/ks/.#2024-03-11-12.md", ChangeKind.IGNORED),
        ("content/ks/#2024-03-11-12.md#", ChangeKind.IGNORED),
        ("content/ks/4913", ChangeKind.IGNORED),
        ("content/ks/2024-03-11-12.md.tmp", ChangeKind.IGNORED),
        ("content/ks/~$protokoll.docx", ChangeKind.IGNORED),
        ("content/.git/index", ChangeKind.IGNORED),
        ("site.yaml", ChangeKind.CONFIG),
        ("themes/egen/theme.yaml", ChangeKind.CONFIG),
        ("templates/record.html", ChangeKind.THEME),
        ("i18n/sv.yaml", ChangeKind.THEME),
        ("templates", ChangeKind.THEME),
        ("themes/egen/templates/base.html", ChangeKind.THEME),
        ("static/logo.svg", ChangeKind.STATIC),
        ("themes/egen/static/beslut.css", ChangeKind.STATIC),
        ("templates/.record.html.swp", ChangeKind.IGNORED),
        (".beslut-preview/site/index.html", ChangeKind.IGNORED),
        ("README.md", ChangeKind.IGNORED),
        (".git/HEAD", ChangeKind.IGNORED),
        ("public/index.html", ChangeKind.IGNORED),
    ],
)
def test_classify_a_path_in_the_site(path: str, kind: ChangeKind) -> None:
    assert classify(SITE / path, LAYOUT) is kind


@pytest.mark.parametrize(
    ("path", "kind"),
    [
        ("templates/meeting.html", ChangeKind.THEME),
        ("i18n/sv.yaml", ChangeKind.THEME),
        ("static/search.js", ChangeKind.STATIC),
        ("theme.yaml", ChangeKind.CONFIG),
        ("templates/meeting.html~", ChangeKind.IGNORED),
        ("README.md", ChangeKind.IGNORED),
    ],
)
def test_classify_a_path_in_the_built_in_theme(path: str, kind: ChangeKind) -> None:
    assert classify(THEME / path, LAYOUT) is kind


def test_a_batch_asks_for_the_most_work_of_its_changes() -> None:
    batch = Batch({ChangeKind.STATIC, ChangeKind.CONTENT})
    assert batch.worst is ChangeKind.CONTENT
    batch.kinds.add(ChangeKind.CONFIG)
    assert batch.worst is ChangeKind.CONFIG


def test_a_burst_of_changes_is_one_batch_once_the_site_is_quiet(tmp_path: Path) -> None:
    layout = Layout(tmp_path, tmp_path / "content", tmp_path / "out")
    watcher = Watcher(layout)  # not started: changes are noted by hand, as the observer would
    stop = threading.Event()
    got: list[Batch | None] = []
    waiter = threading.Thread(target=lambda: got.append(watcher.next_batch(stop, quiet=0.3)))
    waiter.start()
    for n in range(10):
        watcher.note(tmp_path / "content" / f"{n}.md", ChangeKind.CONTENT)
        time.sleep(0.02)
    watcher.note(tmp_path / "content" / ".0.md.swp", ChangeKind.IGNORED)
    waiter.join(timeout=10)

    [batch] = got
    assert batch is not None and batch.events == 10 and len(batch.paths) == 10
    assert batch.kinds == {ChangeKind.CONTENT}
    assert watcher.ignored == 1 and not watcher.pending()
