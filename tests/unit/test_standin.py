"""standin: a value kept with one object of the build as a reference, read back with the build's object."""

from __future__ import annotations

import pickle
from dataclasses import dataclass

import pytest

from generator.base.standin import dumps, loads


@dataclass(frozen=True)
class Kept:
    number: int


def test_the_stand_in_reads_back_as_the_builds_own_object_wherever_it_was() -> None:
    record, other = Kept(1), Kept(2)
    value = loads(dumps(([record], {"här": record, "annan": other}), record), record)
    assert isinstance(value, tuple)
    assert value[0][0] is record and value[1]["här"] is record
    # Another object of the same type is kept whole, not as the reference.
    assert value[1]["annan"] == other and value[1]["annan"] is not other


def test_the_reference_is_small_whatever_the_stand_in_holds() -> None:
    big = Kept(10**4000)
    assert len(dumps((big, "text"), big)) < 200
    assert len(dumps((big, "text"), None)) > 1500


def test_a_value_with_a_reference_is_not_read_without_its_stand_in() -> None:
    record = Kept(1)
    with pytest.raises(pickle.UnpicklingError):
        loads(dumps([record], record), None)


def test_a_value_without_a_stand_in_is_a_plain_pickle() -> None:
    assert pickle.loads(dumps({"a": Kept(3)}, None)) == {"a": Kept(3)}
