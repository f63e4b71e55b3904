"""No raw markup in any output file: a record full of ``<script>`` and ``<img onerror>`` builds a safe site.

The pages escape it as text. Every JSON file (open data, the search bundle's entry file) and every JSON
script in a page (JSON-LD, the search page's texts) writes ``<``, ``>`` and ``&`` as ``\\u003c``,
``\\u003e`` and ``\\u0026``, as Go's encoding/json does: the data are the same for every parser, and no
file can be sniffed or embedded as markup. The site is built for real, with Pagefind.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.conftest import make_site, record_text
from tests.integration.sitecheck import assert_built, build_site

DAY = "2024-06-01"
TITLE = "<img src=x onerror=alert(1)> & <b>budget</b>"
BODY = '<script>alert("body")</script>\n\n<img src=x onerror=alert(2)>\n\nA & B > C </script>\n'
HOSTILE = {
    "content/ks/2024-05-20-5.md": record_text(
        f"titel: '{TITLE}'",
        "typ: protokollsutdrag",
        "datum: 2024-05-20",
        "nämnd: KS",
        "paragraf: 5",
        "justerat: 2024-05-22",
        "anslag: 2024-05-23",
        "diarienummer: 'KS-2024/<script>'",
        "beslut: '<script>alert(\"beslut\")</script> & </script><!--'",
        "sammanfattning: '</script><script>alert(3)</script>'",
        "taggar: ['<b>', '&amp;']",
        "reservationer: [{namn: '<i>Anna</i>', parti: '&', text: '<svg onload=alert(4)>'}]",
        body=BODY,
    ),
    "content/nyheter/2024-05-21-ny.md": record_text(
        "titel: '<iframe src=javascript:alert(5)>'",
        "typ: nyhet",
        "datum: 2024-05-21",
        "ingress: '<style>body{display:none}</style>'",
        "författare: '<a href=javascript:alert(6)>x</a>'",
        body="Nyhet </script> & <!-- text.\n",
    ),
}
JSON_SCRIPT = re.compile(r'<script type="application/(?:ld\+)?json"[^>]*>(.*?)</script>', re.DOTALL)


def strings(value: object) -> list[str]:
    """Return every text in a parsed JSON value."""
    if isinstance(value, str):
        return [value]
    items = value.values() if isinstance(value, dict) else value if isinstance(value, list) else []
    return [text for item in items for text in strings(item)]


@pytest.fixture(scope="module")
def hostile_out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = make_site(tmp_path_factory.mktemp("hostile") / "site", HOSTILE)
    out = site.parent / "public"
    assert_built(build_site(site, out, DAY))
    return out


def test_every_json_file_escapes_markup_characters(hostile_out: Path) -> None:
    files = sorted(hostile_out.rglob("*.json"))
    assert any("pagefind" in f.parts for f in files), "the search bundle's JSON is checked too"
    decoded = ""
    for file in files:
        text = file.read_text(encoding="utf-8")
        raw = sorted({c for c in "<>&" if c in text})
        assert not raw, f"{file.relative_to(hostile_out)} har {raw} oskyddade"
        decoded += "\n".join(strings(json.loads(text)))
    assert TITLE in decoded, "the data are the same once parsed"
    assert "KS-2024/<script>" in decoded and '<script>alert("body")</script>' in decoded


def test_every_json_script_in_a_page_escapes_markup_characters(hostile_out: Path) -> None:
    scripts = 0
    for page in sorted(hostile_out.rglob("*.html")):
        for body in JSON_SCRIPT.findall(page.read_text(encoding="utf-8")):
            scripts += 1
            raw = sorted({c for c in "<>&" if c in body})
            assert not raw, f"{page.relative_to(hostile_out)}: ett JSON-skript har {raw} oskyddade"
            json.loads(body)
    assert scripts > 10


def test_no_page_carries_the_records_markup(hostile_out: Path) -> None:
    pages = sorted(hostile_out.rglob("*.html"))
    shown = "&lt;img src=x onerror=alert(1)&gt; &amp; &lt;b&gt;budget&lt;/b&gt;"
    assert any(shown in page.read_text(encoding="utf-8") for page in pages), "the title is shown as text"
    for page in pages:
        html = page.read_text(encoding="utf-8")
        for markup in (
            "<script>alert",
            "<img src=x",
            "<svg onload",
            "<iframe src=java",
            "<style>body",
            "<i>Anna",
        ):
            assert markup not in html, f"{page.relative_to(hostile_out)} visar {markup!r} som markup"
