"""Render page jobs through the theme's Jinja templates (autoescape on, StrictUndefined)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import jinja2

from generator.i18n import Translator
from generator.pages import PageJob
from generator.theme import Theme


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
    )
    env.globals["t"] = t
    env.filters["datum"] = t.date
    env.filters["iso"] = _iso
    return env


def _iso(value: dt.date | dt.datetime | None) -> str:
    return value.isoformat() if value is not None else ""


def render_page(env: jinja2.Environment, job: PageJob) -> str:
    """Render one page to HTML."""
    template = env.get_template(job.template)
    values: dict[str, Any] = {"page": job.page, **job.values}
    return template.render(values)
