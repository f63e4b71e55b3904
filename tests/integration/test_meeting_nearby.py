"""A § page lists the §§ of its meeting around it, not all of a large meeting's (``pages.NEARBY``).

A meeting of 30 §§ on one day: the meeting's page lists all 30; each § page lists 21 of them, itself
among them, says how many of how many, and links to the meeting for the rest. A meeting of at most 21
§§ is listed whole on each of its pages, as before.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.pages.context import Item
from generator.pages.jobs import nearby
from tests.conftest import make_site, record_text
from tests.integration.sitecheck import assert_built, build_site, main_of, page

DAY = "2024-03-18"


def paragraphs(count: int, day: str = DAY) -> dict[str, str]:
    """Return ``count`` §§ of one meeting of Kommunstyrelsen (§ 1, § 2, …), each its own file."""
    return {
        f"content/ks/{day}-{n}.md": record_text(
            f"titel: Ärende nummer {n}",
            "typ: protokollsutdrag",
            f"datum: {day}",
            "nämnd: KS",
            f"paragraf: {n}",
        )
        for n in range(1, count + 1)
    }


def listed(out: Path, number: int, day: str = DAY) -> tuple[list[str], str]:
    """Return the §§ a § page lists of its meeting ("§ 4 …" each) and the part of the page that lists them."""
    main = main_of(page(out, f"sjoviks-kommun/ks/{day}/{number}-arende-nummer-{number}/"))
    part = main[main.index("Sammanträdets paragrafer") :]
    return re.findall(r"<li>(?:<a [^>]*>|<strong [^>]*>)§ (\d+) ", part), part


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("nearby")
    files = {**paragraphs(30), **paragraphs(21, "2024-04-15")}
    site = make_site(root / "site", files)
    result = build_site(site, root / "out", "2024-05-01", search=False)
    assert_built(result)
    return root / "out"


def test_the_meetings_page_lists_every_paragraph(out: Path) -> None:
    main = main_of(page(out, f"sjoviks-kommun/ks/{DAY}/"))
    assert re.findall(r'href="[^"]*/(\d+)-arende-nummer-\d+/"', main) == [str(n) for n in range(1, 31)]


def test_a_paragraph_in_the_middle_lists_ten_before_and_ten_after(out: Path) -> None:
    numbers, part = listed(out, 15)
    assert numbers == [str(n) for n in range(5, 26)]
    assert '<strong aria-current="page">§ 15 Ärende nummer 15</strong>' in part
    assert "21 av sammanträdets 30 paragrafer" in part
    assert f'<a href="/beslut/sjoviks-kommun/ks/{DAY}/">Alla 30 paragrafer i sammanträdet</a>' in part


@pytest.mark.parametrize(("number", "first"), [(1, 1), (3, 1), (28, 10), (30, 10)])
def test_near_the_ends_it_lists_more_on_the_other_side(out: Path, number: int, first: int) -> None:
    numbers, part = listed(out, number)
    assert numbers == [str(n) for n in range(first, first + 21)]
    assert f'aria-current="page">§ {number} ' in part


def test_a_meeting_of_at_most_21_is_listed_whole_without_a_note(out: Path) -> None:
    numbers, part = listed(out, 11, "2024-04-15")
    assert numbers == [str(n) for n in range(1, 22)]
    assert "av sammanträdets" not in part and "Alla 21 paragrafer" not in part


def items(count: int) -> list[Item]:
    return [
        Item(f"T{n}", f"§ {n} T{n}", f"/m/{n}/", "", None, "", "", str(n), "", "", "") for n in range(count)
    ]  # type: ignore[arg-type]


def test_nearby_is_the_list_itself_when_short_and_the_first_when_the_page_is_none_of_them() -> None:
    short = items(5)
    assert nearby(short, "/m/2/") is short
    many = items(40)
    assert [i.url for i in nearby(many, "/m/protokoll/", 4)] == ["/m/0/", "/m/1/", "/m/2/", "/m/3/"]
    assert [i.url for i in nearby(many, "/m/20/", 4)] == ["/m/18/", "/m/19/", "/m/20/", "/m/21/"]
