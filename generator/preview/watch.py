"""Watch a site's files for the preview: classify each event, gather bursts into one batch.

``classify`` is a pure function of a path and the site's layout (after Zola's ``detect_change_kind``);
it decides how much the next rebuild redoes. Editors save in bursts (a temp file, a rename, a
backup); ``Watcher.next_batch`` returns only once the site has been quiet for a moment, so a burst,
or a ``git checkout`` of a hundred files, gives one rebuild.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer
from watchdog.observers.api import BaseObserver
from watchdog.observers.polling import PollingObserver

from generator.base.sources import is_ignored

QUIET_SECONDS = 0.15
"""How long the site must be still before a rebuild starts."""


class ChangeKind(StrEnum):
    """What a changed file is to the build, from the least to the most work."""

    IGNORED = "ignored"
    STATIC = "static"
    """A theme's or the site's static asset: copied again, no page re-rendered."""
    CONTENT = "content"
    """A record or an attachment under content/: that record re-read, the pages showing it re-rendered."""
    THEME = "theme"
    """A template or a translation table: every page re-rendered, no record re-read."""
    CONFIG = "config"
    """site.yaml or a theme.yaml: everything starts over."""


@dataclass(frozen=True)
class Layout:
    """Where a site's parts are, for ``classify``."""

    site_dir: Path
    content_dir: Path
    output_dir: Path
    theme_dirs: tuple[Path, ...] = ()
    """The theme chain's folders (each with templates/, static/, i18n/, theme.yaml)."""

    def roots(self) -> list[tuple[Path, bool]]:
        """Return the folders to watch, each with whether to watch it recursively."""
        found = [(self.site_dir, False), (self.content_dir, True)]
        for name in ("templates", "static", "i18n", "themes"):
            found.append((self.site_dir / name, True))
        found += [(d, True) for d in self.theme_dirs if not d.is_relative_to(self.site_dir)]
        return [(p, r) for p, r in found if p.is_dir()]


def is_editor_litter(name: str) -> bool:
    """Return True for the temp, swap, lock and backup files editors write beside the real one."""
    # Vim probes a folder's writability with a file named 4913 (then 5036, 5159, ...).
    return is_ignored(name) or name.isdigit() or name.endswith((".swo", ".swpx", ".part", ".crdownload"))


def classify(path: Path, layout: Layout) -> ChangeKind:
    """Return what a change of ``path`` means to the build."""
    if is_editor_litter(path.name):
        return ChangeKind.IGNORED
    if path.is_relative_to(layout.output_dir):
        return ChangeKind.IGNORED
    if path == layout.site_dir / "site.yaml":
        return ChangeKind.CONFIG
    if path.parent == layout.site_dir and path.name in ("templates", "i18n", "static", "themes"):
        return ChangeKind.THEME  # a folder of overrides came or went (``Watcher.refresh`` watches it)
    if path.is_relative_to(layout.content_dir):
        folders = path.relative_to(layout.content_dir).parts[:-1]
        return ChangeKind.IGNORED if any(is_ignored(p) for p in folders) else ChangeKind.CONTENT
    for root in (layout.site_dir / "themes", *layout.theme_dirs, layout.site_dir):
        if not path.is_relative_to(root):
            continue
        parts = path.relative_to(root).parts
        if root.name == "themes" and root.parent == layout.site_dir:
            parts = parts[1:]  # the theme's own name
        if not parts or any(is_ignored(p) for p in parts):
            return ChangeKind.IGNORED
        if parts == ("theme.yaml",):
            return ChangeKind.CONFIG
        if parts[0] in ("templates", "i18n") and len(parts) > 1:
            return ChangeKind.THEME
        if parts[0] == "static" and len(parts) > 1:
            return ChangeKind.STATIC
    return ChangeKind.IGNORED


@dataclass
class Batch:
    """The changes gathered since the last rebuild."""

    kinds: set[ChangeKind] = field(default_factory=set)
    paths: set[Path] = field(default_factory=set)
    events: int = 0

    @property
    def worst(self) -> ChangeKind:
        """Return the kind that asks for the most work."""
        order = list(ChangeKind)
        return max(self.kinds, key=order.index, default=ChangeKind.IGNORED)


class Watcher(FileSystemEventHandler):
    """Watches a site's folders and hands out batches of relevant changes."""

    def __init__(self, layout: Layout, poll: bool = False, poll_seconds: float = 0.5) -> None:
        self.layout = layout
        self.observer: BaseObserver = PollingObserver(timeout=poll_seconds) if poll else Observer()
        self._cond = threading.Condition()
        self._batch = Batch()
        self._last = 0.0
        self._watched: set[Path] = set()
        self.ignored = 0

    def start(self) -> None:
        """Start watching."""
        self.refresh()
        self.observer.start()

    def refresh(self, layout: Layout | None = None) -> None:
        """Watch the folders of ``layout`` (or of the current one) that exist now and are not watched yet."""
        if layout is not None and layout != self.layout:
            self.observer.unschedule_all()
            self._watched.clear()
            self.layout = layout
        for root, recursive in self.layout.roots():
            if root not in self._watched:
                self.observer.schedule(self, str(root), recursive=recursive)
                self._watched.add(root)

    def stop(self) -> None:
        """Stop watching."""
        self.observer.stop()
        self.observer.join(timeout=5)
        with self._cond:
            self._cond.notify_all()

    def on_any_event(self, event: FileSystemEvent) -> None:
        """Classify one event (both ends of a rename); note it unless it is ignored."""
        if event.event_type in ("opened", "closed", "closed_no_write"):
            return
        if event.is_directory and event.event_type == "modified":
            return
        paths = [event.src_path, getattr(event, "dest_path", "") or ""]
        for raw in paths:
            if not raw:
                continue
            path = Path(raw if isinstance(raw, str) else raw.decode())
            self.note(path, classify(path, self.layout))

    def note(self, path: Path, kind: ChangeKind) -> None:
        """Add one classified change to the pending batch."""
        if kind is ChangeKind.IGNORED:
            self.ignored += 1
            return
        with self._cond:
            self._batch.kinds.add(kind)
            self._batch.paths.add(path)
            self._batch.events += 1
            self._last = time.monotonic()
            self._cond.notify_all()

    def pending(self) -> bool:
        """Return True when changes wait for a rebuild."""
        with self._cond:
            return bool(self._batch.kinds)

    def next_batch(self, stop: threading.Event, quiet: float = QUIET_SECONDS) -> Batch | None:
        """Wait for changes, then for ``quiet`` seconds without more; return them (None once stopped)."""
        with self._cond:
            while not stop.is_set():
                if self._batch.kinds:
                    still = time.monotonic() - self._last
                    if still >= quiet:
                        batch, self._batch = self._batch, Batch()
                        return batch
                    self._cond.wait(quiet - still)
                else:
                    self._cond.wait(0.5)
        return None
