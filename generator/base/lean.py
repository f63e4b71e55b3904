"""Pickling that leaves the build's own strings as they are.

Python keeps a copy of a string in UTF-8 beside it once the string has been pickled (``pickle`` asks
for it, and the string holds on to it for the rest of its life). For Swedish text (å, ä, ö) that copy
is as large again as the text: a build with a cache, which pickles every record and rendered text to
keep and to key it, held every body twice (100 MiB more at 10,000 records, about 1 GiB at 100,000).

The record types whose long texts matter are declared ``@lean``: a pickle of one carries its long
strings as UTF-8 bytes made for the pickle alone, and reads them back as strings. ``TABLE`` is the
dispatch table the cache's and the digests' picklers use (looked up in C by exact type).

``@quick_state`` gives a frozen dataclass with slots the state methods ``dataclasses`` would give it,
without asking ``dataclasses.fields`` for every instance pickled or unpickled: the same state (the list
of the field values in order), so the same pickles and the same cache keys.
"""

from __future__ import annotations

import copyreg
import dataclasses
import operator
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


def quick_state(cls: type[T]) -> type[T]:
    """Give a frozen dataclass with slots quick ``__getstate__``/``__setstate__``; return the class.

    A warm build of 10,000 records unpickles about 130,000 such objects from the cache and pickles as
    many to key it; ``dataclasses``' own methods looked up the fields anew for each.
    """
    names = tuple(f.name for f in dataclasses.fields(cls))  # type: ignore[arg-type]
    values = operator.attrgetter(*names)
    setters = tuple(getattr(cls, name).__set__ for name in names)  # the slots' descriptors

    def __getstate__(self: Any) -> list[Any]:
        return list(values(self)) if len(names) > 1 else [values(self)]

    def __setstate__(self: Any, state: list[Any]) -> None:
        for setter, value in zip(setters, state, strict=True):
            setter(self, value)

    setattr(cls, "__getstate__", __getstate__)  # noqa: B010 (mypy: object has a __getstate__)
    setattr(cls, "__setstate__", __setstate__)  # noqa: B010
    return cls
