"""What a citizen's first search transfers: every response the search page needs until its results show.

Used by tests/browser/test_search.py on the test site and by bench/search_bench.py on 10,000 records, so
that both count the same way: the bytes of each response as Chromium received it (body as sent, and
headers), for a fresh browser context (nothing cached), from opening ``sok/?q=…`` until the results are
complete and no request is pending.
"""

from __future__ import annotations

import gzip
from dataclasses import dataclass, field
from urllib.parse import quote, urlsplit

from playwright.sync_api import Page, Request

KINDS = (
    ("pagefind.js", "pagefind.js"),
    ("wasm", ".pagefind"),
    ("entry", "pagefind-entry.json"),
    ("bundles", "bundles.json"),
    ("meta", ".pf_meta"),
    ("index", ".pf_index"),
    ("filter", ".pf_filter"),
    ("fragment", ".pf_fragment"),
)


TEXT = (".js", ".css", ".json", ".html", "/")
"""Files a host compresses on the way (Pagefind's own index files and WebAssembly are gzip'd already)."""


@dataclass
class Transfer:
    """The responses of one first search."""

    urls: dict[str, int] = field(default_factory=dict)
    """Bytes by address (path), in the order they were requested."""
    gzipped: dict[str, int] = field(default_factory=dict)
    """The same, had the host compressed the text files (gzip, level 6, as web servers do by default)."""

    def add(self, request: Request) -> None:
        """Count one finished request."""
        sizes = request.sizes()
        path = urlsplit(request.url).path
        size = sizes["responseBodySize"] + sizes["responseHeadersSize"]
        self.urls[path] = self.urls.get(path, 0) + size
        response = request.response()
        if path.endswith(TEXT) and response is not None and "content-encoding" not in response.headers:
            size = len(gzip.compress(response.body(), 6)) + sizes["responseHeadersSize"]
        self.gzipped[path] = self.gzipped.get(path, 0) + size

    @property
    def total(self) -> int:
        """Return every byte received."""
        return sum(self.urls.values())

    @property
    def total_gzipped(self) -> int:
        """Return every byte that a host compressing its text files would have sent."""
        return sum(self.gzipped.values())

    def by_kind(self) -> dict[str, int]:
        """Return the bytes of each kind of file: the page (HTML, CSS, scripts), Pagefind's, the index."""
        kinds: dict[str, int] = {}
        for path, size in self.urls.items():
            kind = next((name for name, ending in KINDS if path.endswith(ending)), "page")
            kinds[kind] = kinds.get(kind, 0) + size
        return kinds

    def count(self, ending: str) -> int:
        """Return how many responses had an address ending in ``ending``."""
        return sum(1 for path in self.urls if path.endswith(ending))


def first_search(page: Page, site_url: str, query: str) -> Transfer:
    """Open the search page of the site at ``site_url`` for ``query`` in ``page``; return what it loaded.

    ``page`` must belong to a fresh browser context (an empty cache).
    """
    transfer = Transfer()
    page.on("requestfinished", transfer.add)
    page.goto(site_url + "sok/?q=" + quote(query))
    page.locator(".search-results[aria-busy=false]").wait_for(state="attached")
    page.wait_for_load_state("networkidle")
    page.remove_listener("requestfinished", transfer.add)
    return transfer
