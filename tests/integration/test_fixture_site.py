"""A site written by hand against the content contract, as a kommun would: tests/sites/valid/tva-kommuner/.

Sjöviks kommun and Åre kommun both have a Miljö- och byggnämnden; one case (KS 2024/15) goes from a
tjänsteskrivelse through the arbetsutskott and the styrelse to fullmäktige; fullmäktige's meeting of
15 April 2024 has §§ 9, 10, 10a and 11 (files named so that sorting by name would put 10 first), and only
§ 9 carries justerat and anslag. Åre's styrelse sent two yttranden with one title on one day (two cases):
two files, two pages. ``base_url`` has the sub-path /beslut/ and ``page_size`` is 2.
Built on 2024-04-25, when the notice of that meeting is up (last day to appeal: 10 May 2024).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.integration.sitecheck import (
    SITES,
    assert_built,
    broken_links,
    build_site,
    duplicate_ids,
    html_files,
    indexed_urls,
    main_of,
    page,
    parse_links,
    title_of,
)

SITE = SITES / "valid" / "tva-kommuner"
DAY = "2024-04-25"
SJOVIK = "sjoviks-kommun/"
ARE = "are-kommun/"
KF_MEETING = SJOVIK + "kf/2024-04-15/"
P9 = KF_MEETING + "9-val-av-justerare/"
P10 = KF_MEETING + "10-ny-skolstruktur-i-sjovik/"
P10A = KF_MEETING + "10a-motion-om-skolskjutsar/"
P11 = KF_MEETING + "11-avsagelse-av-uppdrag-som-ersattare/"
CASE = SJOVIK + "arenden/ks-2024-15/"
TJANSTESKRIVELSE = SJOVIK + "ks/2024-02-20/ny-skolstruktur-i-sjovik/"
KSAU_12 = SJOVIK + "ksau/2024-03-04/12-ny-skolstruktur-i-sjovik/"
KS_45 = SJOVIK + "ks/2024-03-18/45-ny-skolstruktur-i-sjovik/"
NEWS = SJOVIK + "nyheter/2024-04-16-fullmaktige-har-beslutat-om-ny-skolstruktur/"
KALLELSE = SJOVIK + "kf/2024-05-13/kallelser/"
BYGGLOV = SJOVIK + "mbn/2024-04-02/bygglov-storgatan-1/"
SJOVIK_MBN = SJOVIK + "mbn/2024-03-12/1-tillsynsplan-for-2024/"
ARE_MBN = ARE + "mbn/2024-03-12/1-taxa-for-provning-och-tillsyn/"
ARE_KS = ARE + "ks/2024-03-05/3-arsredovisning-for-are-kommun-2023/"
YTTRANDE_REGIONEN = ARE + "ks/2024-02-27/yttrande-till-regionen/"
YTTRANDE_TRAFIKVERKET = ARE + "ks/2024-02-27/yttrande-till-trafikverket/"

RECORD_PAGES = (
    P9,
    P10,
    P10A,
    P11,
    TJANSTESKRIVELSE,
    KSAU_12,
    KS_45,
    NEWS,
    KALLELSE,
    BYGGLOV,
    SJOVIK_MBN,
    ARE_MBN,
    ARE_KS,
    YTTRANDE_REGIONEN,
    YTTRANDE_TRAFIKVERKET,
)


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture site built on 2024-04-25, without drafts."""
    target = tmp_path_factory.mktemp("fixture") / "public"
    result = build_site(SITE, target, DAY)
    assert_built(result)
    assert result.records == len(RECORD_PAGES)
    assert result.warnings == 0, [d.format() for d in result.diagnostics]
    return target


def test_every_record_has_its_page_at_a_readable_ascii_address(out: Path) -> None:
    for path in RECORD_PAGES:
        assert (out / path / "index.html").is_file(), path
    for file in html_files(out):
        rel = file.relative_to(out).as_posix()
        assert re.fullmatch(r"[a-z0-9./-]+", rel), rel


def test_organisation_slugs_fold_swedish_letters(out: Path) -> None:
    """Åre kommun → are-kommun, Sjöviks kommun → sjoviks-kommun (å→a, ö→o)."""
    assert "Åre kommun" in main_of(page(out, ARE))
    assert "Sjöviks kommun" in main_of(page(out, SJOVIK))


def test_same_board_name_in_two_organisations_is_two_boards(out: Path) -> None:
    sjovik, are = main_of(page(out, SJOVIK + "mbn/")), main_of(page(out, ARE + "mbn/"))
    assert "Tillsynsplan för 2024" in sjovik and "Taxa för prövning" not in sjovik
    assert "Taxa för prövning och tillsyn" in are and "Tillsynsplan" not in are
    # Both have a § 1 on 12 March 2024: two meetings, no duplicate §.
    assert (out / SJOVIK / "mbn/2024-03-12/index.html").is_file()
    assert (out / ARE / "mbn/2024-03-12/index.html").is_file()
    # The same diarienummer in two organisations is two cases.
    assert "Tillsynsplan" in main_of(page(out, SJOVIK + "arenden/mbn-2024-3/"))
    assert "Taxa för prövning" in main_of(page(out, ARE + "arenden/mbn-2024-3/"))


def test_arbetsutskott_belongs_to_its_styrelse(out: Path) -> None:
    org = main_of(page(out, SJOVIK))
    ks, ksau = (
        org.index('href="/beslut/sjoviks-kommun/ks/"'),
        org.index('href="/beslut/sjoviks-kommun/ksau/"'),
    )
    assert ks < ksau
    assert 'href="/beslut/sjoviks-kommun/ksau/"' in main_of(page(out, SJOVIK + "ks/"))
    crumbs = page(out, KSAU_12).split('class="breadcrumbs', 1)[1].split("</nav>", 1)[0]
    assert crumbs.index("Kommunstyrelsen<") < crumbs.index("Kommunstyrelsens arbetsutskott<")


def test_case_page_shows_the_case_across_boards_in_date_order(out: Path) -> None:
    main = main_of(page(out, CASE))
    assert "KS 2024/15" in main
    positions = [main.index(f'href="/beslut/{path}"') for path in (TJANSTESKRIVELSE, KSAU_12, KS_45, P10)]
    assert positions == sorted(positions)
    for board in ("Kommunstyrelsen", "Kommunstyrelsens arbetsutskott", "Kommunfullmäktige"):
        assert board in main
    assert "Motion om skolskjutsar" not in main


def test_meeting_lists_its_paragraphs_in_numeric_order(out: Path) -> None:
    main = main_of(page(out, KF_MEETING))
    positions = [main.index(f'href="/beslut/{path}"') for path in (P9, P10, P10A, P11)]
    assert positions == sorted(positions)
    assert re.findall(r"§ (\d+a?)\b", main) == ["9", "10", "10a", "11"]


def test_a_paragraph_lists_its_meetings_paragraphs_and_marks_itself(out: Path) -> None:
    main = main_of(page(out, P10A))
    listed = main[main.index("Sammanträdets paragrafer") :]
    assert re.findall(r"<li>(?:<a [^>]*>|<strong [^>]*>)(§ [^<]*)<", listed) == [
        "§ 9 Val av justerare",
        "§ 10 Ny skolstruktur i Sjövik",
        "§ 10a Motion om skolskjutsar",
        "§ 11 Avsägelse av uppdrag som ersättare",
    ]
    assert '<strong aria-current="page">§ 10a Motion om skolskjutsar</strong>' in listed
    assert f'href="/beslut/{P10A}"' not in listed, "the page does not link to itself"
    assert "<h1>§ 10a Motion om skolskjutsar</h1>" in page(out, P10A)


def test_justerat_and_anslag_of_one_record_apply_to_the_whole_meeting(out: Path) -> None:
    meeting = main_of(page(out, KF_MEETING))
    for text in ("18 april 2024", "19 april 2024", "10 maj 2024"):
        assert text in meeting
    # § 10 does not carry justerat or anslag itself, yet shows the meeting's dates and the last day to appeal.
    record = main_of(page(out, P10))
    for text in ("18 april 2024", "19 april 2024", "10 maj 2024", "Förvaltningsrätten i Göteborg"):
        assert text in record


def test_notice_board_shows_the_running_notice_and_the_kallelse(out: Path) -> None:
    main = main_of(page(out, "anslagstavla/"))
    assert f'href="/beslut/{KF_MEETING}"' in main
    assert "10 maj 2024" in main
    assert "Kommunkansliet, Stadshuset, Storgatan 1, Sjövik" in main
    assert f'href="/beslut/{KALLELSE}"' in main
    # Åre's notice of 15 March ran out on 5 April: it is no longer on the board.
    assert "are-kommun/mbn/2024-03-12/" not in main


def test_decision_comes_first_and_metadata_follows(out: Path) -> None:
    main = main_of(page(out, P10))
    assert main.index('class="decision"') < main.index('class="summary-list"') < main.index('class="body"')
    assert "att anta den nya skolstrukturen" in main


def test_attachments_real_file_and_withheld(out: Path) -> None:
    main = main_of(page(out, P10))
    href = "/beslut/filer/kf/2024-04-15/bilagor/utredning.pdf"
    assert f'href="{href}"' in main
    assert (out / "filer/kf/2024-04-15/bilagor/utredning.pdf").read_bytes() == (
        SITE / "content/kf/2024-04-15/bilagor/utredning.pdf"
    ).read_bytes()
    assert "Förteckning över berörda elever" in main
    assert "OSL 23 kap. 1 §" in main


def test_image_has_its_alt_text(out: Path) -> None:
    main = main_of(page(out, P10))
    image = '<img src="/beslut/filer/kf/2024-04-15/bilagor/karta.png"'
    assert f'{image} alt="Karta över skolornas nya upptagningsområden"' in main
    assert (out / "filer/kf/2024-04-15/bilagor/karta.png").is_file()
    news = main_of(page(out, NEWS))
    assert 'alt="Skolgården vid Norrbyskolan en vinterdag"' in news


def test_secrecy_marker_names_the_provision(out: Path) -> None:
    main = main_of(page(out, P10))
    assert 'class="maskerat"' in main
    assert "OSL 26 kap. 1 §" in main
    assert "[[maskerat" not in main


def test_reservations_are_their_own_section(out: Path) -> None:
    main = main_of(page(out, P10A))
    section = main[main.index('class="reservations"') :]
    assert section.count('class="reservation"') == 2
    assert "Lena Holm" in section and "(V)" in section
    assert "MP" in section


def test_raw_html_and_template_syntax_in_a_body_are_shown_as_written(out: Path) -> None:
    main = main_of(page(out, P10A))
    assert "<script>" not in main
    assert "&lt;script&gt;alert(&quot;hej&quot;)&lt;/script&gt;" in main
    assert "&lt;b&gt;fet text&lt;/b&gt;" in main
    assert "{{ 7*7 }}" in main
    assert "{% if true %}ja{% endif %}" in main
    assert "49" not in main


def test_news_item_shows_its_time_ingress_and_author(out: Path) -> None:
    main = main_of(page(out, NEWS))
    assert re.search(r"16 april 2024,? (kl\. )?09[.:]30", main)
    assert "Norrbyskolan och Södermalmsskolan blir en skola från hösten 2025." in main
    assert "Kommunikationsavdelningen" in main
    assert f'href="/beslut/{NEWS}"' in main_of(page(out, "nyheter/"))


def test_slug_overrides_the_last_part_of_the_address(out: Path) -> None:
    assert "Bygglov för tillbyggnad av enbostadshus" in main_of(page(out, BYGGLOV))


def test_papers_with_one_title_board_and_day_each_have_their_page(out: Path) -> None:
    """Two yttranden on one remiss, the same day: their files name them, and neither hides the other."""
    regionen, trafikverket = main_of(page(out, YTTRANDE_REGIONEN)), main_of(page(out, YTTRANDE_TRAFIKVERKET))
    for main in (regionen, trafikverket):
        assert "Yttrande över remiss om regional transportplan" in main
    assert "KS 2024/40" in regionen and "väg 641" in regionen and "Trafikverket" not in regionen
    assert "KS 2024/41" in trafikverket and "Järpen" in trafikverket
    # Each case links its own yttrande.
    assert f'href="/beslut/{YTTRANDE_REGIONEN}"' in main_of(page(out, ARE + "arenden/ks-2024-40/"))
    assert f'href="/beslut/{YTTRANDE_TRAFIKVERKET}"' in main_of(page(out, ARE + "arenden/ks-2024-41/"))


def test_bom_and_crlf_record_is_read(out: Path) -> None:
    raw = (SITE / "content/kf/2024-04-15/paragraf-11.md").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf---\r\n"), "the fixture must keep its BOM and CRLF (.gitattributes)"
    main = main_of(page(out, P11))
    assert "§ 11 Avsägelse av uppdrag som ersättare" in main
    assert "\r" not in main
    assert "\ufeff" not in page(out, P11)


def test_ascii_keys_are_the_swedish_keys(out: Path) -> None:
    """The tjänsteskrivelse writes namnd and handlaggare; the news item writes forfattare."""
    main = main_of(page(out, TJANSTESKRIVELSE))
    assert 'href="/beslut/sjoviks-kommun/ks/"' in main
    assert "Eva Ek, utredare" in main
    assert "Kommunstyrelsens arbetsutskott" in main


def test_draft_scheduled_and_withdrawn_records_are_absent(out: Path) -> None:
    everything = "".join(f.read_text(encoding="utf-8") for f in html_files(out))
    for title in ("Budget 2025, utkast", "Beslut som publiceras senare", "Beslut om bostadsanpassning"):
        assert title not in everything
    assert not (out / SJOVIK / "ks/2024-04-10").exists()
    assert not (out / SJOVIK / "ks/2024-04-11").exists()
    assert not (out / SJOVIK / "ks/2023-05-10").exists()


def test_draft_is_built_when_drafts_are_asked_for(tmp_path: Path) -> None:
    target = tmp_path / "public"
    result = build_site(SITE, target, DAY, drafts=True, search=False)
    assert_built(result)
    assert "Budget 2025, utkast" in main_of(page(target, SJOVIK + "ks/2024-04-10/budget-2025-utkast/"))
    # publicera and avpublicera still hold with --drafts.
    assert not (target / SJOVIK / "ks/2024-04-11").exists()
    assert not (target / SJOVIK / "ks/2023-05-10").exists()


def test_archives_paginate_with_the_page_number_in_the_title(out: Path) -> None:
    first = page(out, "arkiv/2024/")
    second = page(out, "arkiv/2024/sida/2/")
    assert "sida 2 av" in title_of(second)
    assert "sida" not in title_of(first)
    assert 'href="/beslut/arkiv/2024/sida/2/"' in main_of(first)
    assert 'aria-current="page"' in main_of(second)
    # page_size: 2, so no archive page lists more than two records.
    for file in (out / "arkiv").rglob("index.html"):
        main = main_of(file.read_text(encoding="utf-8"))
        assert main.count('class="item"') <= 2, file


def test_every_address_starts_with_the_sub_path(out: Path) -> None:
    for file in html_files(out):
        for attr, url in parse_links(file.read_text(encoding="utf-8")).urls:
            if url.startswith("/"):
                assert url.startswith("/beslut/"), f"{file.relative_to(out)}: {attr} {url}"
    assert '<link rel="canonical" href="https://example.se/beslut/' in page(out, P10)


def test_every_internal_link_resolves(out: Path) -> None:
    assert broken_links(out, "/beslut/") == []


def test_no_page_defines_an_id_twice(out: Path) -> None:
    problems = {
        f.relative_to(out).as_posix(): dup
        for f in html_files(out)
        if (dup := duplicate_ids(f.read_text(encoding="utf-8")))
    }
    assert problems == {}


def test_the_search_index_holds_every_record_once_and_no_listing(out: Path) -> None:
    assert (out / "pagefind/pagefind.js").is_file()
    indexed = indexed_urls(out)
    assert len(indexed) == len(set(indexed)), "a page is in the index twice"
    assert set(RECORD_PAGES) <= set(indexed)
    assert not {"", "anslagstavla/", "nyheter/", "arkiv/2024/", "sok/", KF_MEETING} & set(indexed)
    assert not [url for url in indexed if "/arenden/" in url], "a case's page only lists its records"
    # Addresses in the index are relative to the site; the search page adds the base path.
    assert 'data-bundle="/beslut/pagefind/"' in page(out, "sok/")
