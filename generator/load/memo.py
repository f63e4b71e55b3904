"""Remember what each record file gave, so the preview and a build with a cache redo only what changed.

``beslut serve`` keeps one enabled memo between rebuilds: a file is read again only when its size,
mtime or inode changed (or the watcher named it), and the later stages are keyed by the file's whole
text, so an unchanged record costs one dictionary look-up. Every key holds every input of the stage it
remembers; what is not in the key (what site.yaml sets for records: ``SiteConfig.rules``) resets the
memo when it changes. The rest of site.yaml (a title, an address) changes pages, never a record.

Behind the memory, a memo may have a build cache (``cache.BuildCache``): what is not in memory is
looked up there by the digest of all its inputs (site.yaml's rules and the list of attachments included), and
what had to be made is kept there for the next build. A normal build without a cache computes
everything (``enabled=False``).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Hashable, Sequence
from pathlib import Path
from typing import Any, TypeVar, cast

from generator.base.diagnostics import Diagnostic
from generator.base.digest import digest
from generator.base.sources import SourceFile, attachments_digest, find_record_paths, read_source
from generator.base.workers import Workers
from generator.load.cache import MISSING, BuildCache
from generator.load.lookups import Lookup, plain_fields, plain_values, recording, still_valid

T = TypeVar("T")
_MISSING = object()


class Memo:
    """Per-file results of the build's stages, kept between preview rebuilds."""

    def __init__(self, enabled: bool = True, store: BuildCache | None = None) -> None:
        self.enabled = enabled
        self.store = store
        """The build cache behind the memory, if any."""
        self._context = b""
        """The digest of what every file's checks read besides the file (site.yaml's rules, attachments)."""
        self._values: dict[Hashable, Any] = {}
        self._used: set[Hashable] = set()
        self._entries: dict[int, _RememberedEntry] = {}
        self._used_entries: set[int] = set()
        self._same: dict[tuple[int, int], tuple[bool, object, object]] = {}
        self._plain_same: dict[tuple[int, int], tuple[bool, object, object]] = {}
        self._rules: object = _MISSING
        self.hits = 0
        self.misses = 0
        self.made: dict[str, int] = {}
        """How many values each stage made in the last build (``fil``, ``text``): not remembered, not kept."""
        self.files_read = 0

    def start(self, rules: object) -> None:
        """Begin a build checking records against ``rules`` (``SiteConfig.rules``); others forget all."""
        if self._rules is not _MISSING and self._rules != rules:
            self.clear()
        self._rules = rules
        self._context = digest(rules) if self.store is not None else b""
        # Keep only what the previous build used: old versions of edited files drop out.
        self._values = {k: v for k, v in self._values.items() if k in self._used}
        self._entries = {k: v for k, v in self._entries.items() if k in self._used_entries}
        self._used, self._used_entries, self._same, self._plain_same = set(), set(), {}, {}
        self.hits = self.misses = self.files_read = 0
        self.made = {}

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

    def map(
        self, stage: str, sources: Sequence[SourceFile], compute: Callable[[SourceFile], T], workers: Workers
    ) -> list[T]:
        """Return ``compute(source)`` for each of ``sources``, remembered under ``(stage, source)``.

        What is not remembered (nor kept in the build cache) is computed by ``workers``; ``compute``
        may read nothing but its file, site.yaml and whether attachments are there.
        """
        values: list[Any] = [
            self._values.get((stage, source), _MISSING) if self.enabled else _MISSING for source in sources
        ]
        kept: dict[int, bytes] = {}
        if self.store is not None:
            for i, source in enumerate(sources):
                if values[i] is _MISSING:
                    kept[i] = key = digest(stage, self._context, source)
                    found = self.store.load(key)
                    values[i] = _MISSING if found is MISSING else found
        missing = [i for i, value in enumerate(values) if value is _MISSING]
        self.made[stage] = self.made.get(stage, 0) + len(missing)
        for i, value in zip(missing, workers.map(compute, [sources[i] for i in missing]), strict=True):
            values[i] = value
            if self.store is not None:
                self.store.keep(kept[i], value)
        if self.enabled:
            self._values.update(
                ((stage, source), value) for source, value in zip(sources, values, strict=True)
            )
            self._used.update((stage, source) for source in sources)
            self.hits += len(sources) - len(missing)
            self.misses += len(missing)
        return values

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
        for path in find_record_paths(content_dir, same=self.enabled):
            try:
                st = path.stat()
                key: Hashable = ("read", path, st.st_mtime_ns, st.st_size, st.st_ino)
            except OSError:
                key = ("unreadable", path, object())
            before = self.misses
            result = self.get(key, read_source, path, site_dir)
            self.files_read += self.misses - before
            (problems if isinstance(result, Diagnostic) else sources).append(result)  # type: ignore[arg-type]
        if self.store is not None:
            self._context = digest(self._context, attachments_digest(content_dir))
        return sources, problems

    def entry(self, make: Callable[[Any, str, Any], T], record: Any, mask_label: str, index: Any) -> T:
        """Return ``make(record, mask_label, index)``, reused while all it read of ``index`` is unchanged.

        ``index`` is a frozen dataclass of mappings (the link index): a title changed elsewhere in the
        site re-renders only the records whose text looked that title up.
        """
        return self.texts(make, [record], mask_label, index, Workers(1))[0]

    def texts(
        self,
        make: Callable[[Any, str, Any], T],
        records: Sequence[Any],
        mask_label: str,
        index: Any,
        workers: Workers,
    ) -> list[T]:
        """Return ``make(record, mask_label, index)`` for each record (see ``entry``).

        What is neither remembered nor kept in the build cache is made by ``workers``.
        """
        values: list[Any] = [self._remembered(record, mask_label, index) for record in records]
        kept = self._kept_texts(records, values, mask_label, index)
        missing = [i for i, value in enumerate(values) if value is _MISSING]
        self.made["text"] = self.made.get("text", 0) + len(missing)
        noting = self.enabled or self.store is not None

        def recorded(record: Any) -> tuple[T, list[Lookup]]:
            lookups: list[Lookup] = []
            return make(record, mask_label, recording(index, lookups) if noting else index), lookups

        made = workers.map(recorded, [records[i] for i in missing], chunk=16)
        for i, (value, lookups) in zip(missing, made, strict=True):
            values[i] = value
            if self.enabled:
                remembered = _RememberedEntry(records[i], mask_label, index, lookups, value)
                self._entries[id(records[i])] = remembered
            if self.store is not None:
                self.store.keep(kept[i], (lookups, value), stand_in=records[i])
        self.misses += len(missing) if self.enabled else 0
        return values

    def _kept_texts(
        self, records: Sequence[Any], values: list[Any], mask_label: str, index: Any
    ) -> dict[int, bytes]:
        """Fill in ``values`` from the build cache where it is still valid; return the keys of the others."""
        kept: dict[int, bytes] = {}
        if self.store is None:
            return kept
        plain = plain_values(index)
        for i, record in enumerate(records):
            if values[i] is not _MISSING:
                continue
            kept[i] = key = digest("text", record, mask_label, plain)
            found = self.store.load(key, stand_in=record)
            if found is not MISSING:
                lookups, value = cast(tuple[list[Lookup], Any], found)
                if still_valid(index, lookups, self._equal):
                    values[i] = value
                    if self.enabled:
                        self._entries[id(record)] = _RememberedEntry(
                            record, mask_label, index, lookups, value
                        )
        return kept

    def _remembered(self, record: Any, mask_label: str, index: Any) -> Any:
        """Return what ``make`` gave for ``record`` last time if it would give the same now, else _MISSING."""
        if not self.enabled:
            return _MISSING
        self._used_entries.add(id(record))
        remembered = self._entries.get(id(record))
        if (
            remembered is not None
            and remembered.record is record
            and self._still_valid(remembered, mask_label, index)
        ):
            self.hits += 1
            return remembered.value
        return _MISSING

    def _still_valid(self, remembered: _RememberedEntry, mask_label: str, index: Any) -> bool:
        """Return True when rendering the record again would read exactly the same values."""
        if mask_label != remembered.mask_label:
            return False
        old = remembered.index
        # Most records were rendered with the same index: its plain fields are compared once per build.
        pair = (id(index), id(old))
        known = self._plain_same.get(pair)
        if known is None:
            same = all(self._equal(getattr(index, n), getattr(old, n)) for n in plain_fields(index))
            # The pair is kept with the answer, so that neither id can be reused while it is remembered.
            known = self._plain_same[pair] = (same, index, old)
        return known[0] and still_valid(index, remembered.lookups, self._equal)

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
    lookups: list[Lookup]
    value: Any
