"""What the contract's keys are called: its version, ASCII spellings, and keys a newer version renamed.

A site written against an older contract keeps building: a renamed key is read as its new name, with a
located warning that says what to write instead (``beslut check`` lists them). The version is also stated
at the top of ``docs/content.md``; a test keeps the two equal.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from generator.base.diagnostics import Severity
from generator.base.fields import FieldReader

ALIASES = {
    # ASCII spellings of the Swedish keys: the same key, without a warning.
    "namnd": "nämnd",
    "handlaggare": "handläggare",
    "forfattare": "författare",
    "overklagbar": "överklagbar",
}

CONTRACT_VERSION = "1.1"
"""The version of the content contract this beslut reads (docs/content.md)."""


@dataclass(frozen=True)
class RenamedKey:
    """A front matter key that a contract version renamed."""

    old: str
    """The key as older sites write it."""
    new: str
    """The key's name since ``version``."""
    version: str
    """The contract version that renamed it."""


RENAMED_KEYS: tuple[RenamedKey, ...] = ()
"""Every front matter key renamed since contract 1.0, oldest first. None so far: version 1.0 is the first."""


def renamed_keys() -> dict[str, RenamedKey]:
    """Return the renamed keys by their old name."""
    return {renamed.old: renamed for renamed in RENAMED_KEYS}


def canonical_keys(data: Mapping[str, Any], reader: FieldReader) -> dict[str, Any]:
    """Return the mapping by the contract's key names: ASCII spellings, and renamed keys with a warning.

    Two spellings of one key in one record are an error, reported at the later one.
    """
    out: dict[str, Any] = {}
    written: dict[str, str] = {}
    renamed = renamed_keys()
    for key, value in data.items():
        name = _name_of(str(key), renamed)
        if str(key) in renamed:
            since = renamed[str(key)]
            reader.report(
                (str(key),),
                str(key),
                f'nyckeln "{key}" heter "{since.new}" sedan innehållsavtalets version {since.version}',
                f"skriv {since.new}: i stället för {key}: (posten byggs som förut tills dess)",
                Severity.WARNING,
                on_key=True,
            )
        if name in out:
            line = reader.keys.at(written[name]).line
            reader.report(
                (str(key),),
                name,
                f"{key} och {written[name]} är samma nyckel (även på rad {line})",
                "ta bort den ena raden",
                on_key=True,
            )
        out[name] = value
        written[name] = str(key)
    return out


def _name_of(key: str, renamed: Mapping[str, RenamedKey]) -> str:
    """Return the contract's name of a key written as ``key``: an ASCII spelling's, or a renamed key's."""
    name = renamed[key].new if key in renamed else key
    return ALIASES.get(name, name)


def spellings(data: Mapping[str, Any]) -> dict[str, str]:
    """Return the spelling the author used for each key, by the contract's name of the key.

    A record asks for the spelling of every key it reads: one pass here spares a pass per key.
    """
    renamed = renamed_keys()
    spelled: dict[str, str] = {}
    for key in data:
        spelled.setdefault(_name_of(str(key), renamed), str(key))
    return spelled
