"""The tillgänglighetsredogörelse (lag 2018:1937), generated from site.yaml and linked from every footer."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.integration.lawsite import LAW_SITE_YAML, Built, build, main_text, record, run, write_site

REPO = Path(__file__).resolve().parents[2]

STATEMENT = """\
accessibility:
  compliance: partial
  contact_email: webb@sjovik.se
  contact_phone: 0321-59 50 00
  known_gaps:
    - Äldre protokoll finns bara som inskannade PDF-filer.
    - Kartorna i detaljplanerna saknar textalternativ.
  statement_date: 2023-09-01
  last_review: 2025-01-15
"""


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    files = {"content/ks/a.md": record("titel: Budget", "typ: nyhet", "datum: 2024-05-20")}
    site = write_site(tmp_path_factory.mktemp("tillganglighet"), files, LAW_SITE_YAML + STATEMENT)
    result = build(site, "2025-02-01")
    assert result.code == 0, result.stderr
    return result


def test_the_statement_is_generated_from_site_yaml(built: Built) -> None:
    page = built.page("tillganglighet/")
    text = main_text(page)
    assert "lagen (2018:1937) om tillgänglighet till digital offentlig service" in text
    assert "Webbplatsen är delvis förenlig med lagen" in text
    assert "Äldre protokoll finns bara som inskannade PDF-filer." in text
    assert "Kartorna i detaljplanerna saknar textalternativ." in text
    assert '<a href="mailto:webb@sjovik.se">webb@sjovik.se</a>' in page
    assert "Telefon: 0321-59 50 00" in text
    assert "Redogörelsen upprättades 1 september 2023." in text
    assert "Redogörelsen uppdaterades senast 15 januari 2025." in text
    assert "Digg" in text and 'href="https://www.digg.se/tdosanmalan"' in page


def test_every_page_links_the_statement_from_its_footer(built: Built) -> None:
    pages = built.html_files()
    assert len(pages) > 10
    for path in pages:
        footer = re.search(r"<footer\b.*?</footer>", path.read_text(encoding="utf-8"), re.S)
        assert footer, path
        assert '<a href="/beslut/tillganglighet/">Tillgänglighetsredogörelse</a>' in footer.group(), path


def test_a_statement_without_gaps_says_none_are_known(tmp_path: Path) -> None:
    yaml = (
        LAW_SITE_YAML
        + "accessibility: {compliance: full, contact_email: webb@sjovik.se, last_review: 2025-01-15}\n"
    )
    result = build(write_site(tmp_path / "site", {}, yaml), "2025-02-01")
    assert result.code == 0, result.stderr
    text = main_text(result.page("tillganglighet/"))
    assert "Webbplatsen är helt förenlig med lagen" in text
    assert "Vi känner inte till några brister." in text


def test_a_statement_without_contact_or_review_date_is_warned_about(tmp_path: Path) -> None:
    yaml = LAW_SITE_YAML + "accessibility:\n  known_gaps: [Kartor saknar textalternativ.]\n"
    site = write_site(tmp_path / "site", {}, yaml)
    line = len(LAW_SITE_YAML.splitlines()) + 1
    code, stdout, stderr = run("check", str(site), "--date", "2025-02-01")
    assert code == 0
    assert stderr.splitlines() == [
        f"site.yaml:{line}:1: varning: accessibility.contact_email: tillgänglighetsredogörelsen har ingen "
        "kontaktuppgift för att rapportera brister",
        "    tips: skriv t.ex. accessibility: {contact_email: webb@sjovik.se, last_review: 2025-01-15}",
        f"site.yaml:{line}:1: varning: accessibility.last_review: tillgänglighetsredogörelsen har inget "
        "datum för när redogörelsen senast granskades",
        "    tips: skriv t.ex. accessibility: {contact_email: webb@sjovik.se, last_review: 2025-01-15}",
    ]
    assert "2 varningar" in stdout
    assert run("check", str(site), "--date", "2025-02-01", "--strict")[0] == 1


def test_the_demo_site_has_an_honest_statement(tmp_path: Path) -> None:
    result = build(REPO, "2025-02-01", tmp_path / "demo")
    assert result.code == 0, result.stderr
    assert "accessibility" not in result.stderr  # complete: no warning about it
    text = main_text(result.page("tillganglighet/"))
    assert "tillganglighet@example.se" in text
    assert "Bifogade PDF-filer" in text
    assert "Redogörelsen uppdaterades senast 15 januari 2025." in text
