"""The build, as its own table of contents: load and check everything, then write it all at once."""

from __future__ import annotations

import datetime as dt
import os
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path

from generator.base.diagnostics import Diagnostic, Severity, errors_in
from generator.base.record import Record
from generator.config.accessibility import check_statement
from generator.config.i18n import TranslationError, Translator, load_translator
from generator.config.settings import SiteConfig, load_config
from generator.config.theme import Theme, load_theme
from generator.load.frontmatter import split_front_matter
from generator.load.memo import Memo
from generator.load.privacy import allowed_numbers, scan_masks, scan_source
from generator.load.records import validate_record
from generator.markdown.references import build_link_index
from generator.model.addresses import check_paths
from generator.model.assemble import assemble_site
from generator.model.entries import record_text
from generator.model.publishing import Change, Visibility, build_day, upcoming_changes, visibility
from generator.model.site import Site
from generator.model.xrefs import CrossReferences, collect_references
from generator.outputs.links import PageLinker
from generator.outputs.registry import OUTPUTS, Written
from generator.outputs.write import Staging, check_output_dir
from generator.pages.jobs import page_jobs
from generator.pages.render import TEMPLATE_ERRORS, make_environment, render_page, template_problem


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


@dataclass
class BuildResult:
    """The outcome of one build: counts, timings and every diagnostic."""

    ok: bool = False
    diagnostics: list[Diagnostic] = field(default_factory=list)
    records: int = 0
    pages: int = 0
    seconds: float = 0.0
    timings: dict[str, float] = field(default_factory=dict)
    output: Path | None = None
    build_date: dt.date | None = None
    changes: list[Change] = field(default_factory=list)
    loaded: Loaded | None = field(default=None, repr=False)
    """The model that was built (the preview shows banners from it)."""

    @property
    def warnings(self) -> int:
        """Return the number of warnings."""
        return sum(d.severity is Severity.WARNING for d in self.diagnostics)

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        """Time one stage."""
        start = time.perf_counter()
        yield
        self.timings[name] = self.timings.get(name, 0.0) + time.perf_counter() - start


@dataclass(frozen=True)
class Loaded:
    """Everything read and checked, before anything is written."""

    config: SiteConfig
    theme: Theme
    site: Site
    records: list[Record]
    translator: Translator
    xrefs: CrossReferences = field(default_factory=CrossReferences)


def build(
    options: BuildOptions, memo: Memo | None = None, staging: Callable[[Path], Staging] = Staging
) -> BuildResult:
    """Build the site (or, with ``write=False``, only check it).

    The preview passes a ``memo`` that remembers unchanged records and a ``staging`` that reuses
    unchanged pages; a normal build computes and writes everything.
    """
    result = BuildResult()
    start = time.perf_counter()
    result.build_date = day = build_day(options.build_date, os.environ)
    result.loaded = loaded = load_site(options, day, result, memo or Memo(enabled=False))
    fatal = errors_in(result.diagnostics, options.strict)
    if loaded is not None and not fatal:
        result.records = len(loaded.site.entries)
        result.changes = upcoming_changes(loaded.records, day)
        if options.write:
            write_site(options, loaded, result, staging)
        result.ok = not errors_in(result.diagnostics, options.strict)
    result.diagnostics.sort(key=Diagnostic.sort_key)
    result.seconds = time.perf_counter() - start
    return result


def load_site(options: BuildOptions, day: dt.date, result: BuildResult, memo: Memo) -> Loaded | None:
    """Read site.yaml, the theme and every record; validate and assemble the model.

    Per-file stages go through ``memo``, keyed by every input they read (see ``generator.load.memo``).
    """
    with result.stage("site.yaml"):
        config = load_config(options.site_dir)
        if isinstance(config, list):
            result.diagnostics += config
            return None
        if options.base_url is not None:
            config = replace(config, base_url=options.base_url, base_path="/")
        result.diagnostics += check_statement(config)
        theme = load_theme(config.theme, config.site_dir)
        if not isinstance(theme, Theme):
            result.diagnostics.append(theme)
            return None
        try:
            t = load_translator(theme.all_dirs, config.language, config.site_dir)
        except TranslationError as exc:
            result.diagnostics += exc.diagnostics
            return None
        memo.start(config)
    with result.stage("läsa"):
        sources, problems = memo.read_sources(config.content_dir, config.site_dir)
        result.diagnostics += problems
    with result.stage("personnummer"):
        allowed, problems = allowed_numbers(config, day)
        result.diagnostics += problems
        for source in sources:
            result.diagnostics += memo.get(("personnummer", source, day), scan_source, source, allowed, day)
            result.diagnostics += memo.get(("maskering", source), scan_masks, source)
    records: list[Record] = []
    with result.stage("validera"):
        for source in sources:
            split = memo.get(("delning", source), split_front_matter, source)
            if isinstance(split, list):
                result.diagnostics += split
                continue
            record, problems = memo.get(("validera", source), validate_record, split, config)
            result.diagnostics += problems
            if record is not None:
                records.append(record)
    with result.stage("markdown"):
        states = [visibility(record, day, options.drafts, options.scheduled) for record in records]
        published = [r for r, s in zip(records, states, strict=True) if s is Visibility.PUBLISHED]
        withdrawn = [r for r, s in zip(records, states, strict=True) if s is Visibility.WITHDRAWN]
        index = build_link_index(config.base_path, config.organisations, published)
        texts = [memo.entry(record_text, record, t("mask_label"), index) for record in published]
    with result.stage("modell"):
        site, problems = assemble_site(config, texts, withdrawn, day)
        result.diagnostics += problems + check_paths(texts, site)
    with result.stage("hänvisningar"):
        xrefs, problems = collect_references(site.entries, index)
        result.diagnostics += problems
    return Loaded(config, theme, site, records, t, xrefs)


def write_site(
    options: BuildOptions,
    loaded: Loaded,
    result: BuildResult,
    staging_class: Callable[[Path], Staging] = Staging,
) -> None:
    """Render every page into a staging folder, index it, and swap it in."""
    config = loaded.config
    output = (options.out or config.output_dir).resolve()
    refused = check_output_dir(output, config.site_dir)
    if refused is not None:
        result.diagnostics.append(refused)
        return
    t = loaded.translator
    env = make_environment(loaded.theme, t)
    site = loaded.site
    linker = PageLinker(site, t, loaded.xrefs)
    pages: list[str] = []
    with staging_class(output) as staging:
        with result.stage("sidor"):
            for job in map(linker.annotate, page_jobs(site, t)):
                try:
                    staging.write_page(job.file, job, render_page, env, job)
                except TEMPLATE_ERRORS as exc:
                    result.diagnostics.append(template_problem(exc, job, config.site_dir))
                    return
                pages.append(job.path)
                result.pages += 1
        if options.extras:
            write_outputs(Written(site, t, tuple(pages)), staging, result)
        with result.stage("filer"):
            copy_assets(loaded, staging)
        if options.search:
            for out in (o for o in OUTPUTS if o.search):
                with result.stage(out.stage):
                    problem = out.index(staging.root, site)
                if problem is not None:
                    result.diagnostics.append(problem)
                    if problem.severity is Severity.ERROR:
                        return
        staging.swap()
    result.output = output


def write_outputs(written: Written, staging: Staging, result: BuildResult) -> None:
    """Write the files of every output but the search index: feeds, calendars, open data, sitemap."""
    for out in OUTPUTS:
        with result.stage(out.stage):
            for path, data in out.files(written):
                staging.write_bytes(path, data)


def copy_assets(loaded: Loaded, staging: Staging) -> None:
    """Copy the theme's static files (site overrides first) and every published attachment."""
    for static in loaded.theme.static_dirs():
        for path in sorted(static.rglob("*")):
            if path.is_file():
                staging.copy_file(path, "static/" + path.relative_to(static).as_posix())
    content = loaded.config.content_dir
    for entry in loaded.site.entries:
        rec = entry.record
        files = [a.fil for a in rec.bilagor if a.fil] + ([rec.bild.fil] if rec.bild else [])
        for fil in files:
            staging.copy_file(content / fil, "filer/" + fil)
