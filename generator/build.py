"""The build, as its own table of contents: load and check everything, then write it all at once.

One call per stage, each timed under its name; stages return their diagnostics and never print.
"""

from __future__ import annotations

import datetime as dt
import functools
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from generator.base.diagnostics import Diagnostic, Severity, errors_in
from generator.base.record import Record
from generator.base.sources import SourceTexts
from generator.base.workers import Workers
from generator.config.i18n import Translator
from generator.config.load import Settings, load_settings
from generator.config.settings import SiteConfig
from generator.config.theme import Theme
from generator.load.cache import BuildCache
from generator.load.memo import Memo
from generator.load.stage import check_files, guard_privacy
from generator.model.addresses import check_paths
from generator.model.assemble import assemble_site
from generator.model.entries import publish
from generator.model.publishing import Change, build_day, upcoming_changes
from generator.model.site import Site
from generator.model.xrefs import CrossReferences, collect_references
from generator.outputs.cached import CacheUse, StagingFactory, default_staging
from generator.outputs.noticelist import NoticeChanges, keep_notice_list
from generator.outputs.publish import publish_site
from generator.pages.render import templates_digest


@dataclass(frozen=True)
class BuildOptions:
    """What ``beslut build`` and ``beslut check`` were asked to do."""

    site_dir: Path
    out: Path | None = None
    strict: bool = False
    drafts: bool = False
    build_date: dt.date | None = None
    write: bool = True
    search: bool = True
    base_url: str | None = None
    """Overrides site.yaml's base_url (the preview serves the site at the root of a local address)."""
    scheduled: bool = False
    """Include records whose ``publicera`` is still to come (the preview only; a real build never does)."""
    extras: bool = True
    """Write feeds, calendars, open data and the sitemap (the preview writes them only when idle)."""
    jobs: int = 1
    """How many processes share the work (``--jobs``); the output is the same for any number."""
    cache: Path | None = None
    """The build cache's folder (``--cache``; ``beslut build`` uses ``.beslut-cache`` in the site)."""
    only_records: frozenset[str] | None = None
    """The preview's first pass after a save: write only the pages of the records read from these files
    (relative to the site); nothing else is written. None: the whole site."""


@dataclass(frozen=True)
class Loaded:
    """Everything read and checked, before anything is written."""

    settings: Settings
    site: Site
    records: list[Record]
    xrefs: CrossReferences = field(default_factory=CrossReferences)

    @property
    def config(self) -> SiteConfig:
        """Return site.yaml's settings."""
        return self.settings.config

    @property
    def theme(self) -> Theme:
        """Return the theme."""
        return self.settings.theme

    @property
    def translator(self) -> Translator:
        """Return the UI strings."""
        return self.settings.translator


class Listener(Protocol):
    """Follows a build as it goes (the command line's progress display)."""

    def stage(self, name: str) -> None:
        """Hear that the stage ``name`` begins."""

    def advance(self, done: int, total: int | None) -> None:
        """Hear that the stage has begun on ``done`` of its ``total`` items (None: not known)."""


@dataclass
class BuildResult:
    """The outcome of one build: counts, timings and every diagnostic."""

    ok: bool = False
    diagnostics: list[Diagnostic] = field(default_factory=list)
    records: int = 0
    pages: int = 0
    seconds: float = 0.0
    processes: int = 1
    """The most processes that worked at once (``--jobs``)."""
    made: dict[str, int] = field(default_factory=dict)
    """How many files' checks (``fil``), records' texts (``text``) and search bundles (``sök``, with a
    cache) were made anew (not remembered)."""
    reused: int = 0
    """Files of the site taken unchanged from the build cache."""
    timings: dict[str, float] = field(default_factory=dict)
    output: Path | None = None
    build_date: dt.date | None = None
    changes: list[Change] = field(default_factory=list)
    notices: NoticeChanges | None = None
    """The notice board now and since the last build (None when the build wrote no notice list)."""
    searched: list[tuple[str, str]] = field(default_factory=list)
    """(address, output file) of the pages searched by their text (the preview indexes them later)."""
    addresses: list[str] = field(default_factory=list)
    """The address of every page written, in order (the preview makes the outputs from them later)."""
    cache_warnings: list[Diagnostic] = field(default_factory=list)
    """What was wrong with the build cache (set aside, never trusted): warnings that --strict ignores."""
    loaded: Loaded | None = field(default=None, repr=False)
    """The model that was built (the preview shows banners from it)."""
    listener: Listener | None = field(default=None, repr=False, compare=False)
    """Told when each stage begins, and how far it has come (the command line's progress display)."""

    @property
    def warnings(self) -> int:
        """Return the number of warnings."""
        return sum(d.severity is Severity.WARNING for d in self.diagnostics)

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        """Time one stage."""
        if self.listener is not None:
            self.listener.stage(name)
        start = time.perf_counter()
        yield
        self.timings[name] = self.timings.get(name, 0.0) + time.perf_counter() - start


def build(
    options: BuildOptions,
    memo: Memo | None = None,
    staging: StagingFactory = default_staging,
    listener: Listener | None = None,
) -> BuildResult:
    """Build the site (or, with ``write=False``, only check it).

    The preview passes a ``memo`` that remembers unchanged records and a ``staging`` that reuses
    unchanged pages; a build with a cache reuses what the cache has; any other computes everything.
    ``listener`` follows the build stage by stage.
    """
    result = BuildResult(listener=listener)
    start = time.perf_counter()
    result.build_date = build_day(options.build_date, os.environ)
    workers = Workers(options.jobs, listener.advance if listener is not None else None)
    memo = memo or Memo(enabled=False)
    memo.store = cache = open_cache(options, result)
    try:
        result.loaded = loaded = load_site(options, result, memo, workers)
        if loaded is not None and not errors_in(result.diagnostics, options.strict):
            result.records = len(loaded.site.entries)
            result.changes = upcoming_changes(loaded.records, loaded.site.build_date)
            if options.write:
                out = (options.out or loaded.config.output_dir).resolve()
                use = cache_use(cache, loaded)
                done = publish_site(
                    out,
                    loaded.settings,
                    loaded.site,
                    loaded.xrefs,
                    result.stage,
                    lambda output: staging(output, use),
                    workers,
                    options.extras,
                    options.search,
                    cache,
                    options.only_records,
                )
                result.output, result.pages, result.notices = done.output, done.pages, done.notices
                result.reused, result.searched = done.reused, done.searched
                result.addresses = done.addresses
                if done.bundles_built is not None:
                    result.made["sök"] = done.bundles_built
                result.diagnostics += done.diagnostics
                if done.notices is not None and not options.scheduled:  # the preview shows what is to come
                    keep_notice_list(cache.root if cache else None, out)
            result.ok = not errors_in(result.diagnostics, options.strict)
    finally:
        if cache is not None and cache.created and result.output is None:
            cache.discard()
        elif cache is not None:
            with result.stage("cache"):
                cache.close()
            result.cache_warnings += cache.warnings
            memo.store = None
    result.diagnostics.sort(key=Diagnostic.sort_key)
    result.processes, result.made = workers.most, {**memo.made, **result.made}
    result.seconds = time.perf_counter() - start
    return result


def open_cache(options: BuildOptions, result: BuildResult) -> BuildCache | None:
    """Open the build cache the options name (read-only for ``check``), if any and if usable."""
    if options.cache is None:
        return None
    cache, warnings = BuildCache.open(options.cache, options.site_dir, writable=options.write)
    result.cache_warnings += warnings
    return cache


def cache_use(cache: BuildCache | None, loaded: Loaded) -> CacheUse | None:
    """Return what the write stage needs to take pages from the cache (None without a cache)."""
    if cache is None:
        return None
    return CacheUse(cache, templates_digest(loaded.theme, loaded.translator), loaded.site.build_date)


def load_site(
    options: BuildOptions, result: BuildResult, memo: Memo, workers: Workers | None = None
) -> Loaded | None:
    """Read site.yaml, the theme and every record; validate and assemble the model.

    The day of the build is settled once site.yaml is read (a demo may fix it) and kept in ``result``.
    """
    found, workers = result.diagnostics, workers or Workers(options.jobs)
    with result.stage("site.yaml"):
        settings, problems = load_settings(options.site_dir, options.base_url)
        found += problems
        if settings is None:
            return None
        config, t = settings.config, settings.translator
        result.build_date = day = build_day(options.build_date, os.environ, pinned=config.demo_date)
        memo.start(config.rules)
    with result.stage("läsa"):
        sources, problems = memo.read_sources(config.content_dir, config.site_dir)
        found += problems
    with result.stage("validera"):
        checked = check_files(config, sources, memo, workers)
        found += checked.problems
        # Every file's whole text is not kept (the records keep their bodies); a warning reads it again.
        texts = SourceTexts(config.site_dir, [source.rel for source in sources])
        del sources
    with result.stage("personnummer"):
        found += guard_privacy(config, checked.with_numbers, day, workers)
    with result.stage("markdown"):
        make_texts = functools.partial(memo.texts, workers=workers)
        published = publish(
            config, checked.records, day, t("mask_label"), make_texts, options.drafts, options.scheduled
        )
        if not memo.enabled:  # a build renders each text once; the preview may render it again
            for record in checked.records:
                record.let_go_of_body()
    with result.stage("modell"):
        site, problems = assemble_site(config, published.texts, published.withdrawn, day)
        found += problems + check_paths(published.texts, site)
    with result.stage("hänvisningar"):
        xrefs, problems = collect_references(site.entries, published.index, texts)
        found += problems
    return Loaded(settings, site, checked.records, xrefs)
