"""digest: equal values give equal digests in any process, however their parts are shared; others differ."""

from __future__ import annotations

import datetime as dt
import importlib.metadata
import os
import subprocess
import sys
from dataclasses import dataclass

import pytest

from generator.base.digest import digest, product_digest

SCRIPT = """
import datetime as dt
from generator.base.digest import digest
print(digest({"titel": "Budget", "datum": dt.date(2024, 3, 11)}, ("KS", 12), b"x").hex())
"""


@dataclass(frozen=True)
class Kind:
    key: str
    label: str


def test_equal_values_give_equal_digests_however_their_parts_are_shared() -> None:
    shared = "protokollsutdrag"
    one = Kind(shared, shared)
    two = Kind("".join(["protokolls", "utdrag"]), "".join(["protokolls", "utdrag"]))
    assert one.key is one.label and two.key is not two.label
    assert digest(one) == digest(two)


def test_any_difference_gives_another_digest() -> None:
    digests = {
        digest(Kind("a", "b")),
        digest(Kind("b", "a")),
        digest(("a", "b")),
        digest(Kind("a", "b"), dt.date(2024, 1, 1)),
        digest(Kind("a", "b"), dt.date(2024, 1, 2)),
    }
    assert len(digests) == 5


def test_the_digest_is_the_same_in_another_process_with_other_string_hashing() -> None:
    here = digest({"titel": "Budget", "datum": dt.date(2024, 3, 11)}, ("KS", 12), b"x").hex()
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        done = subprocess.run(
            [sys.executable, "-c", SCRIPT], capture_output=True, text=True, env=env, check=True
        )
        assert done.stdout.strip() == here


def test_another_version_of_a_library_a_page_is_rendered_with_gives_another_product_digest(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    before = product_digest.__wrapped__()
    real = importlib.metadata.version
    for library in ("pyphen", "jinja2", "markdown-it-py", "holidays"):
        with monkeypatch.context() as patch:
            patch.setattr(
                importlib.metadata, "version", lambda name, lib=library: "99" if name == lib else real(name)
            )
            assert product_digest.__wrapped__() != before, library
    assert product_digest.__wrapped__() == before
