"""The body of a document: the decision, the summary, reservations, statements, a news item's byline.

The decision (``beslut``) and the reservations move to the front matter, as the contract shows them
first and on their own; the summary stays in the body as well, as it is part of the text. A särskilt
uttalande has no key of its own: it stays in the body under a heading of its own.
"""

from __future__ import annotations

import re
from dataclasses import replace

from generator.config.parts import OrganisationConfig
from generator.config.settings import SiteConfig
from generator.importer.blocks import Block, plain, render, section_name
from generator.importer.dates import DATE_PATTERN, find_dates, parse_date_time
from generator.importer.findings import Findings
from generator.importer.organs import board_named

_DECISION_LINE = re.compile(r"^(?P<organ>.{3,80}?) beslut:?$", re.IGNORECASE)
_GENITIVE = re.compile(r"^[A-ZÅÄÖ][a-zåäö]+s(?: [a-zåäö]+s)?$")
"""An organ's name in genitive, as a decision headline has it: "Miljönämndens", "… arbetsutskotts"."""
_PRESENTER = re.compile(r"^Föredragande (?P<who>.+?) anför\b")
_PROPOSAL = re.compile(r"\bföreslår (?P<organ>\w+(?: \w+)?) (?:att )?besluta\b", re.IGNORECASE)
_RESERVATION = re.compile(
    r"^Reservation(?:er)?\b\s*(?:anfördes|lämnades|anmäldes|gjordes)?\s*(?:av\s+)?(?P<who>.*)$"
)
_STATEMENT = re.compile(
    r"^(?P<kind>Särskilt uttalande|Särskilt yttrande|Protokollsanteckning)\b\s*(?:gjordes|lämnades|anfördes)?"
    r"\s*(?:av\s+)?(?P<who>.*)$"
)
_ROLE_WORDS = re.compile(
    r"^(?:borgarråden|borgarrådet|ledamöterna|ledamoten|ledamot|ersättarna|ersättaren|ordföranden|"
    r"kommunalråden|kommunalrådet|oppositionsrådet)\s+",
    re.IGNORECASE,
)
_MARKERS = ("Reservation", "Särskilt uttalande", "Särskilt yttrande", "Protokollsanteckning")
_UPDATED = re.compile(
    r"^(?:Sidan\s+)?(?:uppdaterad|publicerad|senast ändrad|senast uppdaterad)[:\s]+(?P<when>.+?)"
    r"(?:\s+av\s+(?P<who>.+))?$",
    re.IGNORECASE,
)
_CITED = re.compile(
    r"(?P<organ>[A-ZÅÄÖ][\wåäö]+(?: (?!har\b)[a-zåäö]+)?)\s+(?:har\s+)?"
    r"(?:beslutade|beslutat|behandlade|behandlat)(?:\s+ärendet?)?\s+(?:den\s+)?(?P<date>"
    + DATE_PATTERN
    + r"),?\s+§\s*(?P<number>\d{1,5}[a-z]?)\b"
)
_SIGNED = re.compile(r"^[A-ZÅÄÖ][\wåäö-]+ den (?P<date>" + DATE_PATTERN + r")$")
"""The place and date a paper is signed with: "Stockholm den 9 november 2006"."""
_CITED_DNR = re.compile(r"\b[Dd]nr\.?:?\s+(?P<dnr>[\w./-]*\d[\w./-]*)")


def read_body(
    blocks: list[Block],
    findings: Findings,
    config: SiteConfig,
    org: OrganisationConfig | None,
    title_level: int,
) -> list[Block]:
    """Read the body's fields into ``findings``; return the blocks that stay in the body."""
    blocks = _shift_levels(blocks, title_level)
    blocks = _take_proposal(blocks, findings, config, org)
    if findings.get("beslut") is None:
        blocks = _take_decision(blocks, findings, config, org)
    _find_presenter(blocks, findings)
    _read_summary(blocks, findings)
    blocks = _take_reservations(blocks, findings)
    blocks = _mark_statements(blocks, findings)
    blocks = _take_byline(blocks, findings)
    _find_signed_date(blocks, findings)
    _find_references(blocks, findings, config, org)
    return blocks


def _shift_levels(blocks: list[Block], title_level: int) -> list[Block]:
    """Make the body's headings start at level 2 (the page's title is the one level-1 heading)."""
    shift = title_level - 1 if title_level else 0
    return [replace(b, level=min(6, max(2, b.level - shift))) if b.kind == "heading" else b for b in blocks]


def _decision_organ(block: Block) -> str | None:
    """Return the organ of a decision headline ("Kommunfullmäktiges beslut:"), "" for "Beslut", else None."""
    if len(block.plain) > 90 or "\n" in block.text:
        return None
    if section_name(block.plain) in ("beslut", "förslag till beslut"):
        return ""
    match = _DECISION_LINE.match(block.plain)
    return match["organ"] if match else None


def _take_decision(
    blocks: list[Block], findings: Findings, config: SiteConfig, org: OrganisationConfig | None
) -> list[Block]:
    """Move the decision section (or a proposal opening the body) into ``beslut``."""
    for start, block in enumerate(blocks):
        organ = _decision_organ(block)
        if organ is None or (
            organ and board_named(organ, org, config) is None and not _GENITIVE.match(organ)
        ):
            continue
        end = start
        while end < len(blocks) and (found := _decision_organ(blocks[end])) is not None:
            if found and (board := board_named(found, org, config)) is not None:
                findings.put("nämnd", board.name, blocks[end].line)
            end += 1
        content_start = end
        while end < len(blocks) and blocks[end].kind != "heading":
            end += 1
        if end > content_start:
            findings.put("beslut", render(blocks[content_start:end]).strip(), blocks[content_start].line)
            return blocks[:start] + blocks[end:]
    return blocks


def _take_proposal(
    blocks: list[Block], findings: Findings, config: SiteConfig, org: OrganisationConfig | None
) -> list[Block]:
    """Move a proposal that opens the body ("… föreslår kommunstyrelsen besluta följande" and its list)."""
    for start, block in enumerate(blocks[:3]):
        match = _PROPOSAL.search(block.plain)
        if block.kind != "paragraph" or match is None:
            continue
        end = start + 1
        while end < len(blocks) and blocks[end].kind == "item":
            end += 1
        findings.put("beslut", render(blocks[start:end]).strip(), block.line)
        if (board := board_named(match["organ"], org, config)) is not None:
            findings.put("nämnd", board.name, block.line)
        return blocks[:start] + blocks[end:]
    return blocks


def _find_presenter(blocks: list[Block], findings: Findings) -> None:
    """Note who presents a proposal ("Föredragande borgarrådet X anför följande"); the line stays."""
    for block in blocks[:5]:
        if block.kind == "paragraph" and (match := _PRESENTER.match(block.plain)):
            findings.put("extra.föredragande", match["who"], block.line)
            return


def _read_summary(blocks: list[Block], findings: Findings) -> None:
    """Fill ``sammanfattning`` from a section so named (it stays in the body too)."""
    for start, block in enumerate(blocks):
        if block.kind == "heading" and section_name(block.plain) == "sammanfattning":
            end = start + 1
            while end < len(blocks) and not (
                blocks[end].kind == "heading" and blocks[end].level <= block.level
            ):
                end += 1
            if end > start + 1:
                findings.put(
                    "sammanfattning", render(blocks[start + 1 : end]).strip(), blocks[start + 1].line
                )
            return


def _take_reservations(blocks: list[Block], findings: Findings) -> list[Block]:
    """Move each reservation (who, party, and its text) into ``reservationer``."""
    kept: list[Block] = []
    found: list[dict[str, str]] = []
    first = None
    i = 0
    while i < len(blocks):
        block = blocks[i]
        if block.kind == "heading" and section_name(block.plain) in ("reservation", "reservationer"):
            # A protokoll's own section: "Reservation" and then "Anna Berg (V) reserverar sig …".
            end = i + 1
            while end < len(blocks) and blocks[end].kind != "heading":
                names, party, _ = _who(blocks[end].plain.split(" reserverar")[0])
                found.append({"namn": names, "parti": party, "text": blocks[end].plain})
                first = first or blocks[end].line
                end += 1
            i = end
            continue
        match = _RESERVATION.match(block.plain) if block.kind == "paragraph" else None
        if match is None:
            kept.append(block)
            i += 1
            continue
        first = first or block.line
        names, party, rest = _who(match["who"])
        end = i + 1
        if "enligt följande" in rest:
            while (
                end < len(blocks)
                and blocks[end].kind != "heading"
                and not blocks[end].plain.startswith(_MARKERS)
            ):
                end += 1
        text = render(blocks[i + 1 : end]).strip() if end > i + 1 else block.plain
        found.append({k: v for k, v in (("namn", names), ("parti", party), ("text", text)) if v})
        i = end
    if found:
        findings.put("reservationer", found, first)
    return kept


def _who(text: str) -> tuple[str, str, str]:
    """Return the names, the party and the rest of "borgarråden *A*, och *B* (båda s), enligt följande."."""
    text = plain(text)
    party = ""
    rest = text
    if match := re.search(r"\((?:båda|alla|samtliga)?\s*(?P<party>[^()]{1,20})\)", text):
        party = match["party"].strip()
        names_text, rest = text[: match.start()], text[match.end() :]
    else:
        names_text, _, rest = text.partition(" enligt följande")
        rest = "enligt följande" + rest if _ else rest
    names_text = _ROLE_WORDS.sub("", names_text.strip().rstrip(","))
    names = [n.strip() for n in re.split(r",\s*och\s+|,\s*|\s+och\s+", names_text) if n.strip()]
    joined = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " och " + names[-1] if names else ""
    return joined, party, rest


def _mark_statements(blocks: list[Block], findings: Findings) -> list[Block]:
    """Give each särskilt uttalande (yttrande, protokollsanteckning) a heading; note who made it."""
    out: list[Block] = []
    level = 1
    for block in blocks:
        if block.kind == "heading":
            level = block.level
        match = _STATEMENT.match(block.plain) if block.kind == "paragraph" else None
        if match is not None:
            names, party, _ = _who(match["who"])
            findings.notes.append(
                f"{match['kind'].lower()}: {names}{f' ({party})' if party else ''}, {block.line.where()}"
            )
            previous = out[-1] if out else None
            if previous is None or previous.kind != "heading" or previous.plain != match["kind"]:
                out.append(Block("heading", match["kind"], block.line, min(6, level + 1)))
        out.append(block)
    return out


def _take_byline(blocks: list[Block], findings: Findings) -> list[Block]:
    """Move a news item's byline ("// Namn titel") and "Sidan uppdaterad … av …" into the front matter."""
    kept: list[Block] = []
    for block in blocks:
        if block.kind == "paragraph" and block.text.startswith("//"):
            findings.put("författare", block.text[2:].strip(" *_"), block.line)
            continue
        match = _UPDATED.match(block.plain) if block.kind == "paragraph" else None
        if match and (when := parse_date_time(match["when"])) is not None:
            findings.put("uppdaterad", when, block.line)
            if match["who"]:
                findings.put("författare", match["who"].strip(), block.line)
            continue
        kept.append(block)
    return kept


def _find_signed_date(blocks: list[Block], findings: Findings) -> None:
    """Date a paper by the place and date it is signed with, when its header gave no date."""
    for block in blocks:
        match = _SIGNED.match(block.plain) if block.kind == "paragraph" else None
        if match and (days := find_dates(match["date"])):
            findings.put("datum", days[0][1], block.line)
            return


def _find_references(
    blocks: list[Block], findings: Findings, config: SiteConfig, org: OrganisationConfig | None
) -> None:
    """Fill ``relaterade`` with the decisions the text cites by organ, date and §, and other diarienummer."""
    own = findings.get("diarienummer")
    found: list[str] = []
    first = None
    for block in blocks:
        text = block.plain
        for match in _CITED.finditer(text):
            board = board_named(match["organ"], org, config) if org is not None else None
            days = find_dates(match["date"])
            if board is not None and days:
                found.append(f"{board.short} {days[0][1].isoformat()} § {match['number']}")
                first = first or block.line
        for match in _CITED_DNR.finditer(text):
            if match["dnr"] != own:
                found.append(match["dnr"])
                first = first or block.line
    unique = list(dict.fromkeys(found))
    if unique:
        findings.put("relaterade", unique, first)
