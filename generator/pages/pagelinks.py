"""What a page links to beyond its content: feeds, calendars, open data, JSON-LD and cross-references.

Plain values, filled in by ``follow.page_links`` and read by the templates as ``page.links``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class Alternate:
    """Another form of the page: a feed, a calendar or its open data."""

    url: str
    type: str
    """The media type (``application/atom+xml``, ``text/calendar``, ``application/json``)."""
    title: str


@dataclass(frozen=True)
class RefLink:
    """A record one reference leads from or to; ``url`` is empty when the target is not on the site."""

    label: str
    url: str
    date: dt.date | None = None
    detail: str = ""
    """What the record is: board and §, or its document type."""


@dataclass(frozen=True)
class PageLinks:
    """Everything a page links to beyond its content (all empty by default)."""

    alternates: tuple[Alternate, ...] = ()
    """``<link rel="alternate">`` in the page's head."""
    subscribe: tuple[Alternate, ...] = ()
    """The visible "Prenumerera" links (start page, board, case, news)."""
    jsonld: str = ""
    """schema.org JSON-LD, already safe inside ``<script>``."""
    related: tuple[RefLink, ...] = ()
    """A record's ``relaterade`` entries, linked when on the site."""
    referenced_by: tuple[RefLink, ...] = ()
    """The records that refer to this page ("Hänvisas från")."""
