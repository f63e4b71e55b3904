"""preview_chrome: where the preview's banner, overlay and script go, and what the overlay says."""

from __future__ import annotations

import datetime as dt

from generator.base.diagnostics import Diagnostic, Severity
from generator.preview.chrome import MAX_SHOWN, inject, load_chrome

PAGE = (
    b'<!doctype html><html><body class="x"><a href="#m">Skip</a>'
    b'<main id="m" class="wrap"><h1>T</h1></main></body></html>'
)


def test_inject_puts_each_part_in_its_place() -> None:
    html = inject(PAGE, head="<OVERLAY>", top="<BANNER>", tail="<SCRIPT>").decode()
    assert html.index('<body class="x"><OVERLAY><a href="#m">') > 0
    assert '<main id="m" class="wrap"><BANNER><h1>' in html
    assert html.endswith("<SCRIPT></body></html>")


def test_inject_copes_with_a_page_without_main_or_body() -> None:
    assert inject(b"<p>x</p>", head="H", top="B", tail="S") == b"BH<p>x</p>S"


def test_the_overlay_lists_file_line_message_and_hint_in_swedish() -> None:
    chrome = load_chrome()
    problem = Diagnostic(
        "content/ks/a.md", 5, 8, "nämnd", 'okänd nämnd "KSS"', 'menade du "KS"?', Severity.ERROR
    )
    overlay = chrome.overlay([problem])
    assert overlay.startswith('<div id="beslut-fel" role="alertdialog"')
    assert 'aria-labelledby="beslut-fel-rubrik"' in overlay and 'tabindex="-1"' in overlay
    assert '<h2 id="beslut-fel-rubrik"' in overlay and "Webbplatsen kunde inte byggas: 1 fel" in overlay
    assert "content/ks/a.md:5:8" in overlay and "(rad 5)" in overlay
    assert "okänd nämnd &#34;KSS&#34;" in overlay and "Tips: menade du &#34;KS&#34;?" in overlay
    assert "<button" in overlay and "Dölj felen och visa sidan" in overlay


def test_a_long_list_of_errors_is_cut_and_counted() -> None:
    many = [Diagnostic(f"content/{n}.md", 1, 0, "titel", "titel saknas") for n in range(MAX_SHOWN + 7)]
    overlay = load_chrome().overlay(many)
    assert overlay.count("<li") == MAX_SHOWN
    assert f"kunde inte byggas: {MAX_SHOWN + 7} fel" in overlay and "… och 7 fel till" in overlay


def test_banners_say_draft_or_the_day_of_publishing() -> None:
    chrome = load_chrome()
    assert ">Utkast – " in chrome.banner("utkast", None)
    assert ">Publiceras 2027-01-15 – " in chrome.banner("publiceras", dt.date(2027, 1, 15))


def test_the_script_listens_from_the_version_the_page_was_served_at() -> None:
    script = load_chrome().script(generation=4, version=9)
    assert "var generation = 4;" in script and "/__beslut/events?since=9" in script
