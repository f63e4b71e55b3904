"""Parse YAML while keeping the line and column of every key and value.

PyYAML's node tree carries source marks; we compose nodes, remember where each
path starts, then construct plain Python values. Timestamps are *not* resolved
implicitly: dates are parsed by the validators so that ``2018-02-30`` becomes a
located, explained error instead of a ValueError from deep inside PyYAML.

Front matter, site.yaml and UI string tables are written by hand, and nothing in them needs one value
in two places; so anchors (``&x``) and aliases (``*x``) are refused, and so are explicit tags
(``!!python/object``, ``!!binary``, ``!lokal``). That one rule takes away a whole family of hostile
input: a self-referencing alias (endless recursion), an alias bomb ("billion laughs": nine levels of
nine aliases are 9**9 values), merge keys and values of unexpected Python types.

Where PyYAML has libyaml, the text is scanned and parsed by libyaml's parser (its marks give the same
lines and columns) and composed and checked here as always: a quarter of the time. Anything but a clean
mapping is read again by the pure-Python parser, whose messages the diagnostics are written for.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml
import yaml.composer
import yaml.constructor
import yaml.reader
import yaml.resolver

from generator.base.diagnostics import Diagnostic
from generator.base.lean import quick_state
from generator.base.yamlerrors import DEPTH, REFERENCE, TAG, explain, format_path, unprintable_key

Path = tuple[str | int, ...]

MAX_DEPTH = 30
"""Lists and mappings nested deeper than this are refused (PyYAML composes them recursively)."""
# Timestamps are left to the validators; "<<" (merge) and "=" (value) are ordinary text, not YAML magic.
_NOT_RESOLVED = {"tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:merge", "tag:yaml.org,2002:value"}
_INT = "tag:yaml.org,2002:int"
# Whole numbers are decimal, as YAML 1.2 reads them: YAML 1.1 made "paragraf: 012" an octal § 10 and
# "1:30" (sexagesimal) the number 90; "0x1F", "0b11" and "1_000" are text for the validators to explain.
_DECIMAL = re.compile(r"^[-+]?[0-9]+$")


class _Loader(yaml.SafeLoader):
    """SafeLoader that refuses anchors, aliases, tags and deep nesting, and resolves no timestamps."""

    depth = 0

    def compose_node(self, parent: yaml.Node | None, index: int) -> yaml.Node | None:
        event = self.peek_event()  # type: ignore[no-untyped-call]
        # An alias can only name an earlier anchor, and every anchor is refused: PyYAML itself reports
        # an alias, as undefined (most often a text that starts with "*").
        if getattr(event, "anchor", None) is not None and not isinstance(event, yaml.AliasEvent):
            raise yaml.composer.ComposerError(None, None, REFERENCE, event.start_mark)
        if getattr(event, "tag", None) is not None:
            raise yaml.composer.ComposerError(None, None, TAG, event.start_mark)
        if self.depth >= MAX_DEPTH:
            raise yaml.composer.ComposerError(None, None, DEPTH, event.start_mark)
        self.depth += 1
        try:
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1

    def construct_whole_number(self, node: yaml.ScalarNode) -> int | str:
        """Return a decimal integer; a number too long for Python to read (over 4,300 digits) stays text."""
        try:
            return int(str(node.value))
        except ValueError:
            return str(node.value)


_Loader.add_constructor(_INT, _Loader.construct_whole_number)
_FAST = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _parsed_by_libyaml() -> type[_Loader] | None:
    """Return ``_Loader`` with libyaml's parser under its composer (the same checks, nodes and marks)."""
    try:
        from yaml._yaml import CParser
    except ImportError:  # PyYAML built without libyaml
        return None

    class CParsedLoader(_Loader, CParser):
        def __init__(self, stream: str) -> None:
            CParser.__init__(self, stream)
            yaml.composer.Composer.__init__(self)
            yaml.constructor.SafeConstructor.__init__(self)
            yaml.resolver.Resolver.__init__(self)

        # The parser's own methods, not the pure-Python ones that _Loader inherits.
        get_event = CParser.get_event
        peek_event = CParser.peek_event
        check_event = CParser.check_event
        dispose = CParser.dispose

    return CParsedLoader


_FastLoader = _parsed_by_libyaml()


def is_plain_yaml(text: str) -> bool:
    """Tell whether ``text`` reads as YAML without anchors, aliases, tags or deep nesting.

    libyaml's parser (where installed) answers in a fraction of what composing costs, so a caller may
    keep a fast loader for plain text and leave everything else to ``parse_yaml_mapping``, which
    refuses it with a location.
    """
    depth = 0
    try:
        for event in yaml.parse(text, Loader=_FAST):
            if getattr(event, "anchor", None) is not None or getattr(event, "tag", None) is not None:
                return False
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    return False
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    except yaml.YAMLError:
        return False
    return True


_Loader.yaml_implicit_resolvers = {
    first: [(tag, _DECIMAL if tag == _INT else rx) for tag, rx in resolvers if tag not in _NOT_RESOLVED]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.copy().items()
}


@quick_state
@dataclass(frozen=True, slots=True)
class Position:
    """A 1-based line and column in the file."""

    line: int
    column: int


@dataclass
class LineMap:
    """Where each key path starts in the file (``("reservationer", 0, "namn")``)."""

    positions: dict[Path, Position] = field(default_factory=dict)
    fallback: Position = Position(1, 1)
    """Where a path that is not written at all is located: the start of the file."""

    def at(self, *path: str | int) -> Position:
        """Return the position of the longest known prefix of ``path``."""
        for end in range(len(path), 0, -1):
            pos = self.positions.get(path[:end])
            if pos is not None:
                return pos
        return self.fallback

    def path_at(self, line: int, column: int) -> str:
        """Return the key path (``reservationer[1].text``) that the place ``line``:``column`` belongs to.

        That is the last key or list item written before it; empty before the first key.
        """
        before = [(pos.line, pos.column, len(path), path) for path, pos in self.positions.items()]
        written = [place for place in before if place[:2] <= (line, column)]
        return format_path(max(written)[3]) if written else ""


@dataclass(frozen=True)
class YamlDocument:
    """A parsed YAML mapping with the positions of its keys and values."""

    data: dict[str, Any]
    keys: LineMap
    """Where each key is written."""
    values: LineMap
    """Where each value starts (for messages about the value itself)."""


def parse_yaml_mapping(
    text: str, path: str, first_line: int = 1, field_name: str = "yaml", example: str = "titel: Budget 2024"
) -> YamlDocument | list[Diagnostic]:
    """Parse ``text`` as one YAML mapping; return it with positions, or located diagnostics.

    ``first_line`` is the file line of the text's first line (front matter starts on line 2).
    A key that is not written at all is located at the start of the file, line 1, column 1 (in front
    matter: its opening ``---``). A syntax error names the key it stands under, else ``field_name``.
    """
    offset = first_line - 1
    start = Position(max(offset, 1), 1)
    fast = _parse_clean(text, path, offset, start)
    if fast is not None:
        return fast
    keys, values = LineMap(fallback=start), LineMap(fallback=start)
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
        said = explain(exc, text)
        if said.line < 0:
            return [Diagnostic(path, first_line, 1, field_name, said.message, said.hint)]
        line, column = said.line + 1 + offset, said.column + 1
        # After composing (a value no constructor takes), the positions name the key exactly.
        key = values.path_at(line, column) if values.positions else said.field
        return [Diagnostic(path, line, column, key or field_name, said.message, said.hint)]
    except yaml.YAMLError:  # not expected from a str stream; never let it become a traceback
        hint = "kontrollera indrag, kolon och citattecken"
        return [Diagnostic(path, first_line, 1, field_name, "texten kan inte läsas som YAML", hint)]
    finally:
        loader.dispose()
    return YamlDocument(data, keys, values)


def _parse_clean(text: str, path: str, offset: int, start: Position) -> YamlDocument | None:
    """Return ``text`` read with libyaml's parser when it is a clean mapping; None for anything to explain."""
    if _FastLoader is None:
        return None
    keys, values = LineMap(fallback=start), LineMap(fallback=start)
    try:
        loader = _FastLoader(text)
    except yaml.YAMLError:
        return None
    try:
        node = loader.get_single_node()
        if not isinstance(node, yaml.MappingNode):
            return None
        problems: list[Diagnostic] = []
        _walk(node, (), keys, values, offset, path, problems)
        if problems:
            return None
        return YamlDocument(loader.construct_document(node), keys, values)
    except yaml.YAMLError:
        return None
    finally:
        loader.dispose()


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
        unprintable_key(text, exc.position) or field_name,
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
