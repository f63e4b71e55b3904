"""Soft hyphens in long Swedish words, for the narrow columns of a phone (display only).

Swedish compounds ("kommunikationsprocessen", "verksamhetsutvecklarnas") are wider than a phone's line in
a heading or a table cell. CSS ``hyphens: auto`` needs a Swedish dictionary in the browser, which Chromium
on Linux and Android lacks; so the build inserts soft hyphens (U+00AD) from the Swedish hyphenation
dictionary of LibreOffice, shipped with ``pyphen``. A browser shows a soft hyphen only where it breaks
the line there, and ``hyphens: manual`` (the default) breaks a word nowhere else.

Only the theme's pages get them, and only in headings, table cells and definition lists (the
``hyphenate_html`` filter in ``base.html``): never ``<title>``, meta descriptions, feeds, calendars,
open data or JSON-LD, and the pages the search index reads are cleaned of them (``search_bundles.py``).
The content is Swedish whatever the UI language, so the dictionary is always Swedish.
"""

from __future__ import annotations

import functools
import re

import pyphen  # type: ignore[import-untyped]
from markupsafe import Markup

SOFT_HYPHEN = "\u00ad"
MIN_LETTERS = 10
"""Shorter words fit any line; hyphenating them would only make headings ragged."""
EDGE = 3
"""Letters kept together at each end of a word ("dia-rie-num-mer", not "di-a-ri-e-num-mer")."""

_LETTERS = rf"[^\W\d_]{{{MIN_LETTERS},}}"
"""A run of at least MIN_LETTERS letters."""
_WORD = re.compile(rf"&#?\w+;|({_LETTERS})")
"""A long word, or a character reference (matched only to be left alone)."""
_LONG = re.compile(_LETTERS)
_ELEMENT = re.compile(r"<(h[1-6]|th|td|dt|dd)(?=[\s>])[^>]*>(.*?)</\1\s*>", re.S | re.I)
"""A heading, table cell or definition list term or value (none of them nests in itself)."""
_TAG_OR_CODE = re.compile(r"(<code\b.*?</code\s*>|<[^>]*>)", re.S | re.I)
"""Markup between text: tags, and code (never hyphenated: it is copied as it is)."""


@functools.cache
def _dictionary() -> pyphen.Pyphen:
    return pyphen.Pyphen(lang="sv", left=EDGE, right=EDGE)


@functools.lru_cache(maxsize=1 << 16)
def _word(word: str) -> str:
    return str(_dictionary().inserted(word, hyphen=SOFT_HYPHEN))


def _long_word(match: re.Match[str]) -> str:
    return _word(match[1]) if match[1] else match[0]


def hyphenate(text: str) -> str:
    """Return plain ``text`` with soft hyphens at the hyphenation points of its long words."""
    return _WORD.sub(_long_word, text)


def _hyphenate_markup(html: str) -> str:
    """Hyphenate the text of an HTML fragment, leaving tags, attributes, references and code alone."""
    parts = _TAG_OR_CODE.split(html)
    # split() with one group alternates text (even indexes) and markup (odd indexes).
    return "".join(part if i % 2 else hyphenate(part) for i, part in enumerate(parts))


def _element(match: re.Match[str]) -> str:
    whole = match[0]
    if _LONG.search(match[2]) is None:  # most labels and values are short: nothing to do
        return whole
    start, end = match.start(2) - match.start(), match.end(2) - match.start()
    return whole[:start] + _hyphenate_markup(match[2]) + whole[end:]


def hyphenate_html(html: str) -> Markup:
    """Return an HTML fragment with soft hyphens in the long words of its headings, cells and lists.

    The Jinja filter of the same name: ``{% filter hyphenate_html %}…{% endfilter %}``. Text elsewhere
    (paragraphs, links in lists) wraps between words and is left as it is.
    """
    return Markup(_ELEMENT.sub(_element, str(html)))


def strip_soft_hyphens(text: str) -> str:
    """Return ``text`` without soft hyphens (what a reader copies, searches for, or a machine reads)."""
    return text.replace(SOFT_HYPHEN, "")
