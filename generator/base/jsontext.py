"""JSON text that no reader can take for markup: ``<``, ``>`` and ``&`` written as ``\\u003c`` and so on."""

from __future__ import annotations

import json
from typing import Any


def dump_json(value: Any, indent: int | None = None) -> str:
    """Return ``value`` as JSON (UTF-8 text, not ASCII-escaped) with ``<``, ``>`` and ``&`` escaped.

    The data are the same for every JSON parser (as Go's encoding/json writes them), and a file cannot be
    sniffed or embedded as HTML. Outside strings JSON never has these characters, so replacing them in the
    whole text is safe.
    """
    text = json.dumps(value, ensure_ascii=False, indent=indent)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
