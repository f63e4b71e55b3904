"""A whole meeting's protokoll (many §§) → one protokollsutdrag per §."""

from __future__ import annotations

from pathlib import Path

from generator.config.settings import SiteConfig
from generator.importer.blocks import Block
from generator.importer.infer import Given, Inferred


def split_meeting(
    blocks: list[Block], config: SiteConfig, given: Given, attach: Path | None
) -> list[Inferred] | None:
    """Return one record per § when the document is a protokoll with several §§; None otherwise."""
    return None
