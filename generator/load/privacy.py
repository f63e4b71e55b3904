"""Refuse to publish a personnummer or samordningsnummer, or a secrecy marker that names no provision."""

from __future__ import annotations

import datetime as dt
import re

from generator.base.diagnostics import Diagnostic
from generator.base.sources import SourceFile
from generator.config.settings import SiteConfig
from generator.load.personnummer import find_in_paths, find_personnummer, normalize

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


def scan_source(source: SourceFile, allowed: set[str], reference: dt.date) -> list[Diagnostic]:
    """Return one error per personnummer in the file (front matter and body), located to line and column."""
    problems = []
    text = source.text
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
                kind,
                f'"{hit.text}" är ett giltigt {kind} och får inte publiceras',
                NUMBER_HINT,
            )
        )
    return problems


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
