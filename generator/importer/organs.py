"""Find the site's organisations and boards (site.yaml) in a document's words, also in genitive."""

from __future__ import annotations

import re

from generator.config.parts import BoardConfig, OrganisationConfig
from generator.config.settings import SiteConfig


def genitive(name: str) -> str:
    """Return the Swedish genitive: ``Kommunstyrelsens arbetsutskott`` → ``… arbetsutskotts``."""
    return name if name[-1:].lower() in ("s", "x", "z") else name + "s"


def board_named(phrase: str, org: OrganisationConfig | None, config: SiteConfig) -> BoardConfig | None:
    """Return the board ``phrase`` names exactly, in nominative or genitive (``Kommunfullmäktiges``)."""
    wanted = phrase.strip().strip(":").strip().lower()
    for board in _boards(org, config):
        if wanted in (board.name.lower(), genitive(board.name).lower()):
            return board
    return None


def organisation_of(board: BoardConfig, config: SiteConfig) -> OrganisationConfig | None:
    """Return the one organisation that has a board of this name, or None when several have it."""
    owners = [o for o in config.organisations if any(b.name == board.name for b in o.boards)]
    return owners[0] if len(owners) == 1 else None


def _boards(org: OrganisationConfig | None, config: SiteConfig) -> list[BoardConfig]:
    if org is not None:
        return list(org.boards)
    return [b for o in config.organisations for b in o.boards]


def find_organisation(text: str, config: SiteConfig) -> tuple[OrganisationConfig, int] | None:
    """Return the organisation the text names, and the offset of the first mention.

    The full name (``Huddinge kommun``, ``Huddinge kommuns``) counts first; failing that the place name
    alone (``Stockholm den 9 november 2006``), if only one organisation's place is named.
    """
    full = [(m.start(), o) for o in config.organisations for m in _pattern(o.name).finditer(text)]
    if full:
        offset, org = min(full, key=lambda x: x[0])
        return org, offset
    places = {
        o.name: (o, [m.start() for m in _pattern(_place(o.name)).finditer(text)])
        for o in config.organisations
    }
    named = [(org, found) for org, found in places.values() if found and _place(org.name) != org.name]
    if len(named) == 1:
        org, found = named[0]
        return org, found[0]
    return None


def _pattern(name: str) -> re.Pattern[str]:
    """Return a pattern for a name, its genitive allowed, as a whole word."""
    return re.compile(rf"(?<![\wåäöÅÄÖ]){re.escape(name)}s?(?![\wåäöÅÄÖ])")


def _place(name: str) -> str:
    """Return the place in an organisation's name: ``Stockholms stad`` → ``Stockholm``."""
    for word in (" kommun", " stad", " region", " kommunalförbund", " landsting"):
        if name.lower().endswith(word):
            place = name[: -len(word)]
            return place[:-1] if word == " stad" and place.endswith("s") else place
    return name
