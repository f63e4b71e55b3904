"""The importer's text rules, one at a time: dates, page furniture, and what exports break."""

from __future__ import annotations

import datetime as dt

import pytest

from generator.importer.blocks import render, to_blocks
from generator.importer.dates import parse_date, parse_date_time
from generator.importer.furniture import drop_furniture, is_furniture
from generator.importer.source import text_document


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("2018-11-28", dt.date(2018, 11, 28)),
        ("9 juni 2021", dt.date(2021, 6, 9)),
        ("24-01-10", dt.date(2024, 1, 10)),
        ("2024-02-30", None),
        ("KS-2021/1202", None),
    ],
)
def test_dates_as_clerks_write_them(text: str, day: dt.date | None) -> None:
    assert parse_date(text) == day


def test_a_news_items_time_is_kept() -> None:
    assert parse_date_time("2015-08-28 07.52") == (dt.date(2015, 8, 28), dt.time(7, 52))


@pytest.mark.parametrize(
    "line",
    [
        "Justerandes sign",
        "\tJusterandes sign\tJusterandes sign\tUtdragsbestyrkande",
        "--\t------",
        "Sida 2 av 5",
        "2 (5)",
        "- 3 -",
    ],
)
def test_page_furniture(line: str) -> None:
    assert is_furniture(line)


@pytest.mark.parametrize("line", ["Justerandes sign saknas i protokollet.", "2018.303 KS", "§ 6"])
def test_content_is_not_furniture(line: str) -> None:
    assert not is_furniture(line)


def _markdown(text: str) -> str:
    return render(to_blocks(drop_furniture(text_document(text).lines).lines))


def test_a_header_block_repeated_on_the_next_page_is_dropped_once_kept_first() -> None:
    page = "Kommunstyrelsen\n\n9 juni 2021\n\n§ 6\n\n"
    text = page + "Titel\n\nText ett.\n\n" + page + "Text två.\n"
    assert _markdown(text) == "Kommunstyrelsen\n\n9 juni 2021\n\n§ 6\n\nTitel\n\nText ett.\n\nText två.\n"


def test_a_repeated_sentence_is_content() -> None:
    sentence = "Förslaget har utarbetats av stadsdirektören.\n\n"
    text = "Titel\n\n" + sentence + sentence
    assert _markdown(text).count("utarbetats") == 2


def test_a_word_hyphenated_over_a_line_break_is_mended_but_not_a_compound() -> None:
    assert _markdown("kommunstyrelsens upp-  \nsiktspflicht och kompetens-  \noch karriärsutveckling\n") == (
        "kommunstyrelsens uppsiktspflicht och kompetens-  \noch karriärsutveckling\n"
    )


def test_a_paragraph_cut_by_a_page_break_is_joined() -> None:
    text = "Det är först när man i uppföljningen ser kvaliteten och\n\ndet verksamhetsmässiga resultatet.\n"
    assert (
        _markdown(text)
        == "Det är först när man i uppföljningen ser kvaliteten och det verksamhetsmässiga resultatet.\n"
    )


def test_a_heading_glued_to_the_text_before_it_is_split() -> None:
    assert _markdown("Genomförande av planen**Ärendebeskrivning**\n\nText.\n") == (
        "Genomförande av planen\n\n## Ärendebeskrivning\n\nText.\n"
    )


def test_a_table_printed_column_by_column_is_paired_again() -> None:
    text = "Justeras:\n\nJusteras:\n\nAnna Ek  \nOrdförande\n\nBo Ek  \nSekreterare\n"
    assert _markdown(text) == "Justeras:  \nAnna Ek  \nOrdförande\n\nJusteras:  \nBo Ek  \nSekreterare\n"


def test_bullets_become_a_list() -> None:
    assert _markdown("Följande:\n\n  • Ett\n  • Två\n") == "Följande:\n\n- Ett\n- Två\n"
