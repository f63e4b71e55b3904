"""One document → the fields of one record: header, body sections, type, organisation and to-dos."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from generator.config.parts import OrganisationConfig
from generator.config.settings import SiteConfig
from generator.importer.blocks import Block
from generator.importer.fields import read_head
from generator.importer.findings import Findings
from generator.importer.organs import board_named, find_organisation, organisation_of
from generator.importer.sections import read_body

_NOT_APPEALABLE = re.compile(
    r"överlämnar ärendet\b.*\butan eget ställningstagande", re.IGNORECASE | re.DOTALL
)


@dataclass(frozen=True)
class Given:
    """What the user said on the command line, which wins over anything inferred."""

    typ: str | None = None
    organisation: str | None = None
    namnd: str | None = None


@dataclass(frozen=True)
class Inferred:
    """One record's findings and the body blocks that stay in it."""

    findings: Findings
    body: list[Block]


def infer_record(
    blocks: list[Block], config: SiteConfig, given: Given, findings: Findings | None = None
) -> Inferred:
    """Infer one record from a document's blocks (``findings`` may carry a meeting's fields already)."""
    findings = findings or Findings()
    put_given(findings, given, config)
    head = read_head(blocks, findings, config)
    org = _organisation(blocks, findings, config)
    body = read_body(head.body, findings, config, org, head.title_level)
    _infer_type(findings)
    settle_date(findings)
    beslut = findings.get("beslut") or ""
    if _NOT_APPEALABLE.search(beslut):
        findings.put("överklagbar", False, findings.line_of("beslut"))
    add_todos(findings, config)
    return Inferred(findings, body)


def put_given(findings: Findings, given: Given, config: SiteConfig) -> None:
    """Put the command line's values first, so that they win."""
    findings.put("typ", given.typ, None)
    if given.organisation:
        org = next((o for o in config.organisations if given.organisation in (o.name, o.slug)), None)
        findings.put("organisation", org.name if org else given.organisation, None)
    if given.namnd:
        board = board_named(given.namnd, None, config) or next(
            (b for o in config.organisations for b in o.boards if b.short == given.namnd), None
        )
        findings.put("nämnd", board.name if board is not None else given.namnd, None)


def _organisation(blocks: list[Block], findings: Findings, config: SiteConfig) -> OrganisationConfig | None:
    """Return the record's organisation: given, named in the text, or the only one the site has."""
    name = findings.get("organisation")
    if name is None:
        for block in blocks:
            found = find_organisation(block.plain, config)
            if found is not None:
                findings.put("organisation", found[0].name, block.line)
                name = found[0].name
                break
    if name is None and findings.get("nämnd"):
        board = board_named(findings.get("nämnd"), None, config)
        owner = organisation_of(board, config) if board else None
        if owner is not None:
            findings.put("organisation", owner.name, findings.line_of("nämnd"))
            name = owner.name
    if name is None and len(config.organisations) == 1:
        return config.organisations[0]
    return next((o for o in config.organisations if o.name == name), None)


def _infer_type(findings: Findings) -> None:
    """Say what the document is from what was found in it, unless it said so itself."""
    signs = (
        ("protokollsutdrag", "paragraf"),
        ("tjänsteskrivelse", "handläggare"),
        ("tjänsteskrivelse", "mottagare"),
        ("utlåtande", "reservationer"),
        ("nyhet", "uppdaterad"),
        ("nyhet", "författare"),
    )
    for typ, key in signs:
        if findings.get(key) is not None:
            findings.put("typ", typ, findings.line_of(key))
            return
    beslut = findings.get("beslut") or ""
    if re.search(r"\bföreslår\b.*\bbesluta\b", beslut):
        findings.put("typ", "utlåtande", findings.line_of("beslut"))


def settle_date(findings: Findings) -> None:
    """Keep the time of day only for news; date a news item by its update when nothing else dates it."""
    if findings.get("datum") is None and findings.get("uppdaterad") is not None:
        findings.put("datum", findings.get("uppdaterad"), findings.line_of("uppdaterad"))
    when = findings.get("datum")
    if when is None:
        return
    day, time = when if isinstance(when, tuple) else (when, None)
    found = findings.values["datum"]
    if findings.get("typ") == "nyhet" and time is not None:
        value: dt.date | dt.datetime = dt.datetime.combine(day, time)
    else:
        value = day
    findings.values["datum"] = type(found)(found.key, value, found.line)


EXPECTED = {
    "protokollsutdrag": ("diarienummer", "beslut", "justerat", "anslag"),
    "protokoll": ("justerat", "anslag"),
    "kallelse": (),
    "tjänsteskrivelse": ("diarienummer", "handläggare"),
    "utlåtande": ("diarienummer", "beslut"),
    "delegationsbeslut": ("diarienummer", "beslut", "handläggare"),
    "nyhet": ("författare",),
}
"""Keys a record of each type usually has; each one the source does not give becomes a to-do."""

TODO_HINTS = {
    "diarienummer": "skriv ärendets diarienummer, t.ex. diarienummer: KS-2024/12",
    "beslut": "skriv beslutets lydelse: beslut: Kommunstyrelsen beslutar att …",
    "justerat": "skriv dagen då protokollet justerades: justerat: ÅÅÅÅ-MM-DD",
    "anslag": "skriv dagen då justeringen anslogs: anslag: ÅÅÅÅ-MM-DD (behövs för sista dag att överklaga)",
    "handläggare": "skriv vem som skrivit handlingen: handläggare: Namn Efternamn",
    "författare": "skriv vem som skrivit nyheten: författare: Namn Efternamn",
}


def add_todos(findings: Findings, config: SiteConfig) -> None:
    """List what the record should have and the source did not say."""
    if findings.get("organisation") is None and len(config.organisations) > 1:
        first = config.organisations[0].name
        findings.todo(
            "organisation",
            f"källan namnger ingen av webbplatsens organisationer, så posten hör till {first} (den första i "
            "site.yaml); skriv organisation: … eller importera med --organisation",
        )
    for key in EXPECTED.get(str(findings.get("typ")), ()):
        if findings.get(key) is None:
            findings.todo(key, TODO_HINTS[key])
