"""Digests of values and of the program itself: what the build cache keys everything by.

A value's digest is that of its pickle: exact about every field and type, and the same in every
process for equal values. The pickle is made without its memo, so that it does not depend on which
equal parts happen to be one object (a record made in a worker process shares fewer strings than one
made here); a value that still pickles differently (a set, whose order follows the process's string
hashing) misses the cache, it never hits a wrong entry. The product's digest covers everything besides the
site that a page depends on: this package's code, the libraries that render, and Python itself.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.metadata
import io
import pickle
import sys
from pathlib import Path

from generator import __version__
from generator.base.lean import TABLE

SIZE = 16
"""Bytes of a digest (BLAKE2b-128: no two different inputs meet by chance)."""

_RENDERING_LIBRARIES = (
    "jinja2",
    "markupsafe",
    "markdown-it-py",
    "mdit-py-plugins",
    "pyyaml",
    "pyphen",  # templates hyphenate headings as they render: a cached page holds its hyphens
    "holidays",
    "icalendar",
)
"""The libraries whose version changes what a build makes (a cache from other versions is not used)."""


def digest(*values: object) -> bytes:
    """Return the digest of ``values`` (which must not contain themselves)."""
    buffer = io.BytesIO()
    pickler = pickle.Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL)
    pickler.fast = True  # no memo: each part is written out wherever it occurs
    pickler.dispatch_table = TABLE  # lean: the build's strings are left as they are (``base.lean``)
    pickler.dump(values)
    return hashlib.blake2b(buffer.getbuffer(), digest_size=SIZE).digest()


def digest_bytes(data: bytes | memoryview) -> bytes:
    """Return the digest of ``data`` (a file's bytes)."""
    return hashlib.blake2b(data, digest_size=SIZE).digest()


def digest_files(paths: list[Path], root: Path) -> bytes:
    """Return the digest of the files ``paths``: their names relative to ``root`` and their bytes."""
    whole = hashlib.blake2b(digest_size=SIZE)
    for path in sorted(paths):
        whole.update(path.relative_to(root).as_posix().encode() + b"\0")
        whole.update(digest_bytes(path.read_bytes()))
    return whole.digest()


@functools.cache
def product_digest() -> bytes:
    """Return the digest of this version of beslut: its code, its rendering libraries and Python."""
    package = Path(__file__).resolve().parents[1]
    versions = [_version(name) for name in _RENDERING_LIBRARIES]
    code = digest_files([p for p in package.rglob("*.py") if "__pycache__" not in p.parts], package)
    return digest(__version__, sys.version, versions, code)


def _version(name: str) -> str:
    try:
        return f"{name} {importlib.metadata.version(name)}"
    except importlib.metadata.PackageNotFoundError:
        return f"{name} ?"
