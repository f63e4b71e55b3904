"""Finding personnummer and samordningsnummer in text, and nothing that merely looks like one."""

from __future__ import annotations

from datetime import date

import pytest

from generator.load.personnummer import PersonnummerHit, find_in_paths, find_personnummer, normalize

REFERENCE = date(2025, 6, 1)
"""The build date of every test, so that the century of a ten-digit number is fixed."""


def luhn(first_nine: str) -> str:
    """Return the nine digits with the Luhn check digit (weights 2, 1, 2, … from the left) appended."""
    total = sum(sum(divmod(int(digit) * (2 - i % 2), 10)) for i, digit in enumerate(first_nine))
    return first_nine + str(-total % 10)


def ten(first_nine: str, sign: str = "-") -> str:
    """Return a valid ten-digit number written ``YYMMDD<sign>NNNN``."""
    digits = luhn(first_nine)
    return f"{digits[:6]}{sign}{digits[6:]}"


def numbers(text: str) -> list[str]:
    """Return the normalized numbers found in a text."""
    return [hit.normalized for hit in find_personnummer(text, REFERENCE)]


@pytest.mark.parametrize(
    ("first_nine", "number"),
    [
        # Worked by hand: products 16 1 2 2 2 8 18 8 14, digit sums 7+1+2+2+2+8+9+8+5 = 44 → 6
        ("811218987", "8112189876"),
        # Skatteverket's test number: 2+2+2+2+2+2+2+2+2 = 18 → 2
        ("121212121", "1212121212"),
        # A samordningsnummer (day 63): 5+0+2+0+3+3+4+3+9 = 29 → 1
        ("701063239", "7010632391"),
        # Day 72: 5+0+2+0+5+2+4+3+9 = 30 → 0
        ("701072239", "7010722390"),
    ],
)
def test_the_luhn_helper_agrees_with_numbers_checked_by_hand(first_nine: str, number: str) -> None:
    assert luhn(first_nine) == number


@pytest.mark.parametrize(
    ("written", "normalized"),
    [
        ("811218-9876", "198112189876"),  # YYMMDD-NNNN
        ("8112189876", "198112189876"),  # YYMMDDNNNN
        ("811218+9876", "188112189876"),  # YYMMDD+NNNN: 100 years older
        ("19811218-9876", "198112189876"),  # YYYYMMDD-NNNN
        ("198112189876", "198112189876"),  # YYYYMMDDNNNN
        ("19121212-1212", "191212121212"),  # Skatteverket's test number
        ("121212-1212", "201212121212"),  # the same digits, written without the century: 2012
        ("121212+1212", "191212121212"),  # … and with "+": 1912
        ("1212121212", "201212121212"),
        ("701063-2391", "197010632391"),  # samordningsnummer, born 3 October 1970
        ("701072-2390", "197010722390"),  # samordningsnummer, born 12 October 1970
        ("19701072-2390", "197010722390"),
        (ten("010101123"), "20010101" + luhn("010101123")[6:]),  # a 2001 birth
        (ten("000229123"), "20000229" + luhn("000229123")[6:]),  # 2000 was a leap year
        ("811218–9876", "198112189876"),  # an en dash from a word processor
        ("811218\u20119876", "198112189876"),  # a non-breaking hyphen
    ],
)
def test_a_valid_number_is_found_in_every_form(written: str, normalized: str) -> None:
    text = f"Sökande: {written}, boende i Sjövik."
    assert find_personnummer(text, REFERENCE) == [
        PersonnummerHit(start=9, end=9 + len(written), text=written, normalized=normalized)
    ]


@pytest.mark.parametrize(
    ("written", "normalized"),
    [
        # The century is the one that makes the date the most recent day not after the build (1 June 2025).
        (ten("250601123"), "20250601" + luhn("250601123")[6:]),  # born on the build day
        (ten("250602123"), "19250602" + luhn("250602123")[6:]),  # tomorrow's date is a century back
        (ten("250602123", "+"), "18250602" + luhn("250602123")[6:]),  # and "+" adds another century
        (ten("991231123"), "19991231" + luhn("991231123")[6:]),
        ("19" + luhn("250602123"), "19250602" + luhn("250602123")[6:]),
    ],
)
def test_the_century_depends_only_on_the_reference_date(written: str, normalized: str) -> None:
    assert numbers(written) == [normalized]


@pytest.mark.parametrize(
    "text",
    [
        "811218-9876",  # the whole text
        "(811218-9876)",
        "pnr: 811218-9876",
        "pnr:811218-9876",
        "Personnummer 811218-9876.",  # the end of a sentence
        "811218-9876, 811218-9876",  # twice
        "_811218-9876_",  # Markdown emphasis
        "**8112189876**",
        "| Namn | 811218-9876 |",  # a table cell
        "Första raden\n811218-9876\nsista raden",
        "[länk](https://example.se/sok?pnr=8112189876)",
        "Född 811218-9876 och …",
        "”811218-9876”",
    ],
)
def test_honest_boundaries_do_not_hide_a_number(text: str) -> None:
    assert set(numbers(text)) == {"198112189876"}


def test_every_hit_is_reported_with_its_position() -> None:
    text = "Beslut om 811218-9876 och (701063-2391).\nSe även 19121212-1212."
    assert find_personnummer(text, REFERENCE) == [
        PersonnummerHit(10, 21, "811218-9876", "198112189876"),
        PersonnummerHit(27, 38, "701063-2391", "197010632391"),
        PersonnummerHit(49, 62, "19121212-1212", "191212121212"),
    ]
    assert [text[hit.start : hit.end] for hit in find_personnummer(text, REFERENCE)] == [
        "811218-9876",
        "701063-2391",
        "19121212-1212",
    ]


def test_a_samordningsnummer_is_told_apart() -> None:
    personnummer, samordningsnummer = find_personnummer("811218-9876 701072-2390", REFERENCE)
    assert not personnummer.is_samordningsnummer
    assert samordningsnummer.is_samordningsnummer


@pytest.mark.parametrize(
    ("text", "what"),
    [
        # Diarienummer
        ("KS-2021/1202.111", "diarienummer"),
        ("2018.303 KS", "diarienummer"),
        ("041-4239/2006", "diarienummer"),
        ("219-5028/2004", "diarienummer"),
        ("KS 2021/0012345678", "diarienummer with a ten-digit serial"),
        ("KS 2021/8112189876", "a valid number glued to a '/'"),
        ("KS-8112189876", "a valid number glued to a '-'"),
        ("Dnr 2021.811218-9876", "a valid number glued to a '.'"),
        ("8112189876/2021", "a valid number leading on to '/' and digits"),
        ("811218-9876-12", "a valid number leading on to '-' and digits"),
        ("811218-9876.1", "a valid number leading on to '.' and digits"),
        ("A8112189876", "a letter glued before"),
        ("ärende8112189876", "a Swedish letter glued before"),
        ("+8112189876", "a '+' glued before, as in a telephone number"),
        # Dates
        ("2021-06-09", "date"),
        ("20210609", "compact date"),
        ("sammanträdet 2021-06-09 § 12", "date and paragraf"),
        # Telephone numbers
        ("08-123 456 78", "telephone number"),
        ("070-123 45 67", "mobile number"),
        ("+46 8 123 456 78", "international telephone number"),
        ("+46701234567", "international mobile number"),
        ("0046 8 123 456 78", "international telephone number"),
        # Amounts, postal codes
        ("1 234 567 kr", "amount"),
        ("2 487 tkr", "amount in thousands"),
        ("12 345 678,50 kr", "amount with öre"),
        ("123 45 Sjövik", "postal code"),
        ("12345", "compact postal code"),
        # Wrong check digit
        ("811218-9875", "wrong check digit"),
        ("8112189877", "wrong check digit"),
        ("19811218-9870", "wrong check digit"),
        ("121212-1213", "wrong check digit"),
        # Longer digit runs
        ("18112189876", "a digit glued before"),
        ("81121898761", "a digit glued after"),
        ("811218-98761", "five digits after the dash"),
        ("1811218-9876", "seven digits before the dash"),
        ("8112189876123", "a 13-digit run"),
        ("198112189876123", "a 15-digit run"),
        ("SE45 5000 0000 0583 9825 7466", "IBAN in groups"),
        ("SE4550000000058398257466", "IBAN"),
        # Organisationsnummer: Luhn-valid, but the "month" is 20 or more
        ("212000-0142", "organisationsnummer of a kommun"),
        ("556036-0793", "organisationsnummer of a company"),
        # Impossible dates with a correct check digit
        ("991332-1239", "month 13"),
        (ten("810229123"), "29 February in a year that is not a leap year"),
        (ten("810431123"), "31 April"),
        (ten("810100123"), "day 0"),
        (ten("810160123"), "samordningsnummer day 60, i.e. day 0"),
        (ten("810192123"), "samordningsnummer day 92, i.e. day 32"),
        (ten("000229123", "+"), "29 February 1900, not a leap year"),
        ("19" + luhn("000229123"), "29 February 1900, with the century"),
        # Twelve digits that are not a personnummer
        ("17" + luhn("121212121"), "century 17"),
        ("81" + luhn("121212121"), "a century that is not one"),
        ("20" + luhn("250602123"), "born after the build date"),
    ],
)
def test_look_alikes_are_not_found(text: str, what: str) -> None:
    assert numbers(text) == [], what


def test_the_default_reference_is_today() -> None:
    assert [hit.normalized for hit in find_personnummer("811218-9876")] == ["198112189876"]


@pytest.mark.parametrize(
    ("written", "normalized"),
    [
        ("19121212-1212", "191212121212"),
        ("191212121212", "191212121212"),
        ("121212+1212", "191212121212"),
        ("121212-1212", "201212121212"),
        ("  811218-9876\n", "198112189876"),  # surrounding whitespace from YAML is ignored
        ("811218–9876", "198112189876"),
        ("701072-2390", "197010722390"),
        ("811218-9875", None),  # wrong check digit
        ("212000-0142", None),  # organisationsnummer
        ("811218 9876", None),  # a space is not a separator
        ("811218-9876 och mer", None),  # only a whole number
        ("pnr 811218-9876", None),
        ("", None),
    ],
)
def test_normalize_an_allowed_number(written: str, normalized: str | None) -> None:
    assert normalize(written, REFERENCE) == normalized


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("fil: ansokan-811218-9876.pdf", "811218-9876"),
        ('  - {titel: Ansökan, fil: "underlag/811218-9876-ansokan.pdf"}', "811218-9876"),
        ("bild: {fil: bilder/19811218-9876.jpg, alt: Karta}", "19811218-9876"),
        ("slug: sokande-8112189876", "8112189876"),
        ("Se [ansökan](filer/ansokan-8112189876.pdf).", "8112189876"),
        ("[länk](https://example.se/pnr/701063-2391)", "701063-2391"),
    ],
)
def test_a_number_in_a_file_name_or_link_target_is_found_even_after_a_dash(text: str, found: str) -> None:
    # These become addresses on the site, where "-" and "/" separate words.
    assert [hit.text for hit in find_in_paths(text, REFERENCE)] == [found]
    assert text[find_in_paths(text, REFERENCE)[0].start :].startswith(found)


@pytest.mark.parametrize(
    "text",
    [
        "fil: protokoll-2024-05-20.pdf",
        "fil: ks-2021-1202.111.pdf",
        "fil: ansokan-811218-9875.pdf",  # wrong check digit
        "fil: underlag/212000-1355.pdf",  # organisationsnummer
        "titel: Ansökan KS-8112189876",  # not a file name: the strict rule applies
    ],
)
def test_file_names_without_a_valid_number_are_left_alone(text: str) -> None:
    assert find_in_paths(text, REFERENCE) == []
