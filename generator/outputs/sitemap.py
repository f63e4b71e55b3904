"""sitemap.xml (every built page but the 404 page) and robots.txt, correct under a sub-path.

Search engines read robots.txt only at the root of a host. When the site lives under a sub-path
(``https://www.sjovik.se/beslut/``) the file we write is a template for the host's own robots.txt: its
rules already carry the sub-path and it names the sitemap by its absolute address.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator

from generator.base.stamps import record_modified
from generator.model.site import Site

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
SITEMAP = "sitemap.xml"
MAX_URLS = 50_000
"""The sitemap protocol's limit per file; a larger site gets a sitemap index."""
NOT_LISTED = ("404.html",)


def sitemap_files(site: Site, pages: Iterable[str]) -> Iterator[tuple[str, bytes]]:
    """Yield (path, content) of the sitemap (an index of numbered sitemaps beyond 50,000 pages)."""
    listed = sorted(p for p in pages if p not in NOT_LISTED)
    chunks = [listed[i : i + MAX_URLS] for i in range(0, len(listed), MAX_URLS)] or [[]]
    if len(chunks) == 1:
        yield SITEMAP, _urlset(site, chunks[0])
        return
    names = [f"sitemap-{n}.xml" for n in range(1, len(chunks) + 1)]
    for name, chunk in zip(names, chunks, strict=True):
        yield name, _urlset(site, chunk)
    root = ET.Element("sitemapindex", xmlns=SITEMAP_NS)
    for name in names:
        ET.SubElement(ET.SubElement(root, "sitemap"), "loc").text = site.config.base_url + name
    yield SITEMAP, _xml(root)


def _urlset(site: Site, pages: list[str]) -> bytes:
    """Return one sitemap: each page's absolute address, with the record's last change where known."""
    modified = {e.path: record_modified(e.record) for e in site.entries}
    root = ET.Element("urlset", xmlns=SITEMAP_NS)
    for page in pages:
        url = ET.SubElement(root, "url")
        ET.SubElement(url, "loc").text = site.config.base_url + page
        if page in modified:
            ET.SubElement(url, "lastmod").text = modified[page].isoformat()
    return _xml(root)


def _xml(root: ET.Element) -> bytes:
    ET.indent(root)
    xml: bytes = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    return xml + b"\n"


def robots_txt(site: Site) -> bytes:
    """Return robots.txt: everything may be crawled but the search index's fragments; where the sitemap is."""
    base = site.config.base_path
    lines = [
        "User-agent: *",
        f"Disallow: {base}pagefind/",
        f"Allow: {base}",
        "",
        f"Sitemap: {site.config.base_url}{SITEMAP}",
    ]
    if base != "/":
        lines = [
            f"# The site is published under {base}: crawlers read only /robots.txt at the host's root.",
            "# Copy these lines into that file (the rules already carry the sub-path).",
            *lines,
        ]
    return ("\n".join(lines) + "\n").encode("utf-8")
