"""Readable, stable ASCII URL parts."""

from __future__ import annotations

import functools
import re

from generator.base.suggest import ascii_fold

_NON_WORD = re.compile(r"[^a-z0-9]+")
SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@functools.lru_cache(maxsize=4096)  # headings and board codes repeat from record to record
def slugify(text: str, max_length: int = 60) -> str:
    """Return ``text`` as a URL part: lower-case ASCII (å→a, ä→a, ö→o), words joined by '-'.

    Long titles are cut at a word boundary so that addresses stay readable.
    """
    slug = _NON_WORD.sub("-", ascii_fold(text).lower()).strip("-")
    if len(slug) > max_length:
        cut = slug[: max_length + 1]
        slug = cut[: cut.rfind("-")] if "-" in cut else cut[:max_length]
    return slug or "x"
