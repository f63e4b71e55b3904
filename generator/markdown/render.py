"""Render record bodies: CommonMark with tables, heading anchors and secrecy markers.

Raw HTML in content is never passed through (``html=False``): it is shown as text.
Templates receive the HTML as markup; nothing in content is ever evaluated as a template.
"""

from __future__ import annotations

import functools
import html
import re
from dataclasses import dataclass, field
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.rules_inline import StateInline
from markdown_it.token import Token
from mdit_py_plugins.anchors import anchors_plugin

from generator.base.lean import lean, quick_state
from generator.base.packed import pack, unpack
from generator.base.slugs import slugify
from generator.markdown.references import Cited
from generator.markdown.reflinks import ENV_KEY, LinkScope, ScopeState, link_references

_MASK = re.compile(r"\[\[maskerat:?([^\]\n]*)\]\]")
MASK_LABEL = "Maskerad uppgift, sekretess enligt {provision}"


@lean
@quick_state
@dataclass(frozen=True, slots=True)
class Rendered:
    """A body rendered to HTML, with what later stages need from it."""

    packed: bytes = field(repr=False)
    """The plain text followed by the HTML, packed together: they share most of their words, and packed
    as one they take 40 % less than apart (``text`` and ``html`` unpack them)."""
    text_length: int
    """The plain text's length in characters: where the HTML begins."""
    first_paragraph: str
    masks: tuple[tuple[int, str], ...] = ()
    """(file line, provision) of each secrecy marker, for checks."""
    references: tuple[Cited, ...] = ()
    """Every cross-reference found in the text, resolved or not (see ``reflinks``)."""

    @property
    def html(self) -> str:
        """Return the HTML."""
        return unpack(self.packed)[self.text_length :]

    @property
    def text(self) -> str:
        """Return the plain text, for search excerpts and summaries."""
        return unpack(self.packed)[: self.text_length]


@dataclass
class _Env:
    """Per-render state shared with our rules through markdown-it's env."""

    body_line: int
    mask_label: str
    masks: list[tuple[int, str]] = field(default_factory=list)


def _mask_rule(state: StateInline, silent: bool) -> bool:
    """Parse ``[[maskerat: provision]]`` into a ``maskerat`` token."""
    if not state.src.startswith("[[maskerat", state.pos):
        return False
    match = _MASK.match(state.src, state.pos)
    if match is None:
        return False
    if not silent:
        token = state.push("maskerat", "", 0)
        token.content = match.group(1).strip()
    state.pos = match.end()
    return True


def _render_mask(self: Any, tokens: list[Token], idx: int, options: Any, env: Any) -> str:
    provision = tokens[idx].content or "OSL"
    label = html.escape(env["beslut"].mask_label.format(provision=provision))
    block = '<span class="maskerat-block" aria-hidden="true"></span>'
    return f'<span class="maskerat" role="note">{block}{label}</span>'


def _track_lines(state: Any) -> None:
    """Record each inline block's source line so secrecy markers can be located."""
    env: _Env = state.env["beslut"]
    for token in state.tokens:
        if token.type == "inline" and token.map:
            token.meta["line"] = env.body_line + token.map[0]


def _demote_h1(state: Any) -> None:
    """Shift headings down one level when the body uses '#': the page's title is the only h1."""
    if any(t.type == "heading_open" and t.tag == "h1" for t in state.tokens):
        for token in state.tokens:
            if token.type in ("heading_open", "heading_close"):
                token.tag = f"h{min(int(token.tag[1]) + 1, 6)}"


@functools.cache
def _parser() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False, "typographer": False}).enable("table")
    md.inline.ruler.before("link", "maskerat", _mask_rule)
    md.add_render_rule("maskerat", _render_mask)
    md.core.ruler.push("beslut_lines", _track_lines)
    md.core.ruler.push("beslut_demote", _demote_h1)
    anchors_plugin(md, min_level=2, max_level=4, slug_func=slugify)
    md.core.ruler.push("beslut_xrefs", link_references)
    return md


def render_markdown(
    source: str, body_line: int = 1, mask_label: str = MASK_LABEL, scope: LinkScope | None = None
) -> Rendered:
    """Render ``source`` (a body starting on file line ``body_line``) to HTML and plain text."""
    md = _parser()
    env_state = _Env(body_line, mask_label)
    xrefs = ScopeState(scope) if scope is not None else None
    env: dict[str, Any] = {"beslut": env_state, ENV_KEY: xrefs}
    tokens = md.parse(source, env)
    _locate_masks(tokens, env_state)
    body_html = md.renderer.render(tokens, md.options, env)
    text, first = _plain_text(tokens)
    cited = tuple(xrefs.cited) if xrefs is not None else ()
    return Rendered(pack(text + body_html), len(text), first, tuple(env_state.masks), cited)


def _locate_masks(tokens: list[Token], env: _Env) -> None:
    for token in tokens:
        if token.type != "inline" or not token.children:
            continue
        line = token.meta.get("line", env.body_line)
        newlines = 0
        for child in token.children:
            if child.type in ("softbreak", "hardbreak"):
                newlines += 1
            elif child.type == "maskerat":
                env.masks.append((line + newlines, child.content))


def _plain_text(tokens: list[Token]) -> tuple[str, str]:
    """Return the whole text and the first paragraph's text."""
    parts: list[str] = []
    first = ""
    in_paragraph = False
    for token in tokens:
        if token.type == "paragraph_open":
            in_paragraph = True
        elif token.type == "paragraph_close":
            in_paragraph = False
        elif token.type == "inline":
            text = "".join(_child_text(c) for c in token.children or [])
            parts.append(text)
            if in_paragraph and not first and text.strip():
                first = text.strip()
    return "\n".join(parts), first


def _child_text(token: Token) -> str:
    if token.type in ("text", "code_inline"):
        return token.content
    if token.type in ("softbreak", "hardbreak"):
        return " "
    if token.type == "maskerat":
        return "[maskerat]"
    return ""
