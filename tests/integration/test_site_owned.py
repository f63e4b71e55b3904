"""A record may be the site's own (``organisation: ingen``): news of the site, not of an organisation.

An extension of the content contract: a site without such records builds as before, and an
organisation with no appealable decision has no page on how to appeal and no link to one.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from tests.conftest import SITE_YAML, record_text
from tests.integration.sitecheck import (
    assert_built,
    broken_links,
    build_site,
    html_files,
    main_of,
    page,
)

OWN = "nyheter/2024-05-02-sok-pa-webbplatsen/"
ORGS = "sjoviks-kommun/nyheter/2024-04-02-foraldrakurs/"
FILES = {
    "content/nyheter/2024-05-02-sok-pa-webbplatsen.md": record_text(
        "titel: Nu kan du söka bland besluten",
        "typ: nyhet",
        "datum: 2024-05-02 09:00",
        "organisation: ingen",
        "ingress: Sökningen hittar beslut, protokoll och handlingar.",
        body="Sök efter ett ord, ett diarienummer eller en nämnd.\n",
    ),
    "content/sjoviks-kommun/nyheter/2024-04-02-foraldrakurs.md": record_text(
        "titel: Föräldrakurs i vår", "typ: nyhet", "datum: 2024-04-02", body="Kursen är gratis.\n"
    ),
    "content/ks/2024-03-11-yttrande.md": record_text(
        "titel: Yttrande över remiss", "typ: tjänsteskrivelse", "datum: 2024-03-11", "nämnd: KS"
    ),
}


def built(site_factory: Callable[..., Path], files: dict[str, str] = FILES) -> Path:
    site = site_factory(files)
    out = site / "public"
    assert_built(build_site(site, out, "2024-06-01"))
    return out


def test_the_sites_own_news_is_in_the_news_section_without_an_organisation(
    site_factory: Callable[..., Path],
) -> None:
    out = built(site_factory)
    main = main_of(page(out, OWN))
    assert "Nu kan du söka bland besluten" in main
    assert "Sjöviks kommun" not in main
    assert 'data-pagefind-filter="organisation:' not in main
    assert 'data-pagefind-meta="organisation:' not in main
    assert "<dt>Organisation</dt>" not in main
    crumbs = page(out, OWN)[page(out, OWN).index('class="breadcrumbs') : page(out, OWN).index("<main")]
    assert 'href="/beslut/nyheter/"' in crumbs and "Sjöviks kommun" not in crumbs
    # Listed with the organisation's news, under /nyheter/ and on the start page, with no organisation.
    for listing in ("nyheter/", ""):
        main = main_of(page(out, listing))
        item = main[main.index(f'href="/beslut/{OWN}"') :]
        item = item[: item.index("</li>")]
        assert "Sjöviks kommun" not in item
        assert f'href="/beslut/{ORGS}"' in main
    # The organisation's own news still belongs to it.
    assert "Sjöviks kommun" in main_of(page(out, ORGS))


def test_the_sites_own_news_is_in_the_feeds_by_the_site_and_has_no_oparl_object(
    site_factory: Callable[..., Path],
) -> None:
    out = built(site_factory)
    feed = (out / "nyheter" / "atom.xml").read_text(encoding="utf-8")
    entry = feed[feed.index("<title>Nu kan du söka bland besluten</title>") :]
    entry = entry[: entry.index("</entry>")]
    assert "<name>Sjöviks kommuns beslut</name>" in entry
    # OParl has no place for it (a Paper belongs to a Body): no object, no link to one, no tombstone.
    assert not (out / "data" / (OWN.rstrip("/") + ".json")).exists()
    assert (out / "data" / (ORGS.rstrip("/") + ".json")).is_file()
    assert OWN not in (out / "data" / "index.json").read_text(encoding="utf-8")
    assert broken_links(out, "/beslut/") == []
    jsonld = page(out, OWN)
    assert '"publisher":{"@type":"Organization","name":"Sjöviks kommuns beslut"' in jsonld


def test_an_organisation_without_appealable_decisions_has_no_appeal_page(
    site_factory: Callable[..., Path],
) -> None:
    out = built(site_factory)
    assert not (out / "sjoviks-kommun" / "overklaga").exists()
    linking = [
        f.relative_to(out).as_posix()
        for f in html_files(out)
        if "overklaga/" in f.read_text(encoding="utf-8") and "pagefind" not in f.parts
    ]
    assert linking == []
    assert "Så överklagar du" not in main_of(page(out, "sjoviks-kommun/"))
    assert "Så överklagar du" not in main_of(page(out, "anslagstavla/"))


def test_an_appealable_decision_gives_its_organisation_the_appeal_page(
    site_factory: Callable[..., Path],
) -> None:
    files = {
        **FILES,
        "content/ks/2024-03-11-12.md": record_text(
            "titel: Budget 2024", "typ: protokollsutdrag", "datum: 2024-03-11", "nämnd: KS", "paragraf: 12"
        ),
    }
    out = built(site_factory, files)
    assert "Förvaltningsrätten i Göteborg" in main_of(page(out, "sjoviks-kommun/overklaga/"))
    assert 'href="/beslut/sjoviks-kommun/overklaga/"' in main_of(page(out, "sjoviks-kommun/"))
    assert 'href="/beslut/sjoviks-kommun/overklaga/"' in main_of(page(out, "anslagstavla/"))


def test_an_organisation_declared_as_ingen_keeps_its_name(site_factory: Callable[..., Path]) -> None:
    """``ingen`` means the site itself only when no organisation is called so."""
    site_yaml = SITE_YAML + (
        "  - name: Ingen\n    protocol_location: Kansliet\n    appeal_court: Förvaltningsrätten i Göteborg\n"
    )
    files = {
        "content/n.md": record_text("titel: Hej", "typ: nyhet", "datum: 2024-05-02", "organisation: ingen")
    }
    site = site_factory(files, site_yaml)
    out = site / "public"
    assert_built(build_site(site, out, "2024-06-01"))
    assert "Hej" in main_of(page(out, "ingen/nyheter/2024-05-02-n/"))
    assert not (out / "nyheter" / "2024-05-02-n").exists()
