"""The built-in themes' stylesheets and scripts as published: without comments and indentation.

The theme's files are written to be read (every rule explained); a reader's browser needs none of that.
Only what is certain not to change their meaning is removed:

- CSS: comments, and whitespace except one space between two tokens that need it; none around ``{``,
  ``}``, ``;`` and ``,`` or after ``:`` (a space before ``:`` is a descendant combinator, and ``+``, ``-``,
  ``>`` and ``~`` keep theirs: ``calc(1rem + 2px)`` needs them). The last ``;`` of a block goes too.
  Strings are kept as written.
- JavaScript: lines that are only a ``//`` comment, blank lines and indentation; every other line is kept
  as it is, newline included (so that automatic semicolons stay where they were). A script with a
  template literal or a line continued by ``\\`` is kept whole: its indentation may be part of a string.

Done as a copy (``Staging.copy_file``), so that every writer, the preview's too, treats the file as one
copied from the theme. A site's own static files and themes of its own are copied as they are.
"""

from __future__ import annotations

from pathlib import Path

from generator.config.theme import BUILTIN_THEMES

TIGHT = "{};,"
"""CSS characters that need no space on either side."""


def shrinks(source: Path) -> bool:
    """Return True for a file that is copied smaller: a built-in theme's stylesheet or script."""
    return source.suffix in (".css", ".js") and source.is_relative_to(BUILTIN_THEMES)


def minify(name: str, data: bytes) -> bytes:
    """Return the file ``name`` (by its suffix: ``.css``, ``.js``) smaller, or as it is."""
    if name.endswith(".css"):
        return minify_css(data.decode("utf-8")).encode("utf-8")
    if name.endswith(".js"):
        return minify_js(data.decode("utf-8")).encode("utf-8")
    return data


def minify_css(text: str) -> str:
    """Return the stylesheet ``text`` without comments and needless whitespace."""
    out: list[str] = []
    last = ""  # the last character written
    space = False  # whitespace (or a comment) since then
    i = 0
    while i < len(text):
        char = text[i]
        if text.startswith("/*", i):
            end = text.find("*/", i + 2)
            if end < 0:
                raise ValueError("en kommentar som aldrig slutar")
            i, space = end + 2, True
            continue
        if char.isspace():
            i, space = i + 1, True
            continue
        if space and last and last not in TIGHT + ":" and char not in TIGHT:
            out.append(" ")
        space = False
        if char in "\"'":
            end = _string_end(text, i)
            out.append(text[i:end])
            i, last = end, char
            continue
        if char == "}" and last == ";":
            out.pop()
        out.append(char)
        i, last = i + 1, char
    return "".join(out) + "\n"


def _string_end(text: str, start: int) -> int:
    """Return the position after the CSS string that begins at ``start``."""
    quote, i = text[start], start + 1
    while i < len(text):
        if text[i] == "\\":
            i += 2
        elif text[i] == quote:
            return i + 1
        elif text[i] == "\n":
            break
        else:
            i += 1
    raise ValueError("en sträng som aldrig slutar")


def minify_js(text: str) -> str:
    """Return the script ``text`` without comment lines, blank lines and indentation."""
    lines = text.splitlines()
    if "`" in text or any(line.endswith("\\") for line in lines):
        return text
    kept = [line.strip() for line in lines if line.strip() and not line.strip().startswith("//")]
    return "\n".join(kept) + "\n"
