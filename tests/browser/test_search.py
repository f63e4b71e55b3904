"""Search the way people expect: words, inflected forms, Swedish letters, diarienummer, filters and sort.

The fixture records (tests/browser/fixture/README.md) hold the words these tests look for.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any
from urllib.parse import parse_qs, quote, urlsplit

import pytest
import yaml
from playwright.sync_api import Page, expect

from bench.corpus import generate
from tests.browser.sites import BIG_RECORDS, BUILD_DATE, ROOT, ServedSite
from tests.browser.transfer import first_search

SV = yaml.safe_load((ROOT / "themes" / "standard" / "i18n" / "sv.yaml").read_text(encoding="utf-8"))
KS_42 = "sjoviks-kommun/ks/2024-05-13/42-ny-forskola-i-norrby/"
KS_43 = "sjoviks-kommun/ks/2024-05-13/43-farbete-pa-kommunens-mark-vid-storakern/"
KSAU_7 = "sjoviks-kommun/ksau/2024-05-06/7-ny-forskola-i-norrby/"
MEMO = "sjoviks-kommun/tjansteskrivelser/2024-03-04-lokalbehov-for-barnomsorg/"
COURSE = "sjoviks-kommun/nyheter/2024-04-02-foraldrakurs/"
TRIP = "sjoviks-kommun/nyheter/2024-04-20-studieresa/"
CASE = "sjoviks-kommun/arenden/ks-2024-118-611/"


def search(page: Page, site: ServedSite, query: str = "", **filters: str) -> list[dict[str, Any]]:
    """Open the search page for ``query`` and filters, wait for the results, and return them."""
    params = [("q", query), *filters.items()]
    page.goto(site.address("sok/?" + "&".join(f"{quote(k)}={quote(v)}" for k, v in params if v)))
    return results(page)


def results(page: Page) -> list[dict[str, Any]]:
    """Wait for the search to finish and return every result: path, title and meta line."""
    page.locator(".search-results[aria-busy=false]").wait_for(state="attached")
    while page.locator("#flerresultat").is_visible():
        before = page.locator("#sokresultat > li").count()
        page.locator("#flerresultat").click()
        page.wait_for_function(f"document.querySelectorAll('#sokresultat > li').length > {before}")
    found: list[dict[str, Any]] = page.evaluate(
        """root => [...document.querySelectorAll('#sokresultat > li')].map(li => ({
             path: new URL(li.querySelector('a').href).pathname.slice(new URL(root).pathname.length),
             title: li.querySelector('a').textContent,
             meta: [...li.querySelectorAll('.result-meta > span')].map(s => s.textContent),
             case: [...li.querySelectorAll('.result-meta a')].map(
               a => new URL(a.href).pathname.slice(new URL(root).pathname.length))[0] || null}))""",
        page.url.split("sok/")[0],
    )
    return found


def paths(found: list[dict[str, Any]]) -> list[str]:
    """Return the results' paths, in order."""
    return [r["path"] for r in found]


def status(page: Page) -> str:
    """Return the line that says how many results there are."""
    return page.locator("#sokstatus").inner_text()


def swedish_date(text: str) -> dt.date:
    """Parse "13 maj 2024"."""
    day, month, year = text.split()
    return dt.date(int(year), SV["months"].index(month) + 1, int(day))


def test_a_word_typed_in_the_header_reaches_the_right_decision(big_site: ServedSite, page: Page) -> None:
    """From any page: type in the header's search box, press Enter, open the first result."""
    page.goto(big_site.address())
    page.get_by_role("searchbox", name="Sök bland beslut").fill("Sälgbacken")
    page.keyboard.press("Enter")
    page.wait_for_url("**/sok/?q=S*")
    found = results(page)
    assert paths(found) == [KSAU_7]
    assert status(page) == "1 träff för ”Sälgbacken”"
    page.locator("#sokresultat a").first.click()
    page.wait_for_url("**/" + KSAU_7)
    assert page.locator("h1").inner_text() == "§ 7 Ny förskola i Norrby"


def test_a_result_shows_type_board_date_and_diarienummer(big_site: ServedSite, page: Page) -> None:
    """Each result says what it is, who decided, when, and the case it belongs to."""
    [found] = search(page, big_site, "Sälgbacken")
    assert found["title"] == "§ 7 Ny förskola i Norrby"
    assert found["meta"] == [
        "Protokollsutdrag",
        "Kommunstyrelsens arbetsutskott",
        "6 maj 2024",
        "Diarienummer KS-2024/118.611",
    ]


@pytest.mark.parametrize(
    ("query", "must_find"),
    [
        ("förskolan", MEMO),  # the memo only says "förskolor"
        ("förskolor", COURSE),  # the course only says "förskolan"
        ("förskolorna", COURSE),
        ("Förskolans", MEMO),
    ],
)
def test_inflected_forms_are_found(query: str, must_find: str, big_site: ServedSite, page: Page) -> None:
    """A search for one form of a word finds the other forms (förskolan → förskolor and back)."""
    found = paths(search(page, big_site, query))
    assert must_find in found
    assert KS_42 in found


def test_pagefind_alone_does_not_find_other_forms_of_words_with_swedish_letters(
    big_site: ServedSite, page: Page
) -> None:
    """Why search.js strips Swedish endings: with exact diacritics Pagefind 1.5 does not stem "förskolor".

    If this starts failing, Pagefind has learnt it, and the suffix stripper in search.js can go.
    """
    page.goto(big_site.address("sok/"))
    found = pagefind_paths(page, "förskolor", exact=True)
    assert MEMO in found
    assert COURSE not in found and KS_42 not in found


def test_swedish_letters_are_letters_of_their_own(big_site: ServedSite, page: Page) -> None:
    """far is not får and for is not för: å, ä and ö are distinct letters in Swedish."""
    assert paths(search(page, big_site, "far")) == [COURSE]
    sheep = paths(search(page, big_site, "får"))
    assert KS_43 in sheep and COURSE not in sheep
    went = paths(search(page, big_site, "for"))
    assert TRIP in went and len(went) <= 3
    assert len(search(page, big_site, "för")) > 100


def test_pagefind_by_default_would_take_far_for_far(big_site: ServedSite, page: Page) -> None:
    """The evidence for exactDiacritics: Pagefind's default matches å/ä/ö and a/o as the same letter."""
    page.goto(big_site.address("sok/"))
    assert KS_43 in pagefind_paths(page, "far", exact=False)
    assert len(pagefind_paths(page, "for", exact=False)) > 100
    assert pagefind_paths(page, "far", exact=True) == [COURSE]


def pagefind_paths(page: Page, term: str, exact: bool) -> list[str]:
    """Search with Pagefind's own API (no search.js) over every bundle and return every result's path.

    A Pagefind instance of its own, so that the page's script (which sets exactDiacritics) has no say.
    """
    found: list[str] = page.evaluate(
        """async ([bundle, term, exact]) => {
             const pf = (await import(bundle + 'pagefind.js')).createInstance({exactDiacritics: exact});
             const {bundles} = await (await fetch(bundle + 'bundles.json')).json();
             for (const name of bundles.slice(1)) {
               await pf.mergeIndex(bundle + name + '/', {exactDiacritics: exact});
             }
             const search = await pf.search(term);
             const pages = await Promise.all(search.results.map(r => r.data()));
             return pages.map(p => p.url.slice(bundle.length - 'pagefind/'.length));
           }""",
        [page.locator("#sokformular").get_attribute("data-bundle"), term, exact],
    )
    return found


@pytest.mark.parametrize("query", ["KS-2024/118.611", "KS 2024/118.611", "ks-2024/118.611", "2024/118.611"])
def test_a_diarienummer_finds_the_documents_of_its_case(query: str, big_site: ServedSite, page: Page) -> None:
    """However the number is typed, every document of the case and only those are found, once each.

    The case's page lists its documents and is not itself in the index; each result links to it.
    """
    found = search(page, big_site, query)
    assert sorted(paths(found)) == sorted([KS_42, KSAU_7, MEMO])
    assert {r["case"] for r in found} == {CASE}
    assert all(r["meta"][-1] == "Diarienummer KS-2024/118.611" for r in found)


@pytest.mark.parametrize(
    ("query", "case"),
    [
        ("KS-2021/1202.111", "huddinge/arenden/ks-2021-1202-111/"),
        ("2018.303 KS", "alingsas/arenden/2018-303-ks/"),
    ],
)
def test_a_diarienummer_of_the_demo_site_leads_to_its_case(
    query: str, case: str, demo_site: ServedSite, page: Page
) -> None:
    """The demo's own numbers, in two registries' styles: the first result is of the case and links to it."""
    found = search(page, demo_site, query)
    assert found[0]["case"] == case
    page.locator("#sokresultat .result-meta a").first.click()
    page.wait_for_url("**/" + case)
    assert page.locator("h1").inner_text().startswith("Ärende ")


@pytest.mark.parametrize(
    ("filter_name", "key", "value", "position"),
    [
        ("Typ", "typ", "Tjänsteskrivelse", 0),
        ("Nämnd", "nämnd", "Kommunstyrelsen", 1),
        ("År", "år", "2024", 2),
    ],
)
def test_each_filter_narrows_the_results(
    filter_name: str, key: str, value: str, position: int, big_site: ServedSite, page: Page
) -> None:
    """Ticking a filter's value leaves fewer results, every one of them with that value."""
    everything = search(page, big_site, "plan")
    page.locator("#sokfilter summary", has_text=filter_name).click()
    page.get_by_role("checkbox", name=value + " (", exact=False).check()
    narrowed = results(page)
    assert 0 < len(narrowed) < len(everything)
    for result in narrowed:
        assert result["meta"][position].endswith(value), result
    assert parse_qs(urlsplit(page.url).query)[key] == [value]


def test_the_organisation_filter_narrows_the_results(demo_site: ServedSite, page: Page) -> None:
    """The demo site has five organisations: choosing one keeps only its pages."""
    everything = search(page, demo_site, "organisation")
    page.locator("#sokfilter summary", has_text="Organisation").click()
    page.get_by_role("checkbox", name="Huddinge kommun (", exact=False).check()
    narrowed = results(page)
    assert 0 < len(narrowed) < len(everything)
    assert all(p.startswith("huddinge/") for p in paths(narrowed))


def test_two_values_of_one_filter_are_alternatives(big_site: ServedSite, page: Page) -> None:
    """Kommunstyrelsen or Kommunfullmäktige: more results than either alone."""
    ks = search(page, big_site, "plan", nämnd="Kommunstyrelsen")
    kf = search(page, big_site, "plan", nämnd="Kommunfullmäktige")
    page.goto(big_site.address("sok/?q=plan&nämnd=Kommunstyrelsen&nämnd=Kommunfullmäktige"))
    both = results(page)
    assert len(both) == len(ks) + len(kf)
    assert page.locator("#valda").inner_text() == "(2 valda)"


def test_newest_first_sorts_by_date(big_site: ServedSite, page: Page) -> None:
    """The choice of newest first orders the results by date, newest on top, and is kept in the address."""
    relevance = search(page, big_site, "plan")
    page.get_by_role("radio", name="Nyast först").check()
    newest = results(page)
    dates = [swedish_date(r["meta"][2]) for r in newest]
    assert dates == sorted(dates, reverse=True)
    assert paths(newest) != paths(relevance)
    assert "sort=nyast" in page.url
    page.reload()
    assert paths(results(page)) == paths(newest)
    assert page.get_by_role("radio", name="Nyast först").is_checked()


def test_the_back_button_returns_to_the_previous_search(big_site: ServedSite, page: Page) -> None:
    """Each change is a step in the history: back undoes a filter."""
    everything = search(page, big_site, "plan")
    page.locator("#sokfilter summary", has_text="Typ").click()
    page.get_by_role("checkbox", name="Tjänsteskrivelse (", exact=False).check()
    assert len(results(page)) < len(everything)
    page.go_back()
    assert len(results(page)) == len(everything)
    assert not page.get_by_role("checkbox", name="Tjänsteskrivelse (", exact=False).is_checked()


def test_a_filter_alone_lists_its_pages(big_site: ServedSite, page: Page) -> None:
    """No words, only a type: every kallelse on the site (the corpus's and the fixture's), nothing else."""
    expected = generate(BIG_RECORDS, today=BUILD_DATE).count("kallelse") + 1
    found = paths(search(page, big_site, typ="Kallelse"))
    assert len(found) == len(set(found)) == expected > 1
    assert "sjoviks-kommun/kf/2024-06-10/kallelser/" in found
    assert all(path.endswith("/kallelser/") for path in found), found
    assert status(page) == SV["search_count_many"].format(count=expected)


def test_no_result_says_so_and_what_to_try(big_site: ServedSite, page: Page) -> None:
    """A word that is nowhere: zero results and advice, in Swedish."""
    assert search(page, big_site, "xyzzyplugh") == []
    assert status(page) == SV["search_none"].format(term="xyzzyplugh")


HUDDINGE = "huddinge/ksau/2021-06-09/6-en-enhetlig-kommunikationsprocess-i-huddinge/"


def test_a_long_word_hyphenated_in_its_heading_is_found_whole(demo_site: ServedSite, page: Page) -> None:
    """The heading reads "kom­mu­ni­ka­tions­pro­cess" with soft hyphens; search finds the word as written,
    shows the title without them, and a query pasted with them finds the same pages."""
    html = demo_site.file(HUDDINGE).read_text(encoding="utf-8")
    assert "kom\u00admu\u00adni\u00adka\u00adtions\u00adpro\u00adcess" in html
    found = search(page, demo_site, "kommunikationsprocess")
    assert HUDDINGE in paths(found)
    [result] = [r for r in found if r["path"] == HUDDINGE]
    assert "\u00ad" not in result["title"]
    assert "En enhetlig kommunikationsprocess" in result["title"]
    pasted = search(page, demo_site, "kom\u00admu\u00adni\u00adka\u00adtions\u00adpro\u00adcess")
    assert paths(pasted) == paths(found)
    assert status(page).endswith(" för ”kommunikationsprocess”")


def test_a_first_search_loads_the_index_it_needs_and_nothing_else(big_site: ServedSite, page: Page) -> None:
    """pagefind.js, the WebAssembly, each bundle's metadata, the word's chunks and the results' fragments.

    No web worker, none of Pagefind's UI bundles, and the filters' page lists only once a filter is opened.
    """
    bundles = json.loads((big_site.output / "pagefind" / "bundles.json").read_text(encoding="utf-8"))[
        "bundles"
    ]
    assert len(bundles) > 1, "the test site is built in several bundles"
    transfer = first_search(page, big_site.url, "Sälgbacken")
    assert paths(results(page)) == [KSAU_7]
    kinds = transfer.by_kind()
    assert {"pagefind.js", "wasm", "bundles", "entry", "meta", "index", "fragment"} <= set(kinds)
    assert transfer.count(".pf_meta") == len(bundles)
    assert transfer.count("pagefind-entry.json") == len(bundles)
    assert 0 < transfer.count(".pf_index") <= 2 * len(bundles)
    assert transfer.count(".pf_fragment") == 1
    # Pages and chunks by their short names (generator/outputs/pagefind_names.py), not Pagefind's hashes.
    short = re.compile(r"/(fragment|index)/[0-9a-f]{6}-[0-9a-z]+\.pf_(fragment|index)$")
    assert [
        u for u in transfer.urls if u.endswith((".pf_fragment", ".pf_index")) and not short.search(u)
    ] == []
    assert "filter" not in kinds
    assert not [u for u in transfer.urls if "worker" in u or "-ui" in u or "highlight" in u or "unknown" in u]
    assert transfer.total < 300 * 1024, transfer.by_kind()
    # Opening a filter loads the filters' page lists of every bundle: now each value shows its count.
    page.locator("#sokfilter summary", has_text="Nämnd").click()
    label = page.locator("#sokfilter label", has_text="Kommunstyrelsens arbetsutskott")
    expect(label).to_have_text("Kommunstyrelsens arbetsutskott (1)")
    expect(page.locator("#sokfilter label", has_text="Valnämnden")).to_have_text("Valnämnden (0)")
