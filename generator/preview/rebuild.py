"""The preview's rebuild: the smallest safe rebuild after a change.

The served site is ``OUT/site``. A rebuild runs the whole build with a memo (unchanged records are
not read, checked or rendered again) and a staging that renders only the pages whose inputs changed
(see ``fingerprint``); the new files are moved in one rename each once the build succeeded, and the
files of pages that are gone are removed. A failed build leaves the served site as it was.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import threading
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import jinja2

from generator.base.diagnostics import Diagnostic
from generator.base.workers import Workers
from generator.build import BuildOptions, BuildResult, Loaded, build
from generator.load.memo import Memo
from generator.outputs.cached import CacheUse
from generator.outputs.publish import OUTPUTS_STAGE, write_outputs
from generator.outputs.registry import Written
from generator.outputs.write import Staging
from generator.pages.render import template_problem
from generator.preview.kept import Inputs, kept_copy, preview_inputs
from generator.preview.made import Made, StartStaging
from generator.preview.staging import Cancelled, PreviewStaging
from generator.preview.watch import Batch, ChangeKind, Layout

LIVE = "site"
"""The served folder's name inside the preview's output folder."""


@dataclass
class Rebuild:
    """The outcome of one preview rebuild."""

    result: BuildResult
    published: bool
    """True when the served site was updated (the build was good)."""
    kind: ChangeKind
    rendered: int = 0
    kept: int = 0
    files_read: int = 0
    """Record files read from disk (the others came from memory)."""
    banners: dict[str, tuple[str, dt.date | None]] = field(default_factory=dict)
    """Page address → ("utkast" | "publiceras", day): drafts and scheduled records shown in the preview."""
    changed: list[str] | None = None
    """The addresses of the pages this rebuild made, changed or removed (None: maybe any page)."""
    first_pass: bool = False
    """Only the saved records' pages were made; the full rebuild follows."""


class PreviewBuilder:
    """Rebuilds one site into ``OUT/site``, remembering what it can between builds."""

    def __init__(
        self,
        site_dir: Path,
        out: Path,
        base_url: str,
        build_date: dt.date | None = None,
        cache: Path | None = None,
    ) -> None:
        self.site_dir = site_dir
        self.cache = cache
        """The build cache's folder: the first build starts from it, every build keeps its records there."""
        self.out = out
        self.live = out / LIVE
        self.base_url = base_url
        self.build_date = build_date
        self.memo = Memo()
        self.manifest: dict[str, Made] = {}
        """How each served file was made."""
        self.loaded: Loaded | None = None
        """The served pages' model, kept alive so that the identities in page digests stay unique."""
        self.searched: list[tuple[str, str]] = []
        """(address, file) of the served pages the search index reads (see ``BuildResult.searched``)."""
        self.addresses: list[str] | None = None
        """Every served page's address, in order, from the last whole build (None before one)."""
        self.number = 0

    def options(self, extras: bool, only_records: frozenset[str] | None = None) -> BuildOptions:
        """Return the preview's build options: drafts and scheduled records included, no search index."""
        return BuildOptions(
            site_dir=self.site_dir,
            out=self.live,
            drafts=True,
            scheduled=True,
            build_date=self.build_date,
            search=False,
            base_url=self.base_url,
            extras=extras,
            cache=self.cache,
            only_records=only_records,
        )

    def rebuild(
        self,
        batch: Batch | None = None,
        extras: bool = False,
        cancel: Callable[[], bool] | None = None,
        only_records: frozenset[str] | None = None,
    ) -> Rebuild | None:
        """Rebuild after ``batch`` (None: from scratch); never raises for anything in the site.

        Without ``extras`` only pages and files are made (feeds and data files stay as they were);
        with them, everything. ``only_records`` (a first pass, see ``first_pass_files``): only the
        pages of those records, every other file as it was; the caller rebuilds in full next. Return
        None when ``cancel`` said to stop.
        """
        fresh = ChangeKind.STATIC if extras else ChangeKind.CONFIG
        kind = batch.worst if batch is not None else fresh
        # A changed site.yaml re-renders every page; the memo forgets its records only if the rules they
        # are checked against changed (``Memo.start``), and its texts only what they read (``Memo.texts``).
        for path in batch.paths if batch else ():
            self.memo.forget_file(path)
            if path.suffix != ".md":
                self.memo.forget_mentions(path.name)
        self.number += 1
        reuse = kind in (ChangeKind.CONTENT, ChangeKind.STATIC)
        staging: PreviewStaging | StartStaging = PreviewStaging(
            self.live, self.number, self.manifest, reuse, extras, cancel, partial=only_records is not None
        )
        # The first build, from the cache: its inputs are noted before it reads them (see ``kept``).
        starting = self.cache is not None and not self.live.exists()
        inputs = self.inputs() if starting and not extras and only_records is None else None

        def stage(output: Path, use: CacheUse | None) -> Staging:
            nonlocal staging
            if use is not None and starting:
                staging = StartStaging(output, use, inputs.key if inputs else None)
            return staging

        try:
            result = build(self.options(extras, only_records), self.memo, stage)
        except Cancelled:
            return None
        except Exception as exc:  # a template error or a bug must not stop the preview
            result = BuildResult(diagnostics=[crash_diagnostic(exc, self.site_dir)])
        published = result.ok and result.output is not None
        outcome = Rebuild(result, published, kind, staging.rendered, staging.kept, self.memo.files_read)
        outcome.first_pass = only_records is not None
        if published:
            self.manifest, self.loaded = staging.manifest, result.loaded
            if only_records is None:
                self.searched, self.addresses = result.searched, result.addresses
            outcome.banners = banners(result.loaded, result.build_date)
            outcome.changed = staging.changed
        return outcome

    def inputs(self) -> Inputs | None:
        """Return the digest of everything the preview is made from now (see ``kept``)."""
        return preview_inputs(self.site_dir, self.out, self.base_url, self.build_date)

    def kept_start(self) -> tuple[Path, Layout] | None:
        """Return the kept copy of the last preview and the folders to watch, when the copy was made
        from exactly what the site is now; else None (see ``kept``)."""
        inputs = self.inputs() if self.cache is not None else None
        if self.cache is None or inputs is None:
            return None
        folder = kept_copy(self.cache, self.site_dir, inputs.key)
        return None if folder is None else (folder, inputs.layout)

    def add_extras(self, cancel: Callable[[], bool] | None = None) -> Rebuild | None:
        """Make the feeds, calendars, data files and sitemap of the site last built; its pages stay.

        The preview's idle work: nothing changed since that build (a change cancels this), so the site
        is not read, checked and visited again. Before a whole build was served: a rebuild with the
        outputs. None when ``cancel`` said to stop.
        """
        loaded, addresses = self.loaded, self.addresses
        if loaded is None or addresses is None or not self.live.exists():
            return self.rebuild(extras=True, cancel=cancel)
        self.number += 1
        staging = PreviewStaging(self.live, self.number, self.manifest, True, True, cancel, extras_only=True)
        result = BuildResult(ok=True, output=self.live, build_date=loaded.site.build_date, loaded=loaded)
        written = Written(loaded.site, loaded.translator, tuple(addresses), tuple(self.searched))
        try:
            with staging:
                with result.stage(OUTPUTS_STAGE):
                    write_outputs(written, staging, Workers(1))
                staging.swap()
        except Cancelled:
            return None
        self.manifest = staging.manifest
        return Rebuild(result, True, ChangeKind.STATIC, staging.rendered, staging.kept)


FIRST_PASS_LIMIT = 5
"""Saved records at most whose pages a first pass makes (more: the full rebuild at once)."""


def first_pass_files(batch: Batch | None, site_dir: Path) -> frozenset[str] | None:
    """Return the records ``batch`` saved (relative to the site), if a first pass can show them sooner.

    Only a batch of saved records (no template, setting or other file) of at most ``FIRST_PASS_LIMIT``
    files; None otherwise.
    """
    if batch is None or batch.kinds != {ChangeKind.CONTENT} or len(batch.paths) > FIRST_PASS_LIMIT:
        return None
    files: set[str] = set()
    site = site_dir.resolve()
    for path in batch.paths:
        saved = path.resolve()
        if path.suffix != ".md" or not saved.is_file() or not saved.is_relative_to(site):
            return None
        files.add(saved.relative_to(site).as_posix())
    return frozenset(files)


def banners(loaded: Loaded | None, day: dt.date | None) -> dict[str, tuple[str, dt.date | None]]:
    """Return the page of every draft and every record published later than ``day``."""
    found: dict[str, tuple[str, dt.date | None]] = {}
    if loaded is None or day is None:
        return found
    for entry in loaded.site.entries:
        rec = entry.record
        if rec.utkast:
            found["/" + entry.path] = ("utkast", None)
        elif rec.publicera is not None and rec.publicera > day:
            found["/" + entry.path] = ("publiceras", rec.publicera)
    return found


def crash_diagnostic(exc: Exception, site_dir: Path) -> Diagnostic:
    """Return a diagnostic for an exception a build raised: a template's file and line when it has one."""
    if isinstance(exc, jinja2.TemplateError):
        return template_problem(exc, site_dir)
    last = traceback.extract_tb(exc.__traceback__)[-1:]
    at = f" ({Path(last[0].filename).name}:{last[0].lineno})" if last else ""
    return Diagnostic(
        "beslut",
        0,
        0,
        "internt fel",
        f"bygget avbröts av ett fel i programmet: {type(exc).__name__}: {exc}{at}",
        "spara filen igen; kvarstår felet, rapportera det med filen som ändrades",
    )


def clear_old_output(out: Path) -> None:
    """Remove what an earlier preview left in ``out`` (only names this module gives), in the background."""
    doomed: list[Path] = []
    for child in out.iterdir() if out.is_dir() else ():
        if child.name == LIVE or child.name.startswith((f".{LIVE}.", ".pagefind-")):
            aside = out / f".{LIVE}.old-{os.getpid()}-{len(doomed)}"
            child.rename(aside)
            doomed.append(aside)
    if doomed:
        threading.Thread(target=_remove_all, args=(doomed,), daemon=True).start()


def _remove_all(folders: list[Path]) -> None:
    for folder in folders:
        shutil.rmtree(folder, ignore_errors=True)
