"""A value pickled with one object of the build kept as a reference only, and read back with it.

The build cache keeps a record's rendered text this way: the text refers to its record, which the build
has already (``load.cache``); pickling the record again would double the cache and break its identity.
The stand-in is found through the pickler's dispatch table, looked up in C by exact type: every other
object is pickled without a call into Python.
"""

from __future__ import annotations

import copyreg
import io
import pickle
from typing import Any


class _Missing:
    """Nothing kept (pickled as the one instance, so a kept look-up of a missing key reads back as it)."""

    def __reduce__(self) -> str:
        return "MISSING"


MISSING: object = _Missing()
"""What a look-up returns for a key with nothing kept under it."""


def dumps(value: object, stand_in: object) -> bytes:
    """Return the pickle of ``value`` with ``stand_in`` (if not None) kept as a reference."""
    if stand_in is None:
        return pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    buffer = io.BytesIO()
    pickler = pickle.Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL)

    def reduce(obj: Any) -> Any:
        if obj is stand_in:
            return _reference, ()
        return obj.__reduce_ex__(pickle.HIGHEST_PROTOCOL)

    pickler.dispatch_table = {**copyreg.dispatch_table, type(stand_in): reduce}
    pickler.dump(value)
    return buffer.getvalue()


def loads(data: bytes, stand_in: object) -> object:
    """Read back a value of ``dumps`` with ``stand_in`` where the reference was (raises on bad data)."""
    return _Unpickler(data, stand_in).load()


def _reference() -> None:
    """Stand in for the stand-in in a pickle (never called: ``_Unpickler`` resolves the name)."""


class _Unpickler(pickle.Unpickler):
    """Reads a value back with the build's own object where the stand-in was."""

    def __init__(self, data: bytes, stand_in: object) -> None:
        super().__init__(io.BytesIO(data))
        self.stand_in = stand_in

    def find_class(self, module: str, name: str) -> Any:
        """Return the stand-in's maker for the reference; any other class or function as usual."""
        if module == __name__ and name == "_reference":
            if self.stand_in is None:
                raise pickle.UnpicklingError("okänd referens")
            return lambda: self.stand_in
        return super().find_class(module, name)
