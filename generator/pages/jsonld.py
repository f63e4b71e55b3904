"""schema.org JSON-LD for every page, so that search engines and other programs know what a page is.

Organisations and boards are ``GovernmentOrganization``; a meeting is an ``Event``; news is a
``NewsArticle``. A decision (a § or a delegationsbeslut) is a ``Legislation``: schema.org defines it as
"a legal document such as an act, decree, bill, etc. (enforceable or not)", and its properties are what a
municipal decision has: who passed it (``legislationPassedBy``), when (``legislationDate``), its
identifier (board, date and §), its type and jurisdiction. The alternatives say less: ``DigitalDocument``
or ``CreativeWork`` nothing about the deciding body, ``GovernmentService`` describes a service, not an
act. A tjänsteskrivelse or utlåtande (officials' report) is a ``Report``; whole minutes and a notice are a
``DigitalDocument`` (a notice is ``about`` its meeting's ``Event``).
"""

from __future__ import annotations

from typing import Any

from generator.base.doctypes import Kind
from generator.base.jsontext import json_text
from generator.base.stamps import record_modified
from generator.config.i18n import Translator
from generator.model.site import Board, Case, Entry, Meeting, Organisation, Site
from generator.pages.kinds import KINDS, PageJob, PageKind

Json = dict[str, Any]
SCHEMA = "https://schema.org"


def script_text(data: Json) -> str:
    """Return JSON-LD safe inside ``<script>``: '<', '>' and '&' written as escapes."""
    return json_text(data)


class JsonLd:
    """Builds the JSON-LD of the pages of one site."""

    def __init__(self, site: Site, t: Translator) -> None:
        self.site = site
        self.t = t
        self.base = site.config.base_url

    def for_page(self, job: PageJob) -> Json:
        """Return the JSON-LD of page ``job``: what it shows, or the page's own type (``kinds.KINDS``)."""
        target = job.target
        data: Json
        if isinstance(target, Organisation):
            data = self.organisation(target)
        elif isinstance(target, Board):
            data = self.board(target)
        elif isinstance(target, Meeting):
            data = self.meeting(target)
        elif isinstance(target, Case):
            data = self.case(target)
        elif isinstance(target, Entry):
            data = self.record(target)
        elif job.kind is PageKind.HOME:
            data = self.website()
        else:
            page_type = KINDS[job.kind].jsonld
            data = {"@type": page_type, "url": self.base + job.path, "isPartOf": {"@id": self.base}}
        return {"@context": SCHEMA, **data}

    def website(self) -> Json:
        """Return the start page: the WebSite, its publishers and its search."""
        return {
            "@type": "WebSite",
            "@id": self.base,
            "name": self.site.config.title,
            "url": self.base,
            "inLanguage": self.site.config.language,
            "publisher": [self.organisation(o) for o in self.site.organisations],
            "potentialAction": {
                "@type": "SearchAction",
                "target": self.base + "sok/?q={search_term_string}",
                "query-input": "required name=search_term_string",
            },
        }

    def organisation(self, org: Organisation) -> Json:
        """Return an organisation as a GovernmentOrganization with its boards."""
        return {
            "@type": "GovernmentOrganization",
            "@id": self.base + org.path,
            "name": org.config.name,
            "url": self.base + org.path,
            "subOrganization": [self._board_ref(b) for b in org.boards if b.parent is None],
        }

    def board(self, board: Board) -> Json:
        """Return a board as a GovernmentOrganization under its parent board or organisation."""
        parent = board.parent
        org_path = f"{board.organisation.slug}/"
        return {
            **self._board_ref(board),
            "parentOrganization": self._board_ref(parent)
            if parent
            else {
                "@type": "GovernmentOrganization",
                "@id": self.base + org_path,
                "name": board.organisation.name,
            },
        }

    def _board_ref(self, board: Board) -> Json:
        return {
            "@type": "GovernmentOrganization",
            "@id": self.base + board.path,
            "name": board.config.name,
            "alternateName": board.config.short,
            "url": self.base + board.path,
        }

    def meeting(self, meeting: Meeting) -> Json:
        """Return a meeting as an Event organised by its board."""
        board = meeting.board
        time = meeting.time
        start = meeting.date.isoformat() + (f"T{time.isoformat(timespec='minutes')}" if time else "")
        return {
            "@type": "Event",
            "@id": self.base + meeting.path,
            "name": meeting.title(self.t),
            "startDate": start,
            "url": self.base + meeting.path,
            "eventStatus": "https://schema.org/EventScheduled",
            "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
            "organizer": self._board_ref(board),
        }

    def case(self, case: Case) -> Json:
        """Return a case as a CollectionPage of its records."""
        return {
            "@type": "CollectionPage",
            "@id": self.base + case.path,
            "name": self.t("case_title", diarienummer=case.diarienummer),
            "identifier": case.diarienummer,
            "url": self.base + case.path,
            "hasPart": [{"@id": self.base + e.path, "name": e.record.titel} for e in case.entries],
        }

    def record(self, entry: Entry) -> Json:
        """Return a record as the closest schema.org type (see the module's docstring)."""
        rec = entry.record
        kind = rec.typ.kind
        common: Json = {
            "@id": self.base + entry.path,
            "name": rec.titel,
            "url": self.base + entry.path,
            "inLanguage": self.site.config.language,
            "dateCreated": rec.datum.isoformat(),
            "dateModified": record_modified(rec).isoformat(),
            "description": entry.summary,
        }
        publisher = self._publisher(entry)
        board = entry.board
        decider = self._board_ref(board) if board else publisher
        if kind is Kind.NEWS:
            author = {"@type": "Person", "name": rec.forfattare} if rec.forfattare else publisher
            data: Json = {
                "@type": "NewsArticle",
                "headline": rec.titel,
                "datePublished": rec.datum.isoformat(),
            }
            data.update(author=author, publisher=publisher)
            if rec.bild:
                data["image"] = self.base + "filer/" + rec.bild.fil
            return {**data, **common}
        if kind in (Kind.MINUTES_ITEM, Kind.DELEGATION):
            return {**common, **self._legislation(entry, decider, publisher["name"])}
        if kind is Kind.DOCUMENT:
            report = {"@type": "Report", "author": publisher, "publisher": publisher}
            if rec.diarienummer:
                report["reportNumber"] = rec.diarienummer
            return {**common, **report}
        document: Json = {"@type": "DigitalDocument", "publisher": publisher}
        meeting = entry.meeting
        if kind is Kind.NOTICE and meeting is not None:
            document["about"] = self.meeting(meeting)
        return {**common, **document}

    def _publisher(self, entry: Entry) -> Json:
        """Return who publishes a record: its organisation, or the site itself for the site's own news."""
        org = entry.organisation
        if org is None:
            cfg = self.site.config
            return {"@type": "Organization", "name": cfg.title, "url": cfg.base_url}
        return {"@type": "GovernmentOrganization", "@id": self.base + org.path, "name": org.config.name}

    def _legislation(self, entry: Entry, decider: Json, jurisdiction: str) -> Json:
        rec = entry.record
        identifier = f"{rec.namnd} {rec.datum.isoformat()} § {rec.paragraf}" if rec.paragraf else rec.titel
        data: Json = {
            "@type": "Legislation",
            "legislationIdentifier": identifier,
            "legislationDate": rec.datum.isoformat(),
            "legislationType": rec.typ.label,
            "legislationPassedBy": decider,
            "legislationJurisdiction": jurisdiction,
        }
        if entry.beslut_text:
            data["abstract"] = entry.beslut_text
        if rec.diarienummer:
            data["identifier"] = rec.diarienummer
        return data
