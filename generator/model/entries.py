"""A record's text as the site shows it: its address, rendered Markdown, summary and references."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from generator.base.record import Record
from generator.base.urls import record_path
from generator.config.settings import SiteConfig
from generator.markdown.references import LinkIndex, build_link_index
from generator.markdown.reflinks import LinkScope
from generator.markdown.render import render_markdown
from generator.model.publishing import Visibility, visibility
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
    beslut_text = beslut.text.strip() if beslut else ""  # unpacked once (``Rendered`` keeps it packed)
    summary = record.sammanfattning or record.ingress or body.first_paragraph or beslut_text
    return RecordText(
        record=record,
        path=path,
        body=body,
        beslut_html=beslut.html if beslut else "",
        beslut_text=beslut_text,
        summary=summary,
        references=related_references(record, index)
        + (beslut.references if beslut else ())
        + body.references,
    )


MakeTexts = Callable[
    [Callable[[Record, str, LinkIndex], RecordText], Sequence[Record], str, LinkIndex], list[RecordText]
]
"""How the records' texts are made from ``record_text``: by the memo (``Memo.texts``), in worker processes."""


@dataclass(frozen=True)
class Published:
    """What the site shows on the build day: the published records' texts, and what was taken down."""

    texts: list[RecordText]
    withdrawn: list[Record]
    index: LinkIndex
    """Where every published record, meeting and case is, for cross-references."""


def publish(
    config: SiteConfig,
    records: Sequence[Record],
    day: dt.date,
    mask_label: str,
    make_texts: MakeTexts,
    drafts: bool = False,
    scheduled: bool = False,
) -> Published:
    """Return the records published on ``day`` rendered, and the records taken down."""
    states = [visibility(record, day, drafts, scheduled) for record in records]
    published = [r for r, s in zip(records, states, strict=True) if s is Visibility.PUBLISHED]
    withdrawn = [r for r, s in zip(records, states, strict=True) if s is Visibility.WITHDRAWN]
    index = build_link_index(config.base_path, config.organisations, published)
    return Published(make_texts(record_text, published, mask_label, index), withdrawn, index)
