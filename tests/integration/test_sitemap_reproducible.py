"""The sitemap lists exactly the built pages; robots.txt works under a sub-path."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from tests.integration.sitecheck import SITES, html_files

XREFS = SITES / "valid" / "xrefs"
NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def page_urls(out: Path, base_url: str) -> set[str]:
    """Return the address of every built HTML page but the 404 page."""
    urls = set()
    for file in html_files(out):
        rel = file.relative_to(out).as_posix()
        if rel == "404.html" or rel.startswith("pagefind/"):
            continue
        urls.add(base_url + rel.removesuffix("index.html"))
    return urls


@pytest.mark.parametrize(
    ("name", "base_url"), [("demo", "http://127.0.0.1:8000/"), ("xrefs", "https://www.sjovik.se/beslut/")]
)
def test_the_sitemap_lists_exactly_the_built_pages(
    request: pytest.FixtureRequest, name: str, base_url: str
) -> None:
    out = Path(request.getfixturevalue("demo_out" if name == "demo" else "xrefs_out"))
    root = ET.parse(out / "sitemap.xml").getroot()
    listed = [loc.text for loc in root.findall("s:url/s:loc", NS)]
    assert len(listed) == len(set(listed))
    assert set(listed) == page_urls(out, base_url)


def test_the_sitemap_gives_a_records_last_change(xrefs_out: Path) -> None:
    root = ET.parse(xrefs_out / "sitemap.xml").getroot()
    lastmod = {
        u.findtext("s:loc", namespaces=NS): u.findtext("s:lastmod", namespaces=NS)
        for u in root.findall("s:url", NS)
    }
    url = "https://www.sjovik.se/beslut/sjoviks-kommun/ks/2018-05-28/93-senarelaggning-av-uppdraget-stodfunktioner-hr-och/"
    assert lastmod[url] == "2018-06-01"


def test_robots_txt_under_a_sub_path(xrefs_out: Path) -> None:
    assert (xrefs_out / "robots.txt").read_text(encoding="utf-8") == (
        "# The site is published under /beslut/: crawlers read only /robots.txt at the host's root.\n"
        "# Copy these lines into that file (the rules already carry the sub-path).\n"
        "User-agent: *\n"
        "Disallow: /beslut/pagefind/\n"
        "Allow: /beslut/\n"
        "\n"
        "Sitemap: https://www.sjovik.se/beslut/sitemap.xml\n"
    )


def test_robots_txt_at_the_root(demo_out: Path) -> None:
    text = (demo_out / "robots.txt").read_text(encoding="utf-8")
    assert text.startswith("User-agent: *\nDisallow: /pagefind/\n")
    assert text.endswith("Sitemap: http://127.0.0.1:8000/sitemap.xml\n")
