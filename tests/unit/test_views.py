"""Templates see only their views: every name a template uses is a field of its kind's view, and
docs/theme.md lists exactly the fields the view types have."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import jinja2
import pytest
from jinja2 import meta, nodes

from generator.config.i18n import load_translator
from generator.config.theme import BUILTIN_THEMES, load_theme
from generator.pages.kinds import KINDS, PageKind
from generator.pages.render import make_environment
from generator.pages.viewdoc import BEGIN, END, generated

ROOT = Path(__file__).resolve().parents[2]


def environment(template_dir: Path | None = None) -> jinja2.Environment:
    theme = load_theme("standard", ROOT)
    assert not isinstance(theme, list) and hasattr(theme, "template_dirs")
    t = load_translator(theme.all_dirs, "sv", ROOT)
    env = make_environment(theme, t)  # type: ignore[arg-type]
    if template_dir is not None:
        env.loader = jinja2.ChoiceLoader([jinja2.FileSystemLoader(str(template_dir)), env.loader])  # type: ignore[list-item]
    return env


def names_used(env: jinja2.Environment, name: str, seen: set[str] | None = None) -> set[str]:
    """Return every name ``name`` takes from its context, through what it extends and includes.

    Imported macro files are not followed: a macro sees only its arguments and the globals. The names
    a template imports from them are its own.
    """
    seen = set() if seen is None else seen
    if name in seen:
        return set()
    seen.add(name)
    source = env.loader.get_source(env, name)[0]  # type: ignore[union-attr]
    tree = env.parse(source)
    imported = {
        n if isinstance(n, str) else n[1] for node in tree.find_all(nodes.FromImport) for n in node.names
    }
    imported |= {node.target for node in tree.find_all(nodes.Import)}
    # A name the template sets itself (``{% set item = record.item %}``, seen in a scoped block) is its own.
    for node in tree.find_all(nodes.Assign):
        targets = [node.target, *node.target.find_all(nodes.Name)]
        imported |= {n.name for n in targets if isinstance(n, nodes.Name)}
    names = set(meta.find_undeclared_variables(tree)) - imported
    for node in tree.find_all((nodes.Extends, nodes.Include)):
        if isinstance(node.template, nodes.Const):
            names |= names_used(env, node.template.value, seen)
    return names


def unknown_names(env: jinja2.Environment, kind: PageKind) -> set[str]:
    """Return the names a kind's template uses that neither its view nor every page has."""
    spec = KINDS[kind]
    allowed = {"page", *env.globals, *(f.name for f in dataclasses.fields(spec.view))}  # type: ignore[arg-type]
    return names_used(env, spec.template) - allowed


@pytest.mark.parametrize("kind", list(PageKind))
def test_every_name_a_template_uses_is_in_its_view(kind: PageKind) -> None:
    assert unknown_names(environment(), kind) == set()


def test_a_template_that_uses_a_name_outside_its_view_is_caught(tmp_path: Path) -> None:
    (tmp_path / "case.html").write_text(
        '{% extends "base.html" %}{% block main %}{{ diarienummer }} {{ site.organisations }}{% endblock %}',
        encoding="utf-8",
    )
    assert unknown_names(environment(tmp_path), PageKind.CASE) == {"site"}


def test_every_kind_has_a_template_in_the_standard_theme() -> None:
    for spec in KINDS.values():
        assert (BUILTIN_THEMES / "standard" / "templates" / spec.template).is_file(), spec.template


def test_docs_theme_md_lists_every_field_of_every_view() -> None:
    text = (ROOT / "docs" / "theme.md").read_text(encoding="utf-8")
    start, end = text.index(BEGIN), text.index(END) + len(END)
    assert text[start:end] == generated(), "run: python -m generator.pages.viewdoc docs/theme.md"
    for spec in KINDS.values():
        for field in dataclasses.fields(spec.view):  # type: ignore[arg-type]
            assert f"| `{field.name}` |" in text
