"""The page kinds of the site, declared once: address, template, view and JSON-LD type per kind.

A ``PageJob`` carries its kind and the model object it shows (its target), so nothing later guesses a
page's kind from its address or its template's name. Which feeds, calendars and open data a kind links
to is declared by each output (``generator.outputs.registry``), where the output is.

Adding a page kind: a row here, a view in ``views.py``, a template, its UI strings, and the function in
``jobs.py`` that yields its jobs.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from generator.model.site import Board, Case, Entry, Meeting, Organisation
from generator.pages import views
from generator.pages.context import PageContext

Target = Organisation | Board | Meeting | Case | Entry | None
"""The model object a page shows: an organisation, board, meeting, case or record; None for the others."""


class PageKind(StrEnum):
    """What a page is."""

    HOME = "start"
    ARCHIVE = "arkiv"
    NOTICE_BOARD = "anslagstavla"
    SEARCH = "sök"
    ACCESSIBILITY = "tillgänglighet"
    NOT_FOUND = "404"
    ORGANISATION = "organisation"
    APPEAL = "överklaga"
    BOARD = "nämnd"
    MEETING = "sammanträde"
    CASE = "ärende"
    RECORD = "post"
    YEAR = "år"
    MONTH = "månad"
    NEWS = "nyheter"


@dataclass(frozen=True)
class KindSpec:
    """One row of the page-kind table."""

    address: str
    """Where pages of this kind are, relative to the site root (``<…>`` is filled in per page)."""
    template: str
    """The theme's template that renders it."""
    view: type[views.View]
    """The view its template sees (besides ``page`` and ``t``)."""
    jsonld: str
    """schema.org type of the page; for a page with a target, the type of what it shows."""
    indexed: bool
    """Whether search reads pages of this kind by their text (the accessibility statement, how to appeal).
    Records are searched from their data (``outputs/search_records.py``), listings not at all."""


KINDS: dict[PageKind, KindSpec] = {
    PageKind.HOME: KindSpec(
        address="",
        template="index.html",
        view=views.HomeView,
        jsonld="WebSite",
        indexed=False,
    ),
    PageKind.ARCHIVE: KindSpec(
        address="arkiv/",
        template="archive.html",
        view=views.ArchiveView,
        jsonld="CollectionPage",
        indexed=False,
    ),
    PageKind.NOTICE_BOARD: KindSpec(
        address="anslagstavla/",
        template="notices.html",
        view=views.NoticeBoardView,
        jsonld="WebPage",
        indexed=False,
    ),
    PageKind.SEARCH: KindSpec(
        address="sok/",
        template="search.html",
        view=views.SearchView,
        jsonld="SearchResultsPage",
        indexed=False,
    ),
    PageKind.ACCESSIBILITY: KindSpec(
        address="tillganglighet/",
        template="accessibility.html",
        view=views.AccessibilityView,
        jsonld="WebPage",
        indexed=True,
    ),
    PageKind.NOT_FOUND: KindSpec(
        address="404.html",
        template="404.html",
        view=views.NotFoundView,
        jsonld="WebPage",
        indexed=False,
    ),
    PageKind.ORGANISATION: KindSpec(
        address="<org>/",
        template="organisation.html",
        view=views.OrganisationPageView,
        jsonld="GovernmentOrganization",
        indexed=False,
    ),
    PageKind.APPEAL: KindSpec(
        address="<org>/overklaga/",
        template="appeal.html",
        view=views.AppealPageView,
        jsonld="WebPage",
        indexed=True,
    ),
    PageKind.BOARD: KindSpec(
        address="<org>/<nämnd>/",
        template="board.html",
        view=views.BoardPageView,
        jsonld="GovernmentOrganization",
        indexed=False,
    ),
    PageKind.MEETING: KindSpec(
        address="<org>/<nämnd>/<datum>/",
        template="meeting.html",
        view=views.MeetingPageView,
        jsonld="Event",
        indexed=False,
    ),
    PageKind.CASE: KindSpec(
        address="<org>/arenden/<diarienummer>/",
        template="case.html",
        view=views.CasePageView,
        jsonld="CollectionPage",
        indexed=False,
    ),
    PageKind.RECORD: KindSpec(
        address="<org>/[<nämnd>/<datum>/]<post>/",
        template="record.html",
        view=views.RecordPageView,
        jsonld="Legislation, Report, DigitalDocument or NewsArticle",
        indexed=False,
    ),
    PageKind.YEAR: KindSpec(
        address="arkiv/<år>/[sida/<n>/]",
        template="year.html",
        view=views.ListingView,
        jsonld="CollectionPage",
        indexed=False,
    ),
    PageKind.MONTH: KindSpec(
        address="arkiv/<år>/<mm>/[sida/<n>/]",
        template="month.html",
        view=views.ListingView,
        jsonld="CollectionPage",
        indexed=False,
    ),
    PageKind.NEWS: KindSpec(
        address="nyheter/[sida/<n>/]",
        template="news.html",
        view=views.ListingView,
        jsonld="CollectionPage",
        indexed=False,
    ),
}


@dataclass(frozen=True)
class PageJob:
    """One page to render: its kind, what it shows, its shared context and its view."""

    kind: PageKind
    path: str
    """The page's address relative to the site root."""
    page: PageContext
    view: views.View
    target: Target = None

    @property
    def template(self) -> str:
        """Return the template that renders the page."""
        return KINDS[self.kind].template

    @property
    def file(self) -> str:
        """Return the output file, relative to the output folder."""
        return self.path if self.path.endswith(".html") else self.path + "index.html"
