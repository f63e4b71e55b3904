"""Soft hyphens from the Swedish dictionary, only in long words, only in headings, cells and lists."""

from __future__ import annotations

from markupsafe import Markup

from generator.pages.hyphenate import SOFT_HYPHEN, hyphenate, hyphenate_html, strip_soft_hyphens

S = SOFT_HYPHEN


def test_a_long_compound_breaks_at_its_syllables_and_parts() -> None:
    assert hyphenate("kommunikationsprocess") == f"kom{S}mu{S}ni{S}ka{S}tions{S}pro{S}cess"
    assert hyphenate("Kommunfullmäktige") == f"Kom{S}mun{S}full{S}mäk{S}tige"


def test_short_words_numbers_and_references_are_left_alone() -> None:
    text = "Ny förskola i Norrby § 42 KS-2021/1202.111 2018.303 &amp; &Auml; 12345678901234"
    assert hyphenate(text) == text


def test_words_keep_three_letters_at_each_end() -> None:
    for word in ("diarienummer", "Tillgänglighetsredogörelse", "stadsledningskontoret"):
        parts = hyphenate(word).split(S)
        assert len(parts) > 1
        assert len(parts[0]) >= 3 and len(parts[-1]) >= 3
        assert strip_soft_hyphens(hyphenate(word)) == word


def test_html_only_headings_cells_and_definition_lists_get_soft_hyphens() -> None:
    html = (
        '<p>kommunikationsprocess</p><h2 id="kommunikationsprocess">Om <a href="/kommunikationsprocess/">'
        "kommunikationsprocessen</a></h2><table><tr><th>Förvaltningsrätten</th>"
        '<td style="text-align:right">stadsledningskontoret</td></tr></table>'
        "<dl><div><dt>Diarienummer</dt><dd>verksamhetsutvecklarnas</dd></div></dl>"
    )
    result = hyphenate_html(html)
    assert isinstance(result, Markup)
    assert result.startswith('<p>kommunikationsprocess</p><h2 id="kommunikationsprocess">Om ')
    assert '<a href="/kommunikationsprocess/">kom' in result
    assert strip_soft_hyphens(str(result)) == html
    assert str(result).count(S) == sum(
        hyphenate(w).count(S)
        for w in (
            "kommunikationsprocessen",
            "Förvaltningsrätten",
            "stadsledningskontoret",
            "Diarienummer",
            "verksamhetsutvecklarnas",
        )
    )


def test_code_in_a_heading_is_copied_as_written() -> None:
    html = "<h3>Fältet <code>handläggarreferens</code> i verksamhetssystemet</h3>"
    result = str(hyphenate_html(html))
    assert "<code>handläggarreferens</code>" in result
    assert f"verk{S}" in result


def test_a_heading_in_upper_case_letters_is_hyphenated_too() -> None:
    assert S in str(hyphenate_html("<H2 class='x'>STADSLEDNINGSKONTORET</H2>"))
