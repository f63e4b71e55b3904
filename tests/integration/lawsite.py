"""Helpers of the law tests (test_law_*.py): a two-organisation site, real builds, and reading the pages.

Every build runs the real command line (``beslut build … --date``) into tmp_path, Pagefind included.
"""

from __future__ import annotations

import contextlib
import html
import io
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from generator.cli.main import main

LAW_SITE_YAML = """\
title: Sjöviks kommuns beslut
base_url: https://www.sjovik.se/beslut/
organisations:
  - name: Sjöviks kommun
    slug: sjovik
    protocol_location: Kommunkansliet, Stadshuset, Storgatan 1, Sjövik
    appeal_court: Förvaltningsrätten i Göteborg
    boards:
      - {name: Kommunfullmäktige, short: KF}
      - {name: Kommunstyrelsen, short: KS}
      - {name: Barn- och utbildningsnämnden, short: BUN}
  - name: Räddningstjänsten Sjöviksbygden
    slug: raddning
    protocol_location: Förbundskansliet, Brandstationen, Sjövik
    appeal_court: Förvaltningsrätten i Jönköping
    boards:
      - {name: Förbundsfullmäktige, short: FF}
      - {name: Förbundsstyrelsen, short: FS}
"""
"""Sjöviks kommun and a kommunalförbund: two courts, two förvaringsplatser, two fullmäktige."""


def record(*lines: str, body: str = "Beslutet fattades enhälligt.\n") -> str:
    """Return a record: the front matter ``lines`` between ``---`` fences, a blank line, then ``body``."""
    return "---\n" + "".join(line + "\n" for line in lines) + "---\n\n" + body


def write_site(root: Path, files: Mapping[str, str], site_yaml: str = LAW_SITE_YAML) -> Path:
    """Write ``site.yaml`` and ``files`` (path → text) into ``root``; return ``root``."""
    for rel, text in {"site.yaml": site_yaml, **files}.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    (root / "content").mkdir(exist_ok=True)
    return root


@dataclass(frozen=True)
class Built:
    """The outcome of one run of the command line."""

    code: int
    out: Path
    stdout: str
    stderr: str

    def page(self, path: str) -> str:
        """Return the HTML of the page at ``path`` (relative to the site root, e.g. ``anslagstavla/``).

        Without the soft hyphens of its headings: they are layout, not the words a reader reads.
        """
        file = self.out / (path + "index.html" if path.endswith("/") or not path else path)
        return file.read_text(encoding="utf-8").replace("\u00ad", "")

    def has_page(self, path: str) -> bool:
        """Tell whether the build wrote the page at ``path``."""
        return (self.out / (path + "index.html" if path.endswith("/") else path)).is_file()

    def html_files(self) -> list[Path]:
        """Return every HTML page written (Pagefind's own files excluded)."""
        return sorted(p for p in self.out.rglob("*.html") if "pagefind" not in p.parts)


def run(*args: str) -> tuple[int, str, str]:
    """Run ``beslut`` with ``args``; return the exit code, stdout and stderr."""
    stdout, stderr = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
        code = main(list(args))
    return code, stdout.getvalue(), stderr.getvalue()


def build(site: Path, day: str, out: Path | None = None, *extra: str) -> Built:
    """Build ``site`` on the build date ``day`` (``YYYY-MM-DD``) into ``out`` (default: ``site/public``)."""
    out = out or site / "public"
    code, stdout, stderr = run("build", str(site), "--out", str(out), "--date", day, *extra)
    return Built(code, out, stdout, stderr)


_INLINE = re.compile(r"</?(?:a|strong|em|time|span|abbr|code)\b[^>]*>")


def text(fragment: str) -> str:
    """Return the visible text of an HTML fragment, whitespace collapsed (block tags separate words)."""
    without_tags = re.sub(r"<[^>]+>", " ", _INLINE.sub("", fragment))
    return " ".join(html.unescape(without_tags).split())


def main_text(page: str) -> str:
    """Return the text of a page's ``<main>``."""
    match = re.search(r"<main\b.*?</main>", page, re.S)
    assert match, "sidan saknar <main>"
    return text(match.group())


def section(page: str, heading_id: str) -> str:
    """Return the HTML of the ``<section>`` labelled by the heading with ``id=heading_id``."""
    match = re.search(rf'<section\b[^>]*aria-labelledby="{heading_id}".*?</section>', page, re.S)
    assert match, f"sidan saknar avsnittet {heading_id}"
    return match.group()
