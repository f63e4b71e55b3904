"""The one value type for everything a user is told is wrong with their site."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum


class Severity(StrEnum):
    """How bad a diagnostic is; warnings become errors with --strict."""

    ERROR = "fel"
    WARNING = "varning"


@dataclass(frozen=True)
class Diagnostic:
    """A located problem in the user's site, written for a clerk."""

    path: str
    """The file, relative to the site folder (``content/ks/2021-06-09.md``, ``site.yaml``)."""
    line: int
    """1-based line (1 when the problem concerns the whole file); 0 only when it concerns no place in a
    file: a command-line option (``--out``), a file that does not exist, a tool (``pagefind``)."""
    column: int
    """1-based column; 1 when only the line is known (the location is printed with it all the same)."""
    field: str
    """The front matter key or setting concerned, or a short word for the kind of problem."""
    message: str
    """What is wrong, in Swedish."""
    hint: str = ""
    """What to write instead, in Swedish; empty when the message says it all."""
    severity: Severity = Severity.ERROR

    def sort_key(self) -> tuple[str, int, int, str]:
        """Return the key that orders diagnostics by file and position."""
        return (self.path, self.line, self.column, self.field)

    def location(self) -> str:
        """Return ``path:line:column``, one format for errors and warnings, for editors and CI annotations.

        Only a diagnostic that concerns no place in a file (line 0) is located by its subject alone.
        """
        if not self.line:
            return self.path
        return f"{self.path}:{self.line}:{max(self.column, 1)}"

    def format(self) -> str:
        """Return the two-line human form: location, severity, field, message; then the hint."""
        text = f"{self.location()}: {self.severity.value}: {self.field}: {self.message}"
        if self.hint:
            text += f"\n    tips: {self.hint}"
        return text

    def to_json(self) -> str:
        """Return one JSON object on one line, for editors and CI."""
        return json.dumps(
            {
                "path": self.path,
                "line": self.line,
                "column": max(self.column, 1) if self.line else 0,
                "severity": "error" if self.severity is Severity.ERROR else "warning",
                "field": self.field,
                "message": self.message,
                "hint": self.hint,
            },
            ensure_ascii=False,
        )


def errors_in(diagnostics: Iterable[Diagnostic], strict: bool = False) -> list[Diagnostic]:
    """Return the diagnostics that stop a build (warnings too when strict)."""
    return [d for d in diagnostics if strict or d.severity is Severity.ERROR]


def summarize_failure(diagnostics: list[Diagnostic]) -> str:
    """Return the closing line of a failed build: ``Avbrutet: 3 fel i 2 filer``."""
    files = len({d.path for d in diagnostics})
    return f"Avbrutet: {len(diagnostics)} fel i {files} {'fil' if files == 1 else 'filer'}"
