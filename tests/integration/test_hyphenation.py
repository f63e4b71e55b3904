"""Soft hyphens are for a phone's narrow headings only: feeds, open data, titles and search never see them.

The demo site has long Swedish compounds in its headings ("kommunikationsprocess",
"stadsledningskontoret", "Tillgänglighetsredogörelse"); they get soft hyphens in the page's headings,
table cells and definition lists, and nowhere else.
"""

from __future__ import annotations

import gzip
import json
import re
from html.parser import HTMLParser
from pathlib import Path

from tests.integration.sitecheck import html_files, main_of, raw_page

SHY = "\u00ad"
HUDDINGE = "huddinge/ksau/2021-06-09/6-en-enhetlig-kommunikationsprocess-i-huddinge/"


class _Outside(HTMLParser):
    """Collects text a reader does not see in a heading: attribute values, <title>, scripts."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self._in: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found += [f"<{tag} {name}>: {value!r}" for name, value in attrs if value and SHY in value]
        if tag in ("title", "script", "style"):
            self._in.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if self._in and self._in[-1] == tag:
            self._in.pop()

    def handle_data(self, data: str) -> None:
        if self._in and SHY in data:
            self.found.append(f"<{self._in[-1]}>: {data[:80]!r}")


def test_headings_of_the_demo_have_soft_hyphens(demo_out: Path) -> None:
    """The long words of a record's heading and its summary list are hyphenated; short ones are not."""
    main = main_of(raw_page(demo_out, HUDDINGE))
    h1 = re.search(r"<h1[^>]*>(.*?)</h1>", main, re.S)
    assert h1 is not None
    assert f"kom{SHY}mu{SHY}ni{SHY}ka{SHY}tions{SHY}pro{SHY}cess" in h1[1]
    assert " Huddinge " in h1[1] and "kommuns" in h1[1]
    assert f"<dt>Orga{SHY}ni{SHY}sa{SHY}tion</dt>" in main
    # Running text wraps between words and is left as it is.
    assert "kommunikationsfunktionerna" in main


def test_no_soft_hyphen_in_titles_descriptions_attributes_or_scripts(demo_out: Path) -> None:
    """<title>, meta descriptions, JSON-LD and every attribute (Pagefind's metadata) are as written."""
    problems = []
    for file in html_files(demo_out):
        parser = _Outside()
        parser.feed(file.read_text(encoding="utf-8"))
        problems += [f"{file.relative_to(demo_out)}: {found}" for found in parser.found]
    assert not problems, "\n".join(problems[:20])


def test_no_soft_hyphen_in_feeds_calendars_open_data_or_sitemap(demo_out: Path) -> None:
    """Atom, iCalendar, JSON and the sitemap carry the text without soft hyphens."""
    files = [
        f
        for f in sorted(demo_out.rglob("*"))
        if f.suffix in (".xml", ".ics", ".json", ".txt") and f.is_file()
    ]
    assert any(f.suffix == ".xml" for f in files) and any(f.suffix == ".json" for f in files)
    with_shy = [f.relative_to(demo_out).as_posix() for f in files if SHY in f.read_text(encoding="utf-8")]
    assert with_shy == []
    data = json.loads((demo_out / "data" / (HUDDINGE.rstrip("/") + ".json")).read_text(encoding="utf-8"))
    assert "kommunikationsprocess" in data["name"]


def test_no_soft_hyphen_in_the_text_search_stored(demo_out: Path) -> None:
    """Pagefind's fragments (a page's title, text and anchors, shown in results) have no soft hyphen."""
    fragments = sorted((demo_out / "pagefind" / "fragment").glob("*.pf_fragment"))
    texts = [gzip.decompress(f.read_bytes()).decode("utf-8") for f in fragments]
    assert any("kommunikationsprocess" in t for t in texts)
    assert not [t[:200] for t in texts if SHY in t or "\\u00ad" in t.lower()]
