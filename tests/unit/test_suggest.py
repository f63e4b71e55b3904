"""Did-you-mean: the closest known word, ignoring case and å/ä/ö, or nothing when nothing is close."""

from __future__ import annotations

import pytest

from generator.base.suggest import ascii_fold, closest, did_you_mean

BOARDS = ["Kommunstyrelsen", "Kommunstyrelsens arbetsutskott", "KS", "KSAU"]


def test_ascii_fold_replaces_swedish_letters_and_accents() -> None:
    assert ascii_fold("Åsa Öberg, Ärlig café, Müller") == "Asa Oberg, Arlig cafe, Muller"


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("Kommunstyrelsens arbetsutskot", "Kommunstyrelsens arbetsutskott"),
        ("kommunstyrelsen", "Kommunstyrelsen"),
        ("ksau", "KSAU"),
        ("Kommunstyrelsn", "Kommunstyrelsen"),
    ],
)
def test_closest_finds_the_intended_board(word: str, expected: str) -> None:
    assert closest(word, BOARDS) == expected


def test_an_exact_match_ignoring_case_and_accents_wins_over_a_near_one() -> None:
    assert closest("namnd", ["nämnd", "namn"]) == "nämnd"


def test_nothing_is_suggested_when_nothing_is_close() -> None:
    assert closest("budget", BOARDS) is None


def test_the_first_of_equal_spellings_is_kept() -> None:
    assert closest("Nämnd", ["nämnd", "namnd"]) == "nämnd"


def test_did_you_mean_is_a_swedish_question() -> None:
    assert (
        did_you_mean("protokolsutdrag", ["protokollsutdrag", "protokoll"]) == 'menade du "protokollsutdrag"?'
    )


def test_did_you_mean_falls_back_when_nothing_is_close() -> None:
    assert did_you_mean("x", ["titel"], "se dokumentationen") == "se dokumentationen"
    assert did_you_mean("x", ["titel"]) == ""
