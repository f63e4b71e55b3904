"""What the search index holds of each published record: its words, what a result shows, filters and sort.

Each record is indexed once, from the model rather than from its page's HTML: the pages that list records
(cases, meetings, boards, years, months, news, the start page) are left out, so that a search finds a
decision once, at its own page. A result links to the record's case when it has one (``ärende``).
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

from pagefind.service.types import InternalAddRecordRequest

from generator.config.i18n import Translator
from generator.model.site import Entry, Site

FILTERS = ("organisation", "nämnd", "typ", "år")
"""The filters a search can narrow by (their values are what a result shows)."""
SORT = "datum"
"""The sort Pagefind is given: it numbers each bundle's pages in date order (``pagefind_names``)."""


@dataclass(frozen=True)
class SearchRecord:
    """One record as Pagefind indexes it."""

    url: str
    """The record's address relative to the site root (the search page adds the site's base path)."""
    date: dt.date
    """The sort key (``SORT``), and the bundle the record belongs to."""
    parts: tuple[str, ...]
    """The words found by a search, and the text excerpts are taken from, in parts (the model's own
    strings: 100,000 records' text is not held twice)."""
    meta: tuple[tuple[str, str], ...]
    """What a result shows: title, type, board or organisation, date, diarienummer, the case's address.
    Pagefind also finds the words of these (a board's name, a month)."""
    filters: tuple[tuple[str, str], ...]
    """(filter, value) pairs: organisation, nämnd, typ, år (the site's own news has no organisation)."""

    @property
    def content(self) -> str:
        """Return the record's text as Pagefind gets it."""
        return "\n".join(self.parts)

    def request(self, language: str) -> InternalAddRecordRequest:
        """Return the service request that adds this record (its ``index_id`` is set when sent)."""
        filters: dict[str, list[str]] = {}
        for name, value in self.filters:
            filters.setdefault(name, []).append(value)
        return InternalAddRecordRequest(
            type="AddRecord",
            index_id=0,
            url=self.url,
            content=self.content,
            language=language,
            meta=dict(self.meta),
            filters=filters,
            sort={SORT: self.date.isoformat()},
        )

    def fingerprint(self) -> str:
        """Return everything the index takes from this record, as one line of text (for bundle keys)."""
        return json.dumps(
            [self.url, self.date.isoformat(), self.content, self.meta, self.filters], ensure_ascii=False
        )


def search_records(site: Site, t: Translator) -> list[SearchRecord]:
    """Return the search record of every published entry, oldest first (the index's page order)."""
    entries = sorted(site.entries, key=lambda e: (e.record.sort_key, e.path))
    return [search_record(entry, t) for entry in entries]


def search_record(entry: Entry, t: Translator) -> SearchRecord:
    """Return what the index holds of one entry."""
    rec = entry.record
    organisation = entry.organisation.name if entry.organisation is not None else ""
    board = entry.board.name if entry.board is not None else ""
    case = entry.case
    title = t.heading(rec.titel, rec.paragraf)
    meta = [
        ("title", title),
        ("typ", rec.typ.label),
        ("organisation", organisation),
        ("nämnd", board),
        ("datum", t.date(rec.datum)),
        ("diarienummer", rec.diarienummer or ""),
        ("ärende", case.path if case else ""),
    ]
    filters = [("organisation", organisation), ("nämnd", board), ("typ", rec.typ.label)]
    filters.append(("år", str(rec.datum.year)))
    return SearchRecord(
        url=entry.path,
        date=rec.datum,
        parts=tuple(part for part in record_text(entry) if part),
        meta=tuple((key, value) for key, value in meta if value),
        filters=tuple((key, value) for key, value in filters if value),
    )


def record_text(entry: Entry) -> list[str]:
    """Return the parts of a record a search looks in, in the order its page shows them."""
    rec = entry.record
    parts = [entry.beslut_text, rec.ingress, entry.body.text]
    for reservation in rec.reservationer:
        parts.append(" ".join(p for p in (reservation.namn, reservation.parti, reservation.text) if p))
    parts += [attachment.titel for attachment in rec.bilagor]
    parts.append(" ".join(rec.taggar))
    if rec.diarienummer and "-" in rec.diarienummer:
        # As people also type it: "KS 2021/1202.111" for "KS-2021/1202.111".
        parts.append(rec.diarienummer.replace("-", " "))
    return parts
