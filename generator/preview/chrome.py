"""What the preview server adds to the pages it serves: banners, the error overlay, the reload script.

The markup is the standard theme's ``_preview.html``, its words the theme's translation table; both
are read from the built-in theme so that the preview can show errors even when the site's own theme
or site.yaml is what is broken.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

import jinja2

from generator.base.diagnostics import Diagnostic
from generator.config.i18n import Translator, load_translator
from generator.config.theme import BUILTIN_THEMES

MAX_SHOWN = 50
"""The overlay lists this many errors; the rest are counted."""
_BODY = re.compile(rb"<body\b[^>]*>", re.IGNORECASE)
_MAIN = re.compile(rb"<main\b[^>]*>", re.IGNORECASE)
_BODY_END = re.compile(rb"</body\s*>", re.IGNORECASE)


@dataclass(frozen=True)
class Chrome:
    """Renders the preview's own markup in the site's language (Swedish where it has no words)."""

    t: Translator
    macros: Any

    def banner(self, kind: str, day: dt.date | None) -> str:
        """Return the banner of a draft (``utkast``) or a record published later (``publiceras``)."""
        text = self.t("preview_draft") if kind == "utkast" else self.t("preview_scheduled", date=day)
        return str(self.macros.banner(text))

    def overlay(self, diagnostics: list[Diagnostic]) -> str:
        """Return the error overlay listing ``diagnostics`` (file, line, message, hint)."""
        shown = diagnostics[:MAX_SHOWN]
        return str(self.macros.overlay(shown, len(diagnostics) - len(shown)))

    def script(self, generation: int, version: int) -> str:
        """Return the script that reloads a page served from ``generation`` after the next good build."""
        return str(self.macros.script(generation, version))


def load_chrome(language: str = "sv") -> Chrome:
    """Return the preview chrome of the built-in standard theme."""
    standard = BUILTIN_THEMES / "standard"
    t = load_translator([standard], "sv")
    if language != "sv":
        own = load_translator([standard], language)
        t = Translator(language, {**t.strings, **own.strings})
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(standard / "templates")),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals["t"] = t
    return Chrome(t, env.get_template("_preview.html").module)


def inject(html: bytes, head: str = "", top: str = "", tail: str = "") -> bytes:
    """Return ``html`` with ``head`` after <body>, ``top`` at the start of <main>, ``tail`` before </body>."""
    if head:
        html = _insert_after(html, _BODY, head.encode())
    if top:
        html = (
            _insert_after(html, _MAIN, top.encode())
            if _MAIN.search(html)
            else _insert_after(html, _BODY, top.encode())
        )
    if tail:
        match = _BODY_END.search(html)
        html = (
            html[: match.start()] + tail.encode() + html[match.start() :] if match else html + tail.encode()
        )
    return html


def _insert_after(html: bytes, tag: re.Pattern[bytes], text: bytes) -> bytes:
    match = tag.search(html)
    if match is None:
        return text + html
    return html[: match.end()] + text + html[match.end() :]
