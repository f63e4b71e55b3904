"""JSON as every file the build writes it: compact UTF-8, and harmless wherever it is put.

``<``, ``>`` and ``&`` are written as ``\\u003c``, ``\\u003e`` and ``\\u0026`` (and the line and paragraph
separators U+2028 and U+2029 as escapes), as Go's encoding/json does by default. Every JSON parser reads
the same data, but no file can be sniffed as HTML, and JSON put in a ``<script>`` element (JSON-LD, the
search page's texts) cannot end it or open a comment. Open data, JSON-LD, the search's data and the
templates' ``tojson`` all write through here.
"""

from __future__ import annotations

import json
from typing import Any

_ESCAPES = (
    ("<", "\\u003c"),
    (">", "\\u003e"),
    ("&", "\\u0026"),
    ("\u2028", "\\u2028"),
    ("\u2029", "\\u2029"),
)
_COMPACT = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))
"""``json.dumps(data, ensure_ascii=False, separators=(",", ":"))``, made once instead of at every call."""


def json_text(data: Any) -> str:
    """Return ``data`` as compact JSON (keys in the order given) with markup characters escaped."""
    text = _COMPACT.encode(data)
    # The characters can only stand inside strings (JSON's own syntax has none), where an escape is the
    # same character: replacing them in the whole text is exact.
    for char, escape in _ESCAPES:
        if char in text:
            text = text.replace(char, escape)
    return text


def json_file(data: Any) -> bytes:
    """Return ``data`` as the bytes of a JSON file: ``json_text`` in UTF-8, ending with a newline."""
    return (json_text(data) + "\n").encode("utf-8")


def dump_json(value: Any, indent: int | None = None) -> str:
    """Return ``value`` as JSON text for a human reader (``indent``), escaped as ``json_text`` is."""
    text = json.dumps(value, ensure_ascii=False, indent=indent)
    for char, escape in _ESCAPES:
        if char in text:
            text = text.replace(char, escape)
    return text
