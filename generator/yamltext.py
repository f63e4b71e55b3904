"""Parse YAML while keeping the line and column of every key and value.

PyYAML's node tree carries source marks; we compose nodes, remember where each
path starts, then construct plain Python values. Timestamps are *not* resolved
implicitly: dates are parsed by the validators so that ``2018-02-30`` becomes a
located, explained error instead of a ValueError from deep inside PyYAML.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

from generator.diagnostics import Diagnostic

Path = tuple[str | int, ...]


class _Loader(yaml.SafeLoader):
    """SafeLoader without implicit timestamps."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.copy().items()
}


@dataclass(frozen=True)
class Position:
    """A 1-based line and column in the file."""

    line: int
    column: int


@dataclass
class LineMap:
    """Where each key path starts in the file (``("reservationer", 0, "namn")``)."""

    positions: dict[Path, Position] = field(default_factory=dict)
    fallback: Position = Position(1, 1)

    def at(self, *path: str | int) -> Position:
        """Return the position of the longest known prefix of ``path``."""
        for end in range(len(path), 0, -1):
            pos = self.positions.get(path[:end])
            if pos is not None:
                return pos
        return self.fallback


@dataclass(frozen=True)
class YamlDocument:
    """A parsed YAML mapping with the positions of its keys and values."""

    data: dict[str, Any]
    keys: LineMap
    """Where each key is written."""
    values: LineMap
    """Where each value starts (for messages about the value itself)."""


_PROBLEMS = [
    (
        "mapping values are not allowed",
        "ett kolon (:) står där ett värde väntas",
        'sätt texten inom citattecken, t.ex. titel: "Beslut: budget 2024"',
    ),
    ("found character '\\t'", "tabbtecken används för indrag", "dra in med mellanslag, inte tabb"),
    (
        "could not find expected ':'",
        "raden saknar kolon efter nyckeln",
        "skriv nyckel: värde, t.ex. datum: 2021-06-09",
    ),
    (
        "found unexpected end of stream",
        "citattecken eller hakparentes stängs aldrig",
        'kontrollera att varje " och [ har sin motsvarighet',
    ),
    (
        "found undefined alias",
        "ett '*' tolkas som en YAML-referens",
        'sätt värdet inom citattecken, t.ex. titel: "*Viktigt*"',
    ),
    (
        "expected <block end>",
        "indraget stämmer inte",
        "kontrollera att nycklar på samma nivå har samma indrag",
    ),
    (
        "while parsing a flow",
        "en lista eller mappning inom [ ] eller { } är inte korrekt skriven",
        "kontrollera kommatecken och citattecken",
    ),
]


def _explain(problem: str) -> tuple[str, str]:
    for needle, message, hint in _PROBLEMS:
        if needle in problem:
            return message, hint
    return f"ogiltig YAML ({problem})", "kontrollera indrag, kolon och citattecken på raden"


def parse_yaml_mapping(
    text: str, path: str, first_line: int = 1, field_name: str = "yaml"
) -> YamlDocument | list[Diagnostic]:
    """Parse ``text`` as one YAML mapping; return it with positions, or located diagnostics.

    ``first_line`` is the file line of the text's first line (front matter starts on line 2).
    """
    offset = first_line - 1
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return YamlDocument({}, LineMap(), LineMap())
        if not isinstance(node, yaml.MappingNode):
            mark = node.start_mark
            return [
                Diagnostic(
                    path,
                    mark.line + 1 + offset,
                    mark.column + 1,
                    field_name,
                    "väntade nyckel: värde-par",
                    "skriv en nyckel per rad, t.ex. titel: Budget 2024",
                )
            ]
        keys, values = LineMap(), LineMap()
        problems: list[Diagnostic] = []
        _walk(node, (), keys, values, offset, path, problems)
        if problems:
            return problems
        data = loader.construct_document(node)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = (mark.line + 1 + offset) if mark else first_line
        column = (mark.column + 1) if mark else 0
        message, hint = _explain(str(exc.problem or exc.context or ""))
        return [Diagnostic(path, line, column, field_name, message, hint)]
    except yaml.YAMLError as exc:  # e.g. a reader error on a control character
        return [Diagnostic(path, first_line, 0, field_name, f"ogiltig YAML ({exc})", "")]
    finally:
        loader.dispose()
    return YamlDocument(data, keys, values)


def _walk(
    node: yaml.Node,
    here: Path,
    keys: LineMap,
    values: LineMap,
    offset: int,
    path: str,
    problems: list[Diagnostic],
) -> None:
    """Record the position of every key and value below ``node``; flag duplicate keys."""
    if isinstance(node, yaml.MappingNode):
        seen: dict[str, int] = {}
        for key_node, value_node in node.value:
            key = str(key_node.value)
            line = key_node.start_mark.line + 1 + offset
            if key in seen:
                problems.append(
                    Diagnostic(
                        path,
                        line,
                        key_node.start_mark.column + 1,
                        key,
                        f"nyckeln står två gånger (även på rad {seen[key]})",
                        "ta bort den ena raden",
                    )
                )
            seen[key] = line
            sub = (*here, key)
            keys.positions[sub] = Position(line, key_node.start_mark.column + 1)
            values.positions[sub] = _pos(value_node, offset)
            _walk(value_node, sub, keys, values, offset, path, problems)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            sub = (*here, index)
            keys.positions[sub] = values.positions[sub] = _pos(item, offset)
            _walk(item, sub, keys, values, offset, path, problems)


def _pos(node: yaml.Node, offset: int) -> Position:
    return Position(node.start_mark.line + 1 + offset, node.start_mark.column + 1)
