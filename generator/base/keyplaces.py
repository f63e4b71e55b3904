"""Where a record's front matter keys were written, kept compactly for the rest of the build.

A record keeps the place of each key so that later stages can name the line of a field. While the
front matter is parsed they are a ``LineMap`` (a dictionary of ``Position`` objects, about 2 kB a
record: a fifth of the model at 100,000 records besides the texts). Records written from one template
have the same key paths, so ``KeyPlaces`` shares them: one index per set of paths, made once per
process, and each record's lines and columns in one tuple of small integers.
"""

from __future__ import annotations

from typing import Any

from generator.base.yamltext import LineMap, Path, Position

_INDEXES: dict[tuple[Path, ...], dict[Path, int]] = {}
"""Each set of key paths met in this process, with the index of each path in it."""


class KeyPlaces:
    """The place (line, column) of each key path of one record's front matter."""

    __slots__ = ("_index", "_places", "fallback")

    def __init__(self, paths: tuple[Path, ...], places: tuple[int, ...], fallback: Position) -> None:
        """Keep ``places`` (line, column of each of ``paths``, in order); share ``paths``' index."""
        index = _INDEXES.get(paths)
        if index is None:
            index = _INDEXES.setdefault(paths, {path: i for i, path in enumerate(paths)})
        self._index = index
        self._places = places
        self.fallback = fallback
        """Where a path that is not written at all is located: the start of the file."""

    @classmethod
    def of(cls, lines: LineMap) -> KeyPlaces:
        """Return the places of ``lines`` (the parser's map of a whole front matter)."""
        places = tuple(n for pos in lines.positions.values() for n in (pos.line, pos.column))
        return cls(tuple(lines.positions), places, lines.fallback)

    def at(self, *path: str | int) -> Position:
        """Return the position of the longest known prefix of ``path`` (as ``LineMap.at``)."""
        for end in range(len(path), 0, -1):
            i = self._index.get(path[:end])
            if i is not None:
                return Position(self._places[2 * i], self._places[2 * i + 1])
        return self.fallback

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickle the paths themselves: the process that reads them back shares its own index."""
        return KeyPlaces, (tuple(self._index), self._places, self.fallback)
