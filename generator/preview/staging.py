"""The preview's staging: only what changed is written, then moved into the served folder file by file."""

from __future__ import annotations

import contextlib
import os
import shutil
from collections.abc import Callable
from pathlib import Path

from generator.outputs.write import Staging
from generator.preview.made import Made, made_extra, made_file, made_page, page_addresses


class Cancelled(Exception):
    """Raised inside a build that a newer change makes pointless."""


class PreviewStaging(Staging):
    """Writes only what changed into a small folder, then moves it into the served site file by file.

    The served folder is touched only once the whole build succeeded, and each file is replaced by
    one rename, so a request never reads half a file and a failed build leaves the site as it was.
    """

    def __init__(
        self,
        output: Path,
        number: int,
        previous: dict[str, Made],
        reuse_pages: bool,
        extras: bool,
        cancel: Callable[[], bool] | None = None,
        partial: bool = False,
        extras_only: bool = False,
    ) -> None:
        super().__init__(output)
        self.live = output
        self.root = output.parent / f".{output.name}.staging-{number}"
        self.previous = previous
        self.reuse_pages = reuse_pages
        self.extras = extras
        self.cancel = cancel
        """Asked before each file: True abandons the build (a newer change is waiting)."""
        self.partial = partial
        """A first pass that writes a few pages: every other served file stays as it is."""
        self.extras_only = extras_only
        """The idle work on the last build's site: the outputs are made, every page and file stays."""
        self.manifest: dict[str, Made] = {}
        self.rendered = 0
        self._kept: set[str] = set()
        self.changed: list[str] | None = None
        """After ``swap``: the address of every page made, changed or removed; None when another file
        changed too (a stylesheet, a feed), so that every open page reloads."""

    @property
    def kept(self) -> int:
        """Return how many served files were left as they were."""
        return len(self._kept)

    def write_page(self, rel: str, source: object, render: Callable[..., str], *args: object) -> None:
        """Keep the served page if its digest is unchanged; else render it."""
        self._check_cancel()
        made = made_page(source)
        if self.reuse_pages and self._keep(rel, made):
            return
        self.write_text(rel, render(*args))
        self.manifest[rel] = made
        self.rendered += 1

    def write_bytes(self, rel: str, data: bytes) -> None:
        """Write a feed, calendar or data file, unless the served one has the same bytes."""
        self._check_cancel()
        made = made_extra(data)
        if not self._keep(rel, made):
            super().write_bytes(rel, data)
            self.manifest[rel] = made

    def copy_file(self, source: Path, rel: str) -> None:
        """Copy a static file or attachment, unless the served copy came from the same file."""
        if rel in self.written:
            return
        made = made_file(source)
        if not self._keep(rel, made):
            super().copy_file(source, rel)
            self.manifest[rel] = made

    def _keep(self, rel: str, made: Made) -> bool:
        """Return True (and note it) when the served file was made from exactly ``made``."""
        if made.key is None or self.previous.get(rel) != made or rel in self.written:
            return False
        self.written.add(rel)
        self._kept.add(rel)
        self.manifest[rel] = made
        return True

    def _check_cancel(self) -> None:
        if self.cancel is not None and self.cancel():
            raise Cancelled

    def swap(self) -> None:
        """Move every new file into the served folder; remove what this build no longer makes.

        A build that a newer change has made pointless is abandoned here, so that an idle-time build
        never publishes a page the open pages are not told about.
        """
        self._check_cancel()
        if not self.live.exists():
            self.root.rename(self.live)
            return
        removed: list[str] = []
        for rel, made in self.previous.items():
            if rel in self.written:
                continue
            extra = made.kind == "extra"
            if self.partial or (extra and not self.extras) or (self.extras_only and not extra):
                self.manifest[rel] = made  # made again when the preview is idle, or by the full pass
                continue
            removed.append(rel)
            with contextlib.suppress(FileNotFoundError):
                (self.live / rel).unlink()
                _remove_empty_parents(self.live / rel, self.live)
        made_anew = self.written - self._kept
        self.changed = page_addresses([*made_anew, *removed])
        for rel in made_anew:
            target = self.live / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(self.root / rel, target)
        shutil.rmtree(self.root, ignore_errors=True)


def _remove_empty_parents(path: Path, stop: Path) -> None:
    """Remove the now empty folders above a removed page (an old address then answers 404)."""
    folder = path.parent
    while folder != stop and folder.is_relative_to(stop):
        try:
            folder.rmdir()
        except OSError:
            return
        folder = folder.parent
