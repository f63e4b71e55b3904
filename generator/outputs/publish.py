"""The write stage: every page and output into a staging folder, indexed, then swapped in at once.

A failed page, a failed search index or a refused output folder leaves the published site as it was.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from pathlib import Path

from generator.base.diagnostics import Diagnostic, errors_in
from generator.base.workers import Claims, Workers
from generator.config.load import Settings
from generator.load.cache import BuildCache
from generator.model.site import Site
from generator.model.xrefs import CrossReferences
from generator.outputs.cached import KeptBundles
from generator.outputs.links import PageLinker
from generator.outputs.noticelist import NOTICE_LIST, NoticeChanges, compare_notices, previous_notice_list
from generator.outputs.registry import OUTPUTS, Written
from generator.outputs.write import StagedPart, Staging, check_output_dir
from generator.pages.jobs import page_jobs, saved_record_pages
from generator.pages.kinds import KINDS
from generator.pages.render import TEMPLATE_ERRORS, PageRenderer, make_environment, template_problem

Timer = Callable[[str], AbstractContextManager[None]]
"""Times one named stage (``BuildResult.stage``)."""

PAGE_CHUNK = 32
"""Pages a worker claims at a time."""
OUTPUTS_STAGE = "flöden och data"
"""The stage that writes every output but the search index (feeds, calendars, open data, sitemap)."""


@dataclass
class Publication:
    """What the write stage did: where, how many pages, and what went wrong."""

    output: Path | None = None
    """The published folder; None when nothing was swapped in."""
    pages: int = 0
    addresses: list[str] = field(default_factory=list)
    """The address of every page written, in order (what the outputs are made from, ``Written.pages``)."""
    reused: int = 0
    """Files taken unchanged from the build cache."""
    bundles_built: int | None = None
    """Search bundles built anew with a build cache (the others were taken from it); None without one."""
    diagnostics: list[Diagnostic] = field(default_factory=list)
    notices: NoticeChanges | None = None
    """The notice board compared with the output it replaced (None without the outputs)."""
    searched: list[tuple[str, str]] = field(default_factory=list)
    """(address, file) of the pages searched by their text (``PageContext.indexed``)."""


def publish_site(
    output: Path,
    settings: Settings,
    site: Site,
    xrefs: CrossReferences,
    timer: Timer,
    staging_class: Callable[[Path], Staging] = Staging,
    workers: Workers | None = None,
    extras: bool = True,
    search: bool = True,
    cache: BuildCache | None = None,
    only_records: frozenset[str] | None = None,
) -> Publication:
    """Render every page into a staging folder, add the outputs, index it, and swap it in.

    ``cache`` is the build cache: the notice list of the last build may be kept in its folder, and the
    search bundles built before are taken from it. ``only_records``: write only those records' pages
    (``BuildOptions.only_records``).
    """
    done = Publication()
    refused = check_output_dir(output, settings.config.site_dir)
    if refused is not None:
        done.diagnostics.append(refused)
        return done
    t, workers = settings.translator, workers or Workers(1)
    with staging_class(output) as staging:
        with timer("sidor"):
            compiled = cache.templates_folder() if cache is not None else None
            pages, searched, problem = write_pages(
                settings, site, xrefs, staging, workers, compiled, only_records
            )
        if problem is not None:
            done.diagnostics.append(problem)
            return done
        done.pages, done.addresses, done.searched = len(pages), pages, searched
        bundles = KeptBundles(cache) if cache is not None else None
        written = Written(site, t, tuple(pages), tuple(searched), bundles)
        if extras:
            with timer(OUTPUTS_STAGE):
                write_outputs(written, staging, workers)
        if only_records is None:
            with timer("filer"):
                copy_assets(settings, site, staging)
        for out in (o for o in OUTPUTS if o.search and search and only_records is None):
            with timer(out.stage):
                problems = out.index(staging.root, written)
            done.diagnostics += problems
            if errors_in(problems):
                return done
        previous = previous_notice_list(output, cache.root if cache else None) if extras else None
        with timer("publicera"):
            staging.swap()
        done.reused = getattr(staging, "reused", 0)
        done.bundles_built = bundles.built if bundles is not None and search else None
    done.output = output
    if extras:
        done.notices = compare_notices(previous, (output / NOTICE_LIST).read_bytes())
    return done


@dataclass(frozen=True)
class _PagesPart:
    """The pages one worker wrote: (number, address, file, searched) of each; the first template failure."""

    process: int
    pages: list[tuple[int, str, str, bool]]
    staged: StagedPart
    problem: tuple[int, Diagnostic] | None = None


def write_pages(
    settings: Settings,
    site: Site,
    xrefs: CrossReferences,
    staging: Staging,
    workers: Workers,
    compiled: Path | None = None,
    only_records: frozenset[str] | None = None,
) -> tuple[list[str], list[tuple[str, str]], Diagnostic | None]:
    """Render every page into ``staging``; return their addresses in order, or the first broken page.

    Also returned: (address, file) of the pages searched by their text (``PageContext.indexed``).

    Every worker walks the same jobs in the same order and makes and renders the chunks it claims (a
    job's view is built only by the worker that claims it), so the pages (and the first page a broken
    template stops at) are the same for any number of workers.
    ``compiled``: the build cache's folder of compiled templates; ``only_records``: see ``publish_site``.
    """
    t = settings.translator
    env = make_environment(settings.theme, t, compiled)
    for spec in KINDS.values():  # compiled once here, not once in each worker
        with contextlib.suppress(*TEMPLATE_ERRORS):  # reported at the first page that needs it
            env.get_template(spec.template)
    linker, render = PageLinker(site, t, xrefs), PageRenderer(env)

    def part(claims: Claims) -> _PagesPart:
        mark, mine = staging.mark(), False
        pages: list[tuple[int, str, str, bool]] = []
        jobs = page_jobs(site, t) if only_records is None else saved_record_pages(site, t, only_records)
        for number, make in enumerate(jobs):
            if number % PAGE_CHUNK == 0:
                mine = claims.take(number // PAGE_CHUNK)
            if not mine:
                continue
            job = linker.annotate(make())
            try:
                staging.write_page(job.file, job, render, job)
            except TEMPLATE_ERRORS as exc:
                claims.stop()
                problem = (number, template_problem(exc, settings.config.site_dir, job))
                return _PagesPart(os.getpid(), pages, staging.since(mark), problem)
            pages.append((number, job.path, job.file, job.page.indexed))
        return _PagesPart(os.getpid(), pages, staging.since(mark))

    parts = workers.each(part, unit=PAGE_CHUNK)
    for made in parts:
        if made.process != os.getpid():
            staging.absorb(made.staged)
    problems = sorted((p for p in (made.problem for made in parts) if p is not None), key=lambda p: p[0])
    if problems:
        return [], [], problems[0][1]
    written = sorted(p for made in parts for p in made.pages)
    return [p[1] for p in written], [(p[1], p[2]) for p in written if p[3]], None


def write_outputs(written: Written, staging: Staging, workers: Workers) -> None:
    """Write the files of every output but the search index: feeds, calendars, open data, sitemap.

    The outputs' parts (``Output.parts``) are shared among the workers; what each part wrote is taken in
    in the order of the parts, so the staging lists the same files in the same order for any number.
    """
    parts = [part for out in OUTPUTS if not out.search for part in out.parts(written)]

    def work(claims: Claims) -> tuple[int, dict[int, StagedPart]]:
        staged: dict[int, StagedPart] = {}
        while (number := claims.next()) < len(parts):
            mark = staging.mark()
            for path, data in parts[number]():
                staging.write_bytes(path, data)
            staged[number] = staging.since(mark)
        return os.getpid(), staged

    start = staging.mark()
    made: dict[int, tuple[bool, StagedPart]] = {}
    for process, staged in workers.each(work, len(parts), total=len(parts)):
        own = process == os.getpid()  # this process's parts are in the staging already
        made.update((number, (own, part)) for number, part in staged.items())
    staging.arrange(start, [made[number] for number in sorted(made)])


def copy_assets(settings: Settings, site: Site, staging: Staging) -> None:
    """Copy the theme's static files (site overrides first) and every published attachment."""
    for static in settings.theme.static_dirs():
        for path in sorted(static.rglob("*")):
            if path.is_file():
                staging.copy_file(path, "static/" + path.relative_to(static).as_posix())
    content = settings.config.content_dir
    for entry in site.entries:
        rec = entry.record
        files = [a.fil for a in rec.bilagor if a.fil] + ([rec.bild.fil] if rec.bild else [])
        for fil in files:
            staging.copy_file(content / fil, "filer/" + fil)
