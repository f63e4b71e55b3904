"""A value pickled with one object of the build kept as a reference only, and read back with it.

The build cache keeps a record's rendered text this way: the text refers to its record, which the build
has already (``load.cache``); pickling the record again would double the cache and break its identity.
"""

from __future__ import annotations

import io
import pickle


class _Missing:
    """Nothing kept (pickled as the one instance, so a kept look-up of a missing key reads back as it)."""

    def __reduce__(self) -> str:
        return "MISSING"


MISSING: object = _Missing()
"""What a look-up returns for a key with nothing kept under it."""


def dumps(value: object, stand_in: object) -> bytes:
    """Return the pickle of ``value`` with ``stand_in`` (if not None) kept as a reference."""
    buffer = io.BytesIO()
    _Pickler(buffer, stand_in).dump(value)
    return buffer.getvalue()


def loads(data: bytes, stand_in: object) -> object:
    """Read back a value of ``dumps`` with ``stand_in`` where the reference was (raises on bad data)."""
    return _Unpickler(data, stand_in).load()


class _Pickler(pickle.Pickler):
    """Pickles one given object as a reference (a rendered text's record: the build has it already)."""

    def __init__(self, file: io.BytesIO, stand_in: object) -> None:
        super().__init__(file, protocol=pickle.HIGHEST_PROTOCOL)
        self.stand_in = stand_in

    def persistent_id(self, obj: object) -> str | None:
        """Return a reference to the stand-in; None pickles anything else as usual."""
        return "stand-in" if obj is self.stand_in and obj is not None else None


class _Unpickler(pickle.Unpickler):
    """Reads a value back with the build's own object where the stand-in was."""

    def __init__(self, data: bytes, stand_in: object) -> None:
        super().__init__(io.BytesIO(data))
        self.stand_in = stand_in

    def persistent_load(self, pid: object) -> object:
        """Return the stand-in."""
        if pid != "stand-in" or self.stand_in is None:
            raise pickle.UnpicklingError("okänd referens")
        return self.stand_in
