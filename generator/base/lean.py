"""Pickling that leaves the build's own strings as they are.

Python keeps a copy of a string in UTF-8 beside it once the string has been pickled (``pickle`` asks
for it, and the string holds on to it for the rest of its life). For Swedish text (å, ä, ö) that copy
is as large again as the text: a build with a cache, which pickles every record and rendered text to
keep and to key it, held every body twice (100 MiB more at 10,000 records, about 1 GiB at 100,000).

The record types whose long texts matter are declared ``@lean``: a pickle of one carries its long
strings as UTF-8 bytes made for the pickle alone, and reads them back as strings. ``TABLE`` is the
dispatch table the cache's and the digests' picklers use (looked up in C by exact type).
"""

from __future__ import annotations

import copyreg
import dataclasses
from typing import Any, TypeVar

T = TypeVar("T")

LONG = 64
"""Characters from which a string field is carried as bytes (shorter ones cost little, kept or not)."""

_FIELDS: dict[type, tuple[str, ...]] = {}
TABLE: dict[Any, Any] = dict(copyreg.dispatch_table)
"""The dispatch table for a pickler: the standard one, and every ``@lean`` type."""


def lean(cls: type[T]) -> type[T]:
    """Declare a frozen dataclass's pickles lean (see the module); return the class."""
    _FIELDS[cls] = tuple(f.name for f in dataclasses.fields(cls))  # type: ignore[arg-type]
    TABLE[cls] = _reduce
    return cls


def _reduce(obj: Any) -> tuple[Any, tuple[Any, ...]]:
    cls = type(obj)
    values = [getattr(obj, name) for name in _FIELDS[cls]]
    encoded = tuple(i for i, v in enumerate(values) if type(v) is str and len(v) >= LONG)
    for i in encoded:
        values[i] = values[i].encode("utf-8")
    return _restore, (cls, tuple(values), encoded)


def _restore(cls: type[T], values: tuple[Any, ...], encoded: tuple[int, ...]) -> T:
    """Make an instance of ``cls`` from a lean pickle's field values (its long strings as bytes)."""
    obj = object.__new__(cls)
    for i, (name, value) in enumerate(zip(_FIELDS[cls], values, strict=True)):
        object.__setattr__(obj, name, value.decode("utf-8") if i in encoded else value)
    return obj
