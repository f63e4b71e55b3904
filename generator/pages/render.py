"""Render page jobs through the theme's Jinja templates (autoescape on, StrictUndefined)."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
from dataclasses import fields
from pathlib import Path
from typing import Any

import jinja2

from generator.base.diagnostics import Diagnostic
from generator.base.digest import digest, digest_files
from generator.base.jsontext import json_text
from generator.config.i18n import Translator
from generator.config.theme import BUILTIN_THEMES, Theme
from generator.pages.hyphenate import hyphenate, hyphenate_html
from generator.pages.kinds import PageJob

_COMPILED: dict[str, bytes] = {}
"""Compiled templates by name and source checksum, for every environment of this process."""


class _CompiledTemplates(jinja2.BytecodeCache):
    """Compiled templates kept in memory (``_COMPILED``) and, given a ``folder``, in the build cache.

    The preview makes an environment per rebuild, and a build process may take what the last one
    compiled. Jinja checks each template's magic (its own version and Python's) and source checksum
    and compiles anew whatever does not match or cannot be read back; a file is written whole or not at all.
    """

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        """Fill ``bucket`` from memory, else from the folder."""
        if bucket.key not in _COMPILED and self.folder is not None:
            with contextlib.suppress(OSError):
                _COMPILED[bucket.key] = (self.folder / bucket.key).read_bytes()
        data = _COMPILED.get(bucket.key)
        if data is None:
            return
        try:
            bucket.bytecode_from_string(data)
        except Exception:  # Jinja reads the checksum with pickle, which may fail on a damaged file
            bucket.reset()
            del _COMPILED[bucket.key]

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        """Remember a freshly compiled template, and keep it in the folder."""
        data = _COMPILED[bucket.key] = bucket.bytecode_to_string()
        if self.folder is None:
            return
        with contextlib.suppress(OSError):
            self.folder.mkdir(parents=True, exist_ok=True)
            aside = self.folder / f".{bucket.key}.{os.getpid()}"
            aside.write_bytes(data)
            os.replace(aside, self.folder / bucket.key)


def make_environment(theme: Theme, t: Translator, compiled: Path | None = None) -> jinja2.Environment:
    """Return the template environment: site overrides first, then the theme chain.

    ``{% extends "theme/record.html" %}`` reaches the theme's own template, so a site's
    override can extend the template it replaces. ``compiled``: a folder of the build cache where
    compiled templates are kept for the next build (else they are kept in memory only).
    """
    own = jinja2.FileSystemLoader([str(p) for p in theme.template_dirs()])
    themes_only = jinja2.FileSystemLoader([str(d / "templates") for d in theme.theme_dirs])
    env = DayWatchingEnvironment(
        loader=jinja2.ChoiceLoader([jinja2.PrefixLoader({"theme": themes_only}), own]),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        bytecode_cache=_CompiledTemplates(compiled),
        # An environment serves one build, during which no template changes: not asking the file
        # system before every use of a template spares five stat calls per page.
        auto_reload=False,
    )
    env.globals["t"] = t
    # tojson writes through the build's one JSON writer (Jinja adds its escape of "'" for attributes).
    env.policies["json.dumps_function"] = _json_text
    env.filters["datum"] = t.date
    env.filters["iso"] = _iso
    env.filters["hyphenate"] = hyphenate
    env.filters["hyphenate_html"] = hyphenate_html
    env.filters["attr"] = _attr
    return env


def _json_text(data: Any, **_jinja_options: Any) -> str:
    return json_text(data)


def templates_digest(theme: Theme, t: Translator) -> bytes:
    """Return the digest of everything but its job that a page depends on: templates and UI strings."""
    folders = [*theme.template_dirs(), *(d / "templates" for d in theme.theme_dirs)]
    each = [(str(root), digest_files([f for f in root.rglob("*") if f.is_file()], root)) for root in folders]
    return digest(each, t)


class DayWatchingEnvironment(jinja2.Environment):
    """Jinja's environment, noting whether a template read the build day (``page.build_date``).

    A page that never read it is the same page on any day, so a cached copy of it may be used on
    another day. Every way a template reads an attribute or item passes here (``attr`` too, below).
    """

    read_day = False

    # Jinja's own two methods, with the note added: they run for every attribute a template reads, so
    # they are not wrapped around the originals (that would cost a call more each time).

    def getattr(self, obj: Any, attribute: str) -> Any:
        """Return ``obj.attribute`` (or else ``obj[attribute]``), noting a read of the build day."""
        if attribute == "build_date":
            self.read_day = True
        try:
            return getattr(obj, attribute)
        except AttributeError:
            pass
        try:
            return obj[attribute]
        except (TypeError, LookupError, AttributeError):
            return self.undefined(obj=obj, name=attribute)

    def getitem(self, obj: Any, argument: Any) -> Any:
        """Return ``obj[argument]`` (or else the attribute), noting a read of the build day."""
        if argument == "build_date":
            self.read_day = True
        try:
            return obj[argument]
        except (AttributeError, TypeError, LookupError):
            if isinstance(argument, str):
                try:
                    return getattr(obj, argument)
                except AttributeError:
                    pass
            return self.undefined(obj=obj, name=argument)


@jinja2.pass_environment
def _attr(env: jinja2.Environment, obj: Any, name: str) -> Any:
    if name == "build_date" and isinstance(env, DayWatchingEnvironment):
        env.read_day = True
    return jinja2.filters.do_attr(env, obj, name)


def _iso(value: dt.date | dt.datetime | None) -> str:
    return value.isoformat() if value is not None else ""


TEMPLATE_ERRORS = (jinja2.TemplateError, KeyError)
"""What a broken template raises: Jinja's errors, and a UI string missing from the translation."""


class PageRenderer:
    """Renders page jobs in one environment, and tells whether the last page read the build day."""

    def __init__(self, env: jinja2.Environment) -> None:
        self.env = env
        self.read_day = True
        """Whether the last page rendered read ``page.build_date`` (True until one was rendered)."""

    def __call__(self, job: PageJob) -> str:
        """Render ``job`` (see ``render_page``)."""
        watching = isinstance(self.env, DayWatchingEnvironment)
        if watching:
            self.env.read_day = False  # type: ignore[attr-defined]
        html = render_page(self.env, job)
        self.read_day = self.env.read_day if watching else True  # type: ignore[attr-defined]
        return html


def render_page(env: jinja2.Environment, job: PageJob) -> str:
    """Render one page to HTML (raises one of ``TEMPLATE_ERRORS`` when a template is broken).

    The template sees ``page``, the UI strings ``t`` and each field of the page's view by its name.
    """
    template = env.get_template(job.template)
    values: dict[str, Any] = {f.name: getattr(job.view, f.name) for f in fields(job.view)}  # type: ignore[arg-type]
    values["page"] = job.page
    return template.render(values)


def template_problem(exc: Exception, site_dir: Path, job: PageJob | None = None) -> Diagnostic:
    """Return a template's failure as a diagnostic at the template's line (not a traceback).

    ``job`` is the page being rendered, when the failure came from one.
    """
    filename, line = getattr(exc, "filename", None), getattr(exc, "lineno", None) or 0
    # Jinja rewrites tracebacks so that a template's frames carry its file and line.
    tb = exc.__traceback__
    while tb is not None:
        if tb.tb_frame.f_code.co_filename.endswith(".html"):
            filename, line = tb.tb_frame.f_code.co_filename, tb.tb_lineno
        tb = tb.tb_next
    shown = job.template if job is not None else getattr(exc, "name", None) or "mall"
    if filename:
        path = Path(filename)
        shown = path.name
        # A site's own template by its path in the site; a built-in theme's as themes/<name>/…
        for root in (site_dir, BUILTIN_THEMES.parent):
            if path.resolve().is_relative_to(root.resolve()):
                shown = path.resolve().relative_to(root.resolve()).as_posix()
                break
    message = str(exc.args[0]) if isinstance(exc, KeyError) and exc.args else str(exc)
    if isinstance(exc, jinja2.TemplateSyntaxError):
        message = f"mallen kan inte läsas: {exc.message}"
    elif job is not None:
        message = f"sidan /{job.path} kunde inte skapas: {message}"
    else:
        message = f"en mall gick inte att visa: {message}"
    # A template file is located (at its first line when Jinja gives none); only "mall" is no file.
    line, column = (max(line, 1), 1) if filename or job is not None else (0, 0)
    return Diagnostic(
        shown, line, column, "mall", message, "rätta mallen; den tidigare publicerade webbplatsen är orörd"
    )
