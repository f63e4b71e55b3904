"""Write an imported record's text: front matter in the contract's order, to-dos as comments, the body."""

from __future__ import annotations

import datetime as dt
from typing import Any

from generator.authoring.newrecord import DRAFT_LINE, yaml_scalar
from generator.importer.findings import Findings

KEY_ORDER = (
    "titel", "typ", "datum", "organisation", "nämnd", "paragraf", "diarienummer", "beslut", "överklagbar",
    "sammanfattning", "handläggare", "mottagare", "författare", "justerat", "anslag", "reservationer",
    "relaterade", "bilagor",
)  # fmt: skip
"""The keys an import writes, in the order a clerk reads them."""


def record_text(findings: Findings, body: str, draft: bool) -> str:
    """Return the record's Markdown: front matter, to-dos as YAML comments, then the body."""
    lines: list[str] = []
    for key in KEY_ORDER:
        value = findings.get(key)
        if value is not None:
            lines += _entry(key, value, 0)
    extra = {k.removeprefix("extra."): f.value for k, f in findings.values.items() if k.startswith("extra.")}
    if extra:
        lines += _entry("extra", extra, 0)
    if draft:
        lines.append(DRAFT_LINE)
    for todo in findings.todos:
        lines.append(f"# att fylla i: {todo.key}: {todo.hint}")
    return "---\n" + "\n".join(lines) + "\n---\n\n" + body.strip() + "\n"


def _entry(key: str, value: Any, indent: int) -> list[str]:
    """Return the YAML lines of one key and its value, indented by ``indent`` spaces."""
    pad = " " * indent
    if isinstance(value, dict):
        lines = [f"{pad}{key}:"]
        for k, v in value.items():
            lines += _entry(k, v, indent + 2)
        return lines
    if isinstance(value, list):
        lines = [f"{pad}{key}:"]
        for item in value:
            if isinstance(item, dict):
                sub = [line for k, v in item.items() for line in _entry(k, v, indent + 4)]
                lines.append(f"{pad}  - " + sub[0].lstrip())
                lines += sub[1:]
            else:
                lines.append(f"{pad}  - {_scalar(item)}")
        return lines
    if isinstance(value, str) and "\n" in value:
        body = [f"{pad}  {line}" if line else "" for line in value.split("\n")]
        return [f"{pad}{key}: |-", *body]
    return [f"{pad}{key}: {_scalar(value, key == 'paragraf')}"]


def _scalar(value: Any, number: bool = False) -> str:
    """Return a one-line YAML scalar."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.datetime):
        return value.isoformat(timespec="seconds")
    if isinstance(value, dt.date):
        return value.isoformat()
    return yaml_scalar(str(value), number)
