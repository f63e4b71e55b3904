"""Find the site's record files, in a stable order."""

from __future__ import annotations

import functools
import os
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from generator.base.diagnostics import Diagnostic
from generator.base.digest import digest

# Editors and sync tools leave these beside real files; they are never records.
_IGNORED_PREFIXES = (".", "#", "~")
_IGNORED_SUFFIXES = ("~", ".swp", ".swx", ".tmp", ".bak")


@dataclass(frozen=True)
class SourceFile:
    """One Markdown record as read from disk."""

    path: Path
    """Absolute path."""
    rel: str
    """Path relative to the site folder, with '/' separators (``content/ks/x.md``)."""
    text: str
    """The text, BOM removed and line endings normalised to ``\\n``."""


def is_ignored(name: str) -> bool:
    """Return True for editor temp, swap, hidden and backup files."""
    return name.startswith(_IGNORED_PREFIXES) or name.endswith(_IGNORED_SUFFIXES)


def find_record_paths(content_dir: Path, same: bool = False) -> list[Path]:
    """Return every record file under ``content_dir`` in sorted order (of its path relative to it).

    Walked with ``os.walk`` and plain strings: the preview does this after every save, over every file.
    ``same``: return the same Path object for a path each time (the preview; a build makes them once
    and lets them go, instead of keeping one per record for the rest of its life).
    """
    found: list[tuple[str, str]] = []
    root = str(content_dir)
    for folder, subfolders, names in os.walk(root):
        subfolders[:] = [name for name in subfolders if not is_ignored(name)]
        rel_folder = os.path.relpath(folder, root).replace(os.sep, "/")
        prefix = "" if rel_folder == "." else rel_folder + "/"
        for name in names:
            if name.endswith(".md") and not is_ignored(name):
                found.append((prefix + name, os.path.join(folder, name)))
    found.sort()
    return [_path(path) if same else Path(path) for _, path in found]


@functools.lru_cache(maxsize=1 << 18)
def _path(path: str) -> Path:
    """Return ``path`` as a Path, the same object each time: the preview walks every file after each
    save, and making 10,000 Paths anew took a fifth of the time to the saved record's page."""
    return Path(path)


class SourceTexts(Mapping[str, str]):
    """Each record file's text by its path (``content/…``), read again from disk when asked for.

    For the few messages that quote a file after the build no longer holds every file's text.
    """

    def __init__(self, site_dir: Path, rels: Iterable[str]) -> None:
        self.site_dir = site_dir
        self.rels = tuple(rels)

    def __getitem__(self, rel: str) -> str:
        if rel not in self.rels:
            raise KeyError(rel)
        source = read_source(self.site_dir / rel, self.site_dir)
        if isinstance(source, Diagnostic):
            raise KeyError(rel)
        return source.text

    def __iter__(self) -> Iterator[str]:
        return iter(self.rels)

    def __len__(self) -> int:
        return len(self.rels)


def attachments_digest(content_dir: Path) -> bytes:
    """Return the digest of which files besides records are under ``content_dir``, and where links lead.

    A record's checks look up its attachments and image there; this is all they read besides the record.
    """
    found: list[tuple[str, bool, str]] = []
    root = str(content_dir)
    for folder, dirs, files in os.walk(root):
        dirs.sort()
        folders = set(dirs)
        for name in sorted(dirs + files):
            if name.endswith(".md"):
                continue
            path = os.path.join(folder, name)
            link = os.path.islink(path)
            if name in folders and not link:
                continue
            rel = os.path.relpath(path, root).replace(os.sep, "/")
            found.append((rel, os.path.isfile(path), os.readlink(path) if link else ""))
    return digest(str(content_dir.resolve()), found)


def read_source(path: Path, site_dir: Path) -> SourceFile | Diagnostic:
    """Read one record file as UTF-8, accepting a BOM and CRLF."""
    rel = path.relative_to(site_dir).as_posix()
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return Diagnostic(
            rel,
            1,
            1,
            "fil",
            f"filen kan inte läsas ({exc.strerror})",
            "kontrollera att filen finns och att du har rätt att läsa den",
        )
    text = decode_utf8(raw, rel)
    if isinstance(text, Diagnostic):
        return text
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return SourceFile(path, rel, text)


def decode_utf8(raw: bytes, rel: str) -> str | Diagnostic:
    """Return ``raw`` decoded as UTF-8 (a BOM is dropped), or an error at the first byte that is not."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        # Everything before the bad byte is valid UTF-8, so the column counts characters, as editors do.
        column = len(before[before.rfind(b"\n") + 1 :].decode("utf-8-sig")) + 1
        return Diagnostic(
            rel,
            line,
            column,
            "teckenkodning",
            "filen är inte sparad som UTF-8 (tecknet här kan inte läsas)",
            "spara filen som UTF-8 (i de flesta redigerare: Spara som → Kodning: UTF-8)",
        )


def read_sources(content_dir: Path, site_dir: Path) -> tuple[list[SourceFile], list[Diagnostic]]:
    """Read every record under ``content_dir``; collect the files that cannot be read."""
    sources: list[SourceFile] = []
    problems: list[Diagnostic] = []
    for path in find_record_paths(content_dir):
        result = read_source(path, site_dir)
        if isinstance(result, Diagnostic):
            problems.append(result)
        else:
            sources.append(result)
    return sources, problems
