"""Every address on the site is claimed once: collisions name every file involved and the fix."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from generator.base.diagnostics import Diagnostic
from generator.base.doctypes import Kind
from generator.base.record import Record
from generator.base.slugs import slugify
from generator.model.assemble import at_key
from generator.model.site import RecordText, Site


def _address_key(rec: Record) -> str:
    """Return the front matter key an address is made from, to point the author at it."""
    if rec.slug:
        return "slug"
    if rec.namnd is not None and rec.typ.kind in (Kind.MINUTES, Kind.NOTICE):
        return "typ"
    if rec.namnd is not None and rec.typ.kind is Kind.MINUTES_ITEM and rec.paragraf:
        return "titel"
    return "filnamn"


def check_paths(entries: Iterable[RecordText], site: Site) -> list[Diagnostic]:
    """Report every address claimed twice, naming every file involved, at the line the address comes from."""
    owners: dict[str, list[tuple[str, Record | None]]] = defaultdict(list)
    for entry in entries:
        owners[entry.path].append((entry.record.rel, entry.record))
    for board in site.boards.values():
        owners[board.path].append((f"site.yaml (nämnden {board.config.name})", None))
    for case in site.cases.values():
        owners[case.path].append((f"ärendet {case.diarienummer}", None))
    problems = []
    for path, who in owners.items():
        if len(who) < 2:
            continue
        records = [rec for _, rec in who if rec is not None]
        if not records:
            listed = ", ".join(label for label, _ in who)
            problems.append(
                Diagnostic(
                    "site.yaml",
                    1,
                    1,
                    "adress",
                    f"adressen /{path} används av {listed}",
                    "ge nämnderna kortnamn (short) som skiljer sig även med bara a-z och 0-9",
                )
            )
        for rec in records:
            others = ", ".join(label for label, other in who if other is not rec)
            key = _address_key(rec)
            message = f"adressen /{path} används också av {others}"
            if key == "filnamn":
                hint = (
                    "adressen kommer från filens namn; byt namn på en av filerna, "
                    f"t.ex. till {rec.datum.isoformat()}-{slugify(rec.titel)}.md"
                )
                problems.append(Diagnostic(rec.rel, 1, 1, key, message, hint))
                continue
            hint = (
                "skriv en annan slug: i en av posterna (bara a-z, 0-9 och -)"
                if key == "slug"
                else "ge en av posterna en egen adress (bara a-z, 0-9 och -), "
                f"t.ex. slug: {slugify(rec.titel, 50)}-2"
            )
            problems.append(at_key(rec, key, message, hint))
    return problems
