"""The build cache on disk (``.beslut-cache/``): what earlier builds made, by the digest of its inputs.

Two kinds of things are kept. Values (a file's checked record, a record's rendered text) are kept in
``cache.sqlite`` under the digest of their inputs, each with a checksum. Files (pages, feeds, data)
are kept as a copy of the last published site per kind of build (``filer/bygge/``, flat, and
``filer/förhandsvisning/``, the site's tree: ``keptfiles.kept_place``), each noted with the digest of
what it was made from and of its bytes; the published site and the cache share those files (hard
links), which costs no space.

Nothing is trusted unchecked. A cache from another version of beslut or its libraries, or one that
cannot be read, is emptied and built again; a checksum that does not match, or a kept file that was
changed or removed, is made again; a folder that is not a beslut cache is not used and not touched;
each with a warning that names the cache. A value is never written over: its key is its inputs.
"""

from __future__ import annotations

import contextlib
import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from generator.base.diagnostics import Diagnostic
from generator.base.digest import digest_bytes, product_digest
from generator.base.standin import MISSING, dumps, loads
from generator.load.cachefolder import (
    APPLICATION,
    CACHE_DIR,
    DATABASE,
    FORMAT,
    KEEP_DAYS,
    KNOWN,
    LOCK,
    NOTICE_COPY,
    OWN,
    TAG,
    TEMPLATES,
    connect,
    remove_own,
    shown_as,
    warning,
)
from generator.load.keptfiles import KeptFile, KeptFiles

__all__ = ["CACHE_DIR", "MISSING", "NOTICE_COPY", "BuildCache", "KeptFile"]

try:
    import fcntl
except ImportError:  # Windows: two builds at once are not kept apart
    fcntl = None  # type: ignore[assignment]


class BuildCache(KeptFiles):
    """An open build cache: read while building, written when the build is done (``close``)."""

    def __init__(self, root: Path, db: sqlite3.Connection, shown: str, writable: bool) -> None:
        self.root = root
        self.db = db
        self.shown = shown
        """The cache's folder as the warnings name it (relative to the site when inside it)."""
        self.writable = writable
        self.created = False
        """Whether this build started the cache (it is removed again if the build writes no site)."""
        self.warnings: list[Diagnostic] = []
        self._handle: BinaryIO | None = None
        self.hits = 0
        self.misses = 0
        self._used: set[bytes] = set()
        """The keys of the values read that were last used on another day (``close`` notes today)."""
        self._today = int(time.time() // 86400)
        self._new: dict[bytes, bytes] = {}
        self._damaged = 0
        self._broken: str | None = None

    @classmethod
    def open(
        cls, root: Path, site_dir: Path, writable: bool, *, again: bool = True
    ) -> tuple[BuildCache | None, list[Diagnostic]]:
        """Open (or start) the cache in ``root``; None, with the reason, when it cannot be used.

        Read-only (``beslut check``), a cache that is not there is not made. An unusable cache is
        emptied and started ``again`` once; a folder that cannot be made or read is done without.
        """
        shown = shown_as(root, site_dir)
        try:
            return cls._open(root, site_dir, shown, writable, again)
        except OSError as exc:
            reason = exc.strerror or str(exc)
            return None, [warning(shown, f"cachen kan inte användas ({reason}); bygget görs utan den")]

    @classmethod
    def _open(
        cls, root: Path, site_dir: Path, shown: str, writable: bool, again: bool
    ) -> tuple[BuildCache | None, list[Diagnostic]]:
        names = {p.name for p in root.iterdir()} if root.is_dir() else set()
        if (root.exists() and not root.is_dir()) or names - KNOWN:
            return None, [
                warning(shown, "mappen är ingen cache från beslut; den används inte och lämnas orörd")
            ]
        ours = names.intersection(OWN)
        if ours and DATABASE not in ours:
            return _start_over(root, site_dir, writable, again, "cachen är ofullständig")
        if not writable and not ours:
            return None, []
        try:
            db = connect(root, writable)
            cache = cls(root, db, shown, writable)
            problem = cache._check()
        except (OSError, sqlite3.Error) as exc:
            return _start_over(root, site_dir, writable, again, f"cachen kan inte läsas ({exc})")
        if problem is not None:
            db.close()
            return _start_over(root, site_dir, writable, again, problem)
        try:
            locked = cache._lock()
        except OSError:
            db.close()
            raise
        if not locked:
            db.close()
            return None, [
                warning(shown, "cachen används av ett annat bygge just nu; det här bygget klarar sig utan")
            ]
        return cache, []

    def _lock(self) -> bool:
        """Hold the cache for this build (shared when only reading); False when another build holds it."""
        if fcntl is None:
            return True
        handle = open(self.root / LOCK, "a+b" if self.writable else "rb")  # noqa: SIM115 (held until close)
        try:
            fcntl.flock(handle, (fcntl.LOCK_EX if self.writable else fcntl.LOCK_SH) | fcntl.LOCK_NB)
        except OSError:
            handle.close()
            return False
        self._handle = handle
        return True

    def _check(self) -> str | None:
        """Return why this database is not a usable cache, or None."""
        app = self.db.execute("PRAGMA application_id").fetchone()[0]
        if app == 0 and self.writable and self._empty():
            self._create()
            return None
        if app != APPLICATION or self.db.execute("PRAGMA user_version").fetchone()[0] != FORMAT:
            return "cachen skrevs av ett annat program eller en annan version av beslut"
        row = self.db.execute("SELECT value FROM meta WHERE name = 'product'").fetchone()
        if row is None or row[0] != product_digest():
            return "cachen skrevs av en annan version av beslut eller av dess bibliotek"
        return None

    def _empty(self) -> bool:
        count: int = self.db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        return count == 0

    def _create(self) -> None:
        with self.db:
            self.db.execute("CREATE TABLE meta (name TEXT PRIMARY KEY, value BLOB) WITHOUT ROWID")
            # Values are kilobytes each: kept in rows appended in order, found through the index of
            # their keys (a table ordered by the keys themselves wrote each one at a random place in
            # a tree of the values: 106 µs a row at 200,000 rows against 42 µs, and slower the larger).
            self.db.execute(
                "CREATE TABLE entry (key BLOB PRIMARY KEY, value BLOB NOT NULL, sum BLOB NOT NULL,"
                " used INTEGER NOT NULL)"
            )
            self.db.execute(
                "CREATE TABLE file (kind TEXT, rel TEXT, made BLOB, sum BLOB, size INTEGER, mtime INTEGER,"
                " inode INTEGER, ctime INTEGER, day TEXT, PRIMARY KEY (kind, rel)) WITHOUT ROWID"
            )
            self.db.execute("INSERT INTO meta VALUES ('product', ?)", (product_digest(),))
            self.db.execute(f"PRAGMA application_id = {APPLICATION}")
            self.db.execute(f"PRAGMA user_version = {FORMAT}")
        self.created = True
        (self.root / "CACHEDIR.TAG").write_text(TAG, encoding="utf-8")
        (self.root / LOCK).touch()

    def get(self, key: bytes) -> bytes | None:
        """Return the value kept under ``key``, or None (never one whose checksum does not match)."""
        if self._broken is not None:
            return None
        try:
            row = self.db.execute("SELECT value, sum, used FROM entry WHERE key = ?", (key,)).fetchone()
        except sqlite3.Error as exc:
            self._broken = str(exc)
            return None
        if row is None:
            self.misses += 1
            return None
        value, checksum, used = row
        if not isinstance(value, bytes) or digest_bytes(key + value) != checksum:
            self._damaged += 1
            self.misses += 1
            return None
        if used != self._today:  # noted as used today already: not written again
            self._used.add(key)
        self.hits += 1
        return bytes(value)

    def load(self, key: bytes, stand_in: object = None) -> object:
        """Return the value kept under ``key``, or ``MISSING``.

        ``stand_in`` takes the place of the object the value was kept with (see ``keep``).
        """
        data = self.get(key)
        if data is None:
            return MISSING
        try:
            return loads(data, stand_in)
        except Exception:  # a value that cannot be read back is made again
            self._damaged += 1
            return MISSING

    def keep(self, key: bytes, value: object, stand_in: object = None) -> None:
        """Keep ``value`` under ``key``; an object ``stand_in`` inside it is kept as a reference only."""
        self.put(key, dumps(value, stand_in))

    def put(self, key: bytes, value: bytes) -> None:
        """Keep ``value`` under ``key`` (written when the build is done)."""
        self._new[key] = value
        if len(self._new) >= 500:
            self._write_new()

    def templates_folder(self) -> Path | None:
        """Return the folder of the compiled templates (None when the cache is only read)."""
        return self.root / TEMPLATES if self.writable and self._broken is None else None

    def damaged(self, count: int) -> None:
        """Note ``count`` kept files that were changed or removed since they were kept."""
        self._damaged += count

    def discard(self) -> None:
        """Remove the cache this build started: the build wrote no site, so it leaves nothing behind."""
        self._release()
        remove_own(self.root)
        with contextlib.suppress(OSError):
            self.root.rmdir()

    def close(self) -> None:
        """Write what the build made, forget what no build used for ``KEEP_DAYS``; warn of any damage."""
        if self._damaged:
            self.warnings.append(
                warning(self.shown, f"{self._damaged} poster i cachen var skadade eller borta och gjordes om")
            )
        if self._broken is not None:
            self.warnings.append(warning(self.shown, f"cachen kunde inte läsas ({self._broken}); den töms"))
            self._release()
            remove_own(self.root)
            return
        if self.writable:
            with contextlib.suppress(sqlite3.Error), self._writing():
                self._write_new()
                today = self._today
                self.db.executemany(
                    "UPDATE entry SET used = ? WHERE key = ?", ((today, k) for k in self._used)
                )
                self.db.execute("DELETE FROM entry WHERE used < ?", (today - KEEP_DAYS,))
        self._release()

    def _release(self) -> None:
        self.db.close()
        if self._handle is not None:
            self._handle.close()  # closing the file releases the lock
            self._handle = None

    def _write_new(self) -> None:
        if not self.writable or self._broken is not None:
            self._new.clear()
            return
        today = self._today
        # Written in the build's one transaction, committed when the build is done (``close``): one
        # commit instead of one a batch, and each page of the keys' index written once.
        try:
            self.db.executemany(
                "INSERT OR REPLACE INTO entry VALUES (?, ?, ?, ?)",
                ((k, v, digest_bytes(k + v), today) for k, v in self._new.items()),
            )
        except sqlite3.Error as exc:
            self._broken = str(exc)
        self._new.clear()

    @contextlib.contextmanager
    def _writing(self) -> Iterator[None]:
        try:
            with self.db:
                yield
        except sqlite3.Error as exc:
            self._broken = str(exc)


def _start_over(
    root: Path, site_dir: Path, writable: bool, again: bool, why: str
) -> tuple[BuildCache | None, list[Diagnostic]]:
    """Set an unusable cache aside: empty it and start a new one (when writing, once), with a warning."""
    shown = shown_as(root, site_dir)
    if not writable or not again:
        return None, [warning(shown, f"{why}; den används inte")]
    remove_own(root)
    cache, problems = BuildCache.open(root, site_dir, writable, again=False)
    return cache, [warning(shown, f"{why}; den byggs om från början"), *problems]
