"""Refuse to publish a personnummer or samordningsnummer, or a secrecy marker that names no provision."""

from __future__ import annotations

import datetime as dt
import re

from generator.base.diagnostics import Diagnostic
from generator.base.sources import SourceFile
from generator.base.yamlerrors import format_path, key_path_at
from generator.config.settings import SiteConfig
from generator.load.frontmatter import SplitRecord, closing_fence
from generator.load.personnummer import find_in_paths, find_personnummer, may_hold_numbers, normalize

MASK_HINT = "skriv [[maskerat: OSL 26 kap. 1 §]] med den bestämmelse i sekretesslagen som gäller"

# Anything that looks meant as a secrecy marker, and the one form that is one (see markdown.py).
_MASK_LIKE = re.compile(r"\[\[\s*mask[^\]\n]*\]\]", re.IGNORECASE)
_MASK_WITH_PROVISION = re.compile(r"\[\[maskerat:?\s*[^\]\n]*[0-9][^\]\n]*\]\]")

NUMBER_HINT = (
    "ta bort numret eller ersätt det med [[maskerat: OSL 21 kap. 7 §]]; är det inte en privatperson, "
    "tillåt exakt detta nummer med skäl under allowed_personal_numbers i site.yaml"
)


def allowed_numbers(config: SiteConfig, reference: dt.date) -> tuple[set[str], list[Diagnostic]]:
    """Return the normalised numbers site.yaml allows; an entry that is no valid number is an error."""
    allowed: set[str] = set()
    problems = []
    for entry in config.allowed_numbers:
        number = normalize(entry.number, reference)
        if number is None:
            problems.append(
                Diagnostic(
                    "site.yaml",
                    entry.line,
                    entry.column,
                    "allowed_personal_numbers",
                    f'"{entry.number}" är inget giltigt personnummer',
                    "ta bort posten; bara giltiga nummer behöver tillåtas",
                )
            )
        else:
            allowed.add(number)
    return allowed, problems


def scan_source(
    source: SourceFile, split: SplitRecord | list[Diagnostic], allowed: set[str], reference: dt.date
) -> list[Diagnostic]:
    """Return one error per personnummer in the file (front matter and body), located to line and column.

    Each is reported under the key it is written at (``sammanfattning``, ``reservationer[1].text``), or
    ``body`` in the text; ``split`` is the file's front matter as read (anything else when it could not
    be read: the key is then found from the YAML up to the number).
    """
    problems: list[Diagnostic] = []
    text = source.text
    if not may_hold_numbers(text):
        return problems
    found = {hit.start: hit for hit in find_personnummer(text, reference)}
    found.update((hit.start, hit) for hit in find_in_paths(text, reference) if hit.start not in found)
    for hit in sorted(found.values(), key=lambda h: h.start):
        if hit.normalized in allowed:
            continue
        line = text.count("\n", 0, hit.start) + 1
        column = hit.start - (text.rfind("\n", 0, hit.start) + 1) + 1
        kind = "samordningsnummer" if hit.is_samordningsnummer else "personnummer"
        problems.append(
            Diagnostic(
                source.rel,
                line,
                column,
                _field_at(source, split, line, column),
                f'"{hit.text}" är ett giltigt {kind} och får inte publiceras',
                NUMBER_HINT,
            )
        )
    return problems


def _field_at(source: SourceFile, split: SplitRecord | list[Diagnostic], line: int, column: int) -> str:
    """Return the front matter key (as a path) or ``body`` that the file's ``line``:``column`` is in."""
    if isinstance(split, SplitRecord):
        if line >= split.body_line:
            return "body"
        return split.meta.keys.path_at(line, column) or "front matter"
    lines = source.text.split("\n")
    end = closing_fence(lines)
    if end is None or line > end + 1:
        return "body" if end is not None else "front matter"
    # Line 2 of the file is line 0 of the YAML.
    return format_path(key_path_at("\n".join(lines[1:end]), line - 2, column - 1)) or "front matter"


def scan_masks(source: SourceFile) -> list[Diagnostic]:
    """Return one error per secrecy marker that is misspelt or names no provision (with a number)."""
    problems = []
    text = source.text
    for match in _MASK_LIKE.finditer(text):
        if _MASK_WITH_PROVISION.fullmatch(match.group()):
            continue
        line = text.count("\n", 0, match.start()) + 1
        column = match.start() - (text.rfind("\n", 0, match.start()) + 1) + 1
        problems.append(
            Diagnostic(
                source.rel,
                line,
                column,
                "maskerat",
                f'"{match.group()}" {_mask_problem(match.group())}',
                MASK_HINT,
            )
        )
    return problems


def _mask_problem(marker: str) -> str:
    """Say what is wrong with a marker: its spelling, or its missing provision."""
    if marker.startswith("[[maskerat"):
        return "anger inte vilken sekretessbestämmelse som gäller"
    return "är ingen sekretessmarkering (felstavad)"
