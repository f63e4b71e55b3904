"""The build cache's folder: the names it writes, and how it is opened, shown and emptied.

``load.cache`` is the cache itself; this module knows only the folder, so that nothing but the names
listed here is ever removed from it (a folder with other names is not a beslut cache: see ``KNOWN``).
"""

from __future__ import annotations

import contextlib
import shutil
import sqlite3
from pathlib import Path

from generator.base.diagnostics import Diagnostic, Severity

CACHE_DIR = ".beslut-cache"
"""The cache's folder in the site folder, unless ``--cache`` names another."""
DATABASE = "cache.sqlite"
FILES = "filer"
TEMPLATES = "mallar"
"""Compiled templates (``pages.render``: Jinja checks each against its source and its own version)."""
NOTICE_COPY = "anslagstavla.json"
"""The notice list of the last build, kept here too (``outputs/noticelist.py``: CI restores the folder)."""
LOCK = "lås"
OWN = (DATABASE, f"{DATABASE}-journal", FILES, TEMPLATES, "CACHEDIR.TAG", LOCK)
"""Every name the cache writes in its folder: the only ones it ever removes."""
KNOWN = frozenset((*OWN, NOTICE_COPY))
"""Every name beslut writes in the folder: a folder with anything else is not ours."""
APPLICATION = 0x6273_6C74
"""SQLite's application_id of our database ("bslt"): a database of anything else is not ours."""
FORMAT = 3
"""The layout of the database and of the kept files (``PRAGMA user_version``): a cache of another layout
is started over (3: a build's files are kept flat, ``keptfiles.kept_place``)."""
KEEP_DAYS = 14
"""Values no build has used for this many days are removed."""
TAG = "Signature: 8a477f597d28d172789f06886806bc55\n# beslut: byggcache, kan tas bort när som helst\n"


def connect(root: Path, writable: bool) -> sqlite3.Connection:
    """Open the cache's database (made, with its folder, when writing; else read-only)."""
    if writable:
        root.mkdir(parents=True, exist_ok=True)
        return sqlite3.connect(root / DATABASE, isolation_level="DEFERRED")
    return sqlite3.connect(f"{(root / DATABASE).resolve().as_uri()}?mode=ro", uri=True)


def remove_own(root: Path) -> None:
    """Remove every file the cache writes from ``root`` (and nothing else)."""
    for name in OWN:
        path = root / name
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path, ignore_errors=True)
        else:
            with contextlib.suppress(OSError):  # what cannot be removed makes the cache unusable
                path.unlink()


def shown_as(root: Path, site_dir: Path) -> str:
    """Return the folder as warnings name it: relative to the site when inside it."""
    path = root.resolve()
    site = site_dir.resolve()
    return path.relative_to(site).as_posix() if path.is_relative_to(site) else str(path)


def warning(shown: str, message: str) -> Diagnostic:
    """Return a warning about the cache ``shown``."""
    return Diagnostic(
        shown,
        0,
        0,
        "cache",
        message,
        "inget att göra: det som inte kan hämtas ur cachen byggs på nytt (ta bort mappen för att börja om)",
        Severity.WARNING,
    )
