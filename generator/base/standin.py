"""A value pickled with one object of the build kept as a reference only, and read back with it.

The build cache keeps a record's rendered text this way: the text refers to its record, which the build
has already (``load.cache``); pickling the record again would double the cache and break its identity.
The stand-in is found through the pickler's dispatch table, looked up in C by exact type, and read back
by name: every other object is pickled and unpickled without a call into Python.
"""

from __future__ import annotations

import io
import pickle
import threading
from typing import Any

from generator.base.lean import TABLE


class _Missing:
    """Nothing kept (pickled as the one instance, so a kept look-up of a missing key reads back as it)."""

    def __reduce__(self) -> str:
        return "MISSING"


MISSING: object = _Missing()
"""What a look-up returns for a key with nothing kept under it."""


def dumps(value: object, stand_in: object) -> bytes:
    """Return the pickle of ``value`` with ``stand_in`` (if not None) kept as a reference."""
    buffer = io.BytesIO()
    pickler = pickle.Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL)
    pickler.dispatch_table = TABLE  # lean: the build's strings are left as they are (``base.lean``)
    if stand_in is not None:
        kind = type(stand_in)
        other = TABLE.get(kind)

        def reduce(obj: Any) -> Any:
            if obj is stand_in:
                return _reference, ()
            return other(obj) if other is not None else obj.__reduce_ex__(pickle.HIGHEST_PROTOCOL)

        pickler.dispatch_table = {**TABLE, kind: reduce}
    pickler.dump(value)
    return buffer.getvalue()


def loads(data: bytes, stand_in: object) -> object:
    """Read back a value of ``dumps`` with ``stand_in`` where the reference was (raises on bad data)."""
    _reading.stand_in = stand_in
    try:
        return pickle.loads(data)
    finally:
        _reading.stand_in = None


class _Reading(threading.local):
    stand_in: object = None
    """The object a reference reads back as, while a value is read (one per thread)."""


_reading = _Reading()


def _reference() -> object:
    """Return the stand-in of the value being read (by name in a pickle: the unpickler stays in C)."""
    if _reading.stand_in is None:
        raise pickle.UnpicklingError("okänd referens")
    return _reading.stand_in
