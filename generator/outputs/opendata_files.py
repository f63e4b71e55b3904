"""Write the open data: every object's file, the OParl lists, the index, tombstones and the schema."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from generator.base.jsontext import json_file
from generator.base.urls import DATA, case_path, data_path, meeting_path, record_path
from generator.config.i18n import Translator
from generator.model.site import MEETING_KINDS, Site
from generator.outputs.opendata import Json, OpenData, list_path, oparl_type, page_path, record_type
from generator.outputs.opendata_schema import schema_document

LIST_PAGE = 100
"""Objects per page of an OParl list (OParl servers commonly use 20–100)."""
INDEX_PAGE = 1000
"""Entries per page of the index (``data/index.json``): id, type, modified, deleted."""


def opendata_files(site: Site, t: Translator) -> Iterator[tuple[str, bytes]]:
    """Yield (path, JSON) of every open data file of the site."""
    data = OpenData(site, t)
    index: list[Json] = []
    for path, obj in _objects(site, data):
        index.append(_stub(obj))
        yield path, json_file(obj)
    for path, obj in _tombstones(site, data):
        index.append(obj)
        yield path, json_file(obj)
    yield from _lists(site, data)
    yield from paged_list(data, f"{DATA}/index", index, INDEX_PAGE)
    yield f"{DATA}/schema.json", json_file(schema_document(data.url(f"{DATA}/schema.json")))


def _objects(site: Site, data: OpenData) -> Iterator[tuple[str, Json]]:
    """Yield the system, each body, board, meeting, record and case, at its own address."""
    yield f"{DATA}/system.json", data.system()
    for org in site.organisations:
        yield data_path(org.path), data.body(org)
    for board in site.boards.values():
        yield data_path(board.path), data.organization(board)
    for meeting in site.meetings.values():
        yield data_path(meeting.path), data.meeting(meeting)
    for entry in site.entries:
        # OParl has no place for the site's own news: every Paper belongs to a Body (organisation).
        if not entry.record.site_owned:
            yield data_path(entry.path), data.record(entry)
    for case in site.cases.values():
        yield data_path(case.path), data.case(case)


def _stub(obj: Json) -> Json:
    """Return what the index says of an object: enough to decide whether to fetch it."""
    return {k: obj[k] for k in ("id", "type", "name", "modified", "web") if k in obj}


def _tombstones(site: Site, data: OpenData) -> Iterator[tuple[str, Json]]:
    """Yield a ``deleted`` object for each withdrawn record, and for meetings and cases left empty."""
    taken = {e.path for e in site.entries}
    seen: set[str] = set()
    for rec in sorted((r for r in site.withdrawn if not r.site_owned), key=lambda r: r.rel):
        day = rec.avpublicera or site.build_date
        candidates = [(record_path(rec), record_type(rec))]
        meeting = (rec.organisation, rec.namnd or "", rec.datum)
        if rec.namnd and rec.typ.kind in MEETING_KINDS and meeting not in site.meetings:
            candidates.append((meeting_path(rec.organisation, rec.namnd, rec.datum), "Meeting"))
        if rec.diarienummer and (rec.organisation, rec.diarienummer) not in site.cases:
            candidates.append((case_path(rec.organisation, rec.diarienummer), "Paper"))
        for page, kind in candidates:
            if page in taken or page in seen:
                continue
            seen.add(page)
            yield data_path(page), _deleted(data, page, kind, day)


def _deleted(data: OpenData, page: str, kind: str, day: dt.date) -> Json:
    """Return the tombstone of an object that was on the site: enough for a harvester to delete its copy."""
    return {"id": data.id_of(page), "type": oparl_type(kind), "deleted": True, "modified": data.when(day)}


def _lists(site: Site, data: OpenData) -> Iterator[tuple[str, bytes]]:
    """Yield the OParl lists: bodies; each body's organizations, people, meetings and papers."""
    bodies = [data.body(o) for o in site.organisations]
    yield from paged_list(data, f"{DATA}/bodies", bodies)
    for org in site.organisations:
        slug = org.config.slug
        lists: dict[str, list[Json]] = {
            "organizations": [data.organization(b) for b in org.boards],
            "people": [],
            "meetings": [data.meeting(m) for m in site.meetings.values() if m.organisation.slug == slug],
            "papers": [data.paper(e, text=False) for e in org.entries if record_type(e.record) == "Paper"]
            + [data.case(c) for c in site.cases.values() if c.organisation.slug == slug],
        }
        for name, items in lists.items():
            yield from paged_list(data, list_path(slug, name).removesuffix(".json"), items)


def paged_list(
    data: OpenData, prefix: str, items: list[Json], size: int = LIST_PAGE
) -> Iterator[tuple[str, bytes]]:
    """Yield the pages of an OParl list: ``data``, ``pagination`` and ``links`` (first, prev, next, last)."""
    pages = max(1, -(-len(items) // size))
    for number in range(1, pages + 1):
        links = {"first": data.url(page_path(prefix, 1)), "last": data.url(page_path(prefix, pages))}
        if number > 1:
            links["prev"] = data.url(page_path(prefix, number - 1))
        if number < pages:
            links["next"] = data.url(page_path(prefix, number + 1))
        chunk = items[(number - 1) * size : number * size]
        page = {
            "data": chunk,
            "pagination": {
                "totalElements": len(items),
                "elementsPerPage": size,
                "currentPage": number,
                "totalPages": pages,
            },
            "links": links,
        }
        yield page_path(prefix, number), json_file(page)
