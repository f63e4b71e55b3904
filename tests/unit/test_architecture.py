"""The stage folders import one way, down the pipeline (docs/architecture.md): no arrow back up."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "generator"
ORDER = [
    "base",
    "config",
    "load",
    "markdown",
    "model",
    "pages",
    "outputs",
    "authoring",
    "importer",
    "build",
    "preview",
    "cli",
]
"""Each folder may import from itself and the folders before it; build.py sits between them."""


def stage_of(module: str) -> str | None:
    """Return the stage of ``generator.<stage>...`` (None for the package's own __init__ or __main__)."""
    parts = module.split(".")
    if parts[0] != "generator" or len(parts) < 2:
        return None
    return parts[1] if parts[1] in ORDER else None


def imports_of(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return found


def arrows_back_up() -> list[str]:
    wrong = []
    for path in sorted(PACKAGE.rglob("*.py")):
        own = stage_of("generator." + ".".join(path.relative_to(PACKAGE).with_suffix("").parts))
        if own is None:
            continue
        for module in imports_of(path):
            other = stage_of(module)
            if other is not None and ORDER.index(other) > ORDER.index(own):
                wrong.append(f"{path.relative_to(PACKAGE)} imports {module}")
    return wrong


def test_every_stage_imports_only_from_the_stages_above_it() -> None:
    assert arrows_back_up() == []


def test_every_module_is_in_a_stage_folder() -> None:
    loose = {p.name for p in PACKAGE.glob("*.py")} - {"__init__.py", "__main__.py", "build.py"}
    assert loose == set()
    assert {p.name for p in PACKAGE.iterdir() if p.is_dir() and p.name != "__pycache__"} <= set(ORDER)


def test_an_arrow_back_up_is_caught(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fake = tmp_path / "generator"
    (fake / "base").mkdir(parents=True)
    (fake / "base" / "bad.py").write_text("from generator.pages.kinds import PageKind\n", encoding="utf-8")
    monkeypatch.setattr(sys.modules[__name__], "PACKAGE", fake)
    assert arrows_back_up() == ["base/bad.py imports generator.pages.kinds"]
