"""Every output besides the pages, declared once: the files it writes and the pages that link to it.

The build writes each output's files (``files``) and lets each add its links to every page
(``alternates``: ``<link rel="alternate">`` in the head; ``subscribe``: the visible "Prenumerera"
links). Adding an output (say a JSON Feed) is a module that makes its bytes and one class here, listed
in ``OUTPUTS``. The order of ``OUTPUTS`` is the order of a page's links.

An output with many files may say how they are made in ``parts``: independent pieces, each made whole by
one of the build's workers, so that the workers share the stage. The files and their order are the same
however the parts are shared.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from generator.base.diagnostics import Diagnostic
from generator.base.urls import NEWS, calendar_path, data_path, feed_path
from generator.config.i18n import Translator
from generator.model.site import Board, Case, Entry, Meeting, Site
from generator.outputs import feeds
from generator.outputs.ical import board_calendar, calendar_title
from generator.outputs.noticelist import NOTICE_LIST, notice_list
from generator.outputs.opendata_files import opendata_parts
from generator.outputs.search import BUNDLE, BundleCache, index_site
from generator.outputs.sitemap import robots_txt, sitemap_files
from generator.pages.kinds import PageJob, PageKind
from generator.pages.pagelinks import Alternate

ATOM = "application/atom+xml"
ICAL = "text/calendar"
JSON = "application/json"
CASES_PER_PART = 250
"""Cases whose feeds one part of ``CaseFeeds`` makes."""

Files = Iterable[tuple[str, bytes]]
"""(address, bytes) of each file, in the order written."""
Part = Callable[[], Files]
"""Makes some of an output's files, apart from its other parts."""

ALL_KINDS = frozenset(PageKind)


@dataclass(frozen=True)
class Written:
    """What an output is made from: the model, the UI strings, and the pages written."""

    site: Site
    t: Translator
    pages: tuple[str, ...]
    """The address of every page written, in the order written."""
    searched: tuple[tuple[str, str], ...] = ()
    """(address, file) of the pages searched by their text (``PageContext.indexed``)."""
    bundles: BundleCache | None = None
    """The search bundles built before (the build cache's), or None: every bundle is built."""


class Output:
    """One output: its files, and the links pages have to it (none by default)."""

    stage = ""
    """The name the build's timings give the search index (the others are timed together)."""
    linked_from: frozenset[PageKind] = frozenset()
    """The page kinds that link to it (as documented; ``alternates`` and ``subscribe`` say exactly)."""
    search = False
    """True for the search index, made after the pages (the preview makes it only when idle)."""

    def files(self, written: Written) -> Iterator[tuple[str, bytes]]:
        """Yield (address, bytes) of each file it writes (an output in ``parts``: theirs, in order)."""
        if type(self).parts is not Output.parts:  # else ``parts`` is this, in one part
            for part in self.parts(written):
                yield from part()

    def parts(self, written: Written) -> Iterator[Part]:
        """Yield its files in parts, in order, each made apart from the others: by default one, ``files``."""
        yield partial(self.files, written)

    def index(self, root: Path, written: Written) -> list[Diagnostic]:
        """Make what is made after the pages in ``root`` (the search index); return its problems."""
        return []

    def alternates(self, job: PageJob, site: Site, t: Translator) -> Iterator[Alternate]:
        """Yield the ``<link rel="alternate">`` of page ``job`` to this output."""
        return iter(())

    def subscribe(self, job: PageJob, site: Site, t: Translator) -> Iterator[Alternate]:
        """Yield the visible subscription links of page ``job`` to this output."""
        return iter(())


def _feed(site: Site, page: str, title: str) -> Alternate:
    return Alternate(site.config.base_path + feed_path(page), ATOM, title)


def board_of(job: PageJob, site: Site) -> Board | None:
    """Return the board a page is about: a board's page, one of its meetings, or one of its records."""
    target = job.target
    if isinstance(target, Board):
        return target
    if isinstance(target, Meeting | Entry):
        return target.board
    return None


def case_of(job: PageJob, site: Site) -> Case | None:
    """Return the case a page is about: a case's page, or a record with a diarienummer."""
    target = job.target
    if isinstance(target, Case):
        return target
    if isinstance(target, Entry):
        return target.case
    return None


class SiteFeed(Output):
    """The site's Atom feed (``atom.xml``): every page links to it."""

    stage = "flöden"
    linked_from = ALL_KINDS

    def files(self, written: Written) -> Iterator[tuple[str, bytes]]:
        """Yield the site's feed."""
        feed = feeds.site_feed(written.site)
        yield feed.path, feeds.render_feed(feed, written.site, written.t)

    def alternates(self, job: PageJob, site: Site, t: Translator) -> Iterator[Alternate]:
        """Yield the site's feed."""
        yield _feed(site, "", site.config.title)

    def subscribe(self, job: PageJob, site: Site, t: Translator) -> Iterator[Alternate]:
        """Yield the site's feed on the start page."""
        if job.kind is PageKind.HOME:
            yield _feed(site, "", t("subscribe_site"))


class NewsFeed(Output):
    """The news' Atom feed (``nyheter/atom.xml``)."""

    stage = "flöden"
    linked_from = frozenset({PageKind.NEWS, PageKind.HOME})

    def files(self, written: Written) -> Iterator[tuple[str, bytes]]:
        """Yield the news feed."""
        feed = feeds.news_feed(written.site, written.t)
        yield feed.path, feeds.render_feed(feed, written.site, written.t)

    def alternates(self, job: PageJob, site: Site, t: Translator) -> Iterator[Alternate]:
        """Yield the news feed on the news listing."""
        if job.kind is PageKind.NEWS:
            yield _feed(site, NEWS + "/", feeds.news_title(site, t))

    def subscribe(self, job: PageJob, site: Site, t: Translator) -> Iterator[Alternate]:
        """Yield the news feed on the start page and the news listing."""
        if job.kind in (PageKind.HOME, PageKind.NEWS):
            yield _feed(site, NEWS + "/", t("subscribe_news"))


class BoardFeeds(Output):
    """Each board's Atom feed, beside the board's page."""

    stage = "flöden"
    linked_from = frozenset({PageKind.BOARD, PageKind.MEETING, PageKind.RECORD})

    def files(self, written: Written) -> Iterator[tuple[str, bytes]]:
        """Yield each board's feed."""
        for board in written.site.boards.values():
            feed = feeds.board_feed(board, written.t)
            yield feed.path, feeds.render_feed(feed, written.site, written.t)

    def alternates(self, job: PageJob, site: Site, t: Translator) -> Iterator[Alternate]:
        """Yield the feed of the board the page is about."""
        if (board := board_of(job, site)) is not None:
            yield _feed(site, board.path, feeds.board_title(board, t))

    def subscribe(self, job: PageJob, site: Site, t: Translator) -> Iterator[Alternate]:
        """Yield the board's feed on its page."""
        if isinstance(job.target, Board):
            yield _feed(site, job.target.path, t("subscribe_board"))


class BoardCalendars(Output):
    """Each board's meetings as iCalendar (``kalender.ics``), beside the board's page."""

    stage = "kalendrar"
    linked_from = frozenset({PageKind.BOARD, PageKind.MEETING, PageKind.RECORD})

    def parts(self, written: Written) -> Iterator[Part]:
        """Yield each board's calendar, a part each."""
        for board in written.site.boards.values():
            yield partial(self._calendar, board, written)

    def _calendar(self, board: Board, written: Written) -> Files:
        return [(calendar_path(board.path), board_calendar(board, written.site, written.t))]

    def alternates(self, job: PageJob, site: Site, t: Translator) -> Iterator[Alternate]:
        """Yield the calendar of the board the page is about."""
        if (board := board_of(job, site)) is not None:
            yield Alternate(site.config.base_path + calendar_path(board.path), ICAL, calendar_title(board, t))

    def subscribe(self, job: PageJob, site: Site, t: Translator) -> Iterator[Alternate]:
        """Yield the board's calendar on its page: to subscribe to (webcal) and to download."""
        if isinstance(job.target, Board):
            path = calendar_path(job.target.path)
            webcal = "webcal://" + (site.config.base_url + path).split("://", 1)[1]
            yield Alternate(webcal, ICAL, t("subscribe_calendar"))
            yield Alternate(site.config.base_path + path, ICAL, t("subscribe_calendar_file"))


class CaseFeeds(Output):
    """Each case's Atom feed, beside the case's page."""

    stage = "flöden"
    linked_from = frozenset({PageKind.CASE, PageKind.RECORD})

    def parts(self, written: Written) -> Iterator[Part]:
        """Yield the cases' feeds, ``CASES_PER_PART`` cases a part."""
        cases = list(written.site.cases.values())
        for start in range(0, len(cases), CASES_PER_PART):
            yield partial(self._feeds, cases[start : start + CASES_PER_PART], written)

    def _feeds(self, cases: list[Case], written: Written) -> Iterator[tuple[str, bytes]]:
        for case in cases:
            feed = feeds.case_feed(case, written.t)
            yield feed.path, feeds.render_feed(feed, written.site, written.t)

    def alternates(self, job: PageJob, site: Site, t: Translator) -> Iterator[Alternate]:
        """Yield the feed of the case the page is about."""
        if (case := case_of(job, site)) is not None:
            yield _feed(site, case.path, feeds.case_title(case, t))

    def subscribe(self, job: PageJob, site: Site, t: Translator) -> Iterator[Alternate]:
        """Yield the case's feed on its page."""
        if isinstance(job.target, Case):
            yield _feed(site, job.target.path, t("subscribe_case"))


class OpenData(Output):
    """Open data (``data/``): an object per organisation, board, meeting, case and record, lists, index."""

    stage = "öppna data"
    linked_from = frozenset(
        {PageKind.ORGANISATION, PageKind.BOARD, PageKind.MEETING, PageKind.CASE, PageKind.RECORD}
    )

    def parts(self, written: Written) -> Iterator[Part]:
        """Yield the open data files in parts: the objects, the lists and the index a few at a time."""
        yield from opendata_parts(written.site, written.t)

    def alternates(self, job: PageJob, site: Site, t: Translator) -> Iterator[Alternate]:
        """Yield the open data of what the page shows (the site's own news has none: no Body owns it)."""
        if job.target is not None and not (isinstance(job.target, Entry) and job.target.organisation is None):
            yield Alternate(site.config.base_path + data_path(job.path), JSON, t("open_data_title"))


class Sitemap(Output):
    """``sitemap.xml`` (an index of sitemaps past 50,000 pages) and ``robots.txt``."""

    stage = "sitemap"

    def files(self, written: Written) -> Iterator[tuple[str, bytes]]:
        """Yield the sitemap files and robots.txt."""
        yield from sitemap_files(written.site, written.pages)
        yield "robots.txt", robots_txt(written.site)


class NoticeList(Output):
    """The notice board as data (``anslagstavla/anslag.json``): the build compares it with the last one."""

    stage = "anslagstavla"

    def files(self, written: Written) -> Iterator[tuple[str, bytes]]:
        """Yield the list of the notices up on the day of the build."""
        yield NOTICE_LIST, notice_list(written.site, written.t)


class SearchIndex(Output):
    """The Pagefind index (``pagefind/``): every record from its data, a few site pages by their text."""

    stage = "sökindex"
    search = True

    def index(self, root: Path, written: Written) -> list[Diagnostic]:
        """Index the site into ``root``'s ``pagefind/`` (the searched pages as written there)."""
        pages = [(path, (root / file).read_text(encoding="utf-8")) for path, file in written.searched]
        problems, _ = index_site(written.site, written.t, root / BUNDLE, pages, cache=written.bundles)
        return problems


OUTPUTS: tuple[Output, ...] = (
    SiteFeed(),
    NewsFeed(),
    BoardFeeds(),
    BoardCalendars(),
    CaseFeeds(),
    OpenData(),
    Sitemap(),
    NoticeList(),
    SearchIndex(),
)
