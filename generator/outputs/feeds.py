"""Atom feeds (RFC 4287): the whole site, each board, each case and the news.

Ids are the absolute addresses of the pages (stable: an address never changes when records are added);
every date comes from the content, so two builds of the same site give the same bytes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape, quoteattr

from generator import __version__
from generator.base.doctypes import Kind
from generator.base.stamps import record_modified, rfc3339
from generator.base.urls import NEWS, feed_path
from generator.config.i18n import Translator
from generator.model.site import Board, Case, Entry, Site

ATOM = "http://www.w3.org/2005/Atom"
FEED_SIZE = 50
"""Entries in the site's, a board's and the news feed (a case's feed has all its records)."""


@dataclass(frozen=True)
class Feed:
    """One feed: where it is written, its title, the page it mirrors, and its entries (newest first)."""

    path: str
    title: str
    page: str
    entries: tuple[Entry, ...]


def news_title(site: Site, t: Translator) -> str:
    """Return the title of the news feed."""
    return t("feed_news_title", site=site.config.title)


def board_title(board: Board, t: Translator) -> str:
    """Return the title of a board's feed."""
    return t("feed_board_title", board=board.config.name, organisation=board.organisation.name)


def case_title(case: Case, t: Translator) -> str:
    """Return the title of a case's feed."""
    return t("feed_case_title", diarienummer=case.diarienummer, organisation=case.organisation.name)


def site_feed(site: Site) -> Feed:
    """Return the site's feed: its newest records."""
    return Feed(feed_path(""), site.config.title, "", _newest(site.entries, FEED_SIZE))


def news_feed(site: Site, t: Translator) -> Feed:
    """Return the news feed."""
    return Feed(feed_path(NEWS + "/"), news_title(site, t), NEWS + "/", _newest(site.news))


def board_feed(board: Board, t: Translator) -> Feed:
    """Return a board's feed: its newest records."""
    return Feed(feed_path(board.path), board_title(board, t), board.path, _newest(board.entries, FEED_SIZE))


def case_feed(case: Case, t: Translator) -> Feed:
    """Return a case's feed: all its records."""
    return Feed(feed_path(case.path), case_title(case, t), case.path, _newest(case.entries))


def _newest(entries: Sequence[Entry], limit: int | None = None) -> tuple[Entry, ...]:
    """Return ``entries`` ordered by when they last changed, newest first (ties: date, §, file)."""
    ordered = sorted(entries, key=lambda e: (record_modified(e.record), e.record.sort_key), reverse=True)
    return tuple(ordered[:limit])


def render_feed(feed: Feed, site: Site, t: Translator) -> bytes:
    """Return the feed as UTF-8 Atom XML (written as text: ElementTree is several times slower)."""
    cfg = site.config
    stamps = [_updated(e, cfg.timezone) for e in feed.entries]
    lines = [
        "<?xml version='1.0' encoding='utf-8'?>",
        f'<feed xmlns="{ATOM}">',
        _element("id", cfg.base_url + feed.path, 1),
        _element("title", feed.title, 1),
        _element("updated", max(stamps, default=rfc3339(site.build_date, cfg.timezone)), 1),
        f'  <link rel="self" type="application/atom+xml" href={quoteattr(cfg.base_url + feed.path)} />',
        f'  <link rel="alternate" type="text/html" href={quoteattr(cfg.base_url + feed.page)} />',
        "  <author>",
        _element("name", cfg.title, 2),
        _element("uri", cfg.base_url, 2),
        "  </author>",
        f'  <generator version="{__version__}">beslut</generator>',
        *(_entry(entry, site, t) for entry in feed.entries),
        "</feed>",
        "",
    ]
    return "\n".join(lines).encode("utf-8")


def _entry(entry: Entry, site: Site, t: Translator) -> str:
    """Return one entry: the record's title, dates, decision wording (or ingress) and categories."""
    cfg, rec = site.config, entry.record
    url = cfg.base_url + entry.path
    owner = entry.organisation.name if entry.organisation is not None else cfg.title
    author = rec.forfattare or owner
    summary = (entry.beslut_text if rec.typ.kind is not Kind.NEWS else "") or rec.ingress or entry.summary
    lines = [
        "  <entry>",
        _element("id", url, 2),
        _element("title", entry_title(entry, site, t), 2),
        _element("published", rfc3339(rec.datum, cfg.timezone, rec.tid), 2),
        _element("updated", _updated(entry, cfg.timezone), 2),
        f'    <link rel="alternate" type="text/html" href={quoteattr(url)} />',
        "    <author>",
        _element("name", author, 3),
        "    </author>",
        *(f"    <category term={quoteattr(term)} />" for term in _categories(entry, site)),
        _element("summary", summary, 2),
    ]
    if entry.beslut_html:
        lines.append(f'    <content type="html">{escape(entry.beslut_html)}</content>')
    lines.append("  </entry>")
    return "\n".join(lines)


def _updated(entry: Entry, offset: str) -> str:
    """Return when a record last changed: its date and time, or the later justerat, anslag or publicera."""
    rec = entry.record
    changed = record_modified(rec)
    return rfc3339(changed, offset, rec.tid if changed == rec.datum else None)


def _element(tag: str, text: str, depth: int) -> str:
    return f"{'  ' * depth}<{tag}>{escape(text)}</{tag}>"


def entry_title(entry: Entry, site: Site, t: Translator) -> str:
    """Return the title of a record in a feed or calendar: '<board> § <n>: <title>' for a §."""
    rec = entry.record
    if rec.paragraf and entry.board is not None:
        return t("feed_entry_paragraf", board=entry.board.name, paragraf=rec.paragraf, title=rec.titel)
    return rec.titel


def _categories(entry: Entry, site: Site) -> tuple[str, ...]:
    """Return an entry's categories: its document type, its board and its subjects."""
    rec = entry.record
    board = (entry.board.name,) if entry.board is not None else ()
    return (rec.typ.label, *board, *rec.taggar)
