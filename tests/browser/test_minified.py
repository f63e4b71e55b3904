"""The built-in theme's stylesheets and script are published smaller (generator/outputs/minify.py) and mean
exactly what the theme's files say: Chromium reads the same rules from both."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from generator.config.theme import BUILTIN_THEMES
from generator.outputs.minify import minify
from tests.browser.sites import ServedSite

STATIC = BUILTIN_THEMES / "standard" / "static"

RULES = """(css) => {
  const style = document.createElement("style");
  style.textContent = css;
  document.head.appendChild(style);
  const rules = (list) => Array.from(list).flatMap((rule) =>
    rule.cssRules ? [rule.cssText.split("{")[0], ...rules(rule.cssRules)] : [rule.cssText]);
  const found = rules(style.sheet.cssRules);
  style.remove();
  return found;
}"""
"""Every rule of a stylesheet as Chromium serializes it (whitespace and comments do not survive that)."""


@pytest.mark.parametrize("name", ["beslut.css", "print.css"])
def test_the_published_stylesheet_has_every_rule_of_the_theme(
    demo_site: ServedSite, page: Page, name: str
) -> None:
    source = (STATIC / name).read_bytes()
    published = (demo_site.output / "static" / name).read_bytes()
    assert published == minify(name, source)
    assert len(published) < 0.9 * len(source)
    page.goto(demo_site.address())
    theirs = page.evaluate(RULES, source.decode("utf-8"))
    ours = page.evaluate(RULES, published.decode("utf-8"))
    assert len(theirs) > 20
    assert ours == theirs


def test_the_published_script_is_the_theme_s_without_comments(demo_site: ServedSite, page: Page) -> None:
    """The search tests run the published script; here: it is the theme's, line for line, less comments."""
    source = (STATIC / "search.js").read_text(encoding="utf-8")
    published = (demo_site.output / "static" / "search.js").read_text(encoding="utf-8")
    code = [
        line.strip() for line in source.splitlines() if line.strip() and not line.strip().startswith("//")
    ]
    assert published.splitlines() == code
    assert len(published) < 0.8 * len(source)
    page.goto(demo_site.address())
    assert page.evaluate("(code) => typeof new Function(code)", published) == "function"
