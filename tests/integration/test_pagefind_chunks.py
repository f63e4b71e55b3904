"""Index chunks split where Pagefind lets them grow (generator/outputs/pagefind_chunks.py), on what it writes.

The records are Swedish text as municipal decisions have it (tests/integration/swedishindex.py), indexed
by Pagefind itself. tests/browser/test_search_chunks.py searches the split bundle in Chromium.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from functools import cache
from itertools import pairwise
from typing import Any

from generator.outputs.pagefind_bundle import ENTRY, decode_pagefind
from generator.outputs.pagefind_chunks import SHARED, SPLIT_ABOVE, split_chunks
from generator.outputs.search_bundles import CHUNK_SIZE
from tests.integration.swedishindex import index, records


@cache
def archive() -> tuple[dict[str, bytes], dict[str, bytes]]:
    """A year's bundle of 600 records, as Pagefind writes it and split."""
    raw = index(records(600, 250))
    return raw, split_chunks(raw)


def meta(files: Mapping[str, bytes]) -> list[Any]:
    (language,) = json.loads(files[ENTRY])["languages"].values()
    return decode_pagefind(files[f"pagefind.{language['hash']}.pf_meta"])  # type: ignore[no-any-return]


def words(files: Mapping[str, bytes], name: str) -> list[list[Any]]:
    return decode_pagefind(files[f"index/{name}.pf_index"])[0]  # type: ignore[no-any-return]


def chunk_for(chunks: list[list[str]], word: str) -> str | None:
    """The chunk Pagefind's search loads for ``word`` (the first whose range holds it), as request_indexes."""
    return next((name for first, last, name in chunks if first <= word <= last), None)


def positions(word: list[Any]) -> tuple[int, int]:
    """A word's positions in pages written without diacritics, and in its variants (å, ä, ö)."""
    plain = sum(len(page[1]) + len(page[2]) + 1 for page in word[1])
    variants = sum(len(page[1]) + len(page[2]) + 1 for variant in word[2] for page in variant[1])
    return plain, variants


def test_pagefind_does_not_count_the_words_with_swedish_letters_and_their_chunk_grows() -> None:
    """Why the split exists: if this starts failing, Pagefind counts variants and the module can go."""
    raw, _ = archive()
    name = chunk_for(meta(raw)[2], "forskol")
    assert name is not None
    held = words(raw, name)
    # Pagefind closes a chunk after the word that brings its counted positions to CHUNK_SIZE.
    counted = sum(positions(w)[0] for w in held[:-1])
    uncounted = sum(positions(w)[1] for w in held)
    assert counted < CHUNK_SIZE and uncounted > 20 * CHUNK_SIZE, (counted, uncounted)
    assert len(raw[f"index/{name}.pf_index"]) > 2 * SPLIT_ABOVE
    assert {"for", "forslag", "forskol"} <= {w[0] for w in held}


def test_a_search_for_a_rare_word_beside_common_ones_loads_a_small_piece() -> None:
    raw, split = archive()
    before = chunk_for(meta(raw)[2], "forskol")
    after = chunk_for(meta(split)[2], "forskol")
    assert before is not None and after is not None
    loaded_before, loaded_after = len(raw[f"index/{before}.pf_index"]), len(split[f"index/{after}.pf_index"])
    assert 4 * loaded_after < loaded_before
    held = [w[0] for w in words(split, after)]
    assert "forskol" in held and "forskoleplats" in held, "a word and the words it begins stay together"
    assert "for" not in held and "forslag" not in held


def test_the_pieces_hold_pagefinds_words_in_the_same_order() -> None:
    raw, split = archive()
    before, after = meta(raw), meta(split)
    assert len(after[2]) > len(before[2])
    assert [before[i] for i in (0, 1, 3, 4)] == [after[i] for i in (0, 1, 3, 4)], "pages, filters, sorts"
    in_order = [w for _, _, name in before[2] for w in words(raw, name)]
    assert [w for _, _, name in after[2] for w in words(split, name)] == in_order
    kept = {c[2] for c in before[2]} & {c[2] for c in after[2]}
    assert all(split[f"index/{n}.pf_index"] == raw[f"index/{n}.pf_index"] for n in kept)
    listed = {f"index/{c[2]}.pf_index" for c in after[2]}
    assert {p for p in split if p.startswith("index/")} == listed, "no chunk file left over or missing"


def test_every_word_is_looked_up_where_it_was_found_before_or_better() -> None:
    """Each word a search looked up in the chunk holding it is looked up in the piece holding it, and so
    is every word of a piece but the last of its chunk (which ends where Pagefind ended the chunk: its
    ranges leave out the last words of many chunks, and its search then tries the chunks around)."""
    raw, split = archive()
    before, after = meta(raw)[2], meta(split)[2]
    holder_before = {w[0]: name for _, _, name in before for w in words(raw, name)}
    holder_after = {w[0]: name for _, _, name in after for w in words(split, name)}
    assert holder_before.keys() == holder_after.keys()
    for word in holder_before:
        if chunk_for(before, word) == holder_before[word]:
            assert chunk_for(after, word) == holder_after[word], word
    pieces = [name for _, _, name in after if "-" in name]
    last = {name.rsplit("-", 1)[0]: name for name in pieces}
    inside = [w[0] for name in pieces if name not in last.values() for w in words(split, name)]
    assert len(last) > 1 and len(inside) > 20
    assert [word for word in inside if chunk_for(after, word) != holder_after[word]] == []


def test_a_piece_ends_only_between_words_that_share_few_letters() -> None:
    """A search looks for the words that begin with what was typed in one chunk: a word and the words it
    begins ("forskol", "forskolan", "forskoleplats") are never parted by the split."""
    _, split = archive()
    chunks = meta(split)[2]
    ends = [
        (words(split, a)[-1][0], words(split, b)[0][0])
        for (_, _, a), (_, _, b) in pairwise(chunks)
        if "-" in b and b.split("-")[0] == a.split("-")[0]
    ]
    assert len(ends) > 5
    assert all(shared(a, b) <= SHARED for a, b in ends), ends
    assert not any(b.startswith(a) for a, b in ends)


def shared(a: str, b: str) -> int:
    return next((n for n, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))


def test_a_bundle_without_a_large_chunk_is_left_as_pagefind_wrote_it() -> None:
    raw = index(records(40, 60))
    assert split_chunks(raw) == raw
