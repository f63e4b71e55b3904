"""Remember what each record file gave, so the preview re-reads and re-renders only what changed.

A normal build uses a disabled memo (every call computes). ``beslut serve`` keeps one enabled memo
between rebuilds: a file is read again only when its size, mtime or inode changed (or the watcher
named it), and the later stages are keyed by the file's whole text, so an unchanged record costs one
dictionary look-up. Every key holds every input of the stage it remembers; what is not in the key
(site.yaml) resets the memo when it changes.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Hashable, Iterator, Mapping
from pathlib import Path
from typing import Any, TypeVar

from generator.base.diagnostics import Diagnostic
from generator.base.sources import SourceFile, find_record_paths, read_source

T = TypeVar("T")
_MISSING = object()


class Memo:
    """Per-file results of the build's stages, kept between preview rebuilds."""

    def __init__(self, enabled: bool = True) -> None:
        self.enabled = enabled
        self._values: dict[Hashable, Any] = {}
        self._used: set[Hashable] = set()
        self._entries: dict[int, _RememberedEntry] = {}
        self._used_entries: set[int] = set()
        self._same: dict[tuple[int, int], tuple[bool, object, object]] = {}
        self._config: object = _MISSING
        self.hits = 0
        self.misses = 0
        self.files_read = 0

    def start(self, config: object) -> None:
        """Begin one build with ``config``; a different site.yaml forgets everything."""
        if self._config is not _MISSING and self._config != config:
            self.clear()
        self._config = config
        # Keep only what the previous build used: old versions of edited files drop out.
        self._values = {k: v for k, v in self._values.items() if k in self._used}
        self._entries = {k: v for k, v in self._entries.items() if k in self._used_entries}
        self._used, self._used_entries, self._same = set(), set(), {}
        self.hits = self.misses = self.files_read = 0

    def clear(self) -> None:
        """Forget everything."""
        self._values.clear()
        self._used.clear()
        self._entries.clear()

    def get(self, key: Hashable, compute: Callable[..., T], *args: Any) -> T:
        """Return ``compute(*args)``, remembered under ``key`` (which must name every input)."""
        if not self.enabled:
            return compute(*args)
        self._used.add(key)
        try:
            value: T = self._values[key]
            self.hits += 1
        except KeyError:
            value = self._values[key] = compute(*args)
            self.misses += 1
        return value

    def forget_file(self, path: Path) -> None:
        """Read ``path`` again next time, even if its size and mtime look unchanged."""
        self._values = {k: v for k, v in self._values.items() if not _is_read_of(k, path)}

    def forget_mentions(self, name: str) -> None:
        """Validate again every record whose text mentions ``name`` (an attachment that came or went)."""
        self._values = {
            k: v
            for k, v in self._values.items()
            if not (isinstance(k, tuple) and any(isinstance(p, SourceFile) and name in p.text for p in k))
        }

    def read_sources(self, content_dir: Path, site_dir: Path) -> tuple[list[SourceFile], list[Diagnostic]]:
        """Read every record under ``content_dir``; unchanged files come from memory."""
        sources: list[SourceFile] = []
        problems: list[Diagnostic] = []
        for path in find_record_paths(content_dir):
            try:
                st = path.stat()
                key: Hashable = ("read", path, st.st_mtime_ns, st.st_size, st.st_ino)
            except OSError:
                key = ("unreadable", path, object())
            before = self.misses
            result = self.get(key, read_source, path, site_dir)
            self.files_read += self.misses - before
            (problems if isinstance(result, Diagnostic) else sources).append(result)  # type: ignore[arg-type]
        return sources, problems

    def entry(self, make: Callable[[Any, str, Any], T], record: Any, mask_label: str, index: Any) -> T:
        """Return ``make(record, mask_label, index)``, reused while all it read of ``index`` is unchanged.

        ``index`` is a frozen dataclass of mappings (the link index): a title changed elsewhere in the
        site re-renders only the records whose text looked that title up.
        """
        if not self.enabled:
            return make(record, mask_label, index)
        self._used_entries.add(id(record))
        remembered = self._entries.get(id(record))
        if (
            remembered is not None
            and remembered.record is record
            and self._still_valid(remembered, mask_label, index)
        ):
            self.hits += 1
            value: T = remembered.value
            return value
        self.misses += 1
        lookups: list[tuple[str, object, object]] = []
        value = make(record, mask_label, _recording(index, lookups))
        self._entries[id(record)] = _RememberedEntry(record, mask_label, index, lookups, value)
        return value

    def _still_valid(self, remembered: _RememberedEntry, mask_label: str, index: Any) -> bool:
        """Return True when rendering the record again would read exactly the same values."""
        if mask_label != remembered.mask_label:
            return False
        old = remembered.index
        for name in _plain_fields(index):
            if not self._equal(getattr(index, name), getattr(old, name)):
                return False
        for name, key, seen in remembered.lookups:
            current = getattr(index, name)
            if not self._equal(current if key is _WHOLE else current.get(key, _MISSING), seen):
                return False
        return True

    def _equal(self, a: object, b: object) -> bool:
        """Compare two values, each pair once per build (every record looks up the same boards)."""
        if a is b:
            return True
        pair = (id(a), id(b))
        known = self._same.get(pair)
        if known is None:
            # The pair is kept with the answer, so that neither id can be reused while it is remembered.
            known = self._same[pair] = (bool(a == b), a, b)
        return known[0]


def _is_read_of(key: Hashable, path: Path) -> bool:
    return isinstance(key, tuple) and len(key) > 1 and key[0] == "read" and key[1] == path


@dataclasses.dataclass(frozen=True)
class _RememberedEntry:
    """One rendered record and every look-up its rendering made in the link index."""

    record: Any
    mask_label: str
    index: Any
    lookups: list[tuple[str, object, object]]
    value: Any


def _plain_fields(index: Any) -> tuple[str, ...]:
    """Return the fields of ``index`` that are not mappings (compared whole)."""
    names = (f.name for f in dataclasses.fields(index))
    return tuple(n for n in names if not isinstance(getattr(index, n), Mapping))


_WHOLE = object()


def _recording(index: Any, lookups: list[tuple[str, object, object]]) -> Any:
    """Return ``index`` with each mapping wrapped so that every look-up is written to ``lookups``."""
    wrapped = {
        f.name: _RecordingMapping(f.name, getattr(index, f.name), lookups)
        for f in dataclasses.fields(index)
        if isinstance(getattr(index, f.name), Mapping)
    }
    return dataclasses.replace(index, **wrapped)


class _RecordingMapping(Mapping[Any, Any]):
    """A read-only view of a mapping that notes each key asked for (and the whole, when iterated)."""

    def __init__(
        self, name: str, inner: Mapping[Any, Any], lookups: list[tuple[str, object, object]]
    ) -> None:
        self._name, self._inner, self._lookups = name, inner, lookups

    def __getitem__(self, key: Any) -> Any:
        value = self._inner.get(key, _MISSING)
        self._lookups.append((self._name, key, value))
        if value is _MISSING:
            raise KeyError(key)
        return value

    def __iter__(self) -> Iterator[Any]:
        self._lookups.append((self._name, _WHOLE, self._inner))
        return iter(self._inner)

    def __len__(self) -> int:
        self._lookups.append((self._name, _WHOLE, self._inner))
        return len(self._inner)
