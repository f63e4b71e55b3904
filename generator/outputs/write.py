"""Write the site into a staging folder beside the output, then swap it in.

Nothing outside the output folder (and its staging sibling) is ever written or deleted, and a
failed build leaves the previously published output exactly as it was.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from generator.base.diagnostics import Diagnostic
from generator.outputs.minify import minify, shrinks


@dataclass(frozen=True)
class StagedPart:
    """What a worker process wrote into the staging folder, for the build's own ``Staging`` to take in."""

    files: tuple[str, ...]


class Staging:
    """A fresh folder beside the output that becomes the output only when everything succeeded."""

    def __init__(self, output: Path) -> None:
        self.output = output
        self.root = output.parent / f".{output.name}.staging-{os.getpid()}"
        self.written: set[str] = set()
        self._order: list[str] = []
        self._folders: set[str] = set()

    def __enter__(self) -> Staging:
        if self.root.exists():
            shutil.rmtree(self.root)
        self.root.mkdir(parents=True)
        return self

    def __exit__(self, *exc: object) -> None:
        # Reached on success too, after swap(): then the folder is gone already.
        if self.root.exists():
            shutil.rmtree(self.root, ignore_errors=True)

    def write_text(self, rel: str, text: str) -> None:
        """Write one file; refuse to write the same path twice (two pages claiming one address)."""
        self._claim(rel, "två sidor skrivs till samma fil")
        self._write(rel, text.encode("utf-8"))

    def write_page(self, rel: str, source: object, render: Callable[..., str], *args: object) -> None:
        """Write ``render(*args)`` at ``rel``; ``source`` is all the text depends on (the page job).

        This writer always renders; the preview's writer skips pages whose ``source`` is unchanged.
        """
        self.write_text(rel, render(*args))

    def write_bytes(self, rel: str, data: bytes) -> None:
        """Write one file byte for byte (CRLF calendars, feeds); refuse to write the same path twice."""
        self._claim(rel, "två filer skrivs till samma adress")
        self._write(rel, data)

    def copy_file(self, source: Path, rel: str) -> None:
        """Copy one file in (static assets, attachments); a later copy of the same path is skipped.

        The built-in themes' stylesheets and scripts are copied without comments and indentation (``minify``).
        """
        if rel in self.written:
            return
        self._claim(rel, "")
        if shrinks(source):
            self._write(rel, minify(source.name, source.read_bytes()))
        else:
            shutil.copyfile(source, self.place(rel))

    def mark(self) -> int:
        """Return where the files written from now on begin (see ``since``)."""
        return len(self._order)

    def since(self, mark: int) -> StagedPart:
        """Return what was written since ``mark``: a worker's part, for ``absorb``."""
        return StagedPart(tuple(self._order[mark:]))

    def absorb(self, part: StagedPart) -> None:
        """Take in what a worker process wrote (refusing a file two workers both wrote)."""
        for rel in part.files:
            self._claim(rel, "två sidor skrivs till samma fil")

    def arrange(self, mark: int, parts: list[tuple[bool, StagedPart]]) -> None:
        """List what was written since ``mark`` part by part in the order of ``parts``.

        Each part is (own, part): own parts were written by this process (listed already, in the order
        this process made them), the others are taken in (``absorb``).
        """
        del self._order[mark:]
        for own, part in parts:
            if own:
                self._order.extend(part.files)
            else:
                self.absorb(part)

    def place(self, rel: str) -> str:
        """Return where ``rel`` is written in the staging folder, its folder made.

        A plain string: tens of thousands of files are placed, and a ``Path`` costs more than the work.
        """
        root = str(self.root)
        folder = rel.rpartition("/")[0]
        if folder not in self._folders:
            os.makedirs(os.path.join(root, folder), exist_ok=True)
            self._folders.add(folder)
        return os.path.join(root, rel)

    def _claim(self, rel: str, twice: str) -> None:
        if rel in self.written:
            raise RuntimeError(f"{twice}: {rel}")
        self.written.add(rel)
        self._order.append(rel)

    def _write(self, rel: str, data: bytes) -> None:
        with open(self.place(rel), "wb") as file:
            file.write(data)

    def swap(self) -> None:
        """Replace the output with the staged site: two renames, the old site removed last."""
        old = self.output.parent / f".{self.output.name}.old-{os.getpid()}"
        if self.output.exists():
            self.output.rename(old)
        self.root.rename(self.output)
        if old.exists():
            shutil.rmtree(old)


def check_output_dir(output: Path, site_dir: Path) -> Diagnostic | None:
    """Refuse an output folder whose replacement could destroy something that is not ours."""
    out = output.resolve()
    site = site_dir.resolve()
    forbidden = {Path("/"), Path.home().resolve(), site, (site / "content").resolve()}
    problem = None
    if out in forbidden:
        problem = f"{out} får inte vara utdatamappen"
    elif site.is_relative_to(out):
        problem = f"{out} innehåller webbplatsens mapp"
    elif out.is_relative_to(site / "content"):
        problem = f"{out} ligger i content/"
    elif out.is_relative_to(site / "themes") or out.is_relative_to(site / "templates"):
        problem = f"{out} ligger i en mapp med mallar"
    elif out.exists() and not out.is_dir():
        problem = f"{out} är en fil, inte en mapp"
    elif out.is_dir() and any(out.iterdir()) and not (out / "index.html").is_file():
        # The whole folder is replaced: a folder of other files (--out ~/Dokument) is never taken for ours.
        problem = f"{out} innehåller annat än en byggd webbplats, och hela utdatamappen ersätts vid bygget"
    if problem is None:
        return None
    return Diagnostic(
        "--out",
        0,
        0,
        "utdatamapp",
        problem,
        "välj en egen mapp för den byggda webbplatsen, t.ex. --out public",
    )
