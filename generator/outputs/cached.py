"""A staging folder that takes every unchanged file from the build cache instead of making it again.

The cache keeps the last published site of each kind of build (``load.cache``). A page is the same as
the kept one when the digest of all it was made from is (its template and UI strings, its job: the
page's context and view, and the build day only when the page showed it); any other file when its
bytes are. Such a file is taken from the cache as a hard link (no bytes copied), once its kept copy
has been checked: unchanged since it was kept (size, time, inode), or else the same bytes as kept.
Anything else is made and written as usual. After the swap, the files made anew are kept in the
cache (linked from the published site) for the next build.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import shutil
from collections.abc import Callable, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from generator.base.digest import digest, digest_bytes
from generator.load.cache import BuildCache, KeptFile
from generator.load.keptfiles import kept_place
from generator.outputs.pagedigest import PageDigests
from generator.outputs.write import StagedPart, Staging

_LINK_THREADS = 4
"""Threads that link the new files into the cache after the swap."""
_LINK_CHUNK = 256
"""Files one thread links at a time."""

Made = tuple[bytes, bytes, str]
"""What a file was made from, the digest of its bytes, and the build day if it showed it."""


@dataclass(frozen=True)
class CacheUse:
    """A build's open cache, and what all its pages depend on besides their jobs."""

    cache: BuildCache
    context: bytes
    """The digest of the templates and UI strings every page is rendered with."""
    day: dt.date


StagingFactory = Callable[[Path, CacheUse | None], Staging]
"""Makes a build's staging folder for an output folder, given the build's cache (if any)."""


def default_staging(output: Path, use: CacheUse | None) -> Staging:
    """Return a normal build's staging: reusing the cache's files when the build has a cache."""
    return Staging(output) if use is None else CachedStaging(output, use, "bygge")


@dataclass(frozen=True)
class CachedPart(StagedPart):
    """What a worker wrote: what each file was made from, which were new, what was found damaged."""

    made: dict[str, Made] = field(default_factory=dict)
    new: frozenset[str] = frozenset()
    damaged: frozenset[str] = frozenset()


class CachedStaging(Staging):
    """A staging folder for a build with a cache (see the module)."""

    def __init__(self, output: Path, use: CacheUse, kind: str, tree: bool = False) -> None:
        super().__init__(output)
        self.cache = use.cache
        self.kind = kind
        """Which copy of a site this is (``bygge``, ``förhandsvisning``)."""
        self.tree = tree
        """Whether the cache keeps the files as the site's tree (the preview's copy, which it serves as it
        is); else flat (``keptfiles.kept_place``)."""
        self.context = use.context
        self.digests = PageDigests(use.context)
        self.day = use.day.isoformat()
        self.previous = self.cache.kept_files(kind)
        """The files of the last published site of this kind, as the cache keeps them."""
        self.folder = str(self.cache.files_folder(kind))
        self.made: dict[str, Made] = {}
        """Every file written, and what it was made from."""
        self.new: set[str] = set()
        """The files made anew (the others were taken from the cache)."""
        self.damaged: set[str] = set()
        """The files whose kept copy had changed since it was kept (made anew)."""
        self._folders_made: set[str] = set()
        """The cache's folders made (or found) while linking the new files in."""
        self.note: bytes | None = None
        """The digest of every input of the site, noted with its kept files when all of them were kept
        (the preview's start: ``preview.kept``); None: the build does not know it."""

    @property
    def reused(self) -> int:
        """Return how many files were taken from the cache."""
        return len(self.made) - len(self.new)

    def write_page(self, rel: str, source: object, render: Callable[..., str], *args: object) -> None:
        """Take the page from the cache if it was made from the same job; else render and write it."""
        made = self.digests(source)
        if self._reuse(rel, made):
            return
        html = render(*args).encode("utf-8")
        day = self.day if getattr(render, "read_day", True) else ""
        self._write_new(rel, html, made, day, "två sidor skrivs till samma fil")

    def write_text(self, rel: str, text: str) -> None:
        """Write one file (taken from the cache when it has the same bytes)."""
        self.write_bytes(rel, text.encode("utf-8"))

    def write_bytes(self, rel: str, data: bytes) -> None:
        """Write one file (taken from the cache when it has the same bytes)."""
        made = digest_bytes(data)
        if not self._reuse(rel, made):
            self._write_new(rel, data, made, "", "två filer skrivs till samma adress")

    def copy_file(self, source: Path, rel: str) -> None:
        """Copy a static file or attachment in (from the cache when the source is unchanged)."""
        if rel in self.written:
            return
        st = source.stat()
        made = digest(str(source), st.st_size, st.st_mtime_ns, st.st_ino, st.st_ctime_ns)
        if self._reuse(rel, made):
            return
        super().copy_file(source, rel)
        self.made[rel] = (made, digest_bytes((self.root / rel).read_bytes()), "")
        self.new.add(rel)

    def since(self, mark: int) -> CachedPart:
        """Return what a worker wrote since ``mark``, what from, and what it found."""
        files = tuple(self._order[mark:])
        made = {rel: self.made[rel] for rel in files}
        new, damaged = self.new.intersection(files), self.damaged.intersection(files)
        return CachedPart(files, made, frozenset(new), frozenset(damaged))

    def absorb(self, part: StagedPart) -> None:
        """Take in what a worker wrote, made and found."""
        super().absorb(part)
        if isinstance(part, CachedPart):
            self.made.update(part.made)
            self.new.update(part.new)
            self.damaged.update(part.damaged)

    def swap(self) -> None:
        """Publish the staged site, then keep it in the cache for the next build.

        The new files are linked into the cache; then every kept file's place on disk is noted anew
        (linking and removing the earlier site changed their ctime).
        """
        super().swap()
        for rel in self.previous.keys() - self.made.keys():
            with contextlib.suppress(OSError):
                os.unlink(kept_place(self.folder, rel, self.tree))
        rels = list(self.made)
        parts = [rels[i : i + _LINK_CHUNK] for i in range(0, len(rels), _LINK_CHUNK)]
        files: dict[str, KeptFile] = {}
        # Linking and stat calls wait on the file system, not on Python: threads overlap them.
        with ThreadPoolExecutor(_LINK_THREADS) as pool:
            for kept in pool.map(self._keep_part, parts):
                files.update(kept)
        self.cache.damaged(len(self.damaged))
        self.cache.keep_files(self.kind, files, self.note if len(files) == len(self.made) else None)

    def _keep_part(self, rels: list[str]) -> dict[str, KeptFile]:
        """Link the new files of ``rels`` into the cache; return where each of ``rels`` is kept."""
        files: dict[str, KeptFile] = {}
        folder, output, tree = self.folder, str(self.output), self.tree
        for rel in rels:
            made, checksum, day = self.made[rel]
            target = kept_place(folder, rel, tree)
            if rel in self.new and not _keep_new(os.path.join(output, rel), target, self._folders_made):
                continue
            with contextlib.suppress(OSError):
                st = os.stat(target)
                files[rel] = KeptFile(
                    made, checksum, st.st_size, st.st_mtime_ns, st.st_ino, st.st_ctime_ns, day
                )
        return files

    def _reuse(self, rel: str, made: bytes) -> bool:
        """Link the kept copy of ``rel`` in if it was made from ``made`` and is intact; else False."""
        kept = self.previous.get(rel)
        if kept is None or kept.made != made or (kept.day and kept.day != self.day):
            return False
        source = kept_place(self.folder, rel, self.tree)
        if not _intact(source, kept):
            self.damaged.add(rel)
            return False
        if rel in self.written or not _link_or_copy(source, self.place(rel)):
            return False
        self._claim(rel, "två filer skrivs till samma adress")
        self.made[rel] = (made, kept.sum, kept.day)
        return True

    def _write_new(self, rel: str, data: bytes, made: bytes, day: str, twice: str) -> None:
        self._claim(rel, twice)
        self._write(rel, data)
        self.made[rel] = (made, digest_bytes(data), day)
        self.new.add(rel)


def _intact(path: str, kept: KeptFile) -> bool:
    """Tell whether the kept file is as it was kept: unchanged on disk, or else the same bytes."""
    try:
        st = os.stat(path)
        if (st.st_size, st.st_mtime_ns, st.st_ino, st.st_ctime_ns) == (
            kept.size,
            kept.mtime_ns,
            kept.inode,
            kept.ctime_ns,
        ):
            return True
        # Moved (a cache restored elsewhere) or touched: only its bytes can tell.
        with open(path, "rb") as file:
            return st.st_size == kept.size and digest_bytes(file.read()) == kept.sum
    except OSError:
        return False


def _keep_new(source: str, target: str, folders: set[str]) -> bool:
    """Link a file made anew into the cache (its folder made once); replace a stale file there."""
    parent = os.path.dirname(target)
    if parent not in folders:
        with contextlib.suppress(OSError):
            os.makedirs(parent, exist_ok=True)
        folders.add(parent)
    try:
        os.link(source, target)
        return True
    except OSError:  # a file left there (not noted in the cache), or another file system
        return _link_or_copy(source, target, replacing=True)


def _link_or_copy(source: str, target: str, replacing: bool = False) -> bool:
    """Make ``target`` the same file as ``source`` (a hard link, or a copy across file systems).

    ``replacing`` a file that may be there (its folder made if need be); else its folder is there.
    """
    try:
        if replacing:
            folder, name = os.path.split(target)
            os.makedirs(folder, exist_ok=True)
            aside = os.path.join(folder, f".{name}.{os.getpid()}")
            _link_or_copy(source, aside)
            os.replace(aside, target)
            return True
        try:
            os.link(source, target)
        except OSError:
            shutil.copyfile(source, target)
    except OSError:
        return False
    return True


class KeptBundles:
    """The search bundles built before, kept in the build cache by their key (``search.BundleCache``).

    A bundle's key already covers its records, its pages, Pagefind's version and how it is asked; the
    cache itself belongs to one version of beslut. A value that cannot be read back is built again.
    """

    def __init__(self, cache: BuildCache) -> None:
        self.cache = cache
        self.built = 0
        """Bundles built anew in this build (kept for the next)."""

    def get(self, key: str) -> Mapping[str, bytes] | None:
        """Return the files of the bundle with ``key``, or None."""
        files = self.cache.load(_bundle_key(key))
        if not isinstance(files, dict) or not all(
            isinstance(p, str) and isinstance(d, bytes) for p, d in files.items()
        ):
            return None
        return files

    def put(self, key: str, files: Mapping[str, bytes]) -> None:
        """Keep the files of the bundle with ``key``."""
        self.built += 1
        self.cache.keep(_bundle_key(key), dict(files))


def _bundle_key(key: str) -> bytes:
    return digest("sökindex", key)
