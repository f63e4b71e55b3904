"""Shared helpers: minimal sites written into tmp_path as real files.

Keep helpers generic: unit tests, integration tests and the fixture sites all use them.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path

import pytest

from generator.base.diagnostics import Diagnostic
from generator.base.record import Record
from generator.base.sources import read_source
from generator.config.settings import SiteConfig, load_config
from generator.load.frontmatter import split_front_matter
from generator.load.records import validate_record

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


def load_site_config(site: Path) -> SiteConfig:
    """Return the validated site.yaml of ``site``; fail the test with the diagnostics if it is invalid."""
    config = load_config(site)
    assert isinstance(config, SiteConfig), "\n".join(d.format() for d in config)
    return config


def validate_file(site: Path, rel: str) -> tuple[Record | None, list[Diagnostic]]:
    """Read, split and validate the record ``rel`` (``content/…``) of ``site``, as the build does."""
    config = load_site_config(site)
    source = read_source(config.site_dir / rel, config.site_dir)
    if isinstance(source, Diagnostic):
        return None, [source]
    split = split_front_matter(source)
    if isinstance(split, list):
        return None, split
    return validate_record(split, config.rules)


def valid_record(site: Path, rel: str) -> Record:
    """Return the record ``rel`` of ``site``; fail the test with the diagnostics if it has any."""
    record, problems = validate_file(site, rel)
    assert record is not None and not problems, "\n".join(d.format() for d in problems)
    return record


@pytest.fixture
def site_factory(tmp_path: Path) -> Callable[..., Path]:
    """Return ``make_site`` bound to a fresh folder under tmp_path (call it more than once for more sites)."""
    count = 0

    def factory(files: Mapping[str, str | bytes] | None = None, site_yaml: str | None = SITE_YAML) -> Path:
        nonlocal count
        count += 1
        return make_site(tmp_path / f"site{count}", files, site_yaml)

    return factory
