"""Long texts kept compressed in memory: a record's Markdown body, and its HTML and plain text.

At 100,000 records these three texts are about a gigabyte as Python strings, most of the model, and
every forked worker copies the ones it reads. Compressed with zlib (fastest level) they take about 40 %
of that, and 30 % with the plain text and the HTML packed together (``Rendered``); each is unpacked where
it is used: once to render the Markdown, once for the record's page, once for its open data and once for
the search index. The same text always packs to the same bytes
(one zlib, one level), so pickles of the records, which key the build cache, stay deterministic.
"""

from __future__ import annotations

import zlib

LEVEL = 1
"""zlib's fastest level: Swedish prose packs to about 42 % of its UTF-8 (level 6: 40 %, 40 % slower)."""


def pack(text: str) -> bytes:
    """Return ``text`` compressed."""
    return zlib.compress(text.encode("utf-8"), LEVEL)


def unpack(data: bytes) -> str:
    """Return the text ``data`` was packed from."""
    return zlib.decompress(data).decode("utf-8")
