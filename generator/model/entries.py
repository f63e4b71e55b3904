"""A record's text as the site shows it: its address, rendered Markdown, summary and references."""

from __future__ import annotations

from dataclasses import replace

from generator.base.record import Record
from generator.base.urls import record_path
from generator.markdown.references import LinkIndex
from generator.markdown.reflinks import LinkScope
from generator.markdown.render import render_markdown
from generator.model.site import RecordText
from generator.model.xrefs import related_references


def record_text(record: Record, mask_label: str, index: LinkIndex) -> RecordText:
    """Render one record's Markdown and give it its address (a pure function of the record and the index)."""
    path = record_path(record)
    scope = LinkScope(index, record.organisation, path)
    body = render_markdown(record.body, record.body_line, mask_label, scope)
    beslut = (
        render_markdown(record.beslut, record.line_of("beslut"), mask_label, replace(scope, field="beslut"))
        if record.beslut
        else None
    )
    summary = (
        record.sammanfattning
        or record.ingress
        or body.first_paragraph
        or (beslut.text.strip() if beslut else "")
    )
    return RecordText(
        record=record,
        path=path,
        body=body,
        beslut_html=beslut.html if beslut else "",
        beslut_text=beslut.text.strip() if beslut else "",
        summary=summary,
        references=related_references(record, index)
        + (beslut.references if beslut else ())
        + body.references,
    )
