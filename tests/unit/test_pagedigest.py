"""pagedigest: a page's digest is a function of its content alone, a meeting's view digested once."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from generator.outputs.pagedigest import PageDigests
from generator.pages.context import Item
from generator.pages.views import MeetingView

DAY = dt.date(2024, 3, 12)


@dataclass(frozen=True)
class Page:
    title: str
    build_date: dt.date | None


@dataclass(frozen=True)
class View:
    meeting: MeetingView
    body: str


@dataclass(frozen=True)
class Job:
    template: str
    page: Page
    view: View


def item(title: str) -> Item:
    return Item(
        title,
        f"§ 12 {title}",
        "/a/",
        "Protokollsutdrag",
        DAY,
        "Kommunstyrelsen",
        "Exempelvik",
        "12",
        "KS 2024/1",
        "",
        "",
    )


def meeting(*titles: str) -> MeetingView:
    items = [item(t) for t in titles]
    return MeetingView(
        "KS 12 mars", "/m/", "KS", "/ks/", "Exempelvik", DAY, None, None, None, "", "", "", items, []
    )


def job(view_meeting: MeetingView, body: str = "<p>Text</p>", day: dt.date = DAY) -> Job:
    return Job("record.html", Page("Budget", day), View(view_meeting, body))


def test_equal_pages_have_one_digest_whichever_objects_they_are_made_of() -> None:
    first, second = PageDigests(b"mallar"), PageDigests(b"mallar")
    shared = meeting("Budget", "Taxor")
    assert first(job(shared)) == first(job(shared)) == second(job(meeting("Budget", "Taxor")))


def test_a_change_in_the_meetings_view_or_the_page_changes_the_digest() -> None:
    digests = PageDigests(b"mallar")
    page = job(meeting("Budget", "Taxor"))
    assert digests(page) != digests(job(meeting("Budget", "Taxor 2025")))
    assert digests(page) != digests(replace(page, view=replace(page.view, body="<p>Annan</p>")))
    assert digests(page) != digests(replace(page, template="meeting.html"))
    assert digests(page) != PageDigests(b"andra mallar")(page)


def test_the_build_day_is_not_part_of_the_digest() -> None:
    digests = PageDigests(b"mallar")
    shown = meeting("Budget")
    assert digests(job(shown)) == digests(job(shown, day=dt.date(2030, 1, 1)))
