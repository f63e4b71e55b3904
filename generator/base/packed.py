"""Long texts kept compressed in memory: a record's Markdown body, and its HTML and plain text.

At 100,000 records these three texts are about a gigabyte as Python strings, most of the model, and
every forked worker copies the ones it reads. Compressed with zlib (fastest level) they take about 40 %
of that, and 30 % with the plain text and the HTML packed together (``Rendered``); each is unpacked where
it is used: once to render the Markdown, once for the record's page, once for its open data and once for
the search index.

Each thread keeps one compressor for all its texts. A fresh one per text (``zlib.compress``) allocates
a quarter of a megabyte of state each time, and in the fragmented heap of a large build the C library
hands that out from memory far from the processor's caches: 39 µs a text at 10,000 records, 95 µs at
100,000. A kept compressor ends each text with a full flush, which empties its history: every text is
a raw deflate segment of its own, the same bytes whatever was packed before it (so the records'
pickles, which key the build cache, stay deterministic), readable by a fresh decompressor (whose
state is small). Each segment begins with the length of its text's UTF-8, which unpacking checks.
"""

from __future__ import annotations

import threading
import zlib

LEVEL = 1
"""zlib's fastest level: Swedish prose packs to about 42 % of its UTF-8 (level 6: 40 %, 40 % slower)."""
_RAW = -15
"""Raw deflate with zlib's largest window: no header or checksum per text (the cache checks its values)."""
_END = b"\x00\x00\xff\xff"
"""How every segment ends: the empty stored block of the full flush."""
_SIZE = 4
"""Bytes of the length that begins a packed text (little-endian)."""


def _compressor() -> zlib._Compress:
    return zlib.compressobj(LEVEL, zlib.DEFLATED, _RAW)


class _Packer(threading.local):
    """One compressor per thread (a text is packed in two calls: never interleaved with another's)."""

    def __init__(self) -> None:
        self.compressor = _compressor()


_packer = _Packer()


def pack(text: str) -> bytes:
    """Return ``text`` compressed."""
    data = text.encode("utf-8")
    compressor = _packer.compressor
    try:
        packed = compressor.compress(data) + compressor.flush(zlib.Z_FULL_FLUSH)
    except BaseException:  # stopped between its two calls, it would hold part of a text: not used again
        _packer.compressor = _compressor()
        raise
    return len(data).to_bytes(_SIZE, "little") + packed


def unpack(data: bytes) -> str:
    """Return the text ``data`` was packed from (raises when it does not give a text of its length)."""
    unpacker = zlib.decompressobj(_RAW)  # small, unlike a compressor's state, and as fast as a kept one
    text = unpacker.decompress(memoryview(data)[_SIZE:])
    size = int.from_bytes(data[:_SIZE], "little")
    if len(text) != size or not data.endswith(_END) or unpacker.unconsumed_tail or unpacker.eof:
        raise ValueError("inte en packad text")
    return text.decode("utf-8")
