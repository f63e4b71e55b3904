"""What the importer found in a document: each value with the source line it came from, and the to-dos."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from generator.importer.source import Line


@dataclass(frozen=True)
class Found:
    """One inferred front-matter value and where the source says it."""

    key: str
    value: Any
    line: Line | None
    """None when the value came from an option (``--nämnd``) rather than the text."""


@dataclass(frozen=True)
class Todo:
    """A key the importer could not fill in, with what to write."""

    key: str
    hint: str


@dataclass
class Findings:
    """The values found so far; the first value found for a key wins (options are put first)."""

    values: dict[str, Found] = field(default_factory=dict)
    todos: list[Todo] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    """What else the user should know about this file (a masked number, a table, a statement)."""

    def put(self, key: str, value: Any, line: Line | None) -> None:
        """Record ``value`` for ``key`` unless a value is known already."""
        if key not in self.values and value not in (None, "", [], ()):
            self.values[key] = Found(key, value, line)

    def get(self, key: str) -> Any:
        """Return the value found for ``key``, or None."""
        found = self.values.get(key)
        return found.value if found else None

    def line_of(self, key: str) -> Line | None:
        """Return the source line of ``key``'s value, or None."""
        found = self.values.get(key)
        return found.line if found else None

    def todo(self, key: str, hint: str) -> None:
        """Add a to-do for ``key`` (once)."""
        if all(t.key != key for t in self.todos):
            self.todos.append(Todo(key, hint))
