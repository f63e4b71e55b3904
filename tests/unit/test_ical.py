"""iCalendar text as a real build writes it: escaping (RFC 5545 3.3.11) and folding at 75 octets (3.1).

The writer is the icalendar package; these tests hold what it writes for us to the RFC with expected text
worked out by hand, and read it back with icalendar.
"""

from __future__ import annotations

import datetime as dt

import icalendar
import pytest

from generator.build import BuildOptions, build
from tests.conftest import make_site, record_text

TITLES = [
    ("Budget; ramar, mål", "Budget\\; ramar\\, mål"),
    ("Sökväg C:\\temp", "Sökväg C:\\\\temp"),
    ("Kl. 18:30", "Kl. 18:30"),
    ("a" * 200, "a" * 200),
    ("å" * 200, "å" * 200),
    ("€" * 100, "€" * 100),
    ("x" + "ä" * 150, "x" + "ä" * 150),
    ("🙂" * 60, "🙂" * 60),
]
"""Each title (as written in front matter) and how it must appear, escaped, in the DESCRIPTION."""


def _yaml_string(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"  # single quotes: a backslash is just a backslash


@pytest.fixture(scope="module")
def calendar_bytes(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    """The Kommunstyrelsen calendar of a site with one meeting whose §§ carry the awkward titles."""
    root = tmp_path_factory.mktemp("ical")
    files = {
        f"content/ks/2024-03-11-{number}.md": record_text(
            f"titel: {_yaml_string(title)}",
            "typ: protokollsutdrag",
            "datum: 2024-03-11",
            "nämnd: KS",
            f"paragraf: {number}",
        )
        for number, (title, _) in enumerate(TITLES, start=1)
    }
    site = make_site(root / "site", files)
    result = build(BuildOptions(site, out=root / "out", build_date=dt.date(2024, 4, 1), search=False))
    assert result.ok, [d.format() for d in result.diagnostics]
    return (root / "out/sjoviks-kommun/ks/kalender.ics").read_bytes()


def _unfold(raw: bytes) -> list[str]:
    """The content lines of an iCalendar stream: CRLF followed by a space joins a line to the one before."""
    return raw.decode("utf-8").replace("\r\n ", "").split("\r\n")


def test_text_is_escaped(calendar_bytes: bytes) -> None:
    description = next(line for line in _unfold(calendar_bytes) if line.startswith("DESCRIPTION:"))
    # One § a line: the newline between them is written \n.
    expected = "\\n".join(f"§ {n} {escaped}" for n, (_, escaped) in enumerate(TITLES, start=1))
    assert description == "DESCRIPTION:" + expected


def test_lines_are_folded_within_75_octets_and_never_inside_a_character(calendar_bytes: bytes) -> None:
    assert calendar_bytes.endswith(b"\r\n")
    lines = calendar_bytes.split(b"\r\n")[:-1]
    assert b"\n" not in calendar_bytes.replace(b"\r\n", b"")
    assert all(len(line) <= 75 for line in lines)
    for line in lines:
        line.decode("utf-8")  # a character split across two lines would not decode on its own
    folded = [i for i, line in enumerate(lines) if line.startswith(b" ")]
    assert len(folded) > 20  # the long titles were folded many times
    # A line is folded only when it is (nearly) full: no 4-octet character would fit on it any more.
    assert all(len(lines[i - 1]) >= 71 for i in folded)


def test_icalendar_reads_back_what_we_write(calendar_bytes: bytes) -> None:
    event = icalendar.Calendar.from_ical(calendar_bytes).walk("VEVENT")[0]
    assert str(event["DESCRIPTION"]) == "\n".join(
        f"§ {n} {title}" for n, (title, _) in enumerate(TITLES, start=1)
    )
    assert event.decoded("DTSTART") == dt.date(2024, 3, 11)
