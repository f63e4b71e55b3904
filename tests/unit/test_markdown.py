"""Bodies: CommonMark with tables, no raw HTML, no template code, anchors, and located secrecy markers."""

from __future__ import annotations

from generator.markdown.render import render_markdown


def html(source: str) -> str:
    return render_markdown(source).html


def test_paragraphs_and_emphasis_are_commonmark() -> None:
    assert html("Kommunstyrelsen *beslutar* att\nanta **budgeten**.\n") == (
        "<p>Kommunstyrelsen <em>beslutar</em> att\nanta <strong>budgeten</strong>.</p>\n"
    )


def test_raw_html_is_shown_as_text_never_passed_through() -> None:
    out = html('<script>alert("x")</script>\n\nText med <b onclick="x">fet</b> stil.\n')

    assert "<script>" not in out
    assert "<b " not in out
    assert "&lt;script&gt;" in out
    assert "&lt;b onclick=&quot;x&quot;&gt;fet&lt;/b&gt;" in out


def test_template_code_in_content_stays_text() -> None:
    out = html("Summan är {{ 7*7 }} kronor {% if x %}ja{% endif %}.\n")

    assert "{{ 7*7 }}" in out
    assert "{% if x %}" in out
    assert "49" not in out


def test_javascript_links_are_not_made_into_links() -> None:
    assert "<a " not in html("[klicka](javascript:alert(1))\n")


def test_tables_are_rendered() -> None:
    out = html("| Nämnd | Antal |\n|---|---:|\n| KS | 12 |\n")

    assert "<table>" in out
    assert "<th>Nämnd</th>" in out
    assert '<td style="text-align:right">12</td>' in out


def test_headings_get_ascii_anchors() -> None:
    out = html("## Ärendet i Åby\n\n### Förslag till beslut\n")

    assert '<h2 id="arendet-i-aby">Ärendet i Åby</h2>' in out
    assert '<h3 id="forslag-till-beslut">Förslag till beslut</h3>' in out


def test_repeated_headings_get_distinct_anchors() -> None:
    out = html("## Beslut\n\n## Beslut\n")

    assert 'id="beslut"' in out
    assert 'id="beslut-1"' in out


def test_h1_in_the_body_is_demoted_because_the_title_is_the_page_h1() -> None:
    out = html("# Bakgrund\n\n## Detaljer\n")

    assert "<h1" not in out
    assert '<h2 id="bakgrund">Bakgrund</h2>' in out
    assert '<h3 id="detaljer">Detaljer</h3>' in out


def test_headings_are_not_demoted_when_the_body_has_no_h1() -> None:
    assert '<h2 id="bakgrund">' in html("## Bakgrund\n")


def test_a_secrecy_marker_names_its_provision() -> None:
    out = html("Elevens adress är [[maskerat: OSL 26 kap. 1 §]].\n")

    assert "[[maskerat" not in out
    assert '<span class="maskerat" role="note">' in out
    assert "Maskerad uppgift, sekretess enligt OSL 26 kap. 1 §" in out


def test_the_marker_label_comes_from_the_caller_for_other_languages() -> None:
    out = render_markdown("[[maskerat: OSL 26 kap. 1 §]]\n", mask_label="Redacted under {provision}").html

    assert "Redacted under OSL 26 kap. 1 §" in out


def test_secrecy_markers_are_located_to_their_file_line() -> None:
    body = (
        "Stycke ett.\n"  # file line 8
        "\n"
        "| Namn | Adress |\n"
        "|---|---|\n"
        "| Anna | [[maskerat: OSL 21 kap. 3 §]] |\n"  # 12
        "\n"
        "Första raden\n"
        "andra raden [[maskerat: OSL 26 kap. 1 §]].\n"  # 15
        "\n"
        "- punkt\n"
        "- punkt [[maskerat: OSL 39 kap. 3 §]]\n"  # 18
    )

    rendered = render_markdown(body, body_line=8)

    assert rendered.masks == ((12, "OSL 21 kap. 3 §"), (15, "OSL 26 kap. 1 §"), (18, "OSL 39 kap. 3 §"))


def test_plain_text_and_first_paragraph_for_listings_and_search() -> None:
    rendered = render_markdown("## Rubrik\n\nFörsta *stycket*\nfortsätter.\n\nAndra [[maskerat: OSL]].\n")

    assert rendered.first_paragraph == "Första stycket fortsätter."
    assert "Andra [maskerat]." in rendered.text
    assert "<" not in rendered.text
