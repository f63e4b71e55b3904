"""Diagnostics for CI: GitHub workflow commands, and a GitLab Code Quality report.

Both point at files relative to the folder the command runs in (the repository's root in CI), so that a
problem appears on the changed line of a pull or merge request. Line and column come from the diagnostic.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable
from pathlib import Path

from generator.base.diagnostics import Diagnostic, Severity
from generator.base.jsontext import dump_json


def repository_path(diagnostic: Diagnostic, site: Path) -> str | None:
    """Return the diagnostic's file relative to the working folder, or None when it names no file.

    Diagnostics name files relative to the site (``content/ks/x.md``); a site in a sub-folder of the
    repository (``beslut build webbplats``) must be named ``webbplats/content/ks/x.md`` for CI.
    Option problems (``--out``) name no file.
    """
    file = site / diagnostic.path
    if not diagnostic.path or not file.is_file():
        return None
    return Path(os.path.relpath(file)).as_posix()


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def github_command(diagnostic: Diagnostic, site: Path) -> str:
    """Return one diagnostic as a workflow command: ``::error file=…,line=…,col=…,title=…::message``."""
    kind = "error" if diagnostic.severity is Severity.ERROR else "warning"
    path = repository_path(diagnostic, site)
    props: list[tuple[str, str]] = []
    if path is not None:
        props.append(("file", path))
        if diagnostic.line:
            props.append(("line", str(diagnostic.line)))
            if diagnostic.column:
                props.append(("col", str(diagnostic.column)))
    props.append(("title", f"beslut: {diagnostic.field}"))
    message = diagnostic.message if path is not None else f"{diagnostic.path}: {diagnostic.message}"
    if diagnostic.hint:
        message += f"\ntips: {diagnostic.hint}"
    properties = ",".join(f"{key}={_escape_property(value)}" for key, value in props)
    return f"::{kind} {properties}::{_escape_data(message)}"


def gitlab_report(diagnostics: Iterable[Diagnostic], site: Path) -> str:
    """Return the diagnostics as a GitLab Code Quality report (a JSON array).

    A fingerprint identifies a problem across commits: the file, the field and the message, not the line
    (an edit above it does not make it new), with a count for the same problem twice in one file.
    """
    issues = []
    seen: dict[tuple[str, str, str], int] = {}
    for d in diagnostics:
        path = repository_path(d, site) or d.path
        key = (path, d.field, d.message)
        seen[key] = seen.get(key, 0) + 1
        digest = hashlib.sha256("\0".join([*key, str(seen[key])]).encode("utf-8")).hexdigest()
        description = f"{d.field}: {d.message}" + (f" (tips: {d.hint})" if d.hint else "")
        issues.append(
            {
                "description": description,
                "check_name": f"beslut/{d.field}",
                "fingerprint": digest,
                "severity": "critical" if d.severity is Severity.ERROR else "minor",
                "location": {"path": path, "lines": {"begin": max(d.line, 1)}},
            }
        )
    return dump_json(issues, indent=2) + "\n"
