"""The preview's start from the copy of its site in the build cache, served before any build.

A session's first build takes the last preview's pages from the build cache (``made.StartStaging``),
but it still reads and checks every record and visits every page to know that they are unchanged:
seconds for an archive. So that the writer sees the site at once, that build notes the digest of all
it was made from (``preview_inputs``): every file in the folders the preview watches (its path, size,
modification time, inode and change time, as ``git`` knows a file unchanged), the build day, the
address the pages name, and this version of beslut and its libraries. A new session whose inputs
have the same digest serves the kept copy at once (``kept_copy``), while its first build runs behind
it as before: that build checks every kept file, and a page it makes differently is reloaded.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path

from generator.base.digest import digest, product_digest
from generator.base.sources import is_ignored
from generator.config.load import load_settings
from generator.load.cache import BuildCache, KeptFile
from generator.model.publishing import build_day
from generator.preview.made import PREVIEW_KIND
from generator.preview.watch import Layout

FORMAT = "beslut-preview-inputs-1"
"""Changes when what the digest covers changes, so that no older note is taken for a new one."""


@dataclass(frozen=True)
class Inputs:
    """What a preview of the site is made from, as it is now."""

    key: bytes
    """The digest of every input (see the module)."""
    layout: Layout
    """The folders the preview watches (those the digest covers)."""


def site_layout(site_dir: Path, out: Path, content_dir: Path, theme_dirs: list[Path]) -> Layout:
    """Return where the parts of a site are, as the preview watches them."""
    return Layout(site_dir, content_dir.resolve(), out, tuple(d.resolve() for d in theme_dirs))


def preview_inputs(site_dir: Path, out: Path, base_url: str, build_date: dt.date | None) -> Inputs | None:
    """Return the digest of the preview's inputs now; None when site.yaml or the theme cannot be read."""
    settings, _ = load_settings(site_dir, base_url)
    if settings is None:
        return None
    config = settings.config
    day = build_day(build_date, os.environ, pinned=config.demo_date)
    layout = site_layout(site_dir, out, config.content_dir, settings.theme.theme_dirs)
    files: list[tuple[str, int, int, int, int]] = []
    for root, recursive in layout.roots():
        files += _files(str(root), recursive, str(out.resolve()))
    files.sort()
    return Inputs(digest(FORMAT, product_digest(), base_url, day.isoformat(), files), layout)


def kept_copy(cache_dir: Path, site_dir: Path, key: bytes) -> Path | None:
    """Return the folder of the preview's kept copy if it was made from inputs with digest ``key``.

    Each kept file must be there as it was kept (size, modification time, inode; a file's change time
    moves whenever a published copy linked to it is removed, so it is left to the first build's check).
    """
    cache, _ = BuildCache.open(cache_dir, site_dir, writable=False)
    if cache is None:
        return None
    try:
        if cache.note(PREVIEW_KIND) != key:
            return None
        files, folder = cache.kept_files(PREVIEW_KIND), cache.files_folder(PREVIEW_KIND)
    finally:
        cache.close()
    if not files or not all(_as_kept(os.path.join(folder, rel), kept) for rel, kept in files.items()):
        return None
    return folder


def _files(root: str, recursive: bool, out: str) -> list[tuple[str, int, int, int, int]]:
    """Return each file in ``root`` (below too, when ``recursive``) that the preview watches, and its stat."""
    found: list[tuple[str, int, int, int, int]] = []
    for folder, subfolders, names in os.walk(root):
        subfolders[:] = [] if not recursive else [d for d in subfolders if not is_ignored(d)]
        subfolders[:] = [d for d in subfolders if os.path.join(folder, d) != out]
        for name in names:
            if is_ignored(name):
                continue
            path = os.path.join(folder, name)
            try:
                st = os.stat(path)
            except OSError:  # removed meanwhile: the build will not see it either
                continue
            found.append((path, st.st_size, st.st_mtime_ns, st.st_ino, st.st_ctime_ns))
    return found


def _as_kept(path: str, kept: KeptFile) -> bool:
    try:
        st = os.stat(path)
    except OSError:
        return False
    return (st.st_size, st.st_mtime_ns, st.st_ino) == (kept.size, kept.mtime_ns, kept.inode)
