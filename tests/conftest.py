"""Shared helpers: minimal sites written into tmp_path as real files.

Keep helpers generic: unit tests, integration tests and the fixture sites all use them.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path

import pytest

SITE_YAML = """\
title: Sjöviks kommuns beslut
base_url: https://www.sjovik.se/beslut/
organisations:
  - name: Sjöviks kommun
    protocol_location: Kommunkansliet, Stadshuset, Storgatan 1, Sjövik
    appeal_court: Förvaltningsrätten i Göteborg
    boards:
      - {name: Kommunfullmäktige, short: KF}
      - {name: Kommunstyrelsen, short: KS}
      - {name: Kommunstyrelsens arbetsutskott, short: KSAU, parent: KS}
"""
"""A small, valid site.yaml: one kommun with fullmäktige, styrelse and its arbetsutskott."""


def record_text(*lines: str, body: str = "Kommunstyrelsen beslutar att anta budgeten.\n") -> str:
    """Return a record: the front matter ``lines`` between ``---`` fences, a blank line, then ``body``."""
    return "---\n" + "".join(line + "\n" for line in lines) + "---\n\n" + body


def make_site(
    root: Path, files: Mapping[str, str | bytes] | None = None, site_yaml: str | None = SITE_YAML
) -> Path:
    """Write a site into ``root``: ``site.yaml`` (unless None) and ``files`` (path → text or bytes).

    Text is written as UTF-8 exactly as given (no newline translation), so tests control every byte.
    """
    root.mkdir(parents=True, exist_ok=True)
    all_files: dict[str, str | bytes] = {} if site_yaml is None else {"site.yaml": site_yaml}
    all_files.update(files or {})
    for rel, content in all_files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    (root / "content").mkdir(exist_ok=True)
    return root


@pytest.fixture
def site_factory(tmp_path: Path) -> Callable[..., Path]:
    """Return ``make_site`` bound to a fresh folder under tmp_path (call it more than once for more sites)."""
    count = 0

    def factory(files: Mapping[str, str | bytes] | None = None, site_yaml: str | None = SITE_YAML) -> Path:
        nonlocal count
        count += 1
        return make_site(tmp_path / f"site{count}", files, site_yaml)

    return factory
