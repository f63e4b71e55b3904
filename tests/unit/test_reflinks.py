"""References in Markdown text become links; code, existing links and unresolvable references do not."""

from __future__ import annotations

import datetime as dt

from generator.markdown.references import LinkIndex, board_names
from generator.markdown.reflinks import LinkScope
from generator.markdown.render import render_markdown
from tests.unit.test_references import ORG

INDEX = LinkIndex(
    base_path="/beslut/",
    boards={"alingsas": board_names(ORG)},
    meetings={},
    paragraphs={("alingsas", "KS", dt.date(2018, 5, 28), "93"): "alingsas/ks/2018-05-28/93-x/"},
    minutes={},
    cases={("alingsas", "ks-2021-1202-111"): "alingsas/arenden/ks-2021-1202-111/"},
)
SCOPE = LinkScope(INDEX, "alingsas", "alingsas/kf/2018-11-28/205-y/")
TARGET = '<a href="/beslut/alingsas/ks/2018-05-28/93-x/">'


def render(
    source: str, body_line: int = 10, scope: LinkScope = SCOPE
) -> tuple[str, list[tuple[int, str, str | None]]]:
    rendered = render_markdown(source, body_line, scope=scope)
    return rendered.html, [(c.line, c.text, c.target) for c in rendered.references]


def test_a_reference_on_the_site_becomes_a_link() -> None:
    html, refs = render("Kommunstyrelsen beslutade den 28 maj 2018, § 93 att vänta.\n")
    assert html == f"<p>{TARGET}Kommunstyrelsen beslutade den 28 maj 2018, § 93</a> att vänta.</p>\n"
    assert refs == [(10, "Kommunstyrelsen beslutade den 28 maj 2018, § 93", "alingsas/ks/2018-05-28/93-x/")]


def test_a_reference_not_on_the_site_stays_text_and_is_reported() -> None:
    html, refs = render("Text.\n\nKF 14 juni 2017 § 142 gäller.\n")
    assert "<a" not in html
    assert refs == [(12, "KF 14 juni 2017 § 142", None)]


def test_code_spans_and_existing_links_are_left_alone() -> None:
    source = (
        "Skriv `KS 2018-05-28 § 93` eller [KS 2018-05-28 § 93](https://example.se/) men KS 2018-05-28 § 93.\n"
    )
    html, refs = render(source)
    assert "<code>KS 2018-05-28 § 93</code>" in html
    assert '<a href="https://example.se/">KS 2018-05-28 § 93</a>' in html
    assert html.count(TARGET) == 1
    assert len(refs) == 1


def test_fenced_code_is_left_alone() -> None:
    html, refs = render("```\nKS 2018-05-28 § 93\n```\n")
    assert "<a" not in html
    assert refs == []


def test_a_reference_across_a_line_break_is_linked_and_located() -> None:
    html, refs = render(
        "Första raden.\nKommunstyrelsen beslutade den 28 maj\n2018, § 93 och mer.\n", body_line=5
    )
    assert f"{TARGET}Kommunstyrelsen beslutade den 28 maj\n2018, § 93</a> och mer." in html
    assert refs[0][0] == 6


def test_references_in_emphasis_headings_and_lists_are_linked() -> None:
    html, _ = render("## Se KS 2018-05-28 § 93\n\n- *KS-2021/1202.111*\n")
    assert TARGET in html
    assert '<em><a href="/beslut/alingsas/arenden/ks-2021-1202-111/">KS-2021/1202.111</a></em>' in html


def test_link_text_is_escaped() -> None:
    html, _ = render("<b>KS 2018-05-28 § 93</b>\n")
    assert f"&lt;b&gt;{TARGET}KS 2018-05-28 § 93</a>&lt;/b&gt;" in html


def test_a_record_never_links_to_itself() -> None:
    own = LinkScope(INDEX, "alingsas", "alingsas/ks/2018-05-28/93-x/")
    html, refs = render("Se KS 2018-05-28 § 93.\n", scope=own)
    assert "<a" not in html
    assert refs == []


def test_without_a_scope_nothing_is_linked() -> None:
    assert "<a" not in render_markdown("KS 2018-05-28 § 93\n").html
