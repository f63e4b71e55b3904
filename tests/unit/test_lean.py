"""lean: records pickled for the cache and for digests read back equal, and their texts stay single."""

from __future__ import annotations

import pickle
import sys
from dataclasses import dataclass

from generator.base.digest import digest
from generator.base.lean import TABLE, lean
from generator.base.standin import dumps, loads


@lean
@dataclass(frozen=True)
class Text:
    title: str
    body: str
    lines: tuple[int, ...]


def fresh(text: str) -> str:
    return "".join(list(text))  # a new string object, never pickled


def test_a_lean_value_reads_back_equal() -> None:
    value = Text("Budget", fresh("Förslag till beslut om ökad trygghet. " * 40), (3, 4))
    assert loads(dumps(value, None), None) == value
    assert pickle.loads(dumps([value, value], None)) == [value, value]


def test_pickling_leaves_no_copy_of_a_long_text_in_memory() -> None:
    body = fresh("Åtgärder för ökad trygghet i Östra hamnen. " * 100)
    size = sys.getsizeof(body)
    dumps(Text("Budget", body, ()), None)
    digest(Text("Budget", body, ()))
    assert sys.getsizeof(body) == size
    pickle.dumps(body)  # what a plain pickle does: Python keeps the UTF-8 copy beside the text
    assert sys.getsizeof(body) > size + len(body)


def test_the_digest_of_a_lean_value_follows_its_content() -> None:
    body = "Förslag till beslut. " * 10
    assert digest(Text("a", body, ())) == digest(Text("a", fresh(body), ()))
    assert digest(Text("a", body, ())) != digest(Text("a", body + ".", ()))
    assert Text in TABLE
