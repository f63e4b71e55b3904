"""Make a Pagefind bundle byte-reproducible: the same records give the same files.

Pagefind (up to at least 1.5) writes each filter's values in the order of a Rust ``HashMap``, which is
seeded at random per run; so the filter files, their names, the metadata file that lists them and
``pagefind-entry.json`` differ from build to build although the index means the same (Pagefind issue
#638: fragments became stable in 1.3, "other files will still change, such as the filter/metadata
indexes"). Here the filter values and the filter list are sorted, and the files renamed after a hash of
their new content. The search reads them exactly as before: a value's pages do not change.

The files are gzip'd ``pagefind_dcd`` + CBOR; only the few CBOR types Pagefind writes are handled, and
a file that does not decode and encode back to its own bytes is refused.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import struct
from collections.abc import Mapping
from typing import Any

from generator.base.jsontext import json_text

HEADER = b"pagefind_dcd"
ENTRY = "pagefind-entry.json"


def make_reproducible(files: Mapping[str, bytes]) -> dict[str, bytes]:
    """Return the bundle ``files`` (path → bytes) with every filter sorted and renamed after its content.

    Raises ``ValueError`` (or ``KeyError``) for a bundle whose files are not as Pagefind 1.x writes them.
    """
    out = dict(files)
    entry = json.loads(out[ENTRY].decode("utf-8"))
    for language in entry["languages"].values():
        language["hash"] = _sort_language(out, language["hash"])
    out[ENTRY] = json_text(entry).encode("utf-8")
    return out


def _sort_language(files: dict[str, bytes], meta_hash: str) -> str:
    """Sort one language's filters in ``files``; return the new name of its metadata file."""
    prefix = meta_hash.split("_", 1)[0]
    meta = decode_pagefind(files[meta_file(meta_hash)], meta_file(meta_hash))
    filters: list[list[Any]] = meta[3]
    old_files = [f"filter/{item[1]}.pf_filter" for item in filters]
    written: dict[str, bytes] = {}
    for item, old in zip(filters, old_files, strict=True):
        name, values = decode_pagefind(files[old], old)
        data = pack_pagefind([name, sorted(values, key=lambda v: v[0])])
        item[1] = _unique_name(prefix, data, 7, written)
        written[item[1]] = data
    filters.sort(key=lambda item: item[0])
    for old in old_files:
        del files[old]
    for name, data in written.items():
        files[f"filter/{name}.pf_filter"] = data
    return replace_meta(files, meta_hash, meta)


def meta_file(language_hash: str) -> str:
    """Return the path of a language's metadata file in a bundle (``pagefind-entry.json`` names its hash)."""
    return f"pagefind.{language_hash}.pf_meta"


def replace_meta(files: dict[str, bytes], language_hash: str, meta: Any) -> str:
    """Put ``meta`` in ``files`` in place of the metadata file of ``language_hash``, named after its content
    (so that no browser takes an older file for it); return the new hash for ``pagefind-entry.json``."""
    data = pack_pagefind(meta)
    new_hash = f"{language_hash.split('_', 1)[0]}_{hashlib.sha256(data).hexdigest()[:10]}"
    files.pop(meta_file(language_hash), None)
    files[meta_file(new_hash)] = data
    return new_hash


def _unique_name(prefix: str, data: bytes, length: int, taken: dict[str, bytes]) -> str:
    digest = hashlib.sha256(data).hexdigest()
    while f"{prefix}_{digest[:length]}" in taken:
        length += 1
    return f"{prefix}_{digest[:length]}"


def decode_pagefind(data: bytes, name: str = "filen") -> Any:
    """Return the CBOR value of one of Pagefind's index files (``.pf_meta``, ``.pf_filter``)."""
    raw = gzip.decompress(data)
    if not raw.startswith(HEADER):
        raise ValueError(f"{name} är ingen Pagefind-fil")
    value, end = _decode(raw, len(HEADER))
    if end != len(raw) or HEADER + _encode(value) != raw:
        raise ValueError(f"{name} har ett okänt format")
    return value


def pack_pagefind(value: Any) -> bytes:
    """Return ``value`` as one of Pagefind's index files: gzip'd ``pagefind_dcd`` + CBOR."""
    # mtime=0: the gzip header would otherwise carry the time of the build.
    return gzip.compress(HEADER + _encode(value), compresslevel=9, mtime=0)


def _decode(data: bytes, pos: int) -> tuple[Any, int]:
    """Decode one CBOR item (integers, text, arrays) at ``pos``; return it and the position after it."""
    major, n, pos = read_head(data, pos)
    if major == 0:
        return n, pos
    if major == 1:
        return -1 - n, pos
    if major == 3:
        return data[pos : pos + n].decode("utf-8"), pos + n
    if major == 4:
        items = []
        for _ in range(n):
            item, pos = _decode(data, pos)
            items.append(item)
        return items, pos
    raise ValueError(f"CBOR-typ {major} stöds inte")


def read_head(data: bytes, pos: int) -> tuple[int, int, int]:
    """Read the head of the CBOR item at ``pos``: its type, its number or length, and where it goes on."""
    major, info = data[pos] >> 5, data[pos] & 31
    if info < 24:
        return major, info, pos + 1
    if info > 27:
        raise ValueError(f"CBOR-längd {info} stöds inte")
    size = 1 << (info - 24)
    return major, int.from_bytes(data[pos + 1 : pos + 1 + size], "big"), pos + 1 + size


def _encode(value: Any) -> bytes:
    """Encode integers, text and arrays as CBOR with the shortest lengths (as Pagefind's minicbor does)."""
    if isinstance(value, bool):
        raise ValueError("CBOR-typen bool stöds inte")
    if isinstance(value, int):
        return cbor_head(0, value) if value >= 0 else cbor_head(1, -1 - value)
    if isinstance(value, str):
        raw = value.encode("utf-8")
        return cbor_head(3, len(raw)) + raw
    if isinstance(value, list):
        return cbor_head(4, len(value)) + b"".join(_encode(v) for v in value)
    raise ValueError(f"CBOR-typen {type(value).__name__} stöds inte")


def cbor_head(major: int, n: int) -> bytes:
    if n < 24:
        return bytes([major << 5 | n])
    for info, fmt in ((24, ">B"), (25, ">H"), (26, ">I"), (27, ">Q")):
        if n < 1 << (8 * struct.calcsize(fmt)):
            return bytes([major << 5 | info]) + struct.pack(fmt, n)
    raise ValueError("talet är för stort för CBOR")
