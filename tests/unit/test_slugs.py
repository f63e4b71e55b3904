"""URL parts: lower-case ASCII, å→a, ä→a, ö→o, words joined by '-', long titles cut at a word."""

from __future__ import annotations

import pytest

from generator.base.slugs import SLUG_RE, slugify


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("Budget 2024", "budget-2024"),
        ("Återrapportering", "aterrapportering"),
        ("Ärende om ändrad plan", "arende-om-andrad-plan"),
        ("Översyn av förskolor", "oversyn-av-forskolor"),
        ("ÅÄÖ åäö", "aao-aao"),
        ("Café Ångström", "cafe-angstrom"),
        ("KS-2021/1202.111", "ks-2021-1202-111"),
        ("  --Budget!--  ", "budget"),
        ("Effekt # 6.0 - Samla stödfunktioner", "effekt-6-0-samla-stodfunktioner"),
    ],
)
def test_slugify(text: str, slug: str) -> None:
    assert slugify(text) == slug


def test_a_text_without_letters_or_digits_still_gives_an_address_part() -> None:
    assert slugify("§ ?!") == "x"


def test_a_long_title_is_cut_at_a_word_boundary() -> None:
    title = "Uppdrag att utreda hur kansliet kan organiseras på bästa sätt inför mandatperioden"

    slug = slugify(title)

    assert slug == "uppdrag-att-utreda-hur-kansliet-kan-organiseras-pa-basta"
    assert len(slug) <= 60
    assert not slug.endswith("-")


def test_the_length_limit_may_be_chosen() -> None:
    assert slugify("Kommunstyrelsens arbetsutskott", 20) == "kommunstyrelsens"


def test_a_single_word_longer_than_the_limit_is_cut_inside_it() -> None:
    assert slugify("a" * 80, 60) == "a" * 60


def test_every_slug_is_a_valid_slug() -> None:
    for text in ("Budget 2024", "Översyn", "KS-2021/1202.111", "§", "a" * 80):
        assert SLUG_RE.match(slugify(text))


@pytest.mark.parametrize("bad", ["Budget 2024", "budget_2024", "-budget", "budget-", "budget--2024", "bäst"])
def test_slug_re_refuses_what_cannot_stand_in_an_address(bad: str) -> None:
    assert SLUG_RE.match(bad) is None
