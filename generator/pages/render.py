"""Render page jobs through the theme's Jinja templates (autoescape on, StrictUndefined)."""

from __future__ import annotations

import datetime as dt
from dataclasses import fields
from pathlib import Path
from typing import Any

import jinja2

from generator.base.diagnostics import Diagnostic
from generator.base.jsontext import json_text
from generator.config.i18n import Translator
from generator.config.theme import BUILTIN_THEMES, Theme
from generator.pages.hyphenate import hyphenate, hyphenate_html
from generator.pages.kinds import PageJob


class _MemoryBytecodeCache(jinja2.BytecodeCache):
    """Compiled templates kept in memory by name and source checksum (a changed template compiles anew).

    The preview makes an environment per rebuild; without this it would compile every template again.
    """

    def __init__(self) -> None:
        self._compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        """Fill ``bucket`` from memory (jinja checks the checksum and discards a stale one)."""
        data = self._compiled.get(bucket.key)
        if data is not None:
            bucket.bytecode_from_string(data)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        """Remember a freshly compiled template."""
        self._compiled[bucket.key] = bucket.bytecode_to_string()


_COMPILED = _MemoryBytecodeCache()


def make_environment(theme: Theme, t: Translator) -> jinja2.Environment:
    """Return the template environment: site overrides first, then the theme chain.

    ``{% extends "theme/record.html" %}`` reaches the theme's own template, so a site's
    override can extend the template it replaces.
    """
    own = jinja2.FileSystemLoader([str(p) for p in theme.template_dirs()])
    themes_only = jinja2.FileSystemLoader([str(d / "templates") for d in theme.theme_dirs])
    env = jinja2.Environment(
        loader=jinja2.ChoiceLoader([jinja2.PrefixLoader({"theme": themes_only}), own]),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        bytecode_cache=_COMPILED,
    )
    env.globals["t"] = t
    # tojson writes through the build's one JSON writer (Jinja adds its escape of "'" for attributes).
    env.policies["json.dumps_function"] = _json_text
    env.filters["datum"] = t.date
    env.filters["iso"] = _iso
    env.filters["hyphenate"] = hyphenate
    env.filters["hyphenate_html"] = hyphenate_html
    return env


def _json_text(data: Any, **_jinja_options: Any) -> str:
    return json_text(data)


def _iso(value: dt.date | dt.datetime | None) -> str:
    return value.isoformat() if value is not None else ""


TEMPLATE_ERRORS = (jinja2.TemplateError, KeyError)
"""What a broken template raises: Jinja's errors, and a UI string missing from the translation."""


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
