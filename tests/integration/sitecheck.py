"""Helpers for whole builds: build into a folder, read pages, check links, fingerprint an output tree.

Imported by the integration tests (``from tests.integration.sitecheck import …``);
the fixtures are in conftest.py.

Everything here is real: real builds, real files, the real Pagefind binary. Nothing is mocked.
"""

from __future__ import annotations

import datetime as dt
import gzip
import hashlib
import json
import subprocess
import sys
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

from generator.build import BuildOptions, BuildResult, build

REPO = Path(__file__).resolve().parents[2]
"""The repository: its site.yaml and content/ are the demo site."""
SITES = REPO / "tests" / "sites"


def build_site(
    site: Path,
    out: Path,
    day: str = "2026-11-22",
    *,
    drafts: bool = False,
    strict: bool = False,
    search: bool = True,
) -> BuildResult:
    """Build ``site`` into ``out`` on the build date ``day``, as ``beslut build`` does."""
    options = BuildOptions(
        site_dir=site,
        out=out,
        strict=strict,
        drafts=drafts,
        build_date=dt.date.fromisoformat(day),
        search=search,
    )
    return build(options)


def assert_built(result: BuildResult) -> None:
    """Fail with every diagnostic when a build did not succeed."""
    assert result.ok, "\n".join(d.format() for d in result.diagnostics)


def run_cli(
    *args: str,
    cwd: Path | None = None,
    env: dict[str, str] | None = None,
    preexec: Callable[[], None] | None = None,
) -> subprocess.CompletedProcess[str]:
    """Run ``beslut`` as a user does: a separate process, its exit code, stdout and stderr.

    ``preexec`` runs in the child before the program starts (e.g. to set a resource limit).
    """
    return subprocess.run(
        [sys.executable, "-m", "generator", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=env,
        preexec_fn=preexec,
        timeout=300,
        check=False,
    )


def page(out: Path, path: str) -> str:
    """Return the HTML of the page at ``path`` (relative to the site root, '' for the start page).

    Without the soft hyphens of its headings (layout, not text: ``raw_page`` keeps them), so that tests
    read a page's words as a reader does.
    """
    return raw_page(out, path).replace("\u00ad", "")


def raw_page(out: Path, path: str) -> str:
    """Return the HTML of the page at ``path`` byte for byte, soft hyphens included."""
    file = out / path / "index.html" if not path.endswith(".html") else out / path
    assert file.is_file(), f"sidan /{path} finns inte ({file})"
    return file.read_text(encoding="utf-8")


def main_of(html: str) -> str:
    """Return the <main> element of a page: what is particular to it, without header and footer."""
    start = html.index("<main")
    return html[start : html.index("</main>", start)]


def title_of(html: str) -> str:
    """Return the text of a page's <title>."""
    return html[html.index("<title>") + len("<title>") : html.index("</title>")]


def tree_digest(root: Path) -> dict[str, str]:
    """Return every file under ``root`` (relative posix path) with the SHA-256 of its bytes."""
    return {
        p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


class _Links(HTMLParser):
    """Collects the addresses a page points at and the ids it defines."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.urls: list[tuple[str, str]] = []
        self.ids: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value is None:
                continue
            if name in ("href", "src", "action", "data-bundle"):
                self.urls.append((f"<{tag} {name}>", value))
            elif name == "id":
                self.ids.append(value)


def parse_links(html: str) -> _Links:
    """Return the addresses and ids of one page."""
    parser = _Links()
    parser.feed(html)
    parser.close()
    return parser


def html_files(out: Path) -> list[Path]:
    """Return every HTML file of a built site, sorted."""
    return sorted(out.rglob("*.html"))


def target_file(out: Path, base_path: str, url: str) -> Path | None:
    """Return the file an internal address resolves to (None if it is not internal)."""
    parts = urlsplit(url)
    if parts.scheme or parts.netloc or not parts.path.startswith(base_path):
        return None
    rel = unquote(parts.path[len(base_path) :])
    target = out / rel
    return target / "index.html" if rel == "" or rel.endswith("/") else target


def broken_links(out: Path, base_path: str = "/") -> list[str]:
    """Return every internal link (href, src, action starting with ``base_path``) that resolves to no file.

    A fragment (``#id``) must name an id of the target page; an address starting with ``/`` that does not
    start with ``base_path`` is broken too (it would leave a site hosted under a sub-path).
    """
    ids: dict[Path, set[str]] = {}
    pages: dict[Path, _Links] = {}
    for file in html_files(out):
        pages[file] = parse_links(file.read_text(encoding="utf-8"))
        ids[file] = set(pages[file].ids)
    broken = []
    for file, links in pages.items():
        where = file.relative_to(out).as_posix()
        for attr, url in links.urls:
            if url.startswith("#"):
                if url[1:] and url[1:] not in ids[file]:
                    broken.append(f"{where}: {attr} {url} (ingen sådan id)")
                continue
            if url.startswith("/") and not url.startswith("//") and not url.startswith(base_path):
                broken.append(f"{where}: {attr} {url} (utanför {base_path})")
                continue
            target = target_file(out, base_path, url)
            if target is None:
                continue
            if attr.endswith("data-bundle>"):
                if not target.parent.is_dir():
                    broken.append(f"{where}: {attr} {url} (ingen mapp)")
                continue
            if not target.is_file():
                broken.append(f"{where}: {attr} {url} (ingen fil {target.relative_to(out)})")
                continue
            fragment = urlsplit(url).fragment
            if fragment and target in ids and unquote(fragment) not in ids[target]:
                broken.append(f"{where}: {attr} {url} (ingen id {fragment} i målet)")
    return broken


def indexed_pages(out: Path) -> list[dict[str, object]]:
    """Return every page in the search index, each bundle's (one fragment per page): url, content, meta."""
    pages = []
    for fragment in sorted((out / "pagefind").rglob("fragment/*.pf_fragment")):
        pages.append(json.loads(gzip.decompress(fragment.read_bytes()).removeprefix(b"pagefind_dcd")))
    return pages


def indexed_urls(out: Path) -> list[str]:
    """Return the address of every page in the search index, relative to the site's root."""
    return [str(page["url"]) for page in indexed_pages(out)]


def duplicate_ids(html: str) -> list[str]:
    """Return the ids a page defines more than once (a broken anchor and an accessibility error)."""
    seen: set[str] = set()
    dup = []
    for i in parse_links(html).ids:
        if i in seen:
            dup.append(i)
        seen.add(i)
    return dup
