"""Give every page its links to feeds, calendars, open data, JSON-LD and cross-references.

``Follow.annotate`` takes a rendered page's job and returns it with ``page.links`` filled in; the page
kinds themselves (``jobs.py``) need not know about any of it.
"""

from __future__ import annotations

from dataclasses import replace

from generator.base.urls import NEWS, calendar_path, data_path, feed_path
from generator.config.i18n import Translator
from generator.model.site import Board, Case, Entry, Meeting, Site
from generator.model.xrefs import CrossReferences
from generator.pages.jsonld import JsonLd, Target, script_text
from generator.pages.pagelinks import Alternate, PageLinks, RefLink
from generator.pages.pages import PageJob

ATOM = "application/atom+xml"
ICAL = "text/calendar"
JSON = "application/json"


class Follow:
    """Knows, for every page address, what the page shows and so what it links to."""

    def __init__(self, site: Site, t: Translator, xrefs: CrossReferences) -> None:
        self.site = site
        self.t = t
        self.xrefs = xrefs
        self.jsonld = JsonLd(site, t)
        self.base = site.config.base_path
        self.targets: dict[str, Target] = {}
        for org in site.organisations:
            self.targets[org.path] = org
        for collection in (site.boards.values(), site.meetings.values(), site.cases.values(), site.entries):
            for item in collection:
                self.targets[item.path] = item

    def annotate(self, job: PageJob) -> PageJob:
        """Return ``job`` with ``page.links`` filled in."""
        return replace(job, page=replace(job.page, links=self.page_links(job.path, job.template)))

    def page_links(self, path: str, template: str) -> PageLinks:
        """Return what the page at ``path`` links to."""
        target = self.targets.get(path)
        site_feed = self._feed("", self.site.config.title)
        alternates = [site_feed, *self._alternates(path, target)]
        return PageLinks(
            alternates=tuple(dict.fromkeys(alternates)),
            subscribe=self._subscribe(path, target),
            jsonld=script_text(self.jsonld.for_page(path, target, template)),
            related=self._related(target) if isinstance(target, Entry) else (),
            referenced_by=tuple(self._ref_link(e) for e in self.xrefs.referring_to(path)),
        )

    def _feed(self, page: str, title: str) -> Alternate:
        return Alternate(self.base + feed_path(page), ATOM, title)

    def _board_alternates(self, board: Board) -> list[Alternate]:
        feed_title = self.t("feed_board_title", board=board.config.name, organisation=board.organisation.name)
        title = self.t("calendar_title", board=board.config.name, organisation=board.organisation.name)
        return [
            self._feed(board.path, feed_title),
            Alternate(self.base + calendar_path(board.path), ICAL, title),
        ]

    def _alternates(self, path: str, target: Target) -> list[Alternate]:
        """Return the feeds, calendar and open data that belong to the page."""
        out: list[Alternate] = []
        if path.startswith(NEWS + "/"):
            out.append(self._feed(NEWS + "/", self.t("feed_news_title", site=self.site.config.title)))
        rec = target.record if isinstance(target, Entry) else None
        board = self._board_of(target)
        if board is not None:
            out += self._board_alternates(board)
        case = target if isinstance(target, Case) else None
        if rec is not None and rec.diarienummer:
            case = self.site.cases.get((rec.organisation, rec.diarienummer))
        if case is not None:
            title = self.t(
                "feed_case_title", diarienummer=case.diarienummer, organisation=case.organisation.name
            )
            out.append(self._feed(case.path, title))
        if target is not None:
            out.append(Alternate(self.base + data_path(path), JSON, self.t("open_data_title")))
        return out

    def _board_of(self, target: Target) -> Board | None:
        if isinstance(target, Board):
            return target
        if isinstance(target, Meeting):
            return self.site.boards[(target.organisation.slug, target.board.short)]
        if isinstance(target, Entry) and target.record.namnd:
            return self.site.boards[(target.record.organisation, target.record.namnd)]
        return None

    def _subscribe(self, path: str, target: Target) -> tuple[Alternate, ...]:
        """Return the visible subscription links: start page, boards, cases and the news."""
        t = self.t
        if path == "":
            news = self._feed(NEWS + "/", t("subscribe_news"))
            return (self._feed("", t("subscribe_site")), news)
        if path.startswith(NEWS + "/"):
            return (self._feed(NEWS + "/", t("subscribe_news")),)
        if isinstance(target, Board):
            calendar = self.site.config.base_url + calendar_path(target.path)
            webcal = "webcal://" + calendar.split("://", 1)[1]
            return (
                self._feed(target.path, t("subscribe_board")),
                Alternate(webcal, ICAL, t("subscribe_calendar")),
                Alternate(self.base + calendar_path(target.path), ICAL, t("subscribe_calendar_file")),
            )
        if isinstance(target, Case):
            return (self._feed(target.path, t("subscribe_case")),)
        return ()

    def _related(self, entry: Entry) -> tuple[RefLink, ...]:
        """Return a record's ``relaterade`` entries, each linked to its target's page when on the site."""
        out = []
        for cited in entry.references:
            if cited.field != "relaterade":
                continue
            title = self._title(self.targets.get(cited.target or ""))
            label = f"{cited.text}: {title}" if title else cited.text
            out.append(RefLink(label, self.base + cited.target if cited.target else ""))
        return tuple(out)

    def _title(self, target: Target) -> str:
        if isinstance(target, Entry):
            return target.record.titel
        if isinstance(target, Case):
            return self.t("case_title", diarienummer=target.diarienummer)
        if isinstance(target, Meeting):
            return self.t("meeting_title", board=target.board.name, date=self.t.date(target.date))
        return ""

    def _ref_link(self, entry: Entry) -> RefLink:
        rec = entry.record
        board = self.site.boards[(rec.organisation, rec.namnd)].config.name if rec.namnd else ""
        detail = (
            f"{board} § {rec.paragraf}" if rec.paragraf else ", ".join(x for x in (rec.typ.label, board) if x)
        )
        return RefLink(rec.titel, self.base + entry.path, rec.datum, detail)
