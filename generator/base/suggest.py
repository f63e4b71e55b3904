"""Did-you-mean suggestions and ASCII folding of Swedish words."""

from __future__ import annotations

import difflib
import unicodedata
from collections.abc import Iterable

# Letters with no Unicode decomposition would otherwise vanish ("Bjørn" → "bjrn").
_FOLD = str.maketrans(
    {"å": "a", "ä": "a", "ö": "o", "Å": "A", "Ä": "A", "Ö": "O", "é": "e", "É": "E"}
    | {"æ": "ae", "Æ": "AE", "ø": "o", "Ø": "O", "ß": "ss", "þ": "th", "ð": "d", "ł": "l", "Ł": "L"}
)


def ascii_fold(text: str) -> str:
    """Return ``text`` with å, ä, ö (and other accents) replaced by plain ASCII letters."""
    text = text.translate(_FOLD)
    if text.isascii():  # most titles and headings, once å, ä and ö are folded: nothing to decompose
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def closest(word: str, candidates: Iterable[str]) -> str | None:
    """Return the candidate closest to ``word`` (case and å/ä/ö insensitive), if any is close."""
    by_key: dict[str, str] = {}
    for candidate in candidates:
        by_key.setdefault(ascii_fold(candidate).casefold(), candidate)
    key = ascii_fold(word).casefold()
    if key in by_key:
        return by_key[key]
    found = difflib.get_close_matches(key, list(by_key), n=1, cutoff=0.6)
    return by_key[found[0]] if found else None


def did_you_mean(word: str, candidates: Iterable[str], fallback: str = "") -> str:
    """Return a Swedish hint: ``menade du "X"?`` or ``fallback`` when nothing is close."""
    match = closest(word, candidates)
    return f'menade du "{match}"?' if match is not None else fallback
