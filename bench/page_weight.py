"""Measure what a reader downloads for a decision page: its HTML, CSS and JavaScript (search assets aside).

    python bench/page_weight.py            # build the demo site, report every decision page
    python bench/page_weight.py --budget 50000

The demo site (the repository's site.yaml and content/) is built into a temporary folder. For each
record page the HTML, every stylesheet (print.css too: browsers fetch it) and every script it links are
counted as files on disk, raw and gzip-compressed. Pagefind's bundle and static/search.js are left out:
only the search page loads them.

A record's own text is the writer's, not the theme's: a 40 KB utlåtande weighs 40 KB in any theme. So
the budget (50 KB by default, issue 3) is checked on the theme's share, everything but the body text
(<div class="body">); the table shows the whole page too. Exits 1 when a page's share is over budget.
"""

from __future__ import annotations

import argparse
import gzip
import re
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from generator.build import BuildOptions, build  # noqa: E402

ASSET = re.compile(r'<(?:link[^>]*rel="stylesheet"[^>]*href|script[^>]*src)="([^"]+)"')
SEARCH_ONLY = ("pagefind/", "static/search.js")


@dataclass(frozen=True)
class Weight:
    """One page and the files it makes a browser fetch."""

    path: str
    files: dict[str, bytes]
    text: int
    """The bytes of the record's own text (the rendered Markdown body)."""

    @property
    def raw(self) -> int:
        """Return the bytes on disk."""
        return sum(len(b) for b in self.files.values())

    @property
    def theme(self) -> int:
        """Return the bytes the theme adds: everything but the record's own text."""
        return self.raw - self.text

    @property
    def gzipped(self) -> int:
        """Return the bytes as a server compressing with gzip sends them."""
        return sum(len(gzip.compress(b, 9, mtime=0)) for b in self.files.values())


def weigh(out: Path, page: Path) -> Weight:
    """Return the weight of one page of the built site in ``out`` (assets linked site-absolute)."""
    html = page.read_bytes()
    files = {page.relative_to(out).as_posix(): html}
    for url in ASSET.findall(html.decode("utf-8")):
        rel = url.lstrip("/")
        if not rel.startswith(SEARCH_ONLY):
            files[rel] = (out / rel).read_bytes()
    start = html.find(b'<div class="body">')
    text = html.find(b"\n  </div>", start) - start if start >= 0 else 0
    return Weight(page.parent.relative_to(out).as_posix() + "/", files, max(text, 0))


def record_pages(out: Path) -> list[Path]:
    """Return every record page (the theme marks them with body class page-record)."""
    return [p for p in sorted(out.rglob("index.html")) if b'<body class="page-record"' in p.read_bytes()]


def main() -> int:
    """Build the demo site, print each decision page's weight, and check the budget."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--budget", type=int, default=50_000, help="bytes per page (default 50000)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "public"
        result = build(BuildOptions(REPO, out=out, base_url="http://127.0.0.1:8000/", search=False))
        if not result.ok:
            print("\n".join(d.format() for d in result.diagnostics), file=sys.stderr)
            return 1
        weights = [weigh(out, page) for page in record_pages(out)]
    print(f"{'page':<80} {'HTML+CSS+JS':>11} {'gzip':>7} {'its text':>9} {'theme':>7}")
    for w in weights:
        print(f"{w.path[:80]:<80} {w.raw:>11,} {w.gzipped:>7,} {w.text:>9,} {w.theme:>7,}")
    heaviest = max(weights, key=lambda w: w.theme)
    print(f"\nlargest theme share: {heaviest.path}: {heaviest.theme:,} bytes; budget {args.budget:,}")
    for name, data in heaviest.files.items():
        print(f"  {name[:78]:<78} {len(data):>8,}")
    return 0 if heaviest.theme < args.budget else 1


if __name__ == "__main__":
    raise SystemExit(main())
