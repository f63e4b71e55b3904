"""The copy of the last published site of each kind of build that the build cache keeps (its files).

A part of ``load.cache.BuildCache``: the ``file`` table notes each kept file (under ``filer/<kind>/``)
with what it was made from and how it was on disk, and a note beside them says, when the build that
kept them knew it, the digest of every input of that site (the preview's start uses it; see
``preview.kept``). The note is written and removed with the files, in one transaction, so it can
never speak for files another build kept.

Where a file is kept (``kept_place``): the preview serves its kept copy as a site, so it keeps the
site's own tree; a build only ever links from its copy, so it keeps its files flat, in 256 folders by
the digest of each file's address. A tree needs a folder per page (19,700 at 10,000 records), and
making them cost more than linking every file in (measured: 2.1-3.0 s against 0.3 s for 37,150 files).
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from generator.base.digest import digest_bytes
from generator.load.cachefolder import FILES


@dataclass(frozen=True)
class KeptFile:
    """A file of the last published site, as the cache keeps it."""

    made: bytes
    """The digest of what it was made from (a page's job, a file's bytes)."""
    sum: bytes
    """The digest of its bytes."""
    size: int
    mtime_ns: int
    inode: int
    ctime_ns: int
    """With the size, time and inode: as ``git`` knows a file unchanged (no one can set a ctime)."""
    day: str = ""
    """The build day, when the page showed it (``page.build_date``); empty when no day shows."""


class KeptFiles:
    """The kept sites' files and their notes (mixed into ``BuildCache``, which provides the database)."""

    root: Path
    db: sqlite3.Connection
    writable: bool
    _broken: str | None

    @contextmanager
    def _writing(self) -> Iterator[None]:  # pragma: no cover (BuildCache's own is used)
        raise NotImplementedError
        yield

    def kept_files(self, kind: str) -> dict[str, KeptFile]:
        """Return the files of the last published site of ``kind`` (``bygge``, ``förhandsvisning``)."""
        if self._broken is not None:
            return {}
        try:
            rows = self.db.execute(
                "SELECT rel, made, sum, size, mtime, inode, ctime, day FROM file WHERE kind = ?", (kind,)
            ).fetchall()
        except sqlite3.Error as exc:
            self._broken = str(exc)
            return {}
        return {rel: KeptFile(bytes(m), bytes(s), *rest) for rel, m, s, *rest in rows}

    def keep_files(self, kind: str, files: dict[str, KeptFile], note: bytes | None = None) -> None:
        """Note the files of the last published site of ``kind`` (all of them, in place of the earlier),
        and the digest of the inputs they were made from when the build knew it (``note``)."""
        if not self.writable or self._broken is not None:
            return
        with self._writing():
            self.db.execute("DELETE FROM file WHERE kind = ?", (kind,))
            self.db.execute("DELETE FROM meta WHERE name = ?", (_note_name(kind),))
            self.db.executemany(
                "INSERT INTO file VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    (kind, rel, f.made, f.sum, f.size, f.mtime_ns, f.inode, f.ctime_ns, f.day)
                    for rel, f in files.items()
                ),
            )
            if note is not None:
                self.db.execute("INSERT INTO meta VALUES (?, ?)", (_note_name(kind), note))

    def note(self, kind: str) -> bytes | None:
        """Return the digest of the inputs the kept site of ``kind`` was made from, if it was noted."""
        if self._broken is not None:
            return None
        try:
            row = self.db.execute("SELECT value FROM meta WHERE name = ?", (_note_name(kind),)).fetchone()
        except sqlite3.Error as exc:
            self._broken = str(exc)
            return None
        return bytes(row[0]) if row is not None and isinstance(row[0], bytes) else None

    def files_folder(self, kind: str) -> Path:
        """Return the folder of the kept files of ``kind``."""
        return self.root / FILES / kind


def kept_place(folder: str, rel: str, tree: bool) -> str:
    """Return the path of the kept copy of the file at ``rel`` in ``folder`` (see the module).

    ``tree``: as the site has it; else flat, in a folder of 256 named by the digest of ``rel``.
    """
    if tree:
        return os.path.join(folder, rel)
    name = digest_bytes(rel.encode("utf-8")).hex()
    return os.path.join(folder, name[:2], name)


def _note_name(kind: str) -> str:
    return f"inputs:{kind}"
