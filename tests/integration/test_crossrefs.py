"""Cross-references: the demo's Alingsås decision cites four decisions that are not on the site (warnings,
never links); the fixture site tests/sites/valid/xrefs/ has the targets (links, and "Hänvisas från")."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.base.diagnostics import Diagnostic, Severity
from generator.build import BuildOptions, build
from tests.conftest import record_text
from tests.integration.sitecheck import (
    REPO,
    SITES,
    broken_links,
    main_of,
    page,
    run_cli,
)

XREFS = SITES / "valid" / "xrefs"
ORG = "sjoviks-kommun/"
CITING = ORG + "kf/2018-11-28/205-genomforande-handlingsplan-effekt-samla-kommunens/"
ALINGSAS_FILE = (
    "content/alingsas/kf/"
    + "2018-11-28-205-genomforande-handlingsplan-effekt-6-0-samla-kommunens-stodfunktioner.md"
)
ALINGSAS = "alingsas/kf/2018-11-28/205-genomforande-handlingsplan-effekt-6-0-samla/"
STOCKHOLM_FILE = "content/stockholm/ks/2006-11-09-ny-organisation-inom-stadsledningskontoret.md"


def warnings_of(site: Path) -> list[tuple[str, int, str, str]]:
    result = build(BuildOptions(site_dir=site, write=False, build_date=None))
    return [
        (d.path, d.line, d.field, d.message) for d in result.diagnostics if d.severity is Severity.WARNING
    ]


def test_demo_references_not_on_the_site_are_warnings_with_file_and_line() -> None:
    found = [w for w in warnings_of(REPO) if w[2] in ("relaterade", "hänvisning")]
    assert [(p, line, f) for p, line, f, _ in found] == [
        (ALINGSAS_FILE, 11, "relaterade"),
        (ALINGSAS_FILE, 12, "relaterade"),
        (ALINGSAS_FILE, 13, "relaterade"),
        (ALINGSAS_FILE, 14, "relaterade"),
        (ALINGSAS_FILE, 19, "hänvisning"),
        (ALINGSAS_FILE, 19, "hänvisning"),
        (ALINGSAS_FILE, 21, "hänvisning"),
        (ALINGSAS_FILE, 33, "hänvisning"),
        (STOCKHOLM_FILE, 47, "relaterade"),
        (STOCKHOLM_FILE, 145, "hänvisning"),
    ]
    messages = [m for *_, m in found]
    assert (
        messages[0] == 'hänvisningen "KF 2017-06-14 § 142" pekar på ett beslut som inte finns på webbplatsen'
    )
    assert messages[6] == (
        'hänvisningen "Kommunstyrelsen beslutade den 28 maj 2018, § 93" pekar på KS 2018-05-28 § 93, '
        "som inte finns på webbplatsen"
    )
    assert messages[9] == (
        'hänvisningen "dnr 219-5028/2004" pekar på ärendet 219-5028/2004, som inte finns på webbplatsen'
    )


def test_beslut_check_lists_the_warnings_and_succeeds() -> None:
    done = run_cli("check", str(REPO), "--date", "2026-11-22")
    assert done.returncode == 0, done.stderr
    assert (
        f"{ALINGSAS_FILE}:33:1: varning: hänvisning: hänvisningen "
        '"Kommunstyrelsen har behandlat ärende 12 november 2018, § 197" pekar på KS 2018-11-12 § 197, '
        "som inte finns på webbplatsen\n"
        "    tips: den visas som text utan länk; "
        "publicera KS 2018-11-12 § 197 på webbplatsen om den ska bli en länk"
    ) in done.stderr
    strict = run_cli("check", str(REPO), "--date", "2026-11-22", "--strict")
    assert strict.returncode == 1


def test_demo_references_stay_text_never_broken_links(demo_out: Path) -> None:
    body = main_of(page(demo_out, ALINGSAS))
    for phrase in (
        "Kommunfullmäktige beslutade den 14 juni 2017, § 142",
        "Kommunstyrelsen beslutade den 11 september 2017, § 159",
        "Kommunstyrelsen beslutade den 28 maj 2018, § 93",
        "12 november 2018, § 197",
    ):
        assert phrase in body
        assert not re.search(r"<a [^>]*>[^<]*" + re.escape(phrase), body)
    related = body[body.index(">Relaterade beslut och ärenden</h2>") :]
    for written in (
        "KF 2017-06-14 § 142",
        "KS 2017-09-11 § 159",
        "KS 2018-05-28 § 93",
        "KS 2018-11-12 § 197",
    ):
        assert f"<li>{written} <span" in related
    assert broken_links(demo_out) == []


def test_references_on_the_site_become_links(xrefs_out: Path) -> None:
    body = main_of(page(xrefs_out, CITING))
    links = re.findall(r'<a href="([^"]+)">([^<]+)</a>', body)
    to = {text: href for href, text in links}
    p93 = "/beslut/" + ORG + "ks/2018-05-28/93-senarelaggning-av-uppdraget-stodfunktioner-hr-och/"
    p142 = "/beslut/" + ORG + "kf/2017-06-14/142-politisk-handlingsplan-effekt/"
    case = "/beslut/" + ORG + "arenden/ks-2018-0417/"
    assert to["Kommunfullmäktige beslutade den 14 juni 2017, § 142"] == p142
    assert (
        to["Kommunstyrelsen beslutade den 11 september 2017, § 159"]
        == "/beslut/" + ORG + "ks/2017-09-11/protokoll/"
    )
    assert to["Kommunstyrelsen beslutade den 28 maj\n2018, § 93"] == p93
    assert to["dnr KS-2018/0417"] == case
    assert to["KF 14 juni 2017 § 142"] == p142
    assert to["KS-2018/0417"] == case
    assert to["KS 2018-05-28 § 93"] == p93  # in the decision's wording
    assert "<code>KS 2018-05-28 § 93</code>" in body
    assert '<a href="https://www.sjovik.se/">KS 2018-05-28 § 93 hos Sjövik</a>' in body
    assert "MBL § 11" in body and "12 november 2018, § 197." in body


def test_relaterade_entries_are_listed_and_linked(xrefs_out: Path) -> None:
    body = main_of(page(xrefs_out, CITING))
    start = body.index(">Relaterade beslut och ärenden</h2>")
    related = body[start : body.index("</section>", start)]
    assert re.findall(r"<li>(.*?)</li>", related) == [
        f'<a href="/beslut/{ORG}kf/2017-06-14/142-politisk-handlingsplan-effekt/">'
        "KF 2017-06-14 § 142: Politisk handlingsplan Effekt</a>",
        f'<a href="/beslut/{ORG}ks/2017-09-11/protokoll/">'
        "KS 2017-09-11 § 159: Protokoll kommunstyrelsen 11 september 2017</a>",
        f'<a href="/beslut/{ORG}ks/2018-05-28/93-senarelaggning-av-uppdraget-stodfunktioner-hr-och/">'
        "KS 2018-05-28 § 93: Senareläggning av uppdraget; stödfunktioner, HR och kommunikation</a>",
        f'<a href="/beslut/{ORG}arenden/ks-2018-0417/">KS-2018/0417: Ärende KS-2018/0417</a>',
        'KS 2018-11-12 § 197 <span class="note">(finns inte på webbplatsen)</span>',
    ]


@pytest.mark.parametrize(
    "target",
    [
        ORG + "kf/2017-06-14/142-politisk-handlingsplan-effekt/",
        ORG + "ks/2017-09-11/protokoll/",
        ORG + "ks/2018-05-28/93-senarelaggning-av-uppdraget-stodfunktioner-hr-och/",
        ORG + "arenden/ks-2018-0417/",
        CITING,
    ],
)
def test_every_target_shows_what_refers_to_it(xrefs_out: Path, target: str) -> None:
    body = main_of(page(xrefs_out, target))
    section = body[body.index(">Hänvisas från</h2>") :]
    citing = "/beslut/" + (CITING if target != CITING else ORG + "nyheter/2018-12-05-effekt/")
    assert f'<a href="{citing}">' in section


def test_a_record_that_refers_to_nothing_shows_no_sections(xrefs_out: Path) -> None:
    body = main_of(page(xrefs_out, ORG + "kf/2018-12-10/kallelser/"))
    assert ">Hänvisas från</h2>" not in body and ">Relaterade beslut och ärenden</h2>" not in body


def test_the_fixture_site_warns_only_about_what_is_missing() -> None:
    assert warnings_of(XREFS) == [
        (
            "content/kf/2018-11-28-205.md",
            16,
            "relaterade",
            'hänvisningen "KS 2018-11-12 § 197" pekar på ett beslut som inte finns på webbplatsen',
        ),
        (
            "content/kf/2018-11-28-205.md",
            29,
            "hänvisning",
            'hänvisningen "Kommunstyrelsen har behandlat ärende 12 november 2018, § 197" pekar på '
            "KS 2018-11-12 § 197, som inte finns på webbplatsen",
        ),
    ]


def test_no_link_of_the_fixture_site_is_broken(xrefs_out: Path) -> None:
    assert broken_links(xrefs_out, "/beslut/") == []


def _warnings(site_factory, *lines: str, body: str) -> list[Diagnostic]:  # type: ignore[no-untyped-def]
    """Return the diagnostics of a site with one § of KS (front matter ``lines`` after the required keys)."""
    head = ("titel: Budget 2025", "typ: protokollsutdrag", "datum: 2024-03-11", "nämnd: KS", "paragraf: 12")
    site = site_factory({"content/ks/2024-03-11-12.md": record_text(*head, *lines, body=body)})
    return build(BuildOptions(site_dir=site, write=False)).diagnostics


def test_a_faulty_relaterade_entry_is_a_warning_naming_the_boards(site_factory) -> None:  # type: ignore[no-untyped-def]
    lines = ("relaterade:", "  - KX 2024-02-01 § 3", "  - KS 2024-02-30 § 3")
    found = _warnings(site_factory, *lines, body="Beslutet den 1 februari 2024, § 3 gäller.\n")
    got = [(d.line, d.column, d.field, d.message, d.hint) for d in found]
    boards = "nämnderna heter KF, KS, KSAU"
    assert got == [
        (
            8,
            5,
            "relaterade",
            'hänvisningen "KX 2024-02-01 § 3" kan inte tolkas: nämnden "KX" finns inte i organisationen',
            'skriv t.ex. "KS 2018-05-28 § 93" (nämndens kortnamn, datum, paragraf) eller ett diarienummer; '
            + boards,
        ),
        (
            9,
            5,
            "relaterade",
            'hänvisningen "KS 2024-02-30 § 3" kan inte tolkas: "2024-02-30" är inget giltigt datum',
            'skriv t.ex. "KS 2018-05-28 § 93" (nämndens kortnamn, datum, paragraf) eller ett diarienummer; '
            + boards,
        ),
        (
            12,
            14,
            "hänvisning",
            'hänvisningen "1 februari 2024, § 3" säger inte vilken nämnd som beslutade, '
            "så den kan inte länkas",
            'skriv nämndens namn före datumet, t.ex. "Kommunstyrelsen beslutade den 28 maj 2018, § 93"',
        ),
    ]


def test_a_reference_in_beslut_is_located_where_it_is_written(site_factory) -> None:  # type: ignore[no-untyped-def]
    beslut = (
        "beslut: |",
        "  Kommunstyrelsen antar budgeten.",
        "  Som Kommunstyrelsen beslutade den 1 februari 2024, § 3.",
    )
    body = "Kommunstyrelsen beslutade den\n2 februari 2024, § 4, om taxan.\n"

    got = [(d.line, d.column, d.field) for d in _warnings(site_factory, *beslut, body=body)]
    assert got == [(9, 7, "beslut"), (12, 1, "hänvisning")]
