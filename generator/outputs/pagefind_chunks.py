"""Split the index chunks that Pagefind lets grow past their size, as Swedish text makes it do.

A search loads, from every bundle, the one index chunk (``.pf_index``) whose word range holds the word
searched for. Pagefind closes a chunk once the positions of its words reach the chunk size
(``search_bundles.CHUNK_SIZE``), but (up to at least 1.5.2) it counts only the positions of words written
without diacritics: a word with å, ä or ö is kept under its folded form ("förslag" under "forslag") as a
variant, and a variant's positions are not counted. So in Swedish a chunk runs on through every word with
å, ä or ö until enough words without them follow. Measured in a bundle of the 10,000-record benchmark
site (1,100 records): the chunk holding "förskola" ran from "fler" to "fram", 42.8 kB, for 2,613 counted
positions and 37,316 uncounted ones ("för", "förslag", "förvaltningen", ...); the word itself needs 1 kB.
Every first search for a word beside "för", "på", "är" or "år" loaded such a chunk from each bundle.

Here each chunk file larger than ``SPLIT_ABOVE`` is cut into pieces of at most ``PIECE`` bytes of words
(a word larger than that is a piece of its own), and the metadata lists the pieces in its place. The words
are Pagefind's own, byte for byte, in the same order; a word with all its variants and positions stays
in one piece. A piece ends only between two words that share at most ``SHARED`` leading letters, the
first not beginning the second, so that a word and the words it begins ("forskol", "forskoleplats")
stay in one piece: a search looks for the words that begin with what was typed in one chunk only.

The word ranges are those Pagefind's search (``request_indexes``) reads: the first piece begins where the
chunk began and the last ends where it ended; between two pieces, the first ends at its last word and the
next begins at the shortest beginning of its first word that comes after it. A search of more than
``SHARED`` letters finds the same pages with the same scores as in Pagefind's chunks; a word of at most
``SHARED`` letters that begins words on both sides of a piece's end ("för") is matched with the words of
its own piece only (tests/browser/test_search_chunks.py).

At 10,000 records (10 bundles) the first searches of bench/search_bench.py went from 228-655 kB to
225-288 kB ("förskola" 655 → 271 kB, "parkeringsnorm" 429 → 225 kB), the bundles' metadata from 65 to
69 kB; the split takes about 1.3 s of CPU.
"""

from __future__ import annotations

import functools
import gzip
import json
import re
from collections.abc import Mapping

from generator.base.jsontext import json_text
from generator.outputs.pagefind_bundle import (
    ENTRY,
    HEADER,
    cbor_head,
    decode_pagefind,
    meta_file,
    read_head,
    replace_meta,
)

SPLIT_ABOVE = 6_000
"""Bytes of a chunk file (gzip'd) above which it is split; Pagefind's chunks average about 4 kB."""
PIECE = 12_000
"""Bytes of CBOR per piece at most (a median piece is 3.9 kB gzip'd), unless one word is larger."""
SHARED = 4
"""Leading letters two words may share at most where one piece ends and the next begins."""


def split_chunks(files: Mapping[str, bytes]) -> dict[str, bytes]:
    """Return the bundle ``files`` with every index chunk above ``SPLIT_ABOVE`` bytes split into pieces.

    A bundle without such a chunk is returned as it was. Raises ``ValueError`` (or ``KeyError``) for files
    that are not as Pagefind 1.x writes them.
    """
    out = dict(files)
    entry = json.loads(out[ENTRY].decode("utf-8"))
    changed = False
    for language in entry["languages"].values():
        meta = decode_pagefind(out[meta_file(language["hash"])], meta_file(language["hash"]))
        chunks: list[list[str]] = []
        for chunk in meta[2]:
            path = f"index/{chunk[2]}.pf_index"
            if len(out[path]) <= SPLIT_ABOVE:
                chunks.append(chunk)
                continue
            pieces = _pieces(_words(out[path], path))
            if len(pieces) == 1:
                chunks.append(chunk)
                continue
            del out[path]
            for number, (start, end, data) in enumerate(_ranges(chunk[0], chunk[1], pieces)):
                name = f"{chunk[2]}-{number}"
                out[f"index/{name}.pf_index"] = data
                chunks.append([start, end, name])
        if len(chunks) == len(meta[2]):
            continue
        changed = True
        meta[2] = chunks
        language["hash"] = replace_meta(out, language["hash"], meta)
    if changed:
        out[ENTRY] = json_text(entry).encode("utf-8")
    return out


Word = tuple[str, bytes]
"""A word of the index (its folded form) and its whole CBOR item, as Pagefind wrote it."""


def _words(data: bytes, name: str) -> list[Word]:
    """Return the words of one chunk file, in order, each with its CBOR item."""
    raw = gzip.decompress(data)
    if not raw.startswith(HEADER):
        raise ValueError(f"{name} är ingen Pagefind-fil")
    outer, pos = _length(raw, len(HEADER), 4)
    count, pos = _length(raw, pos, 4)
    if outer != 1:
        raise ValueError(f"{name} har ett okänt format")
    words: list[Word] = []
    for _ in range(count):
        start = pos
        fields, pos = _length(raw, pos, 4)
        size, text = _length(raw, pos, 3)
        if fields != 3:
            raise ValueError(f"{name} har ett ord med ett okänt format")
        word = raw[text : text + size].decode("utf-8")
        pos = _skip_pages(raw, text + size, name)
        variants, pos = _length(raw, pos, 4)
        for _ in range(variants):
            parts, pos = _length(raw, pos, 4)
            size, text = _length(raw, pos, 3)
            if parts != 2:
                raise ValueError(f"{name} har en variant med ett okänt format")
            pos = _skip_pages(raw, text + size, name)
        words.append((word, raw[start:pos]))
    if pos != len(raw) or [w for w, _ in words] != sorted(w for w, _ in words):
        raise ValueError(f"{name} har ett okänt format")
    return words


def _length(raw: bytes, pos: int, major: int) -> tuple[int, int]:
    """Read the head of a CBOR item of type ``major`` at ``pos``; return its length and where it goes on."""
    found, length, pos = read_head(raw, pos)
    if found != major:
        raise ValueError(f"CBOR-typ {found} där {major} väntades")
    return length, pos


def _skip_pages(raw: bytes, pos: int, name: str) -> int:
    """Return the position after a word's (or a variant's) pages: ``[[page, [positions], [meta]], ...]``."""
    count, pos = _length(raw, pos, 4)
    pages = _pages(count).match(raw, pos)
    if pages is None:
        raise ValueError(f"{name} har en sida i ordlistan med ett okänt format")
    return pages.end()


_INTEGER = (
    rb"(?:[\x00-\x17\x20-\x37]|[\x18\x38][\x00-\xff]|[\x19\x39][\x00-\xff]{2}|[\x1a\x3a][\x00-\xff]{4})"
)
"""A CBOR integer of 32 bits at most (Pagefind's page numbers and positions)."""
_ARRAY = rb"(?:[\x80-\x97]|\x98[\x00-\xff]|\x99[\x00-\xff]{2}|\x9a[\x00-\xff]{4})"
_PAGE = rb"\x83" + _INTEGER + _ARRAY + _INTEGER + b"*" + _ARRAY + _INTEGER + b"*"
"""A page of a word: its number, then its positions and its meta positions, each an array of integers
(an array's integers end where the next array or page begins: no integer's first byte is an array's)."""


@functools.cache
def _pages(count: int) -> re.Pattern[bytes]:
    """Match ``count`` pages of a word."""
    return re.compile(b"(?:" + _PAGE + b"){%d}" % count)


def _pieces(words: list[Word]) -> list[list[Word]]:
    """Cut a chunk's words into runs of at most ``PIECE`` bytes, ending only where few letters are shared."""
    pieces: list[list[Word]] = [[]]
    size = 0
    for word, item in words:
        piece = pieces[-1]
        if piece and size + len(item) > PIECE and _may_part(piece[-1][0], word):
            pieces.append([])
            piece, size = pieces[-1], 0
        piece.append((word, item))
        size += len(item)
    return pieces


def _ranges(first: str, last: str, pieces: list[list[Word]]) -> list[tuple[str, str, bytes]]:
    """Return each piece's word range and file; together they cover ``first`` to ``last``."""
    out: list[tuple[str, str, bytes]] = []
    start = first
    for number, piece in enumerate(pieces):
        end = last if number == len(pieces) - 1 else piece[-1][0]
        body = cbor_head(4, 1) + cbor_head(4, len(piece)) + b"".join(item for _, item in piece)
        # Level 6: a third of level 9's time, files 1 % larger.
        out.append((start, end, gzip.compress(HEADER + body, compresslevel=6, mtime=0)))
        if number < len(pieces) - 1:
            following = pieces[number + 1][0][0]
            start = following[: _shared(end, following) + 1]
    return out


def _may_part(previous: str, word: str) -> bool:
    """Whether a piece may end between ``previous`` and ``word``: not inside a word's family."""
    return _shared(previous, word) <= SHARED and not word.startswith(previous)


def _shared(a: str, b: str) -> int:
    """Return how many leading letters ``a`` and ``b`` share."""
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n
