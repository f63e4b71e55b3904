"""The documented view each template receives; nothing else reaches templates.

Every template gets ``page`` (a ``PageContext``) plus page-kind values documented at the
function that builds them in ``pages.py``. Listings use ``Item``; a record page uses ``RecordView``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from markupsafe import Markup

from generator import __version__
from generator.base.record import Attachment, Reservation
from generator.config.i18n import Translator
from generator.model.site import Entry, Site
from generator.pages.pagelinks import PageLinks


@dataclass(frozen=True)
class Link:
    """A labelled address (breadcrumbs, navigation)."""

    label: str
    url: str


@dataclass(frozen=True)
class Item:
    """One record in a listing."""

    title: str
    heading: str
    """The title as a listing or page heads it: ``§ 12 Title`` for a § (in the site's language), else
    the title. Made once per item, so that a meeting's list of §§ on each of its pages costs little."""
    url: str
    type_label: str
    date: dt.date
    board: str
    """The board's name, or empty."""
    organisation: str
    """The organisation's name; empty for the site's own news."""
    paragraf: str
    diarienummer: str
    summary: str
    decision: str
    """The decision's wording as plain text, or empty."""


@dataclass(frozen=True)
class RecordView:
    """Everything a record page shows."""

    item: Item
    time: dt.time | None
    decision_html: Markup
    body_html: Markup
    board_url: str
    meeting_url: str
    case_url: str
    handlaggare: str
    mottagare: tuple[str, ...]
    justerat: dt.date | None
    anslag: dt.date | None
    reservations: tuple[Reservation, ...]
    attachments: tuple[tuple[Attachment, str], ...]
    """Each attachment with its address ('' when withheld)."""
    image_url: str
    image_alt: str
    ingress: str
    author: str
    tags: tuple[str, ...]
    appealable: bool


@dataclass(frozen=True)
class PageContext:
    """What every page knows: the site, where it is, and how to link."""

    site_title: str
    language: str
    base_path: str
    base_url: str
    path: str
    """This page's address relative to the site root."""
    title: str
    """This page's title (without the site name)."""
    description: str
    breadcrumbs: tuple[Link, ...]
    build_date: dt.date
    nav: tuple[Link, ...]
    footer: tuple[Link, ...]
    example: str = ""
    """The organisation's name when the page is one of a made-up organisation of a demo (``example:
    true`` in site.yaml): the page says so above its content. Empty otherwise."""
    notice_board_url: str = ""
    """The notice board's address: the header marks its link so that it is easy to find."""
    page_number: int = 1
    page_count: int = 1
    indexed: bool = True
    """True for the pages search reads by their text (``KindSpec.indexed``)."""
    extra_head: tuple[str, ...] = field(default=())
    links: PageLinks = field(default_factory=PageLinks)
    """Feeds, calendar, open data, JSON-LD and cross-references of this page (see ``follow.py``)."""
    generator: str = f"beslut {__version__}"
    """The program and version that made the page (``<meta name="generator">``)."""

    def url(self, path: str) -> str:
        """Return the site-absolute address of a path relative to the site root."""
        return self.base_path + path


def make_item(entry: Entry, site: Site, t: Translator) -> Item:
    """Return the listing view of an entry."""
    rec = entry.record
    board = entry.board.name if entry.board else ""
    org = entry.organisation.name if entry.organisation is not None else ""
    return Item(
        title=rec.titel,
        heading=t.heading(rec.titel, rec.paragraf),
        url=site.config.base_path + entry.path,
        type_label=rec.typ.label,
        date=rec.datum,
        board=board,
        organisation=org,
        paragraf=rec.paragraf or "",
        diarienummer=rec.diarienummer or "",
        summary=entry.summary,
        decision=entry.beslut_text,
    )


def make_record_view(entry: Entry, site: Site, t: Translator) -> RecordView:
    """Return the page view of an entry."""
    rec = entry.record
    base = site.config.base_path
    item = make_item(entry, site, t)
    board, meeting, case = entry.board, entry.meeting, entry.case
    return RecordView(
        item=item,
        time=rec.tid,
        decision_html=Markup(entry.beslut_html),
        body_html=Markup(entry.body.html),
        board_url=base + board.path if board else "",
        meeting_url=base + meeting.path if meeting and meeting.path != entry.path else "",
        case_url=base + case.path if case else "",
        handlaggare=rec.handlaggare,
        mottagare=rec.mottagare,
        justerat=rec.justerat or (meeting.justerat if meeting else None),
        anslag=rec.anslag or (meeting.anslag if meeting else None),
        reservations=rec.reservationer,
        attachments=tuple((a, base + "filer/" + a.fil if a.fil else "") for a in rec.bilagor),
        image_url=base + "filer/" + rec.bild.fil if rec.bild else "",
        image_alt=rec.bild.alt if rec.bild else "",
        ingress=rec.ingress,
        author=rec.forfattare,
        tags=rec.taggar,
        appealable=rec.overklagbar,
    )
