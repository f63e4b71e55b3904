"""Parse YAML while keeping the line and column of every key and value.

PyYAML's node tree carries source marks; we compose nodes, remember where each
path starts, then construct plain Python values. Timestamps are *not* resolved
implicitly: dates are parsed by the validators so that ``2018-02-30`` becomes a
located, explained error instead of a ValueError from deep inside PyYAML.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml
import yaml.reader

from generator.base.diagnostics import Diagnostic

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


_QUOTE_HINT = "sätt texten inom citattecken"
# (what PyYAML says, in its problem or context; whether to point at the context mark, i.e. where the
# unclosed thing starts, rather than where the parser gave up; message; hint).
_PROBLEMS = [
    (
        "while parsing a flow",
        True,
        "en lista [ ] eller mappning { } som börjar här är inte korrekt skriven",
        "stäng den på samma rad (] eller }), skilj posterna med kommatecken och "
        "sätt texter som innehåller kolon eller kommatecken inom citattecken",
    ),
    (
        "while scanning a quoted",
        True,
        "citattecknet som börjar här stängs aldrig",
        "avsluta texten med samma citattecken (\" eller ') som den börjar med",
    ),
    ("mapping values are not allowed", False, "ett kolon (:) står där ett värde väntas", _QUOTE_HINT),
    ("found character '\\t'", False, "tabbtecken används för indrag", "dra in med mellanslag, inte tabb"),
    ("cannot start any token", False, "tecknet {char} kan inte inleda ett värde", _QUOTE_HINT),
    ("alias", False, "ett * tolkas som en YAML-referens", _QUOTE_HINT),
    (
        "could not find expected ':'",
        False,
        "raden saknar kolon efter nyckeln",
        "skriv nyckel: värde, t.ex. datum: 2021-06-09",
    ),
    (
        "expected <block end>",
        False,
        "indraget stämmer inte",
        "nycklar på samma nivå ska ha samma indrag; en listas rader (-) dras in under sin nyckel",
    ),
    (
        "constructor for the tag",
        False,
        "ett värde som börjar med ! tolkas som en YAML-tagg",
        _QUOTE_HINT,
    ),
]
_UNKNOWN = ("", False, "raden kan inte läsas som YAML", "kontrollera indrag, kolon och citattecken på raden")
_KEY_VALUE = re.compile(r"^(\s*(?:- )?[^\s:#\"'][^:#]*?):\s+(\S.*?)\s*$")


def _quote_hint(line: str, whole: bool = False) -> str:
    """Return the quoting hint with ``line`` (``titel: Beslut: budget``) rewritten with its value quoted.

    ``whole`` quotes a value that itself starts with a quote (``titel: "Budget" 2024``).
    """
    match = _KEY_VALUE.match(line)
    if match is None or (match[2][0] in "\"'[{|>" and not whole):
        return f'{_QUOTE_HINT}, t.ex. titel: "Beslut: budget 2024"'
    key, value = match[1].strip(), match[2]
    # Single quotes need no backslashes, so they keep a value with " or \ readable.
    quoted = (
        f"'{value.replace(chr(39), chr(39) * 2)}'" if whole or '"' in value or "\\" in value else f'"{value}"'
    )
    return f"{'sätt hela texten inom citattecken' if whole else _QUOTE_HINT}: {key}: {quoted}"


def _explain(exc: yaml.MarkedYAMLError, lines: list[str]) -> tuple[yaml.Mark | None, str, str]:
    """Return where to point, and what to say, for a YAML syntax error."""
    said = f"{exc.context or ''} {exc.problem or ''}"
    needle, at_context, message, hint = next((p for p in _PROBLEMS if p[0] in said), _UNKNOWN)
    mark = (exc.context_mark if at_context else None) or exc.problem_mark or exc.context_mark
    line = lines[mark.line] if mark is not None and mark.line < len(lines) else ""
    before = line[: mark.column] if mark is not None else ""
    if needle.startswith("mapping values") and ":" not in before:
        # The colon is the key's own: this line cannot continue what stands above it.
        return (
            mark,
            "raden passar inte ihop med raden ovanför",
            "kontrollera indraget (nycklar på samma nivå ska ha samma indrag) "
            "och att raden ovanför har ett kolon efter nyckeln",
        )
    if needle.startswith("expected <block end>") and before.rstrip().endswith(('"', "'")):
        return mark, "texten fortsätter efter citattecknet", _quote_hint(line, whole=True)
    char = re.search(r"found character '(.)'", said)
    message = message.replace("{char}", char[1] if char else "")
    return mark, message, _quote_hint(line) if hint == _QUOTE_HINT else hint


def parse_yaml_mapping(
    text: str, path: str, first_line: int = 1, field_name: str = "yaml", example: str = "titel: Budget 2024"
) -> YamlDocument | list[Diagnostic]:
    """Parse ``text`` as one YAML mapping; return it with positions, or located diagnostics.

    ``first_line`` is the file line of the text's first line (front matter starts on line 2).
    A key that is not written at all is located at the line before (the front matter's opening
    ``---``), or at the whole file when the text starts the file.
    """
    offset = first_line - 1
    keys, values = LineMap(fallback=Position(offset, 0)), LineMap(fallback=Position(offset, 0))
    try:
        loader = _Loader(text)
    except yaml.reader.ReaderError as exc:
        return [_unprintable(exc, text, path, offset, field_name)]
    try:
        node = loader.get_single_node()
        if node is None:
            return YamlDocument({}, keys, values)
        if not isinstance(node, yaml.MappingNode):
            mark = node.start_mark
            return [
                Diagnostic(
                    path,
                    mark.line + 1 + offset,
                    mark.column + 1,
                    field_name,
                    "väntade nyckel: värde-par",
                    f"skriv en nyckel per rad, t.ex. {example}",
                )
            ]
        problems: list[Diagnostic] = []
        _walk(node, (), keys, values, offset, path, problems)
        if problems:
            return problems
        data = loader.construct_document(node)
    except yaml.MarkedYAMLError as exc:
        mark, message, hint = _explain(exc, text.split("\n"))
        line = (mark.line + 1 + offset) if mark else first_line
        column = (mark.column + 1) if mark else 0
        return [Diagnostic(path, line, column, field_name, message, hint)]
    except yaml.YAMLError:  # not expected from a str stream; never let it become a traceback
        return [Diagnostic(path, first_line, 0, field_name, "texten kan inte läsas som YAML", "")]
    finally:
        loader.dispose()
    return YamlDocument(data, keys, values)


def _unprintable(
    exc: yaml.reader.ReaderError, text: str, path: str, offset: int, field_name: str
) -> Diagnostic:
    """Locate a control character (often pasted in from a word processor) that YAML refuses."""
    before = text[: exc.position]
    line = before.count("\n") + 1 + offset
    column = exc.position - (before.rfind("\n") + 1) + 1
    return Diagnostic(
        path,
        line,
        column,
        field_name,
        f"ett osynligt styrtecken (U+{exc.character:04X}) står i texten",
        "ta bort tecknet: radera och skriv om ordet där det står (det följer ofta med när text klistras in)",
    )


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
