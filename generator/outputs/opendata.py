"""Open data shaped after OParl 1.1: one JSON object per organisation (Body), board (Organization),
meeting (Meeting), § (AgendaItem), document or case (Paper) and whole minutes or notice (File).

Every ``id`` is the object's own absolute address under ``data/`` and ``web`` the page a person reads.
Additions OParl does not name carry the ``beslut:`` prefix, as OParl asks of vendor extensions.
``opendata_files`` writes them, with the lists, the index and the tombstones of withdrawn records.
"""

from __future__ import annotations

import mimetypes
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from generator.base.doctypes import Kind
from generator.base.record import Attachment, Record
from generator.base.stamps import latest, record_modified, rfc3339
from generator.base.urls import DATA, data_path, meeting_path
from generator.config.i18n import Translator
from generator.model.appeal import last_appeal_day
from generator.model.site import Board, Case, Entry, Meeting, Organisation, Site

OPARL = "https://schema.oparl.org/1.1/"
Json = dict[str, Any]


def oparl_type(name: str) -> str:
    """Return the OParl type URI of ``name`` (``Meeting`` → ``https://schema.oparl.org/1.1/Meeting``)."""
    return OPARL + name


def record_type(record: Record) -> str:
    """Return the OParl type a record is published as: a § is an AgendaItem, minutes a File, else a Paper."""
    if record.typ.kind is Kind.MINUTES_ITEM:
        return "AgendaItem"
    if record.typ.kind in (Kind.MINUTES, Kind.NOTICE):
        return "File"
    return "Paper"


@dataclass(frozen=True)
class OpenData:
    """Builds the OParl-shaped objects of one site."""

    site: Site
    t: Translator

    def url(self, rel: str) -> str:
        """Return the absolute address of ``rel`` (relative to the site root)."""
        return self.site.config.base_url + rel

    def id_of(self, page: str) -> str:
        """Return the ``id`` of the object shown on ``page``."""
        return self.url(data_path(page))

    def when(self, day: Any) -> str:
        """Return a date as an OParl date-time in the site's offset."""
        return rfc3339(day, self.site.config.timezone)

    def changed(self, entries: Iterable[Entry]) -> str:
        """Return when the latest change of ``entries`` (at least one) was made."""
        return self.when(max(record_modified(e.record) for e in entries))

    def system(self) -> Json:
        """Return the System: the entry point a harvester starts from."""
        cfg = self.site.config
        return {
            "id": self.url(f"{DATA}/system.json"),
            "type": oparl_type("System"),
            "oparlVersion": OPARL,
            "body": self.url(f"{DATA}/bodies.json"),
            "name": cfg.title,
            "website": cfg.base_url,
            "web": cfg.base_url,
            "beslut:schema": self.url(f"{DATA}/schema.json"),
            "beslut:index": self.url(f"{DATA}/index.json"),
            "modified": self.when(
                latest((record_modified(e.record) for e in self.site.entries), self.site.build_date)
            ),
        }

    def body(self, org: Organisation) -> Json:
        """Return an organisation (kommun, region, förbund) as an OParl Body."""
        slug = org.config.slug
        return {
            "id": self.id_of(org.path),
            "type": oparl_type("Body"),
            "system": self.url(f"{DATA}/system.json"),
            "name": org.config.name,
            "website": self.url(org.path),
            "organization": self.url(list_path(slug, "organizations")),
            "person": self.url(list_path(slug, "people")),
            "meeting": self.url(list_path(slug, "meetings")),
            "paper": self.url(list_path(slug, "papers")),
            "legislativeTerm": [],
            "web": self.url(org.path),
            "modified": self.when(
                latest((record_modified(e.record) for e in org.entries), self.site.build_date)
            ),
        }

    def organization(self, board: Board) -> Json:
        """Return a board as an OParl Organization (a Gremium), under its parent board if it has one."""
        obj: Json = {
            "id": self.id_of(board.path),
            "type": oparl_type("Organization"),
            "body": self.id_of(f"{board.organisation.slug}/"),
            "name": board.config.name,
            "shortName": board.config.short,
            "organizationType": "Gremium",
            "web": self.url(board.path),
            "modified": self.when(
                latest((record_modified(e.record) for e in board.entries), self.site.build_date)
            ),
        }
        if board.parent is not None:
            obj["subOrganizationOf"] = self.id_of(board.parent.path)
        return obj

    def meeting(self, meeting: Meeting) -> Json:
        """Return a meeting: its §§ (AgendaItems), notice (invitation) and minutes (resultsProtocol)."""
        board = meeting.board
        obj: Json = {
            "id": self.id_of(meeting.path),
            "type": oparl_type("Meeting"),
            "name": meeting.title(self.t),
            "start": rfc3339(meeting.date, self.site.config.timezone, meeting.time),
            "organization": [self.id_of(board.path)],
            "agendaItem": [
                self.agenda_item(e, meeting, n, text=False) for n, e in enumerate(meeting.items, 1)
            ],
            "web": self.url(meeting.path),
            "modified": self.changed(meeting.entries),
        }
        for entry in meeting.documents:
            key = "invitation" if entry.record.typ.kind is Kind.NOTICE else "resultsProtocol"
            obj.setdefault(key, self.file(entry, text=False))
        files = [f for e in meeting.entries for f in self.attachments(e)]
        if files:
            obj["auxiliaryFile"] = files
        if meeting.justerat:
            obj["beslut:justerat"] = meeting.justerat.isoformat()
        if meeting.anslag:
            obj["beslut:anslag"] = meeting.anslag.isoformat()
        return obj

    def agenda_item(self, entry: Entry, meeting: Meeting, order: int, text: bool = True) -> Json:
        """Return a § as an OParl AgendaItem, with the decision's wording as ``resolutionText``."""
        rec = entry.record
        obj = self.head(entry, "AgendaItem")
        obj.update(meeting=self.id_of(meeting.path), number=rec.paragraf or "", order=order, public=True)
        if entry.beslut_text:
            obj["resolutionText"] = entry.beslut_text
        anslag = rec.anslag or meeting.anslag
        obj["beslut:appealable"] = rec.overklagbar
        if rec.overklagbar and anslag:
            last = last_appeal_day(anslag, self.site.config.appeal_period_days)
            obj["beslut:lastAppealDay"] = last.isoformat()
        return self._with_case_and_text(entry, obj, text)

    def paper(self, entry: Entry, text: bool = True) -> Json:
        """Return a document (tjänsteskrivelse, utlåtande, delegationsbeslut, news) as an OParl Paper."""
        rec = entry.record
        obj = self.head(entry, "Paper")
        obj.update(
            body=self.id_of(f"{rec.organisation}/"), date=rec.datum.isoformat(), paperType=rec.typ.label
        )
        if rec.diarienummer:
            obj["reference"] = rec.diarienummer
        if entry.board is not None:
            obj["underDirectionOf"] = [self.id_of(entry.board.path)]
        if entry.beslut_text:
            obj["beslut:resolutionText"] = entry.beslut_text
        return self._with_case_and_text(entry, obj, text)

    def file(self, entry: Entry, text: bool = True) -> Json:
        """Return whole minutes or a notice as an OParl File whose ``accessUrl`` is its page."""
        rec = entry.record
        obj = self.head(entry, "File")
        obj.update(fileName=entry.path.rstrip("/").rsplit("/", 1)[-1] + ".html", mimeType="text/html")
        obj.update(date=rec.datum.isoformat(), accessUrl=self.url(entry.path))
        if rec.namnd:
            obj["meeting"] = [self.id_of(meeting_path(rec.organisation, rec.namnd, rec.datum))]
        return self._with_case_and_text(entry, obj, text)

    def record(self, entry: Entry) -> Json:
        """Return the object a record is published as (AgendaItem, File or Paper)."""
        rec = entry.record
        kind = record_type(rec)
        if kind == "AgendaItem":
            meeting = self.site.meetings[(rec.organisation, rec.namnd or "", rec.datum)]
            return self.agenda_item(entry, meeting, meeting.items.index(entry) + 1)
        return self.file(entry) if kind == "File" else self.paper(entry)

    def case(self, case: Case) -> Json:
        """Return a case (every record of one diarienummer) as an OParl Paper with its consultations."""
        first = case.entries[0].record
        obj: Json = {
            "id": self.id_of(case.path),
            "type": oparl_type("Paper"),
            "body": self.id_of(f"{case.organisation.slug}/"),
            "name": first.titel,
            "reference": case.diarienummer,
            "date": first.datum.isoformat(),
            "paperType": self.t("case_paper_type"),
            "web": self.url(case.path),
            "created": self.when(first.datum),
            "modified": self.changed(case.entries),
        }
        related = [self.id_of(e.path) for e in case.entries if record_type(e.record) != "AgendaItem"]
        if related:
            obj["relatedPaper"] = related
        consultations = [self._consultation(e) for e in case.entries if record_type(e.record) == "AgendaItem"]
        if consultations:
            obj["consultation"] = consultations
        return obj

    def _consultation(self, entry: Entry) -> Json:
        """Return where a case was dealt with: the §, its meeting and board."""
        rec = entry.record
        meeting = entry.meeting
        if meeting is None:  # an AgendaItem is a § of a meeting
            raise ValueError(f"{rec.rel}: a § without a meeting")
        board = meeting.board
        return {
            "type": oparl_type("Consultation"),
            "agendaItem": self.id_of(entry.path),
            "meeting": self.id_of(meeting.path),
            "organization": [self.id_of(board.path)],
            "authoritative": rec.overklagbar,
        }

    def head(self, entry: Entry, kind: str) -> Json:
        """Return what every record's object begins with (its index entry and ``created``)."""
        rec = entry.record
        return {
            "id": self.id_of(entry.path),
            "type": oparl_type(kind),
            "name": rec.titel,
            "web": self.url(entry.path),
            "created": self.when(rec.datum),
            "modified": self.when(record_modified(rec)),
        }

    def _with_case_and_text(self, entry: Entry, obj: Json, text: bool) -> Json:
        """Add the diarienummer, the case, the attachments and (in the record's own file) the body's text."""
        rec = entry.record
        if rec.diarienummer:
            obj["beslut:diarienummer"] = rec.diarienummer
            case = self.site.cases[(rec.organisation, rec.diarienummer)]
            obj["beslut:case"] = self.id_of(case.path)
        files = self.attachments(entry)
        if files and obj["type"] != oparl_type("File"):
            obj["auxiliaryFile"] = files
        obj["beslut:documentType"] = rec.typ.key
        if text:
            obj["beslut:text"] = entry.body.text
        return obj

    def attachments(self, entry: Entry) -> list[Json]:
        """Return a record's attachments as Files; a withheld one names its secrecy provision."""
        return [self._attachment(entry, a, n) for n, a in enumerate(entry.record.bilagor, 1)]

    def _attachment(self, entry: Entry, attachment: Attachment, number: int) -> Json:
        obj: Json = {
            "id": f"{self.id_of(entry.path)}#bilaga-{number}",
            "type": oparl_type("File"),
            "name": attachment.titel,
        }
        if attachment.fil:
            url = self.url("filer/" + attachment.fil)
            obj["fileName"] = attachment.fil.rsplit("/", 1)[-1]
            obj["mimeType"] = mimetypes.guess_type(attachment.fil)[0] or "application/octet-stream"
            obj.update(accessUrl=url, downloadUrl=url)
        else:
            obj["beslut:withheld"] = attachment.sekretess or ""
        return obj


def list_path(org: str, name: str, page: int = 1) -> str:
    """Return the address of a page of an organisation's list (``data/sjovik.meetings.json``)."""
    return page_path(f"{DATA}/{org}.{name}", page)


def page_path(prefix: str, page: int = 1) -> str:
    """Return the address of page ``page`` of a list: ``<prefix>.json``, then ``<prefix>-2.json``…"""
    return f"{prefix}.json" if page == 1 else f"{prefix}-{page}.json"
