"""fingerprint: equal inputs give equal digests, any change a different one, and unknowns none."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from markupsafe import Markup

from generator.model.site import Entry
from generator.preview.fingerprint import fingerprint


@dataclass(frozen=True)
class Item:
    title: str
    date: dt.date
    tags: tuple[str, ...] = ()


@dataclass(eq=False)
class Board:
    name: str
    parent: Board | None = None
    children: list[Board] = field(default_factory=list)


def test_equal_values_give_equal_digests() -> None:
    one = fingerprint("year.html", {"items": [Item("Budget", dt.date(2024, 3, 11), ("ekonomi",))]})
    two = fingerprint("year.html", {"items": [Item("Budget", dt.date(2024, 3, 11), ("ekonomi",))]})
    assert one is not None and one == two


def test_any_change_gives_another_digest() -> None:
    base = {"items": [Item("Budget", dt.date(2024, 3, 11))], "page": 1}
    digests = {
        fingerprint("year.html", base),
        fingerprint("month.html", base),
        fingerprint("year.html", {**base, "page": 2}),
        fingerprint("year.html", {"items": [Item("Budget!", dt.date(2024, 3, 11))], "page": 1}),
        fingerprint("year.html", {"items": [Item("Budget", dt.date(2024, 3, 12))], "page": 1}),
        fingerprint("year.html", {"items": [], "page": 1}),
    }
    assert len(digests) == 6 and None not in digests


def test_markup_is_not_text() -> None:
    assert fingerprint("x", Markup("<b>a</b>")) != fingerprint("x", "<b>a</b>")


def test_cycles_between_boards_are_fine() -> None:
    ks = Board("Kommunstyrelsen")
    ksau = Board("Arbetsutskottet", parent=ks)
    ks.children.append(ksau)
    renamed = Board("Kommunstyrelsen")
    renamed.children.append(Board("Arbetsutskottet 2", parent=renamed))
    assert fingerprint("board.html", ks) is not None
    assert fingerprint("board.html", ks) != fingerprint("board.html", renamed)


def test_an_entry_stands_for_itself() -> None:
    first, second = Entry.__new__(Entry), Entry.__new__(Entry)
    assert fingerprint("record.html", first) == fingerprint("record.html", first)
    assert fingerprint("record.html", first) != fingerprint("record.html", second)


def test_a_value_without_content_makes_no_digest() -> None:
    assert fingerprint("x", {"helper": lambda: 1}) is None
