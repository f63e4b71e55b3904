"""memo.Memo: what the preview remembers between rebuilds, and when it must forget."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

from generator.base.workers import Workers
from generator.load.memo import Memo


def test_a_value_is_computed_once_per_key() -> None:
    memo, calls = Memo(), []

    def compute(x: int) -> int:
        calls.append(x)
        return x * 2

    assert memo.get(("a", 1), compute, 1) == 2
    assert memo.get(("a", 1), compute, 1) == 2
    assert memo.get(("a", 2), compute, 2) == 4
    assert calls == [1, 2]
    assert (memo.hits, memo.misses) == (1, 2)


def test_a_disabled_memo_always_computes() -> None:
    memo, calls = Memo(enabled=False), []
    for _ in range(3):
        memo.get("k", calls.append, 1)
    assert calls == [1, 1, 1]


def test_other_rules_for_records_forget_everything() -> None:
    memo, calls = Memo(), []
    memo.start({"boards": ("KF", "KS")})
    memo.get("k", calls.append, 1)
    memo.start({"boards": ("KF", "KS")})
    memo.get("k", calls.append, 1)
    memo.start({"boards": ("KF", "KS", "BN")})
    memo.get("k", calls.append, 1)
    assert calls == [1, 1]


def test_what_the_last_build_did_not_use_is_dropped() -> None:
    memo, calls = Memo(), []
    memo.start("site")
    memo.get("old version", calls.append, "old")
    memo.start("site")
    memo.get("new version", calls.append, "new")
    memo.start("site")
    memo.get("old version", calls.append, "old")
    assert calls == ["old", "new", "old"]


def test_an_unchanged_file_is_not_read_again(tmp_path: Path) -> None:
    content = tmp_path / "content"
    (content / "ks").mkdir(parents=True)
    a, b = content / "ks" / "a.md", content / "ks" / "b.md"
    a.write_text("---\ntitel: A\n---\n", encoding="utf-8")
    b.write_text("---\ntitel: B\n---\n", encoding="utf-8")
    (content / "ks" / ".a.md.swp").write_text("x", encoding="utf-8")
    memo = Memo()

    first, _ = memo.read_sources(content, tmp_path)
    assert [s.rel for s in first] == ["content/ks/a.md", "content/ks/b.md"]
    assert memo.files_read == 2

    memo.start("site")
    b.write_text("---\ntitel: B2\n---\n", encoding="utf-8")
    second, _ = memo.read_sources(content, tmp_path)
    assert memo.files_read == 1
    assert second[0] is first[0] and second[1].text.endswith("B2\n---\n")

    memo.start("site")
    stat = a.stat()
    a.write_text("---\ntitel: Ä\n---\n", encoding="utf-8")  # same size, and the old mtime put back
    os.utime(a, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    memo.forget_file(a)  # what the watcher does for every path it saw change
    third, _ = memo.read_sources(content, tmp_path)
    assert memo.files_read == 1 and "titel: Ä" in third[0].text


@dataclass(frozen=True)
class Index:
    """Shaped like the link index: a frozen dataclass of mappings and plain values."""

    base_path: str
    titles: Mapping[str, str] = field(default_factory=dict)
    cases: Mapping[str, str] = field(default_factory=dict)


class Rec:
    """A record: its identity is all the memo looks at."""


def test_an_entry_is_made_again_only_when_what_it_looked_up_changed() -> None:
    memo, made = Memo(), []

    def make(record: Rec, mask: str, index: Index) -> str:
        made.append(record)
        return f"{index.base_path}:{index.titles.get('ks/93/')}:{'x' in index.cases}"

    rec = Rec()
    index = Index("/", {"ks/93/": "Budget", "ks/94/": "Taxa"}, {"y": "arenden/y/"})
    assert memo.entry(make, rec, "maskerat", index) == "/:Budget:False"

    elsewhere = replace(index, titles={**index.titles, "ks/94/": "Ny taxa"}, cases={"y": "z"})
    assert memo.entry(make, rec, "maskerat", elsewhere) == "/:Budget:False"
    assert len(made) == 1, "a title the record never looked up changed"

    assert memo.entry(make, rec, "maskerat", replace(index, cases={"x": "arenden/x/"})) == "/:Budget:True"
    assert memo.entry(make, rec, "maskerat", replace(index, titles={"ks/93/": "Budget 2"})).endswith(
        ":Budget 2:False"
    )
    assert memo.entry(make, rec, "maskerat", replace(index, base_path="/beslut/")).startswith("/beslut/")
    assert memo.entry(make, rec, "dolt", index) == "/:Budget:False"
    assert len(made) == 5
    assert memo.entry(make, Rec(), "dolt", index) == "/:Budget:False"
    assert len(made) == 6, "another record is another entry"


def test_a_changed_plain_value_of_the_index_makes_every_entry_again() -> None:
    """The index's plain values (its base path) are compared once per build for all records that were
    made with the same index, and a change makes each of them again."""
    memo, made = Memo(), []

    def make(record: Rec, mask: str, index: Index) -> str:
        made.append(record)
        return f"{index.base_path}:{index.titles.get('ks/93/')}"

    records = [Rec() for _ in range(3)]
    index = Index("/", {"ks/93/": "Budget"})
    memo.start(None)
    assert memo.texts(make, records, "m", index, Workers(1)) == ["/:Budget"] * 3
    memo.start(None)
    assert memo.texts(make, records, "m", replace(index), Workers(1)) == ["/:Budget"] * 3
    assert len(made) == 3, "an equal index made again"
    memo.start(None)
    moved = replace(index, base_path="/beslut/")
    assert memo.texts(make, records, "m", moved, Workers(1)) == ["/beslut/:Budget"] * 3
    assert len(made) == 6
    memo.start(None)
    assert memo.texts(make, records, "m", replace(moved), Workers(1)) == ["/beslut/:Budget"] * 3
    assert len(made) == 6


def test_an_entry_that_read_a_whole_mapping_depends_on_all_of_it() -> None:
    memo, made = Memo(), []

    def make(record: Rec, mask: str, index: Index) -> int:
        made.append(record)
        return len(index.titles)

    rec, index = Rec(), Index("/", {"a": "A"})
    memo.entry(make, rec, "m", index)
    memo.entry(make, rec, "m", replace(index, titles={"a": "A"}))
    memo.entry(make, rec, "m", replace(index, titles={"a": "A", "b": "B"}))
    assert len(made) == 2
