"""The search index in bundles: records grouped by year, each group one Pagefind index of its own.

Why bundles: Pagefind holds a whole index in memory while it writes it (about 250 kB per record: 2.4 GB for
10,000 records, more than 24 GB for 100,000), and one changed record would mean indexing everything again.
A bundle holds at most ``LIMIT`` records of whole years (a larger year is split into runs of months), so
memory stays bounded, a change in one record changes one bundle (a bundle is a pure function of its
records: ``Bundle.key``), and the browser merges the bundles with Pagefind's ``mergeIndex``.

Years are grouped from the oldest: a bundle takes the next year while it stays within ``LIMIT``. New
records go to the newest bundle; the older ones keep their records and their files.

A bundle's files are Pagefind's, made reproducible (``pagefind_bundle``) and with short names for pages and
chunks, numbered in date order, instead of its hashes and its sort by date (``pagefind_names``).
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.metadata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property
from itertools import groupby

from pagefind.service.types import InternalAddFileRequest, InternalAddRecordRequest

from generator.outputs.pagefind_bundle import ENTRY, make_reproducible
from generator.outputs.pagefind_chunks import split_chunks
from generator.outputs.pagefind_names import shorten_names
from generator.outputs.pagefind_service import PagefindError, PagefindService
from generator.outputs.search_records import SORT, SearchRecord
from generator.pages.hyphenate import SOFT_HYPHEN

LIMIT = 1200
"""Records per bundle at most (unless one month has more): Pagefind needs about 0.3 GB to write 1,200.
Tried at 10,000 records: 2,400 (5 bundles) made the first searches of bench/search_bench.py lighter (median
240 kB against 277 kB) but found 1,159 pages for "budget" instead of 7,260, and would need about 0.6 GB
per bundle while indexing."""
CHUNK_SIZE = 1000
"""Word positions per index chunk (Pagefind's default is 20,000). A search loads the chunk of each word
from every bundle, and a chunk holds the words beside it too (a rare word next to a common one comes with
all of the common one's positions). Measured at 10,000 records in 10 bundles, the chunks a search for a
word in 2-40 % of the records loads: 28-62 kB at 1,000, 28-262 kB at 2,000, 50-262 kB at 4,000 and
119-455 kB at 8,000; the chunk lists in the bundles' metadata grow from 112 kB (8,000) to 134 kB (1,000),
and to 141 kB at 500, where the chunks loaded were no smaller (with Pagefind's hashes as the chunks' names:
the short names of ``pagefind_names`` make the lists about 8 kB smaller). With those short names, at 2,000
the median first search of bench/search_bench.py was 302 kB against 277 kB at 1,000, and a word no
bundle has ("Lillsjön") no longer found the pages Pagefind finds by a word that begins the same way.
Pagefind counts only words without å, ä and ö toward this size: ``pagefind_chunks`` splits what it lets
grow."""
FORMAT = "beslut-search-3"
"""Changes when what this module asks of Pagefind changes, so that no older bundle is taken for new."""
KEEP = (".pf_meta", ".pf_index", ".pf_filter", ".pf_fragment")
"""The index files of a bundle (besides ``pagefind-entry.json``). Pagefind's UI bundles, its web worker and
its WebAssembly without a language are never written; ``pagefind.js`` and the language's WebAssembly only
once, with the bundle that the search page imports."""


@dataclass(frozen=True)
class Bundle:
    """One Pagefind index: a folder under ``pagefind/``."""

    name: str
    """The folder: a year (``2024``), years (``2015-2017``) or a year's first month of a run (``2024-07``)."""
    records: tuple[SearchRecord, ...] = ()
    pages: tuple[tuple[str, str], ...] = ()
    """(address, HTML) of site pages indexed from their HTML (the newest bundle only)."""
    primary: bool = False
    """The bundle the search page imports: ``pagefind.js`` and the WebAssembly are written with it."""
    language: str = "sv"
    """The language Pagefind indexes every page as (its stemming, its WebAssembly)."""

    @cached_property
    def key(self) -> str:
        """Return the digest of everything the bundle's files depend on."""
        digest = hashlib.sha256()
        for part in (FORMAT, pagefind_version(), str(CHUNK_SIZE), str(self.primary), self.language):
            digest.update(part.encode() + b"\0")
        for record in self.records:
            digest.update(record.fingerprint().encode("utf-8") + b"\0")
        for url, html in self.pages:
            digest.update(url.encode("utf-8") + b"\0" + html.encode("utf-8") + b"\0")
        return digest.hexdigest()


def plan_bundles(records: Sequence[SearchRecord], limit: int | None = None) -> list[Bundle]:
    """Group records (oldest first) into bundles of whole years, newest bundle first."""
    limit = LIMIT if limit is None else limit
    bundles: list[Bundle] = []
    group: list[tuple[int, list[SearchRecord]]] = []
    for year, in_year in groupby(records, key=lambda r: r.date.year):
        year_records = list(in_year)
        if group and sum(len(r) for _, r in group) + len(year_records) > limit:
            bundles.append(_years(group))
            group = []
        if len(year_records) > limit:
            bundles += _months(year, year_records, limit)
        else:
            group.append((year, year_records))
    if group:
        bundles.append(_years(group))
    return bundles[::-1]


def _years(group: list[tuple[int, list[SearchRecord]]]) -> Bundle:
    first, last = group[0][0], group[-1][0]
    name = str(first) if first == last else f"{first}-{last}"
    return Bundle(name, tuple(r for _, records in group for r in records))


def _months(year: int, records: list[SearchRecord], limit: int) -> list[Bundle]:
    """Split one large year into runs of whole months of at most ``limit`` records."""
    runs: list[list[SearchRecord]] = []
    for _, in_month in groupby(records, key=lambda r: r.date.month):
        month = list(in_month)
        if runs and len(runs[-1]) + len(month) <= limit:
            runs[-1] += month
        else:
            runs.append(month)
    return [Bundle(f"{year}-{run[0].date.month:02d}", tuple(run)) for run in runs]


def build_bundle(bundle: Bundle, service: PagefindService) -> tuple[dict[str, bytes], str | None]:
    """Index one bundle; return its files by path in the bundle, and why they are not reproducible, if so."""
    language = bundle.language
    # Pagefind would keep the soft hyphens of hyphenated headings in a result's text, though nobody wrote
    # them; it leaves them out of its word index anyway.
    requests: list[InternalAddFileRequest | InternalAddRecordRequest] = [
        InternalAddFileRequest(
            type="AddFile", index_id=0, url=url, file_path=None, file_contents=html.replace(SOFT_HYPHEN, "")
        )
        for url, html in bundle.pages
    ]
    requests += [record.request(language) for record in bundle.records]
    index = service.new_index(language)
    try:
        service.add_records(index, requests)
        files = service.files(index)
    except BaseException:
        with contextlib.suppress(PagefindError):  # a service that stopped has nothing left to free
            service.delete_index(index)
        raise
    service.delete_index(index)
    wanted = {ENTRY, "pagefind.js", f"wasm.{language}.pagefind"} if bundle.primary else {ENTRY}
    kept = {path: data for path, data in files.items() if path in wanted or path.endswith(KEEP)}
    try:
        return shorten_names(split_chunks(make_reproducible(kept)), SORT), None
    except (ValueError, KeyError, TypeError, IndexError) as exc:
        return kept, f"{type(exc).__name__}: {exc}"


def pagefind_version() -> str:
    """Return the version of the Pagefind binary that writes the bundles."""
    for dist in ("pagefind-bin-extended", "pagefind-bin", "pagefind"):
        try:
            return f"{dist} {importlib.metadata.version(dist)}"
        except importlib.metadata.PackageNotFoundError:
            continue
    return "pagefind ?"


def bundle_names(bundles: Iterable[Bundle]) -> list[str]:
    """Return the bundles' folder names, in order."""
    return [b.name for b in bundles]
