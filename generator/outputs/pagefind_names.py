"""Short names for a bundle's pages and index chunks, numbered in date order: a smaller metadata file.

Every first search loads the metadata file (``.pf_meta``) of every bundle. Pagefind lists in it each page
as the name of its fragment (``sv_3f9a2c1``, a hash of its content) with its word count, each index chunk
with the name of its file, and each sort as the list of every page in sorted order. At 10,000 records in
10 bundles that is 125 kB; the hashes, which gzip cannot shrink, and the ``datum`` sort (a list of every
page) are more than half of it.

Here a page is named ``<tag>-<rank>``, its rank by date in base 36 (the oldest page is ``<tag>-0``; pages
without a date come after the dated ones), and the ``datum`` sort is left out: the search page orders
a bundle's results newest first by the rank in their names (``result.id``, see ``static/search.js``).
Index chunks are named ``<tag>-<n>`` in the order Pagefind lists them. ``tag`` is a hash of all the
bundle's files as Pagefind wrote them, so that no name is reused for other content: a browser that kept
an older fragment or chunk under a name never takes it for the new one. The files' content is
Pagefind's own; only their names and the metadata that lists them change (the same 10,000 records: 68 kB).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping

from generator.base.jsontext import json_text
from generator.outputs.pagefind_bundle import ENTRY, decode_pagefind, meta_file, replace_meta

TAG = 6
"""Hex digits of the bundle's hash in each name."""
DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz"


def shorten_names(files: Mapping[str, bytes], sort: str) -> dict[str, bytes]:
    """Return the bundle ``files`` with short names for pages and chunks, and without the sort ``sort``.

    Raises ``ValueError`` (or ``KeyError``) for a bundle whose files are not as Pagefind 1.x writes them,
    or that holds more than one language (they would share the fragment names).
    """
    out = dict(files)
    entry = json.loads(out[ENTRY].decode("utf-8"))
    if len(entry["languages"]) != 1:
        raise ValueError("en bunt med flera språk")
    digest = hashlib.sha256()
    for path in sorted(out):
        digest.update(path.encode("utf-8") + b"\0" + hashlib.sha256(out[path]).digest())
    tag = digest.hexdigest()[:TAG]
    (language,) = entry["languages"].values()
    meta = decode_pagefind(out[meta_file(language["hash"])], meta_file(language["hash"]))
    pages, chunks, sorts = meta[1], meta[2], meta[4]
    dated: list[int] = next((order for name, order in sorts if name == sort), [])
    order = [*dated, *sorted(set(range(len(pages))) - set(dated))]
    if sorted(order) != list(range(len(pages))):
        raise ValueError(f"sorteringen {sort} är ingen ordning av sidorna")
    # Two pages of the same content share a fragment in Pagefind's names: here each gets its own.
    old = {
        *(f"fragment/{page[0]}.pf_fragment" for page in pages),
        *(f"index/{c[2]}.pf_index" for c in chunks),
    }
    renamed: dict[str, bytes] = {}
    for rank, number in enumerate(order):
        page = pages[number]
        page[0] = _rename(out, renamed, "fragment", page[0], f"{tag}-{base36(rank)}", ".pf_fragment")
    for number, chunk in enumerate(chunks):
        chunk[2] = _rename(out, renamed, "index", chunk[2], f"{tag}-{base36(number)}", ".pf_index")
    for path in old:
        del out[path]
    out.update(renamed)
    meta[4] = [item for item in sorts if item[0] != sort]
    language["hash"] = replace_meta(out, language["hash"], meta)
    out[ENTRY] = json_text(entry).encode("utf-8")
    return out


def _rename(
    files: Mapping[str, bytes], renamed: dict[str, bytes], folder: str, old: str, new: str, suffix: str
) -> str:
    renamed[f"{folder}/{new}{suffix}"] = files[f"{folder}/{old}{suffix}"]
    return new


def base36(number: int) -> str:
    """Return ``number`` (0 or more) in base 36, lower case."""
    text = ""
    while True:
        number, digit = divmod(number, 36)
        text = DIGITS[digit] + text
        if not number:
            return text
