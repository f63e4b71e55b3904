"""Explain a YAML error to a clerk: where it is, under which key, and what to write instead.

PyYAML says what went wrong in English and where the scanner stopped. Here that becomes a Swedish
message with a hint, pointed at the place the author has to change, and named by the key it stands
under (``titel``, ``reservationer[0].parti``), as every other diagnostic is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import yaml
import yaml.reader

KeyPath = tuple[str | int, ...]

_QUOTE_HINT = "sätt texten inom citattecken"
REFERENCE = "a YAML anchor or alias"
"""What the loader says when it refuses ``&anchor`` or ``*alias`` (see yamltext)."""
TAG = "a YAML tag"
"""What the loader says when it refuses an explicit tag (``!!python/…``, ``!lokal``)."""
DEPTH = "nested too deeply"
"""What the loader says when lists and mappings are nested deeper than anyone writes by hand."""
# (what PyYAML (or our loader) says, in its problem or context; whether to point at the context mark, i.e.
# where the unclosed thing starts, rather than where the parser gave up; message; hint).
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
    (
        REFERENCE,
        False,
        "YAML-ankare (&) och -referenser (*) används inte",
        "skriv ut värdet där det ska stå; är & eller * en del av texten, sätt texten inom citattecken",
    ),
    ("alias", False, "ett * tolkas som en YAML-referens", _QUOTE_HINT),
    (TAG, False, "ett värde som börjar med ! tolkas som en YAML-tagg", _QUOTE_HINT),
    (
        DEPTH,
        False,
        "listor och mappningar ligger för djupt i varandra",
        "skriv värdet enklare: högst några nivåer av listor (-) och nycklar med indrag",
    ),
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
]
_UNKNOWN = ("", False, "raden kan inte läsas som YAML", "kontrollera indrag, kolon och citattecken på raden")
_KEY_VALUE = re.compile(r"^(\s*(?:- )?[^\s:#\"'][^:#]*?):\s+(\S.*?)\s*$")
# A key written at the start of a line (after its indentation and any list dashes).
_LINE_KEY = re.compile(r"^([ \t]*(?:-[ \t]+)*)([^\s#'\"\[\]{},:&*!|>@%`-][^:#]*?)[ \t]*:(?:[ \t]|$)")


@dataclass(frozen=True)
class Explained:
    """A YAML error as the author reads it."""

    line: int
    """0-based line in the YAML text (the mark's), or -1 when PyYAML gave no place."""
    column: int
    """0-based column."""
    field: str
    """The key the error stands under, as a path (``reservationer[0].parti``); empty when none."""
    message: str
    hint: str


def explain(exc: yaml.MarkedYAMLError, text: str) -> Explained:
    """Return where to point, under which key, and what to say, for a YAML error in ``text``."""
    lines = text.split("\n")
    said = f"{exc.context or ''} {exc.problem or ''}"
    needle, at_context, message, hint = next((p for p in _PROBLEMS if p[0] in said), _UNKNOWN)
    mark = (exc.context_mark if at_context else None) or exc.problem_mark or exc.context_mark
    if mark is None:
        return Explained(-1, 0, "", message, hint)
    line = lines[mark.line] if mark.line < len(lines) else ""
    before = line[: mark.column]
    key = format_path(key_path_at(text, mark.line, mark.column))
    if needle.startswith("mapping values") and ":" not in before:
        # The colon is the key's own: this line cannot continue what stands above it.
        message = "raden passar inte ihop med raden ovanför"
        hint = (
            "kontrollera indraget (nycklar på samma nivå ska ha samma indrag) "
            "och att raden ovanför har ett kolon efter nyckeln"
        )
    elif needle.startswith("expected <block end>") and before.rstrip().endswith(('"', "'")):
        message, hint = "texten fortsätter efter citattecknet", quote_hint(line, whole=True)
    elif hint == _QUOTE_HINT:
        hint = quote_hint(line)
    char = re.search(r"found character '(.)'", said)
    message = message.replace("{char}", char[1] if char else "")
    return Explained(mark.line, mark.column, key, message, hint)


def quote_hint(line: str, whole: bool = False) -> str:
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


def unprintable_key(text: str, position: int) -> str:
    """Return the key under which the invisible character at ``position`` stands (empty when unknown)."""
    before = text[:position]
    line = before.count("\n")
    return format_path(key_path_at(text, line, position - (before.rfind("\n") + 1)))


def format_path(path: KeyPath) -> str:
    """Return a key path as it is written in messages: ``reservationer[0].parti``."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out


@dataclass
class _Frame:
    """A mapping or list the parser is inside of, and how far into it it has come."""

    is_mapping: bool
    column: int
    """The column of the mapping's keys, or of the list's dashes."""
    segment: str | int | None = None
    """The key whose value, or the index of the item, being read; None between two of them."""
    segment_column: int = 0
    reading_value: bool = False
    """For a mapping: the key is read and its value is next or under way (the segment counts)."""
    index: int = -1


@dataclass
class _Trail:
    """Follows the parser's events to know which key path it is in."""

    frames: list[_Frame] = field(default_factory=list)

    def see(self, event: yaml.Event) -> None:
        if isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            self.frames.pop()
            self._ended()
        elif isinstance(event, (yaml.ScalarEvent, yaml.AliasEvent)):
            self.begin(event)
            self._ended()
        elif isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            self.begin(event)
            column = event.start_mark.column if event.start_mark else 0
            self.frames.append(_Frame(isinstance(event, yaml.MappingStartEvent), column))

    def begin(self, event: yaml.NodeEvent) -> None:
        """Note that a value starts in the innermost mapping or list."""
        if not self.frames:
            return
        frame = self.frames[-1]
        if frame.is_mapping and not frame.reading_value:
            frame.segment = str(getattr(event, "value", "")) if isinstance(event, yaml.ScalarEvent) else "?"
            frame.segment_column = event.start_mark.column if event.start_mark else 0
        elif not frame.is_mapping:
            frame.index += 1
            frame.segment, frame.segment_column = frame.index, frame.column

    def _ended(self) -> None:
        if not self.frames:
            return
        frame = self.frames[-1]
        if frame.is_mapping:
            frame.reading_value = not frame.reading_value
            if not frame.reading_value:
                frame.segment = None
        else:
            frame.segment = None

    def path(self) -> tuple[list[tuple[str | int, int]], bool]:
        """Return the segments (with their columns) under way, and whether the innermost one is open."""
        segments: list[tuple[str | int, int]] = []
        for frame in self.frames:
            if frame.segment is None or (frame.is_mapping and not frame.reading_value):
                return segments, False
            segments.append((frame.segment, frame.segment_column))
        return segments, bool(self.frames)


def key_path_at(text: str, line: int, column: int) -> KeyPath:
    """Return the key path of the place (0-based ``line``, ``column``) in the YAML ``text``.

    The parser's events are followed up to that place (or up to a syntax error before it). When the
    place is between two keys (a key that could not be read), the key written on its line is taken.
    """
    trail = _Trail()
    # YAML refuses a whole text for one invisible control character; read it with each made a space.
    loader = yaml.SafeLoader(yaml.reader.Reader.NON_PRINTABLE.sub(" ", text))
    try:
        while loader.check_event():
            event = loader.peek_event()  # type: ignore[no-untyped-call]
            mark = event.start_mark
            # A mapping or list that ends right at the place is over (the place is after it).
            ends = isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent))
            if (mark.line, mark.column) > (line, column) or (
                (mark.line, mark.column) == (line, column) and not ends
            ):
                if (mark.line, mark.column) == (line, column) and isinstance(event, yaml.NodeEvent):
                    trail.begin(event)  # the value that starts right there: its key or index counts
                break
            trail.see(loader.get_event())  # type: ignore[no-untyped-call]
    except yaml.YAMLError:
        pass
    finally:
        loader.dispose()
    segments, open_value = trail.path()
    lines = text.split("\n")
    written = _LINE_KEY.match(lines[line]) if line < len(lines) and not open_value else None
    if written is not None:
        key_column = len(written[1])
        segments = [(part, col) for part, col in segments if col < key_column]
        segments.append((written[2], key_column))
    return tuple(part for part, _ in segments)
