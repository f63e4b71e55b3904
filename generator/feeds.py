"""Atom feeds (RFC 4287): the whole site, each board, each case and the news.

Ids are the absolute addresses of the pages (stable: an address never changes when records are added);
every date comes from the content, so two builds of the same site give the same bytes.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass

from generator import __version__
from generator.doctypes import Kind
from generator.i18n import Translator
from generator.site import Entry, Site
from generator.stamps import latest, record_modified, rfc3339
from generator.urls import NEWS, feed_path

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


def site_feeds(site: Site, t: Translator) -> Iterator[Feed]:
    """Yield every feed of the site."""
    yield Feed(feed_path(""), site.config.title, "", _newest(site.entries, FEED_SIZE))
    yield Feed(
        feed_path(NEWS + "/"), t("feed_news_title", site=site.config.title), NEWS + "/", _newest(site.news)
    )
    for board in site.boards.values():
        title = t("feed_board_title", board=board.config.name, organisation=board.organisation.name)
        yield Feed(feed_path(board.path), title, board.path, _newest(board.entries, FEED_SIZE))
    for case in site.cases.values():
        title = t("feed_case_title", diarienummer=case.diarienummer, organisation=case.organisation.name)
        yield Feed(feed_path(case.path), title, case.path, _newest(case.entries))


def _newest(entries: list[Entry], limit: int | None = None) -> tuple[Entry, ...]:
    """Return ``entries`` ordered by when they last changed, newest first (ties: date, §, file)."""
    ordered = sorted(entries, key=lambda e: (record_modified(e.record), e.record.sort_key), reverse=True)
    return tuple(ordered[:limit])


def render_feed(feed: Feed, site: Site, t: Translator) -> bytes:
    """Return the feed as UTF-8 Atom XML."""
    cfg = site.config
    root = ET.Element("feed", xmlns=ATOM)
    _text(root, "id", cfg.base_url + feed.path)
    _text(root, "title", feed.title)
    changed = latest((record_modified(e.record) for e in feed.entries), site.build_date)
    _text(root, "updated", rfc3339(changed, cfg.timezone_offset))
    ET.SubElement(root, "link", rel="self", type="application/atom+xml", href=cfg.base_url + feed.path)
    ET.SubElement(root, "link", rel="alternate", type="text/html", href=cfg.base_url + feed.page)
    author = ET.SubElement(root, "author")
    _text(author, "name", cfg.title)
    _text(author, "uri", cfg.base_url)
    generator = _text(root, "generator", "beslut")
    generator.set("version", __version__)
    for entry in feed.entries:
        root.append(_entry(entry, site, t))
    ET.indent(root)
    xml: bytes = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    return xml + b"\n"


def _entry(entry: Entry, site: Site, t: Translator) -> ET.Element:
    """Return one entry: the record's title, dates, decision wording (or ingress) and categories."""
    cfg, rec = site.config, entry.record
    url = cfg.base_url + entry.path
    element = ET.Element("entry")
    _text(element, "id", url)
    _text(element, "title", entry_title(entry, site, t))
    _text(element, "published", rfc3339(rec.datum, cfg.timezone_offset, rec.tid))
    changed = record_modified(rec)
    _text(
        element, "updated", rfc3339(changed, cfg.timezone_offset, rec.tid if changed == rec.datum else None)
    )
    ET.SubElement(element, "link", rel="alternate", type="text/html", href=url)
    author = ET.SubElement(element, "author")
    _text(author, "name", rec.forfattare or site.organisation(rec.organisation).config.name)
    for term in (rec.typ.label, *_board_names(entry, site), *rec.taggar):
        ET.SubElement(element, "category", term=term)
    summary = entry.beslut_text if rec.typ.kind is not Kind.NEWS else ""
    _text(element, "summary", summary or rec.ingress or entry.summary)
    if entry.beslut_html:
        _text(element, "content", entry.beslut_html).set("type", "html")
    return element


def entry_title(entry: Entry, site: Site, t: Translator) -> str:
    """Return the title of a record in a feed or calendar: '<board> § <n>: <title>' for a §."""
    rec = entry.record
    if rec.paragraf and rec.namnd:
        board = site.boards[(rec.organisation, rec.namnd)].config.name
        return t("feed_entry_paragraf", board=board, paragraf=rec.paragraf, title=rec.titel)
    return rec.titel


def _board_names(entry: Entry, site: Site) -> tuple[str, ...]:
    rec = entry.record
    return (site.boards[(rec.organisation, rec.namnd)].config.name,) if rec.namnd else ()


def _text(parent: ET.Element, tag: str, text: str) -> ET.Element:
    child = ET.SubElement(parent, f"{tag}")
    child.text = text
    return child
