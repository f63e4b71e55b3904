"""Feeds (Atom) and calendars (iCalendar) of the demo site and the cross-reference fixture site.

Parsed with the libraries a reader's program uses: feedparser and icalendar.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import feedparser
import icalendar
import pytest

from tests.integration.sitecheck import SITES, page

XREFS = SITES / "valid" / "xrefs"
BASE = "https://www.sjovik.se/beslut/"


def feeds(out: Path) -> dict[str, feedparser.FeedParserDict]:
    return {
        p.relative_to(out).as_posix(): feedparser.parse(p.read_bytes()) for p in sorted(out.rglob("atom.xml"))
    }


def test_every_feed_parses_without_error_newest_first_with_ids_of_real_pages(any_out: Path) -> None:
    out = any_out
    parsed = feeds(out)
    assert "atom.xml" in parsed and "nyheter/atom.xml" in parsed
    for path, feed in parsed.items():
        assert not feed.bozo, (path, feed.get("bozo_exception"))
        assert feed.version == "atom10"
        assert feed.feed.title
        assert feed.feed.links[0].href.endswith(path)
        updated = [e.updated_parsed for e in feed.entries]
        assert updated == sorted(updated, reverse=True), path
        assert feed.feed.updated_parsed >= max(updated, default=feed.feed.updated_parsed)
        ids = [e.id for e in feed.entries]
        assert len(set(ids)) == len(ids)
        for entry in feed.entries:
            assert entry.id == entry.link
            rel = entry.link.split("/", 3)[3].removeprefix("beslut/")
            assert (out / rel / "index.html").is_file(), entry.link


def test_feeds_exist_for_the_site_each_board_each_case_and_the_news(xrefs_out: Path) -> None:
    assert sorted(feeds(xrefs_out)) == [
        "atom.xml",
        "nyheter/atom.xml",
        "sjoviks-kommun/arenden/ks-2017-0101/atom.xml",
        "sjoviks-kommun/arenden/ks-2018-0417/atom.xml",
        "sjoviks-kommun/arenden/ks-2018-0600/atom.xml",
        "sjoviks-kommun/kf/atom.xml",
        "sjoviks-kommun/ks/atom.xml",
        "sjoviks-kommun/ksau/atom.xml",
    ]


def test_entries_carry_the_decision_wording_or_the_ingress_and_content_dates(xrefs_out: Path) -> None:
    parsed = feeds(xrefs_out)
    ks = parsed["sjoviks-kommun/ks/atom.xml"]
    paragraph = next(e for e in ks.entries if "93" in e.title)
    assert (
        paragraph.title
        == "Kommunstyrelsen § 93: Senareläggning av uppdraget; stödfunktioner, HR och kommunikation"
    )
    assert (
        paragraph.summary
        == "Uppdraget att samla HR-strateger, kommunikatörer och nämndsekreterare senareläggs."
    )
    assert paragraph.published == "2018-05-28T00:00:00+02:00"  # Swedish summer time
    assert paragraph.updated == "2018-06-01T00:00:00+02:00"  # the anslag date: when the decision was posted
    news = parsed["nyheter/atom.xml"].entries[0]
    assert news.summary == "Nämndsekreterarna blir kvar på förvaltningarna."
    assert news.published == "2018-12-05T09:15:00+01:00"
    assert news.author == "Kommunikationsenheten"
    case = parsed["sjoviks-kommun/arenden/ks-2018-0417/atom.xml"]
    assert [e.title for e in case.entries] == [
        "Kommunstyrelsen § 93: Senareläggning av uppdraget; stödfunktioner, HR och kommunikation",
        "Samla kommunens stödfunktioner",
    ]


def test_withdrawn_records_are_in_no_feed(xrefs_out: Path) -> None:
    for feed in feeds(xrefs_out).values():
        assert all("ersättare" not in e.title for e in feed.entries)


@pytest.mark.parametrize(
    ("path", "feed"),
    [
        ("", "atom.xml"),
        ("nyheter/", "nyheter/atom.xml"),
        ("sjoviks-kommun/ks/", "sjoviks-kommun/ks/atom.xml"),
        ("sjoviks-kommun/arenden/ks-2018-0417/", "sjoviks-kommun/arenden/ks-2018-0417/atom.xml"),
    ],
)
def test_pages_link_their_feed_in_the_head_and_visibly(xrefs_out: Path, path: str, feed: str) -> None:
    html = page(xrefs_out, path)
    head = html[: html.index("</head>")]
    assert '<link rel="alternate" type="application/atom+xml" title="' in head
    assert f'href="/beslut/{feed}"' in head
    main = html[html.index("<main") :]
    assert ">Prenumerera</h2>" in main
    assert f'<a href="/beslut/{feed}" type="application/atom+xml">' in main


def test_every_page_links_the_site_feed(any_out: Path) -> None:
    out = any_out
    for file in sorted(out.rglob("*.html")):
        if "pagefind" in file.parts:
            continue
        assert 'type="application/atom+xml"' in file.read_text(encoding="utf-8"), file


def calendars(out: Path) -> dict[str, icalendar.Calendar]:
    return {
        p.relative_to(out).as_posix(): icalendar.Calendar.from_ical(p.read_bytes())
        for p in sorted(out.rglob("kalender.ics"))
    }


def test_every_calendar_parses_and_has_one_event_per_meeting(any_out: Path) -> None:
    out = any_out
    found = calendars(out)
    assert found
    for path, calendar in found.items():
        raw = (out / path).read_bytes()
        assert all(len(line) <= 75 for line in raw.split(b"\r\n"))
        assert b"\n" not in raw.replace(b"\r\n", b"")
        board = out / path.removesuffix("kalender.ics")
        meetings = sorted(
            p.name for p in board.iterdir() if p.name[:4].isdigit() and (p / "index.html").is_file()
        )
        events = calendar.walk("VEVENT")
        assert sorted(e.decoded("DTSTART").isoformat()[:10] for e in events) == meetings
        assert len({str(e["UID"]) for e in events}) == len(events)
        for event in events:
            assert str(event["URL"]).endswith(event.decoded("DTSTART").isoformat()[:10] + "/")


def test_a_kallelse_with_a_time_is_a_timed_event_in_local_time(xrefs_out: Path) -> None:
    calendar = calendars(xrefs_out)["sjoviks-kommun/kf/kalender.ics"]
    by_day = {str(e.decoded("DTSTART"))[:10]: e for e in calendar.walk("VEVENT")}
    meeting = by_day["2018-12-10"]
    assert meeting.decoded("DTSTART") == dt.datetime(2018, 12, 10, 18, 30)  # floating: wall-clock time
    assert str(meeting["SUMMARY"]) == "Kommunfullmäktige, sammanträde"
    assert str(meeting["DESCRIPTION"]) == "Kallelse: Kallelse till kommunfullmäktige 10 december 2018"
    whole_day = by_day["2018-11-28"]
    assert whole_day.decoded("DTSTART") == dt.date(2018, 11, 28)
    assert whole_day.decoded("DTEND") == dt.date(2018, 11, 29)
    assert (
        str(whole_day["DESCRIPTION"])
        == "§ 205 Genomförande handlingsplan Effekt, samla kommunens stödfunktioner"
    )
    assert whole_day.decoded("DTSTAMP") == dt.datetime(2018, 12, 4, tzinfo=dt.UTC)  # its anslag


def test_calendar_text_is_escaped_and_reads_back(xrefs_out: Path) -> None:
    raw = (xrefs_out / "sjoviks-kommun/ks/kalender.ics").read_bytes().decode("utf-8")
    assert "DESCRIPTION:§ 93 Senareläggning av uppdraget\\; stödfunktioner\\, HR och" in raw
    event = calendars(xrefs_out)["sjoviks-kommun/ks/kalender.ics"].walk("VEVENT")[-1]
    assert (
        str(event["DESCRIPTION"]) == "§ 93 Senareläggning av uppdraget; stödfunktioner, HR och kommunikation"
    )


def test_board_pages_link_their_calendar(xrefs_out: Path) -> None:
    html = page(xrefs_out, "sjoviks-kommun/kf/")
    assert 'href="webcal://www.sjovik.se/beslut/sjoviks-kommun/kf/kalender.ics"' in html
    assert '<a href="/beslut/sjoviks-kommun/kf/kalender.ics" type="text/calendar">' in html
