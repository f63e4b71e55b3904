"""Write the open data: every object's file, the OParl lists, the index, tombstones and the schema.

The files are made in parts (``opendata_parts``) that the build's workers share: the objects a few hundred
at a time, the tombstones, each list and the index a few pages at a time, the schema. A part makes only
its own objects; an index page makes its objects' entries without making the objects themselves.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import partial
from typing import Any, Generic, TypeVar

from generator.base.jsontext import json_file
from generator.base.urls import DATA, case_path, data_path, meeting_path, record_path
from generator.config.i18n import Translator
from generator.model.site import MEETING_KINDS, Board, Case, Entry, Meeting, Organisation, Site
from generator.outputs.opendata import Json, OpenData, list_path, oparl_type, page_path, record_type
from generator.outputs.opendata_schema import schema_document

LIST_PAGE = 100
"""Objects per page of an OParl list (OParl servers commonly use 20–100)."""
INDEX_PAGE = 1000
"""Entries per page of the index (``data/index.json``): id, type, modified, deleted."""
OBJECTS_PER_PART = 250
"""Objects whose files one part makes."""
PAGES_PER_PART = 3
"""Pages of a list one part makes (the index's pages: one a part)."""

Files = Iterator[tuple[str, bytes]]
Part = Callable[[], Files]
Thing = Site | Organisation | Board | Meeting | Entry | Case
"""What an object is made from: the site (the System), an organisation, board, meeting, record or case."""
T = TypeVar("T")


@dataclass(frozen=True)
class Listing(Generic[T]):
    """An OParl list: the address its pages begin with, its items, and how an item's object is made."""

    prefix: str
    items: Sequence[T]
    make: Callable[[T], Json]
    size: int = LIST_PAGE

    @property
    def pages(self) -> int:
        """Return how many pages the list has (an empty list has one)."""
        return max(1, -(-len(self.items) // self.size))

    def parts(self, data: OpenData, per_part: int) -> Iterator[Part]:
        """Yield the list's pages in parts of ``per_part`` pages."""
        for first in range(1, self.pages + 1, per_part):
            yield partial(self.files, data, range(first, min(first + per_part, self.pages + 1)))

    def files(self, data: OpenData, numbers: Iterable[int]) -> Files:
        """Yield the pages ``numbers``: ``data``, ``pagination`` and ``links`` (first, prev, next, last)."""
        pages, prefix = self.pages, self.prefix
        for number in numbers:
            links = {"first": data.url(page_path(prefix, 1)), "last": data.url(page_path(prefix, pages))}
            if number > 1:
                links["prev"] = data.url(page_path(prefix, number - 1))
            if number < pages:
                links["next"] = data.url(page_path(prefix, number + 1))
            page = {
                "data": [
                    self.make(item) for item in self.items[(number - 1) * self.size : number * self.size]
                ],
                "pagination": {
                    "totalElements": len(self.items),
                    "elementsPerPage": self.size,
                    "currentPage": number,
                    "totalPages": pages,
                },
                "links": links,
            }
            yield page_path(prefix, number), json_file(page)


def opendata_files(site: Site, t: Translator) -> Files:
    """Yield (path, JSON) of every open data file of the site."""
    for part in opendata_parts(site, t):
        yield from part()


def opendata_parts(site: Site, t: Translator) -> Iterator[Part]:
    """Yield the open data files in parts, in order: objects, tombstones, lists, the index, the schema."""
    data = OpenData(site, t)
    things = _things(site)
    tombstones = list(_tombstones(site, data))
    for start in range(0, len(things), OBJECTS_PER_PART):
        yield partial(_object_files, data, things[start : start + OBJECTS_PER_PART])
    yield partial(_tombstone_files, tombstones)
    for listing in _lists(site, data):
        yield from listing.parts(data, PAGES_PER_PART)
    index: list[Thing | Json] = [*things, *(obj for _, obj in tombstones)]
    yield from Listing(f"{DATA}/index", index, partial(_index_entry, data), INDEX_PAGE).parts(data, 1)
    yield partial(_schema, data)


def _things(site: Site) -> list[Thing]:
    """Return what each object is made from, in the order of the files: system, bodies, boards, meetings,
    records and cases."""
    # OParl has no place for the site's own news: every Paper belongs to a Body (organisation).
    entries = [e for e in site.entries if not e.record.site_owned]
    return [
        site,
        *site.organisations,
        *site.boards.values(),
        *site.meetings.values(),
        *entries,
        *site.cases.values(),
    ]


def _object_files(data: OpenData, things: Sequence[Thing]) -> Files:
    """Yield the file of the object of each of ``things``, at its own address."""
    for thing in things:
        path = f"{DATA}/system.json" if isinstance(thing, Site) else data_path(thing.path)
        yield path, json_file(_object(data, thing))


def _object(data: OpenData, thing: Thing) -> Json:
    """Return the object of ``thing``.

    A meeting's or case's object is made twice, for its file and for its list, each where its part is
    made: kept from one use to the other, 100,000 records' objects stayed in memory to the stage's end
    in whichever process did not make the second use.
    """
    if isinstance(thing, Site):
        return data.system()
    if isinstance(thing, Organisation):
        return data.body(thing)
    if isinstance(thing, Board):
        return data.organization(thing)
    if isinstance(thing, Meeting):
        return data.meeting(thing)
    if isinstance(thing, Case):
        return data.case(thing)
    return data.record(thing)


def _paper(data: OpenData, thing: Entry | Case) -> Json:
    """Return the object of an item of a body's papers: a record without its text, or a case."""
    return data.paper(thing, text=False) if isinstance(thing, Entry) else _object(data, thing)


def _tombstone_files(tombstones: list[tuple[str, Json]]) -> Files:
    """Yield the file of each tombstone."""
    for path, obj in tombstones:
        yield path, json_file(obj)


def _schema(data: OpenData) -> Files:
    """Yield the JSON Schema of the open data."""
    yield f"{DATA}/schema.json", json_file(schema_document(data.url(f"{DATA}/schema.json")))


def _index_entry(data: OpenData, thing: Thing | Json) -> Json:
    """Return what the index says of an object (a tombstone: all of it).

    A meeting's, record's or case's entry is made without the rest of the object (its §§, its text).
    """
    if isinstance(thing, dict):
        return thing
    if isinstance(thing, Meeting):
        head = {"id": data.id_of(thing.path), "type": oparl_type("Meeting"), "name": thing.title(data.t)}
        return {**head, "modified": data.changed(thing.entries), "web": data.url(thing.path)}
    if isinstance(thing, Case):
        name = thing.entries[0].record.titel
        head = {"id": data.id_of(thing.path), "type": oparl_type("Paper"), "name": name}
        return {**head, "modified": data.changed(thing.entries), "web": data.url(thing.path)}
    if isinstance(thing, Entry):
        return stub(data.head(thing, record_type(thing.record)))
    return stub(_object(data, thing))


def stub(obj: Json) -> Json:
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


def _lists(site: Site, data: OpenData) -> Iterator[Listing[Any]]:
    """Yield the OParl lists: bodies; each body's organizations, people, meetings and papers."""
    make = partial(_object, data)
    yield Listing(f"{DATA}/bodies", site.organisations, make)
    for org in site.organisations:
        slug = org.config.slug
        papers: list[Entry | Case] = [e for e in org.entries if record_type(e.record) == "Paper"]
        papers += [c for c in site.cases.values() if c.organisation.slug == slug]
        yield Listing(_list_prefix(slug, "organizations"), org.boards, make)
        yield Listing(_list_prefix(slug, "people"), [], make)
        meetings = [m for m in site.meetings.values() if m.organisation.slug == slug]
        yield Listing(_list_prefix(slug, "meetings"), meetings, make)
        yield Listing(_list_prefix(slug, "papers"), papers, partial(_paper, data))


def _list_prefix(org: str, name: str) -> str:
    """Return the address an organisation's list's pages begin with (``data/sjovik.meetings``)."""
    return list_path(org, name).removesuffix(".json")
