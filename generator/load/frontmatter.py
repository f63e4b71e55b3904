"""Split a record into its YAML front matter (with positions) and its Markdown body."""

from __future__ import annotations

from dataclasses import dataclass

from generator.base.diagnostics import Diagnostic
from generator.base.sources import SourceFile
from generator.base.yamltext import YamlDocument, parse_yaml_mapping

_FENCE = "---"


@dataclass(frozen=True)
class SplitRecord:
    """A record's front matter, parsed, and its body."""

    source: SourceFile
    meta: YamlDocument
    body: str
    body_line: int
    """The file line where the body starts (to locate problems found in the body)."""


def closing_fence(lines: list[str]) -> int | None:
    """Return the index of the line that closes the front matter (``---`` or ``...``), if any."""
    if not lines or lines[0].rstrip() != _FENCE:
        return None
    return next((i for i in range(1, len(lines)) if lines[i].rstrip() in (_FENCE, "...")), None)


def split_front_matter(source: SourceFile) -> SplitRecord | list[Diagnostic]:
    """Split ``source`` at its ``---`` fences and parse the YAML between them."""
    lines = source.text.split("\n")
    if not lines or lines[0].rstrip() != _FENCE:
        return [
            Diagnostic(
                source.rel,
                1,
                1,
                "front matter",
                "filen börjar inte med ---",
                "glömde du ---? Första raden ska vara ---, sedan nycklarna (titel: …), sedan --- igen",
            )
        ]
    end = closing_fence(lines)
    if end is None:
        return [
            Diagnostic(
                source.rel,
                1,
                1,
                "front matter",
                "front matter avslutas aldrig med ---",
                "lägg till en rad med --- efter den sista nyckeln, före texten",
            )
        ]
    yaml_text = "\n".join(lines[1:end])
    meta = parse_yaml_mapping(yaml_text, source.rel, first_line=2, field_name="front matter")
    if isinstance(meta, list):
        return meta
    body = "\n".join(lines[end + 1 :])
    return SplitRecord(source, meta, body, end + 2)
