"""The write stage: every page and output into a staging folder, indexed, then swapped in at once.

A failed page, a failed search index or a refused output folder leaves the published site as it was.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from pathlib import Path

from generator.base.diagnostics import Diagnostic, errors_in
from generator.config.load import Settings
from generator.model.site import Site
from generator.model.xrefs import CrossReferences
from generator.outputs.links import PageLinker
from generator.outputs.noticelist import NOTICE_LIST, NoticeChanges, compare_notices, previous_notice_list
from generator.outputs.registry import OUTPUTS, Written
from generator.outputs.write import Staging, check_output_dir
from generator.pages.jobs import page_jobs
from generator.pages.render import TEMPLATE_ERRORS, make_environment, render_page, template_problem

Timer = Callable[[str], AbstractContextManager[None]]
"""Times one named stage (``BuildResult.stage``)."""


@dataclass
class Publication:
    """What the write stage did: where, how many pages, and what went wrong."""

    output: Path | None = None
    """The published folder; None when nothing was swapped in."""
    pages: int = 0
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
    extras: bool = True,
    search: bool = True,
) -> Publication:
    """Render every page into a staging folder, add the outputs, index it, and swap it in."""
    done = Publication()
    refused = check_output_dir(output, settings.config.site_dir)
    if refused is not None:
        done.diagnostics.append(refused)
        return done
    t = settings.translator
    env = make_environment(settings.theme, t)
    linker = PageLinker(site, t, xrefs)
    pages: list[str] = []
    with staging_class(output) as staging:
        with timer("sidor"):
            for job in map(linker.annotate, page_jobs(site, t)):
                try:
                    staging.write_page(job.file, job, render_page, env, job)
                except TEMPLATE_ERRORS as exc:
                    done.diagnostics.append(template_problem(exc, settings.config.site_dir, job))
                    return done
                pages.append(job.path)
                if job.page.indexed:
                    done.searched.append((job.path, job.file))
        done.pages = len(pages)
        written = Written(site, t, tuple(pages), tuple(done.searched))
        if extras:
            write_outputs(written, staging, timer)
        with timer("filer"):
            copy_assets(settings, site, staging)
        for out in (o for o in OUTPUTS if o.search and search):
            with timer(out.stage):
                problems = out.index(staging.root, written)
            done.diagnostics += problems
            if errors_in(problems):
                return done
        previous = previous_notice_list(output, settings.config.site_dir) if extras else None
        staging.swap()
    done.output = output
    if extras:
        done.notices = compare_notices(previous, (output / NOTICE_LIST).read_bytes())
    return done


def write_outputs(written: Written, staging: Staging, timer: Timer) -> None:
    """Write the files of every output but the search index: feeds, calendars, open data, sitemap."""
    for out in OUTPUTS:
        with timer(out.stage):
            for path, data in out.files(written):
                staging.write_bytes(path, data)


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
