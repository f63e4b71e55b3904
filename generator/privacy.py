"""Refuse to publish a Swedish personnummer or samordningsnummer, wherever in a record it stands."""

from __future__ import annotations

import datetime as dt

from generator.config import SiteConfig
from generator.diagnostics import Diagnostic
from generator.personnummer import find_personnummer, normalize
from generator.sources import SourceFile


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
                    0,
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
    for hit in find_personnummer(text, reference):
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
                "ta bort numret eller ersätt det med [[maskerat: OSL 21 kap. 7 §]]; är det inte en privatperson, "
                "tillåt exakt detta nummer med skäl under allowed_personal_numbers i site.yaml",
            )
        )
    return problems
