"""What each file of the preview was made from, and the first build of a session, taken from the cache.

The preview re-renders a page only when what it is made from changed (``fingerprint``); every file it
serves is noted as a ``Made``. A session's first build, when the site has a build cache, takes the pages
of the last preview from it (``StartStaging``) and notes them the same way.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from generator.outputs.cached import CachedStaging, CacheUse
from generator.preview.fingerprint import describe

PREVIEW_KIND = "förhandsvisning"
"""The preview's copy of its site in the build cache (a build's is ``bygge``)."""


@dataclass(frozen=True)
class Made:
    """What one output file was made from: its kind (page, file, extra) and a key of its inputs."""

    kind: str
    key: str | None
    """The page's digest, the source file's stat or the content's hash; None: always make again."""


def made_page(job: object) -> Made:
    """Return what a page is made from, as the preview compares it (see ``fingerprint``)."""
    digest = describe(job)
    return Made("page", None if digest is None else "page:" + digest)


def made_extra(data: bytes) -> Made:
    """Return what a feed, calendar or data file is made from: its bytes."""
    return Made("extra", hashlib.blake2b(data, digest_size=16).hexdigest())


def made_file(source: Path) -> Made:
    """Return what a copied file is made from: the source file as it is on disk."""
    st = source.stat()
    return Made("file", f"{source}:{st.st_mtime_ns}:{st.st_size}:{st.st_ino}")


def page_addresses(files: list[str]) -> list[str] | None:
    """Return the addresses of these served files, or None if one is no page (every page may show it)."""
    if any(not rel.endswith(".html") or rel == "404.html" for rel in files):
        return None
    return sorted("/" + rel.removesuffix("index.html") for rel in files)


class StartStaging(CachedStaging):
    """The preview's first build with a build cache: the pages of the last preview taken from the cache.

    It notes what each file was made from as the preview's own staging does, so that the next
    rebuild re-renders only what a save changed; and the digest of the inputs (``note``: see
    ``kept``) with the kept files.
    """

    def __init__(self, output: Path, use: CacheUse, note: bytes | None = None) -> None:
        super().__init__(output, use, PREVIEW_KIND, tree=True)  # served as it is (``kept``)
        self.manifest: dict[str, Made] = {}
        self.note = note

    @property
    def rendered(self) -> int:
        """Return how many files were made anew (not taken from the cache)."""
        return len(self.new)

    @property
    def kept(self) -> int:
        """Return how many files were taken from the cache."""
        return self.reused

    @property
    def changed(self) -> list[str] | None:
        """Return the address of every page made anew or gone since the kept copy (after ``swap``);
        None when another file was (every page may show it)."""
        return page_addresses([*self.new, *(self.previous.keys() - self.made.keys())])

    def write_page(self, rel: str, source: object, render: Callable[..., str], *args: object) -> None:
        """Take the page from the cache, or render it; note it for the next rebuild."""
        super().write_page(rel, source, render, *args)
        self.manifest[rel] = made_page(source)

    def write_bytes(self, rel: str, data: bytes) -> None:
        """Write a feed, calendar or data file (from the cache if it has the same bytes)."""
        super().write_bytes(rel, data)
        self.manifest[rel] = made_extra(data)

    def copy_file(self, source: Path, rel: str) -> None:
        """Copy a static file or attachment in; note it for the next rebuild."""
        if rel not in self.written:
            super().copy_file(source, rel)
            self.manifest[rel] = made_file(source)
