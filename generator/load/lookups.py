"""What a record's rendering read of the link index: each look-up noted, so that it can be checked later.

A record's text is a pure function of the record and of the few entries of the index its text looked
up. Noting those look-ups (``recording``) lets the memo and the build cache reuse the text while
every one of them still gives the same answer (``still_valid``), however the rest of the site changed.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator, Mapping
from typing import Any

Lookup = tuple[str, object, object]
"""(mapping's name, key, what it gave): ``ABSENT`` when the key was not there, ``WHOLE`` for the key
when the whole mapping was read (iterated or counted)."""


class _Marker:
    """A named marker that pickles as itself, so that noted look-ups can be kept on disk."""

    def __init__(self, name: str) -> None:
        self.name = name

    def __reduce__(self) -> str:
        return self.name

    def __repr__(self) -> str:
        return self.name


ABSENT = _Marker("ABSENT")
WHOLE = _Marker("WHOLE")


def plain_fields(index: Any) -> tuple[str, ...]:
    """Return the fields of ``index`` that are not mappings (compared whole)."""
    names = (f.name for f in dataclasses.fields(index))
    return tuple(n for n in names if not isinstance(getattr(index, n), Mapping))


def plain_values(index: Any) -> tuple[object, ...]:
    """Return the values of the fields of ``index`` that are not mappings."""
    return tuple(getattr(index, name) for name in plain_fields(index))


def still_valid(index: Any, lookups: list[Lookup], equal: Callable[[object, object], bool]) -> bool:
    """Return True when every look-up in ``lookups`` gives the same answer in ``index`` now."""
    for name, key, seen in lookups:
        current = getattr(index, name)
        if not equal(current if key is WHOLE else current.get(key, ABSENT), seen):
            return False
    return True


def recording(index: Any, lookups: list[Lookup]) -> Any:
    """Return ``index`` with each mapping wrapped so that every look-up is written to ``lookups``."""
    wrapped = {
        f.name: _RecordingMapping(f.name, getattr(index, f.name), lookups)
        for f in dataclasses.fields(index)
        if isinstance(getattr(index, f.name), Mapping)
    }
    return dataclasses.replace(index, **wrapped)


class _RecordingMapping(Mapping[Any, Any]):
    """A read-only view of a mapping that notes each key asked for (and the whole, when iterated)."""

    def __init__(self, name: str, inner: Mapping[Any, Any], lookups: list[Lookup]) -> None:
        self._name, self._inner, self._lookups = name, inner, lookups

    def __getitem__(self, key: Any) -> Any:
        value = self._inner.get(key, ABSENT)
        self._lookups.append((self._name, key, value))
        if value is ABSENT:
            raise KeyError(key)
        return value

    def __iter__(self) -> Iterator[Any]:
        self._lookups.append((self._name, WHOLE, self._inner))
        return iter(self._inner)

    def __len__(self) -> int:
        self._lookups.append((self._name, WHOLE, self._inner))
        return len(self._inner)
