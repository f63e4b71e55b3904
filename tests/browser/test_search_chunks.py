"""The split index chunks (generator/outputs/pagefind_chunks.py) answer searches as Pagefind's own do.

One bundle of Swedish text (tests/integration/swedishindex.py) as Pagefind writes it and as the build
keeps it after the split, side by side on one local server; Pagefind's own script searches both in
Chromium, with exact diacritics (as search.js does) and without.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page

from generator.outputs.pagefind_chunks import SHARED, split_chunks
from generator.preview.serve import PreviewServer, start_server
from tests.integration.swedishindex import COMMON, RARE, index, records

QUERIES = [
    *COMMON,
    *RARE,
    "Förskolan",
    "förskolor",
    "förs",
    "försk",
    "förskolebarn",
    "förslagen",
    "parkeringsnorm",
    "fjärr",
    "sjö",
    "återvinningscentral",
    "förslag förvaltningen",
    "budget förskola",
    "på år",
    "kommunen",
    "xylofon",
]


@pytest.fixture(scope="module")
def two_bundles(tmp_path_factory: pytest.TempPathFactory) -> Iterator[PreviewServer]:
    """Serve ``whole/pagefind/`` (Pagefind's chunks) and ``split/pagefind/`` (the build's)."""
    www: Path = tmp_path_factory.mktemp("chunks")
    whole = index(records(600, 250), engine=True)
    split = split_chunks(whole)
    assert len(split) > len(whole), "the bundle has a chunk to split"
    for name, files in (("whole", whole), ("split", split)):
        for path, data in files.items():
            target = www / name / "pagefind" / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
    (www / "index.html").write_text("<!doctype html><title>chunks</title>", encoding="utf-8")
    server = start_server(www, port=0)
    try:
        yield server
    finally:
        server.stop()


@pytest.mark.parametrize("exact", [True, False])
def test_every_search_finds_the_same_pages_with_the_same_scores(
    exact: bool, two_bundles: PreviewServer, page: Page
) -> None:
    page.goto(two_bundles.url)
    answers = page.evaluate(
        """async ([queries, exact]) => {
             const out = {};
             for (const name of ['whole', 'split']) {
               const pagefind = await import(`./${name}/pagefind/pagefind.js`);
               const pf = pagefind.createInstance({exactDiacritics: exact});
               await pf.options({exactDiacritics: exact, noWorker: true});
               out[name] = [];
               for (const query of queries) {
                 const search = await pf.search(query);
                 const found = search.results.map(r => [r.id, Math.round(r.score * 1e6), r.words.join(',')]);
                 out[name].push(found);
               }
             }
             return out;
           }""",
        [QUERIES, exact],
    )
    whole = dict(zip(QUERIES, answers["whole"], strict=True))
    split = dict(zip(QUERIES, answers["split"], strict=True))
    longer = [q for q in QUERIES if len(q) > SHARED]
    assert {q: split[q] for q in longer} == {q: whole[q] for q in longer}
    # A word of at most SHARED letters that begins words on both sides of a piece's end is matched with
    # the words of its own piece only ("för" no longer with every "förslag"): the same pages, ranked by
    # fewer words.
    assert {q: {r[0] for r in split[q]} for q in QUERIES} == {q: {r[0] for r in whole[q]} for q in QUERIES}
    assert len(whole["förskola"]) > 0 and len(whole["för"]) > 100
    assert whole["xylofon"] == []
