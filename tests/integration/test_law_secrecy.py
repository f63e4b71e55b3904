"""Secrecy (offentlighets- och sekretesslagen): masked passages and withheld attachments, as real builds.

A reader sees that something was withheld and under which provision; nothing withheld is published, and
a marker or attachment that names no provision stops the build.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.integration.lawsite import Built, build, main_text, record, run, write_site

BUILD_DATE = "2024-06-01"
PAGE = "sjovik/ks/2024-05-20/7-placering-av-boende/"

RECORD = record(
    "titel: Placering av boende",
    "typ: protokollsutdrag",
    "datum: 2024-05-20",
    "nämnd: KS",
    "paragraf: 7",
    'beslut: "Kommunstyrelsen godkänner avtalet med [[maskerat: OSL 31 kap. 16 §]]."',
    "bilagor:",
    "  - {titel: Avtal, fil: avtal.pdf}",
    "  - {titel: Utredning om den enskildes förhållanden, sekretess: OSL 26 kap. 1 §}",
    body=(
        "Boendet placeras hos [[maskerat: OSL 26 kap. 1 §]] från den 1 juli.\n\n"
        "| Part | Ersättning |\n|---|---|\n| Leverantör | [[maskerat: OSL 31 kap. 16 §]] |\n\n"
        "- Kontaktperson: [[maskerat:OSL 26 kap. 1 §]]\n"
    ),
)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    site = write_site(
        tmp_path_factory.mktemp("sekretess"),
        {"content/ks/placering.md": RECORD, "content/ks/avtal.pdf": "%PDF"},
    )
    result = build(site, BUILD_DATE)
    assert result.code == 0, result.stderr
    return result


MARKER = re.compile(r'(<span class="maskerat"[^>]*>)(<span class="maskerat-block"[^>]*></span>)(.*?)</span>')


def markers(page: str) -> list[tuple[str, str, str]]:
    """Return each marker's opening tag, decorative box and label."""
    return MARKER.findall(page)


def test_every_masked_passage_is_a_visible_marker_naming_its_provision(built: Built) -> None:
    page = built.page(PAGE)
    found = markers(page)
    assert len(found) == 4  # beslut, paragraph, table cell, list item
    assert [label for _, _, label in found] == [
        "Maskerad uppgift, sekretess enligt OSL 31 kap. 16 §",
        "Maskerad uppgift, sekretess enligt OSL 26 kap. 1 §",
        "Maskerad uppgift, sekretess enligt OSL 31 kap. 16 §",
        "Maskerad uppgift, sekretess enligt OSL 26 kap. 1 §",
    ]
    text = main_text(page)
    assert "Boendet placeras hos Maskerad uppgift, sekretess enligt OSL 26 kap. 1 § från den 1 juli." in text


def test_the_marker_is_read_by_assistive_technology_and_shown_on_screen(built: Built) -> None:
    for opening, box, label in markers(built.page(PAGE)):
        # The label is real text, neither hidden from screen readers nor from the eye; only the
        # decorative black box is aria-hidden.
        assert "hidden" not in opening and "visually-hidden" not in opening
        assert 'role="note"' in opening
        assert 'aria-hidden="true"' in box
        assert label.startswith("Maskerad uppgift, sekretess enligt OSL ")
    css = (built.out / "static" / "beslut.css").read_text(encoding="utf-8")
    rule = re.search(r"\.maskerat\s*\{([^}]*)\}", css)
    assert rule and "display:none" not in re.sub(r"\s", "", rule.group(1)) and "background" in rule.group(1)


def test_a_withheld_attachment_is_shown_as_withheld_with_its_provision_and_never_published(
    built: Built,
) -> None:
    page = built.page(PAGE)
    attachments = re.search(r'<ul class="attachments">.*?</ul>', page, re.S)
    assert attachments
    items = re.findall(r"<li>.*?</li>", attachments.group(), re.S)
    assert '<a href="/beslut/filer/ks/avtal.pdf">Avtal</a>' in items[0]
    assert items[1] == (
        '<li><span class="withheld">Utredning om den enskildes förhållanden: '
        "Sekretess enligt OSL 26 kap. 1 §, bilagan publiceras inte</span></li>"
    )
    assert (built.out / "filer" / "ks" / "avtal.pdf").is_file()
    assert sorted(p.name for p in (built.out / "filer").rglob("*") if p.is_file()) == ["avtal.pdf"]


def test_listings_show_only_that_something_was_masked(built: Built) -> None:
    listing = main_text(built.page("arkiv/2024/"))
    assert "Kommunstyrelsen godkänner avtalet med [maskerat]." in listing


def refused(tmp_path: Path, text: str) -> list[str]:
    site = write_site(tmp_path / "site", {"content/ks/placering.md": text})
    code, _, stderr = run("check", str(site), "--date", BUILD_DATE)
    assert code == 1
    return stderr.splitlines()


def head(*bilagor: str, body: str = "Text.\n") -> str:
    lines = ["titel: Placering", "typ: protokollsutdrag", "datum: 2024-05-20", "nämnd: KS", "paragraf: 7"]
    return record(*lines, *(["bilagor:", *bilagor] if bilagor else []), body=body)


def test_an_attachment_with_neither_fil_nor_sekretess_is_an_error(tmp_path: Path) -> None:
    lines = refused(tmp_path, head("  - titel: Utredning"))
    assert lines[:2] == [
        "content/ks/placering.md:8:5: fel: bilagor: bilagan har varken fil eller sekretess",
        "    tips: skriv fil: sökväg, eller sekretess: OSL 26 kap. 1 § för en sekretessbelagd bilaga",
    ]


def test_an_attachment_with_both_fil_and_sekretess_is_an_error(tmp_path: Path) -> None:
    lines = refused(tmp_path, head("  - {titel: Utredning, fil: u.pdf, sekretess: OSL 26 kap. 1 §}"))
    assert any(
        line.startswith("content/ks/placering.md:8:")
        and "fel: bilagor: en sekretessbelagd bilaga publiceras inte och har ingen fil" in line
        for line in lines
    )


def test_a_withheld_attachment_must_name_its_provision(tmp_path: Path) -> None:
    lines = refused(tmp_path, head("  - {titel: Utredning, sekretess: ja}"))
    assert any(
        line.startswith("content/ks/placering.md:8:")
        and 'fel: sekretess: "ja" anger inte vilken sekretessbestämmelse som gäller' in line
        for line in lines
    ), lines


@pytest.mark.parametrize(
    ("body", "column", "message"),
    [
        ("Hos [[maskerat]].", 5, '"[[maskerat]]" anger inte vilken sekretessbestämmelse som gäller'),
        ("Hos [[maskerat: ]].", 5, '"[[maskerat: ]]" anger inte vilken sekretessbestämmelse som gäller'),
        (
            "Hos [[maskerat: namn]].",
            5,
            '"[[maskerat: namn]]" anger inte vilken sekretessbestämmelse som gäller',
        ),
        (
            "Hos [[Maskerad: OSL 26 kap. 1 §]].",
            5,
            '"[[Maskerad: OSL 26 kap. 1 §]]" är ingen sekretessmarkering',
        ),
        (
            "Hos [[ maskerat: OSL 26 kap. 1 §]].",
            5,
            '"[[ maskerat: OSL 26 kap. 1 §]]" är ingen sekretessmarkering',
        ),
    ],
)
def test_a_marker_that_is_misspelt_or_names_no_provision_is_an_error(
    tmp_path: Path, body: str, column: int, message: str
) -> None:
    lines = refused(tmp_path, head(body="Första stycket.\n\n" + body + "\n"))
    # Line 11: two fences, five front matter lines, a blank line, the first paragraph and a blank line.
    assert lines[0].startswith(f"content/ks/placering.md:11:{column}: fel: maskerat: {message}")
    assert (
        lines[1]
        == "    tips: skriv [[maskerat: OSL 26 kap. 1 §]] med den bestämmelse i sekretesslagen som gäller"
    )
