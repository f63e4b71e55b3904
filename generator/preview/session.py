"""``beslut serve`` as one object: the server, the watcher and the rebuild loop, started and stopped together.

The loop runs in one worker thread, so builds never overlap: it waits for a quiet batch of changes,
rebuilds, publishes the outcome to the server (which tells the open pages), and, when nothing else
is waiting, refreshes the search index in the background, abandoning it at the next change.
"""

from __future__ import annotations

import datetime as dt
import functools
import shutil
import threading
import time
from collections.abc import Callable
from pathlib import Path

from generator.base.diagnostics import errors_in
from generator.config.theme import BUILTIN_THEMES
from generator.outputs.search import Cancelled, MemoryCache, index_site
from generator.preview.kept import site_layout
from generator.preview.rebuild import (
    PreviewBuilder,
    Rebuild,
    clear_old_output,
    crash_diagnostic,
    first_pass_files,
)
from generator.preview.serve import PreviewServer, PreviewState, start_server
from generator.preview.watch import Batch, Layout, Watcher


class PreviewSession:
    """A running preview of one site."""

    def __init__(
        self,
        site_dir: Path,
        out: Path,
        host: str = "127.0.0.1",
        port: int = 8000,
        poll: bool = False,
        build_date: dt.date | None = None,
        search: bool = True,
        report: Callable[[Rebuild], None] | None = None,
        cache: Path | None = None,
    ) -> None:
        self.site_dir = site_dir.resolve()
        self.out = out.resolve()
        self.host, self.port, self.poll, self.search = host, port, poll, search
        self.build_date = build_date
        self.cache = cache
        self.report = report or (lambda _rebuild: None)
        self.state = PreviewState()
        self.stopping = threading.Event()
        self.server: PreviewServer | None = None
        self.builder: PreviewBuilder | None = None
        self.watcher: Watcher | None = None
        self.worker: threading.Thread | None = None
        self.first: Rebuild | None = None
        self.indexed = 0
        self.bundles = MemoryCache()
        """The search index's bundles: after an edit only the edited record's bundle is made again."""

    @property
    def url(self) -> str:
        """Return the preview's address."""
        assert self.server is not None
        return self.server.url

    def start(self) -> Rebuild | None:
        """Bind the port, serve the site, start watching; return the first build's outcome.

        When the build cache keeps a copy of the preview made from exactly what the site is now, that
        copy is served at once and the first build runs in the background (None is returned).
        """
        self.server = start_server(self.state, self.host, self.port)
        self.out.mkdir(parents=True, exist_ok=True)
        clear_old_output(self.out)
        self.builder = PreviewBuilder(self.site_dir, self.out, self.server.url, self.build_date, self.cache)
        began = time.perf_counter()
        kept = self.builder.kept_start()
        if kept is None:
            self.first = self._rebuild(None)
            layout = self._layout(self.first)
        else:
            folder, layout = kept
            self._publish_kept(folder, time.perf_counter() - began)
        self.watcher = Watcher(layout, poll=self.poll)
        self.watcher.start()
        self.worker = threading.Thread(target=self._loop, name="beslut-rebuild", daemon=True)
        self.worker.start()
        return self.first

    def stop(self) -> None:
        """Stop watching, building and serving."""
        self.stopping.set()
        if self.watcher is not None:
            self.watcher.stop()
        if self.worker is not None:
            self.worker.join(timeout=30)
        if self.server is not None:
            self.server.stop()

    def _layout(self, rebuild: Rebuild) -> Layout:
        loaded = rebuild.result.loaded
        themes = loaded.theme.theme_dirs if loaded else [BUILTIN_THEMES / "standard"]
        content = loaded.config.content_dir if loaded else self.site_dir / "content"
        return site_layout(self.site_dir, self.out, content, themes)

    def _publish_kept(self, folder: Path, seconds: float) -> None:
        """Serve the kept copy of the last preview until the first build has checked it."""
        figures = {"seconds": round(seconds, 3), "kind": "kept", "rendered": 0, "first_pass": False}
        generation = self.state.generation + 1
        self.state.publish(root=folder, generation=generation, last=figures, changed_pages=None)

    def _settle(self) -> None:
        """Build behind the kept copy served at the start: every page it makes differently reloads."""
        assert self.watcher is not None
        self.first = self._rebuild(None)
        self.watcher.refresh(self._layout(self.first))

    def _loop(self) -> None:
        assert self.watcher is not None
        if self.first is None:
            self._guarded(self._settle)
        self._guarded(self._when_idle)
        while not self.stopping.is_set():
            batch = self.watcher.next_batch(self.stopping)
            if batch is None:
                return
            self._guarded(functools.partial(self._after, batch))

    def _after(self, batch: Batch) -> None:
        """Rebuild after ``batch``, watch what site.yaml now names, then do the idle work."""
        assert self.watcher is not None
        rebuild = self._rebuild(batch)
        self.watcher.refresh(self._layout(rebuild) if batch.worst == "config" else None)
        self._when_idle()

    def _guarded(self, work: Callable[[], None]) -> None:
        """Run ``work``; an error in the preview itself is shown like a failed build, and the loop goes on."""
        try:
            work()
        except Exception as exc:
            crash = crash_diagnostic(exc, self.site_dir)
            self.state.publish(ok=False, diagnostics=[crash], failures=self.state.failures + 1)

    def _when_idle(self) -> None:
        """Make the feeds and data files, then the search index, unless a change arrives first."""
        assert self.builder is not None and self.watcher is not None
        if self.state.root is None or not self.state.ok or self.watcher.pending():
            return
        complete = self.builder.add_extras(cancel=self.watcher.pending)
        if complete is None:
            return
        if not complete.published:
            self._publish(complete, None)
        elif self.search:
            self._index()

    def _rebuild(self, batch: Batch | None) -> Rebuild:
        """Rebuild the pages, publish the outcome to the server (the pages reload), report it.

        After a save of a few records their own pages are made and shown first (what the writer is
        looking at), then everything else; a page shown by the first pass does not reload again.
        """
        assert self.builder is not None
        saved = first_pass_files(batch, self.site_dir) if self.state.root is not None else None
        if saved is not None:
            first = self.builder.rebuild(batch, only_records=saved)
            assert first is not None
            self._publish(first, batch, counted=not first.published)
            if not first.published:
                return first
        rebuild = self.builder.rebuild(batch)
        assert rebuild is not None  # only a build that may be cancelled returns None
        self._publish(rebuild, batch)
        return rebuild

    def _publish(self, rebuild: Rebuild, batch: Batch | None, counted: bool = True) -> None:
        """Tell the server (and through it every open page) how a build went.

        A good first pass is not ``counted`` among the builds: the full rebuild that follows it is.
        """
        assert self.builder is not None
        result = rebuild.result
        figures = {
            "seconds": round(result.seconds, 3),
            "kind": rebuild.kind.value,
            "rendered": rebuild.rendered,
            "kept": rebuild.kept,
            "first_pass": rebuild.first_pass,
            "files_read": rebuild.files_read,
            "events": batch.events if batch else 0,
            "timings": {stage: round(seconds, 3) for stage, seconds in result.timings.items()},
        }
        values: dict[str, object] = {
            "builds": self.state.builds + counted,
            "ok": result.ok,
            "diagnostics": list(result.diagnostics),
            "last": figures,
        }
        if rebuild.published:
            # A page reloads when its own address or its banner changed, or when anything else did
            # (``changed`` None).
            values.update(
                root=self.builder.live,
                generation=self.state.generation + 1,
                banners=rebuild.banners,
                changed_pages=reloaded(rebuild.changed, self.state.banners, rebuild.banners),
            )
        else:
            values["failures"] = self.state.failures + 1
        self.state.publish(**values)
        self.report(rebuild)

    def _index(self) -> None:
        """Index the current generation with Pagefind, unless a change arrives first."""
        assert self.watcher is not None and self.builder is not None
        root, loaded = self.state.root, self.builder.loaded
        if root is None or loaded is None or self.watcher.pending():
            return
        self.indexed += 1
        target = self.out / f".pagefind-{self.indexed}"
        pages = [(path, (root / file).read_text(encoding="utf-8")) for path, file in self.builder.searched]
        watcher = self.watcher
        try:
            problems, report = index_site(
                loaded.site,
                loaded.translator,
                target,
                pages,
                jobs=1,
                cache=self.bundles,
                cancel=lambda: watcher.pending() or self.stopping.is_set(),
            )
            self.bundles.keep_only(report.keys)
        except Cancelled:
            problems = None
        if problems is None or errors_in(problems):
            shutil.rmtree(target, ignore_errors=True)
            return
        with self.state.changed:
            old, self.state.pagefind = self.state.pagefind, target
        if old is not None and old != target:
            shutil.rmtree(old, ignore_errors=True)


Banners = dict[str, tuple[str, dt.date | None]]
"""Page address → the banner the preview shows on it (see ``rebuild.banners``)."""


def reloaded(changed: list[str] | None, before: Banners, after: Banners) -> list[str] | None:
    """Return the pages that reload: those ``changed``, and those whose banner came, went or changed."""
    if changed is None:
        return None
    banners = {page for page in before.keys() | after.keys() if before.get(page) != after.get(page)}
    return sorted(set(changed) | banners)
