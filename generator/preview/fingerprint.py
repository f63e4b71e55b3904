"""A digest of everything one page job hands its template, so the preview re-renders only changed pages.

A page is a pure function of its template, the translator and the job's view. The digest is that
of the values pickled (fast, in C, and exact about every field and type), with each record's
``Entry`` and ``Record`` stood in by its identity: the memo hands back the very same object for an
unchanged record, and the caller keeps the previous build's objects alive so that no identity is
reused. Long ``Markup`` (rendered bodies) stands in by its length and 64-bit string hash. A value
that cannot be pickled (a function, a lock) makes the page unfingerprintable: it is then always
rendered.
"""

from __future__ import annotations

import hashlib
import io
import pickle
from typing import Any

from markupsafe import Markup

from generator.base.record import Record
from generator.model.site import Entry, RecordText


def _identity(kind: str, number: int) -> None:
    """Stand in for an object known by its identity (never called: nothing is unpickled)."""


def _by_identity(obj: Any) -> tuple[Any, tuple[str, int]]:
    return _identity, (type(obj).__name__, id(obj))


def _by_hash(text: Markup) -> tuple[Any, tuple[str, int, int]]:
    # A page's body is one long Markup string: its length and str hash (SipHash, in C, cached on the
    # object) stand in for it, instead of encoding and copying every byte.
    return _identity, ("Markup", len(text), hash(text))


# Looked up by exact type inside the C pickler: every other object is pickled without a Python call.
_DISPATCH: dict[type, Any] = {
    Entry: _by_identity,
    RecordText: _by_identity,
    Record: _by_identity,
    Markup: _by_hash,
}


def fingerprint(template: str, *values: object) -> str | None:
    """Return a digest of ``values`` as ``template`` sees them, or None if one cannot be made."""
    buffer = io.BytesIO()
    pickler = pickle.Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL)
    pickler.dispatch_table = _DISPATCH
    try:
        pickler.dump((template, values))
    except (pickle.PicklingError, TypeError, AttributeError, RecursionError):
        return None
    return hashlib.blake2b(buffer.getbuffer(), digest_size=16).hexdigest()


def describe(job: Any) -> str | None:
    """Return the digest of one page job (template, page context and view)."""
    return fingerprint(job.template, job.page, job.view)
