"""Turn references in rendered Markdown text into links: a markdown-it core rule over inline tokens.

Only plain text outside links is touched (code spans, links, autolinks and images are their own tokens),
and the result depends on nothing but the text and the ``LinkIndex``: rendering stays a pure function.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from markdown_it.token import Token

from generator.markdown.references import Cited, Found, LinkIndex, find_in_text, resolve

ENV_KEY = "beslut_xrefs"


@dataclass(frozen=True)
class LinkScope:
    """Whose text is rendered: the index of targets, the record's organisation and its own page."""

    index: LinkIndex
    organisation: str
    own_path: str
    field: str = "hänvisning"
    """The name diagnostics give this text (``hänvisning`` for the body, ``beslut`` for the decision)."""


@dataclass
class ScopeState:
    """One render's scope and the references found in it."""

    scope: LinkScope
    cited: list[Cited] = field(default_factory=list)


def link_references(state: Any) -> None:
    """Core rule: replace references in the text of every inline token by links (when on the site)."""
    xrefs: ScopeState | None = state.env.get(ENV_KEY)
    if xrefs is None:
        return
    for token in state.tokens:
        if token.type == "inline" and token.children:
            line = token.meta.get("line", 1)
            token.children = _link_children(token.children, line, xrefs)


def _link_children(children: list[Token], line: int, xrefs: ScopeState) -> list[Token]:
    """Return ``children`` with each run of text (outside links) processed; count lines as we go."""
    out: list[Token] = []
    run: list[Token] = []
    depth = 0
    newlines = 0
    for child in children:
        if depth == 0 and child.type in ("text", "softbreak"):
            run.append(child)
            continue
        if run:
            out += _link_run(run, line + newlines, xrefs)
            newlines += sum(t.type == "softbreak" for t in run)
            run = []
        depth += {"link_open": 1, "link_close": -1}.get(child.type, 0)
        newlines += child.type in ("softbreak", "hardbreak")
        out.append(child)
    if run:
        out += _link_run(run, line + newlines, xrefs)
    return out


def _link_run(run: list[Token], line: int, xrefs: ScopeState) -> list[Token]:
    """Link the references in one run of text and soft line breaks."""
    text = "".join(t.content if t.type == "text" else "\n" for t in run)
    scope = xrefs.scope
    found = find_in_text(text, scope.organisation, scope.index)
    if not found:
        return run
    out: list[Token] = []
    pos = 0
    for ref in found:
        target = resolve(ref.citation, scope.index) if ref.citation else None
        if target == scope.own_path:
            continue
        xrefs.cited.append(
            Cited(scope.field, line + text.count("\n", 0, ref.start), 0, _one_line(ref), ref.citation, target)
        )
        if target is None:
            continue
        out += _text_tokens(text[pos : ref.start])
        out.append(Token("link_open", "a", 1, attrs={"href": scope.index.base_path + target}))
        out += _text_tokens(ref.text)
        out.append(Token("link_close", "a", -1))
        pos = ref.end
    return out + _text_tokens(text[pos:]) if out else run


def _one_line(ref: Found) -> str:
    return " ".join(ref.text.split())


def _text_tokens(text: str) -> list[Token]:
    """Return text tokens with a soft break for each newline (as markdown-it would have parsed them)."""
    out: list[Token] = []
    for i, part in enumerate(text.split("\n")):
        if i:
            out.append(Token("softbreak", "br", 0))
        if part:
            out.append(Token("text", "", 0, content=part))
    return out
