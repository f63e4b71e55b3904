"""A whole meeting's protokoll (many §§) → one protokollsutdrag per §, with the meeting's dates.

Justerade protokoll are published whole: a header (organ, sammanträdesdatum, justerat, anslag), then
one section per § ("§ 12 Budget 2025"). Each § becomes its own record, carrying the meeting's
organisation, nämnd, datum, justerat and anslag; on request the whole file is kept as the attachment of
a ``protokoll`` record of the meeting.
"""

from __future__ import annotations

import re
from pathlib import Path

from generator.config.settings import SiteConfig
from generator.importer.blocks import Block
from generator.importer.fields import read_head
from generator.importer.findings import Findings
from generator.importer.infer import Given, Inferred, add_todos, infer_record, put_given, settle_date

_SECTION = re.compile(r"^§\s*(?P<number>\d{1,5}[a-z]?)\b[\s.:–-]*(?P<title>.*)$")
MEETING_KEYS = ("organisation", "nämnd", "datum", "justerat", "anslag")
"""What every § inherits from the protokoll's header."""


def split_meeting(
    blocks: list[Block], config: SiteConfig, given: Given, attach: Path | None
) -> list[Inferred] | None:
    """Return one record per § when the document is a protokoll with several §§; None otherwise."""
    starts = [i for i, b in enumerate(blocks) if b.kind != "item" and _SECTION.match(b.plain)]
    numbers = {_SECTION.match(blocks[i].plain)["number"] for i in starts}  # type: ignore[index]
    if len(numbers) < 2:
        return None
    meeting = Findings()
    put_given(meeting, Given(None, given.organisation, given.namnd), config)
    read_head(blocks[: starts[0]], meeting, config)
    if meeting.get("organisation") is None:
        # The organisation is named somewhere in the protokoll (its header, or a §'s text).
        probe = infer_record(blocks, config, Given(None, given.organisation, given.namnd))
        if (found := probe.findings.values.get("organisation")) is not None:
            meeting.values["organisation"] = found
    records = []
    for n, start in enumerate(starts):
        end = starts[n + 1] if n + 1 < len(starts) else len(blocks)
        match = _SECTION.match(blocks[start].plain)
        assert match is not None
        findings = Findings()
        findings.put("typ", "protokollsutdrag", blocks[start].line)
        for key in MEETING_KEYS:
            if key in meeting.values:
                findings.values[key] = meeting.values[key]
        findings.put("paragraf", match["number"], blocks[start].line)
        findings.put("titel", match["title"].strip(), blocks[start].line)
        records.append(infer_record(blocks[start + 1 : end], config, Given(), findings))
    if attach is not None:
        records.append(_protocol(meeting, config, attach, [r.findings for r in records]))
    return records


def _protocol(meeting: Findings, config: SiteConfig, source: Path, sections: list[Findings]) -> Inferred:
    """Return the meeting's ``protokoll`` record: the whole file as its attachment, its §§ listed."""
    findings = Findings()
    findings.put("typ", "protokoll", None)
    for key in MEETING_KEYS:
        if key in meeting.values:
            findings.values[key] = meeting.values[key]
    day = meeting.get("datum")
    board = meeting.get("nämnd") or ""
    when = day[0] if isinstance(day, tuple) else day
    findings.put("titel", f"Protokoll {board} {when.isoformat() if when else ''}".strip(), None)
    findings.put(
        "bilagor", [{"titel": f"Protokollet i sin helhet ({source.suffix[1:].upper()})", "fil": ""}], None
    )
    findings.put("källfil", source, None)
    settle_date(findings)
    add_todos(findings, config)
    items = [Block("item", f"§ {f.get('paragraf')} {f.get('titel')}", f.line_of("paragraf"), marker="-")  # type: ignore[arg-type]
             for f in sections]  # fmt: skip
    return Inferred(findings, items)
