"""The build, as its own table of contents: load and check everything, then write it all at once."""

from __future__ import annotations

import datetime as dt
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path

from generator.accessibility import check_statement
from generator.config import SiteConfig, load_config
from generator.diagnostics import Diagnostic, Severity, errors_in
from generator.frontmatter import split_front_matter
from generator.i18n import load_translator
from generator.jobs import page_jobs
from generator.markdown import render_markdown
from generator.privacy import allowed_numbers, scan_masks, scan_source
from generator.publishing import Change, Visibility, build_day, upcoming_changes, visibility
from generator.record import Record
from generator.records import validate_record
from generator.render import TEMPLATE_ERRORS, make_environment, render_page, template_problem
from generator.search import index_site
from generator.site import Entry, Site, assemble_site, check_paths
from generator.sources import read_sources
from generator.theme import Theme, load_theme
from generator.urls import record_path
from generator.write import Staging, check_output_dir


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


def build(options: BuildOptions) -> BuildResult:
    """Build the site (or, with ``write=False``, only check it)."""
    result = BuildResult()
    start = time.perf_counter()
    result.build_date = day = build_day(options.build_date, os.environ)
    loaded = load_site(options, day, result)
    fatal = errors_in(result.diagnostics, options.strict)
    if loaded is not None and not fatal:
        result.records = len(loaded.site.entries)
        result.changes = upcoming_changes(loaded.records, day)
        if options.write:
            write_site(options, loaded, result)
        result.ok = not errors_in(result.diagnostics, options.strict)
    result.diagnostics.sort(key=Diagnostic.sort_key)
    result.seconds = time.perf_counter() - start
    return result


def load_site(options: BuildOptions, day: dt.date, result: BuildResult) -> Loaded | None:
    """Read site.yaml, the theme and every record; validate and assemble the model."""
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
    with result.stage("läsa"):
        sources, problems = read_sources(config.content_dir, config.site_dir)
        result.diagnostics += problems
    with result.stage("personnummer"):
        allowed, problems = allowed_numbers(config, day)
        result.diagnostics += problems
        for source in sources:
            result.diagnostics += scan_source(source, allowed, day) + scan_masks(source)
    records: list[Record] = []
    with result.stage("validera"):
        for source in sources:
            split = split_front_matter(source)
            if isinstance(split, list):
                result.diagnostics += split
                continue
            record, problems = validate_record(split, config)
            result.diagnostics += problems
            if record is not None:
                records.append(record)
    t = load_translator(theme.all_dirs, config.language)
    with result.stage("markdown"):
        entries, withdrawn = [], []
        for record in records:
            state = visibility(record, day, options.drafts)
            if state is Visibility.PUBLISHED:
                entries.append(make_entry(record, t("mask_label")))
            elif state is Visibility.WITHDRAWN:
                withdrawn.append(record)
    with result.stage("modell"):
        site, problems = assemble_site(config, entries, withdrawn, day)
        result.diagnostics += problems + check_paths(entries, site)
    return Loaded(config, theme, site, records)


def make_entry(record: Record, mask_label: str) -> Entry:
    """Render one record's Markdown and give it its address (a pure function of the record)."""
    body = render_markdown(record.body, record.body_line, mask_label)
    beslut = render_markdown(record.beslut, record.line_of("beslut"), mask_label) if record.beslut else None
    summary = (
        record.sammanfattning
        or record.ingress
        or body.first_paragraph
        or (beslut.text.strip() if beslut else "")
    )
    return Entry(
        record=record,
        path=record_path(record),
        body=body,
        beslut_html=beslut.html if beslut else "",
        beslut_text=beslut.text.strip() if beslut else "",
        summary=summary,
    )


def write_site(options: BuildOptions, loaded: Loaded, result: BuildResult) -> None:
    """Render every page into a staging folder, index it, and swap it in."""
    config = loaded.config
    output = (options.out or config.output_dir).resolve()
    refused = check_output_dir(output, config.site_dir)
    if refused is not None:
        result.diagnostics.append(refused)
        return
    t = load_translator(loaded.theme.all_dirs, config.language)
    env = make_environment(loaded.theme, t)
    with Staging(output) as staging:
        with result.stage("sidor"):
            for job in page_jobs(loaded.site, t):
                try:
                    staging.write_text(job.file, render_page(env, job))
                except TEMPLATE_ERRORS as exc:
                    result.diagnostics.append(template_problem(exc, job, config.site_dir))
                    return
                result.pages += 1
        with result.stage("filer"):
            copy_assets(loaded, staging)
        if options.search:
            with result.stage("sökindex"):
                problem = index_site(staging.root, config.language)
                if problem is not None:
                    result.diagnostics.append(problem)
                    if problem.severity is Severity.ERROR:
                        return
        staging.swap()
    result.output = output


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
