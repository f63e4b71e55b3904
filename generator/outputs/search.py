"""The search index: Pagefind bundles made from the site's data, and the list the search page merges.

``pagefind/`` holds the newest bundle with ``pagefind.js`` and the WebAssembly, ``pagefind/<bundle>/`` each
older bundle (see ``search_bundles``), and ``pagefind/bundles.json`` the bundles, newest first, with each
filter's values. The search page imports ``pagefind.js`` and merges the other bundles (``mergeIndex``).
The site pages searched by their text (the accessibility statement, how to appeal) go with the newest
bundle: a bundle of their own would have so few words that Pagefind, which matches a word it does not have
by the longest word it has that begins the same way, would find them for almost any search.

Bundles are built on up to ``jobs`` Pagefind services at once (Pagefind writes an index on one core), and
taken from ``cache`` when a bundle of the same records was built before.
"""

from __future__ import annotations

import os
import queue
import threading
from collections.abc import Callable, Iterator, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Protocol

from generator.base.diagnostics import Diagnostic, Severity
from generator.base.jsontext import json_text
from generator.config.i18n import Translator
from generator.model.site import Site
from generator.outputs.pagefind_service import PagefindError, PagefindService
from generator.outputs.search_bundles import CHUNK_SIZE, Bundle, build_bundle, plan_bundles
from generator.outputs.search_records import FILTERS, SearchRecord, search_records

BUNDLE = "pagefind"
"""The search index's folder in the output (the search page imports ``pagefind/pagefind.js``)."""
MANIFEST = "bundles.json"
PAGES = "sidor"
"""The name of the only bundle of a site without records."""
MAX_LANES = 4
"""Pagefind services at once at most: each holds one bundle (about 0.3 GB) while it writes it."""
SETTINGS = {"PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE": str(CHUNK_SIZE)}
CANCEL_POLL = 0.05
"""Seconds between two looks at whether the caller asked to stop (the preview: a change arrived)."""


class BundleCache(Protocol):
    """Bundles built before, by ``Bundle.key`` (the build's cache; the search index never trusts a file
    it did not write: a missing or unreadable entry is ``None``)."""

    def get(self, key: str) -> Mapping[str, bytes] | None:
        """Return the files of the bundle with ``key``, or None."""

    def put(self, key: str, files: Mapping[str, bytes]) -> None:
        """Keep the files of the bundle with ``key``."""


class MemoryCache:
    """Bundles kept in memory by key: the preview's, between one indexing and the next."""

    def __init__(self) -> None:
        self._files: dict[str, Mapping[str, bytes]] = {}

    def get(self, key: str) -> Mapping[str, bytes] | None:
        """Return the files of the bundle with ``key``, or None."""
        return self._files.get(key)

    def put(self, key: str, files: Mapping[str, bytes]) -> None:
        """Keep the files of the bundle with ``key``."""
        self._files[key] = files

    def keep_only(self, keys: set[str]) -> None:
        """Forget every bundle but those with ``keys`` (the index just made)."""
        self._files = {key: files for key, files in self._files.items() if key in keys}


class Cancelled(Exception):
    """The caller asked to stop (the preview: a change arrived)."""


@dataclass
class IndexReport:
    """What one indexing did: the bundles it built and those it took from the cache."""

    built: list[str] = field(default_factory=list)
    reused: list[str] = field(default_factory=list)
    records: int = 0
    keys: set[str] = field(default_factory=set)
    """The keys of every bundle of the index (with a cache)."""


def index_site(
    site: Site,
    t: Translator,
    target: Path,
    pages: Sequence[tuple[str, str]],
    *,
    jobs: int = 0,
    cache: BundleCache | None = None,
    cancel: Callable[[], bool] | None = None,
) -> tuple[list[Diagnostic], IndexReport]:
    """Write the search index of ``site`` into ``target`` (the output's ``pagefind/`` folder).

    ``pages``: (address, HTML) of the site pages searched besides the records. Returns the problems (an
    error when no index could be made) and what was built.
    """
    records = search_records(site, t)
    language = site.config.language
    bundles = [replace(b, language=language) for b in plan_bundles(records) or [Bundle(PAGES)]]
    bundles[0] = replace(bundles[0], pages=tuple(pages), primary=True)
    run = _Run(jobs, cache, cancel, IndexReport(records=len(records)))
    if cache is not None:  # a key hashes every record's text: only worth it where bundles are kept
        run.report.keys = {bundle.key for bundle in bundles}
    problems: list[Diagnostic] = []
    try:
        for name, files, problem in run.files(bundles):
            if problem is not None:
                problems.append(_not_reproducible(name, problem))
            _write(target if name == bundles[0].name else target / name, files)
        _write(target, {MANIFEST: manifest(bundles, records)})
    except PagefindError as exc:
        return [_failed(str(exc))], run.report
    except OSError as exc:
        return [_failed(f"{exc.strerror or exc} ({exc.filename or target})")], run.report
    return problems, run.report


@dataclass
class _Run:
    """One indexing: where bundles come from and what became of them."""

    jobs: int
    cache: BundleCache | None
    cancel: Callable[[], bool] | None
    report: IndexReport

    def files(self, wanted: list[Bundle]) -> Iterator[tuple[str, Mapping[str, bytes], str | None]]:
        """Yield each bundle's name and files (cached or built), and a problem with them, if any."""
        todo: list[Bundle] = []
        for bundle in wanted:
            cached = self.cache.get(bundle.key) if self.cache is not None else None
            if cached is not None:
                self.report.reused.append(bundle.name)
                yield bundle.name, cached, None
            else:
                todo.append(bundle)
        if not todo:
            return
        lanes = max(1, min(self.jobs or os.cpu_count() or 1, MAX_LANES, len(todo)))
        with (
            _services(lanes) as (services, started),
            ThreadPoolExecutor(lanes) as pool,
            _stopped_when(self.cancel, started) as cancelled,
        ):

            def build(bundle: Bundle) -> tuple[dict[str, bytes], str | None]:
                if self.cancel is not None and self.cancel():
                    raise Cancelled
                service = services.get()
                try:
                    return build_bundle(bundle, service)
                finally:
                    services.put(service)

            futures = [pool.submit(build, bundle) for bundle in todo]
            try:
                for bundle, future in zip(todo, futures, strict=True):
                    try:
                        files, problem = future.result()
                    except PagefindError:
                        if cancelled.is_set():  # the services were stopped for a newer change
                            raise Cancelled from None
                        raise
                    self.report.built.append(bundle.name)
                    if self.cache is not None and problem is None:
                        self.cache.put(bundle.key, files)
                    yield bundle.name, files, problem
            finally:
                for future in futures:  # after a failure, bundles not yet begun are not begun
                    future.cancel()


@contextmanager
def _services(count: int) -> Iterator[tuple[queue.Queue[PagefindService], list[PagefindService]]]:
    """Start ``count`` Pagefind services; stop them all at the end. Yields them as lanes and as a list."""
    started: list[PagefindService] = []
    try:
        for _ in range(count):
            started.append(PagefindService(SETTINGS))
        lanes: queue.Queue[PagefindService] = queue.Queue()
        for service in started:
            lanes.put(service)
        yield lanes, started
    finally:
        for service in started:
            service.close()


@contextmanager
def _stopped_when(
    cancel: Callable[[], bool] | None, services: list[PagefindService]
) -> Iterator[threading.Event]:
    """Watch ``cancel`` while bundles are built: when it says stop, stop every service at once.

    A bundle takes seconds to index; the preview cannot wait that long for a save. Yields the event that
    is set when the services were stopped.
    """
    cancelled, done = threading.Event(), threading.Event()

    def watch() -> None:
        while not done.wait(CANCEL_POLL):
            if cancel is not None and cancel():
                cancelled.set()
                for service in services:
                    service.stop()
                return

    watcher = threading.Thread(target=watch, daemon=True) if cancel is not None else None
    if watcher is not None:
        watcher.start()
    try:
        yield cancelled
    finally:
        done.set()
        if watcher is not None:
            watcher.join()


def manifest(bundles: Sequence[Bundle], records: Sequence[SearchRecord]) -> bytes:
    """Return ``bundles.json``: the bundles (newest first) and every value of each filter."""
    values: dict[str, set[str]] = {name: set() for name in FILTERS}
    for record in records:
        for name, value in record.filters:
            values[name].add(value)
    data = {
        "bundles": [b.name for b in bundles],
        "filters": {name: sorted(found) for name, found in values.items()},
    }
    return json_text(data).encode("utf-8")


def _write(folder: Path, files: Mapping[str, bytes]) -> None:
    for parent in sorted({(folder / path).parent for path in files}):
        parent.mkdir(parents=True, exist_ok=True)
    for path, data in sorted(files.items()):
        (folder / path).write_bytes(data)


def _failed(reason: str) -> Diagnostic:
    return Diagnostic(
        "pagefind",
        0,
        0,
        "sök",
        f"sökindexet kunde inte byggas: {reason}",
        "kontrollera att pagefind är installerat och att det finns plats på disken; "
        "den tidigare publicerade webbplatsen är orörd",
    )


def _not_reproducible(name: str, problem: str) -> Diagnostic:
    return Diagnostic(
        "pagefind",
        0,
        0,
        "sök",
        f"sökindexets del {name} kunde inte göras reproducerbar ({problem})",
        "sökningen fungerar, men två byggen ger inte samma filer; rapportera Pagefinds version",
        Severity.WARNING,
    )
