"""digest: equal values give equal digests in any process, however their parts are shared; others differ."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from dataclasses import dataclass

from generator.base.digest import digest

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
