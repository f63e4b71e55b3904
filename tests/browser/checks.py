"""What the browser tests check pages with: axe-core, the Nu Html Checker, and small page probes."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page

WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
NODE_MODULES = Path(__file__).resolve().parent / "node_modules"


def tool(*parts: str) -> Path:
    """Return a file of the npm-installed checkers; fail with the command that installs them."""
    path = NODE_MODULES.joinpath(*parts)
    if not path.is_file():
        pytest.fail(f"{path} saknas: kör `make browser` (npm ci --prefix tests/browser)")
    return path


def axe_violations(page: Page) -> list[str]:
    """Run axe-core's WCAG 2.1 A and AA rules on the page as it is now; return one line per violation."""
    page.add_script_tag(path=str(tool("axe-core", "axe.min.js")))
    result: dict[str, Any] = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
        WCAG_21_AA,
    )
    return [
        f"{page.url}: {v['id']} ({v['impact']}): {v['help']}: "
        + "; ".join(" ".join(map(str, node["target"])) for node in v["nodes"][:5])
        for v in result["violations"]
    ]


def vnu_errors(*targets: Path | str, stdin: str | None = None) -> list[str]:
    """Run the Nu Html Checker over files or folders (or HTML on stdin with target "-"); return its errors."""
    command = [
        "java",
        "-jar",
        str(tool("vnu-jar", "build", "dist", "vnu.jar")),
        "--errors-only",
        "--skip-non-html",
        "--format",
        "json",
        *map(str, targets),
    ]
    done = subprocess.run(command, input=stdin, capture_output=True, text=True, timeout=900, check=False)
    report = json.loads(done.stderr or done.stdout or '{"messages": []}')
    return [
        f"{m.get('url', 'stdin')}:{m.get('lastLine', '?')}: {m['message']} [{m.get('extract', '').strip()}]"
        for m in report["messages"]
        if m.get("type") == "error" or m.get("subType") == "fatal"
    ]


def sideways_overflow(page: Page) -> int:
    """Return by how many CSS pixels the page is wider than the window (0: no sideways scrolling)."""
    width: int = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    return width


def focus_indicator(page: Page) -> dict[str, str]:
    """Return the focused element's tag, text and the styles that can show focus."""
    found: dict[str, str] = page.evaluate(
        """() => {
          const el = document.activeElement;
          const s = getComputedStyle(el);
          return {tag: el.tagName, text: (el.textContent || '').trim().slice(0, 80),
                  outlineStyle: s.outlineStyle, outlineWidth: s.outlineWidth, outlineColor: s.outlineColor,
                  boxShadow: s.boxShadow, background: s.backgroundColor};
        }"""
    )
    return found


def focus_is_visible(style: dict[str, str]) -> bool:
    """Return True when the focus style draws something: an outline, a shadow or the yellow background."""
    outline = (
        style["outlineStyle"] != "none"
        and style["outlineWidth"] not in ("0px", "")
        and ("rgba(0, 0, 0, 0)" not in style["outlineColor"])
    )
    return outline or style["boxShadow"] != "none" or style["background"] == "rgb(255, 221, 0)"


SPLIT_WORDS = """
() => {
  // Every word of a heading, table cell or definition list that the browser laid out on two lines or more,
  // measured per word with a DOM range; elements that are not drawn (hidden, visually-hidden) are skipped.
  const found = [];
  for (const el of document.querySelectorAll('h1, h2, h3, th, td, dt, dd')) {
    const box = el.getBoundingClientRect();
    if (box.width <= 1 || box.height <= 1 || el.closest('.visually-hidden, [hidden]')) continue;
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const re = /\\S+/g;
      for (let m = re.exec(node.data); m; m = re.exec(node.data)) {
        const range = document.createRange();
        range.setStart(node, m.index);
        range.setEnd(node, m.index + m[0].length);
        const rects = [...range.getClientRects()].filter(r => r.width > 0);
        const lines = new Set(rects.map(r => Math.round(r.bottom)));
        if (lines.size > 1) found.push({word: m[0], tag: el.tagName.toLowerCase()});
      }
    }
  }
  return found;
}
"""


def split_words(page: Page) -> list[dict[str, str]]:
    """Return each word of a heading, table cell or definition list that spans two lines, with its tag."""
    found: list[dict[str, str]] = page.evaluate(SPLIT_WORDS)
    return found
