"""The build cache forgets a value no build used for KEEP_DAYS days, and keeps every value a build used."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from generator.load.cache import BuildCache
from generator.load.cachefolder import DATABASE, KEEP_DAYS


def open_cache(root: Path) -> BuildCache:
    cache, problems = BuildCache.open(root, root.parent, writable=True)
    assert cache is not None, problems
    return cache


def used_days(root: Path) -> dict[bytes, int]:
    with sqlite3.connect(root / DATABASE) as db:
        return {bytes(key): used for key, used in db.execute("SELECT key, used FROM entry")}


def set_used(root: Path, key: bytes, day: int) -> None:
    with sqlite3.connect(root / DATABASE) as db:
        db.execute("UPDATE entry SET used = ? WHERE key = ?", (day, key))


def test_a_value_read_is_kept_and_one_left_unread_too_long_is_forgotten(tmp_path: Path) -> None:
    root = tmp_path / "cache"
    cache = open_cache(root)
    today = cache._today
    for key in (b"read-today", b"read-long-ago", b"unread", b"unread-long-ago"):
        cache.put(key, b"value of " + key)
    cache.close()
    long_ago = today - KEEP_DAYS - 3
    set_used(root, b"read-long-ago", long_ago)
    set_used(root, b"unread-long-ago", long_ago)
    set_used(root, b"unread", today - 2)

    cache = open_cache(root)
    assert cache.get(b"read-today") == b"value of read-today"
    assert cache.get(b"read-long-ago") == b"value of read-long-ago"
    cache.close()

    assert used_days(root) == {b"read-today": today, b"read-long-ago": today, b"unread": today - 2}


def test_values_read_again_on_the_same_day_are_not_written_again(tmp_path: Path) -> None:
    root = tmp_path / "cache"
    cache = open_cache(root)
    cache.put(b"key", b"value")
    today = cache._today
    cache.close()
    set_used(root, b"key", today - 1)

    first = open_cache(root)
    assert first.get(b"key") == b"value"
    assert first._used == {b"key"}  # noted as used today when this build closes
    first.close()
    second = open_cache(root)
    assert second.get(b"key") == b"value"
    assert second._used == set()  # already noted today: the close writes nothing for it
    second.close()
    assert used_days(root) == {b"key": today}


def test_a_builds_values_are_committed_together_when_it_closes(tmp_path: Path) -> None:
    # One transaction a build (``_write_new``): a build that dies before ``close`` leaves the cache as the
    # last build left it, and the values of a large build are not committed batch by batch.
    root = tmp_path / "cache"
    cache = open_cache(root)
    cache.put(b"earlier", b"value")
    cache.close()
    cache = open_cache(root)
    for number in range(1200):  # more than a batch: written to the database before the close
        cache.put(number.to_bytes(4, "big"), b"value %d" % number)
    assert cache.get((7).to_bytes(4, "big")) == b"value 7"  # the build reads back what it wrote
    assert set(used_days(root)) == {b"earlier"}  # another connection sees nothing of it yet
    cache.close()
    assert len(used_days(root)) == 1201
