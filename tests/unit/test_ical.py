"""iCalendar text: escaping (RFC 5545 3.3.11) and folding at 75 octets (3.1), checked with icalendar."""

from __future__ import annotations

import icalendar
import pytest

from generator.outputs.ical import escape_text, fold


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Budget; ramar, mål", "Budget\\; ramar\\, mål"),
        ("C:\\temp", "C:\\\\temp"),
        ("rad ett\nrad två\r\nrad tre", "rad ett\\nrad två\\nrad tre"),
        ("Kl. 18:30", "Kl. 18:30"),
    ],
)
def test_escape_text(value: str, expected: str) -> None:
    assert escape_text(value) == expected


@pytest.mark.parametrize("text", ["a" * 200, "å" * 200, "€" * 100, "x" + "ä" * 150, "🙂" * 60, "kort"])
def test_fold_keeps_lines_within_75_octets_and_never_splits_a_character(text: str) -> None:
    folded = fold("DESCRIPTION:" + text)
    lines = folded.split("\r\n")
    assert all(len(line.encode("utf-8")) <= 75 for line in lines)
    assert all(line.startswith(" ") for line in lines[1:])
    assert "".join(line[1:] if i else line for i, line in enumerate(lines)) == "DESCRIPTION:" + text
    assert all(len(line.encode("utf-8")) >= 72 for line in lines[:-1])


def test_icalendar_reads_back_what_we_write() -> None:
    summary = "Kommunfullmäktige; budget, taxor och\növrigt \\ " + "långt " * 30
    text = "\r\n".join(
        [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//test//test//SV",
            "BEGIN:VEVENT",
            "UID:x@example.se",
            "DTSTAMP:20240101T000000Z",
            "DTSTART;VALUE=DATE:20240101",
            fold("SUMMARY:" + escape_text(summary)),
            "END:VEVENT",
            "END:VCALENDAR",
            "",
        ]
    )
    event = icalendar.Calendar.from_ical(text.encode("utf-8")).walk("VEVENT")[0]
    assert str(event["SUMMARY"]) == summary
