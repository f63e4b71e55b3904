"""site.yaml: defaults for everything sensible, a located, Swedish error for everything else."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from generator.base.diagnostics import Diagnostic
from generator.config.settings import SiteConfig, load_config
from tests.conftest import SITE_YAML, load_site_config, make_site

MINIMAL = """\
title: Sjöviks kommuns beslut
base_url: https://www.sjovik.se/
organisations:
  - name: Sjöviks kommun
    protocol_location: Kommunkansliet
    appeal_court: Förvaltningsrätten i Göteborg
"""


def config_of(tmp_path: Path, site_yaml: str) -> SiteConfig:
    return load_site_config(make_site(tmp_path, site_yaml=site_yaml))


def problems_of(tmp_path: Path, site_yaml: str) -> list[Diagnostic]:
    result = load_config(make_site(tmp_path, site_yaml=site_yaml))
    assert isinstance(result, list), "site.yaml was accepted"
    return result


def test_everything_with_a_sensible_default_need_not_be_written(tmp_path: Path) -> None:
    config = config_of(tmp_path, MINIMAL)

    assert config.language == "sv"
    assert config.theme == "standard"
    assert config.output == "public"
    assert config.appeal_period_days == 21
    assert config.page_size == 50
    assert config.timezone == "Europe/Stockholm"
    assert config.accessibility.compliance == "partial"
    assert config.allowed_numbers == ()
    assert [t.key for t in config.document_types] == [
        "protokollsutdrag",
        "protokoll",
        "kallelse",
        "tjänsteskrivelse",
        "utlåtande",
        "delegationsbeslut",
        "nyhet",
    ]


def test_folders_are_relative_to_the_site(tmp_path: Path) -> None:
    config = config_of(tmp_path, MINIMAL)

    assert config.content_dir == tmp_path.resolve() / "content"
    assert config.output_dir == tmp_path.resolve() / "public"


@pytest.mark.parametrize(
    ("base_url", "normalised", "base_path"),
    [
        ("https://www.sjovik.se/", "https://www.sjovik.se/", "/"),
        ("https://www.sjovik.se", "https://www.sjovik.se/", "/"),
        ("https://www.sjovik.se/beslut/", "https://www.sjovik.se/beslut/", "/beslut/"),
        ("https://www.sjovik.se/kommun/beslut", "https://www.sjovik.se/kommun/beslut/", "/kommun/beslut/"),
    ],
)
def test_a_sub_path_in_base_url_becomes_the_base_path(
    tmp_path: Path, base_url: str, normalised: str, base_path: str
) -> None:
    config = config_of(tmp_path, MINIMAL.replace("https://www.sjovik.se/", base_url))

    assert (config.base_url, config.base_path) == (normalised, base_path)


def test_an_organisation_slug_is_derived_from_its_name(tmp_path: Path) -> None:
    [org] = config_of(tmp_path, MINIMAL).organisations

    assert org.slug == "sjoviks-kommun"


def test_a_written_organisation_slug_is_kept(tmp_path: Path) -> None:
    [org] = config_of(
        tmp_path,
        MINIMAL.replace("  - name: Sjöviks kommun\n", "  - name: Sjöviks kommun\n    slug: sjovik\n"),
    ).organisations

    assert org.slug == "sjovik"


def test_boards_know_their_parent_by_short_code(tmp_path: Path) -> None:
    [org] = config_of(tmp_path, SITE_YAML).organisations

    assert [(b.short, b.slug, b.parent) for b in org.boards] == [
        ("KF", "kf", None),
        ("KS", "ks", None),
        ("KSAU", "ksau", "KS"),
    ]


def test_a_parent_may_be_written_by_name(tmp_path: Path) -> None:
    site_yaml = SITE_YAML.replace("parent: KS}", "parent: Kommunstyrelsen}")

    [org] = config_of(tmp_path, site_yaml).organisations

    assert org.boards[2].parent == "KS"


def test_the_same_board_name_in_two_organisations_is_two_boards(tmp_path: Path) -> None:
    site_yaml = SITE_YAML + (
        "  - name: Åby kommun\n"
        "    protocol_location: Kommunhuset\n"
        "    appeal_court: Förvaltningsrätten i Göteborg\n"
        "    boards:\n"
        "      - {name: Kommunstyrelsen, short: KS}\n"
    )

    orgs = config_of(tmp_path, site_yaml).organisations

    assert [(o.slug, [b.short for b in o.boards]) for o in orgs] == [
        ("sjoviks-kommun", ["KF", "KS", "KSAU"]),
        ("aby-kommun", ["KS"]),
    ]


def test_a_site_may_add_a_document_type_based_on_another(tmp_path: Path) -> None:
    config = config_of(
        tmp_path, MINIMAL + "document_types:\n  beslut: {label: Beslut, based_on: protokollsutdrag}\n"
    )

    beslut = config.rules.document_type("beslut")
    assert beslut is not None
    assert (beslut.label, beslut.kind.value, beslut.needs_paragraph) == ("Beslut", "protokollsutdrag", True)


# errors


def test_a_misspelled_setting_names_the_right_one_and_nothing_else(tmp_path: Path) -> None:
    [problem] = problems_of(tmp_path, MINIMAL.replace("title:", "titel:"))

    assert problem.format() == 'site.yaml:1:1: fel: titel: okänd nyckel "titel"\n    tips: menade du "title"?'


def test_a_missing_setting_concerns_the_whole_file(tmp_path: Path) -> None:
    [problem] = problems_of(tmp_path, MINIMAL.replace("base_url: https://www.sjovik.se/\n", ""))

    assert (problem.path, problem.line, problem.column, problem.field, problem.message) == (
        "site.yaml",
        1,
        1,
        "base_url",
        "base_url saknas",
    )
    assert "https://" in problem.hint


def test_base_url_must_be_a_whole_address(tmp_path: Path) -> None:
    [problem] = problems_of(tmp_path, MINIMAL.replace("https://www.sjovik.se/", "www.sjovik.se"))

    assert (problem.line, problem.column, problem.field) == (2, 11, "base_url")
    assert problem.message == '"www.sjovik.se" är ingen fullständig webbadress'


def test_at_least_one_organisation_is_required(tmp_path: Path) -> None:
    [problem] = problems_of(tmp_path, "title: T\nbase_url: https://www.sjovik.se/\n")

    assert (problem.field, problem.message) == ("organisations", "minst en organisation krävs")


def test_an_organisation_without_appeal_court_is_located_at_its_entry(tmp_path: Path) -> None:
    [problem] = problems_of(
        tmp_path, MINIMAL.replace("    appeal_court: Förvaltningsrätten i Göteborg\n", "")
    )

    assert (problem.line, problem.column, problem.field, problem.message) == (
        4,
        5,
        "appeal_court",
        "appeal_court saknas",
    )


def test_an_unknown_parent_is_located_at_its_value(tmp_path: Path) -> None:
    [problem] = problems_of(tmp_path, SITE_YAML.replace("parent: KS}", "parent: KSS}"))

    assert problem.format() == 'site.yaml:10:69: fel: parent: okänd nämnd "KSS"\n    tips: menade du "KS"?'


def test_a_board_cannot_be_its_own_parent(tmp_path: Path) -> None:
    [problem] = problems_of(tmp_path, SITE_YAML.replace("parent: KS}", "parent: KSAU}"))

    assert problem.message == "en nämnd kan inte höra till sig själv"


def test_boards_that_belong_to_each_other_are_refused(tmp_path: Path) -> None:
    """A ring has no top board, so a page listing a board's parents would never end."""
    site_yaml = SITE_YAML.replace(
        "{name: Kommunstyrelsen, short: KS}", "{name: Kommunstyrelsen, short: KS, parent: KSAU}"
    )

    problems = problems_of(tmp_path, site_yaml)

    assert [p.message for p in problems] == [
        "nämnderna hör till varandra i en ring: KS → KSAU → KS",
        "nämnderna hör till varandra i en ring: KSAU → KS → KSAU",
    ]


def test_an_unknown_nested_setting_names_its_section(tmp_path: Path) -> None:
    [problem] = problems_of(tmp_path, SITE_YAML.replace("short: KF}", "short: KF, parnet: KS}"))

    assert (problem.field, problem.message, problem.hint) == (
        "organisations.boards",
        'okänd nyckel "parnet"',
        'menade du "parent"?',
    )


def test_a_yaml_error_in_site_yaml_is_located(tmp_path: Path) -> None:
    [problem] = problems_of(
        tmp_path, MINIMAL.replace("title: Sjöviks kommuns beslut", "title: Beslut: Sjövik")
    )

    assert (problem.path, problem.line, problem.column, problem.field) == ("site.yaml", 1, 14, "title")
    assert problem.hint == 'sätt texten inom citattecken: title: "Beslut: Sjövik"'


def test_a_missing_site_yaml_says_where_it_looked(tmp_path: Path) -> None:
    result = load_config(tmp_path)

    assert isinstance(result, list)
    [problem] = result
    assert problem.path == "site.yaml"
    assert str(tmp_path) in problem.message


def test_a_site_yaml_that_is_not_utf8_is_located(tmp_path: Path) -> None:
    make_site(tmp_path, site_yaml=None)
    (tmp_path / "site.yaml").write_bytes("title: Sjöviks kommun\n".encode("latin-1"))

    result = load_config(tmp_path)

    assert isinstance(result, list)
    [problem] = result
    assert (problem.path, problem.line, problem.column) == ("site.yaml", 1, 10)
    assert "UTF-8" in problem.message


def test_a_site_yaml_with_bom_and_crlf_is_accepted(tmp_path: Path) -> None:
    make_site(tmp_path, site_yaml=None)
    (tmp_path / "site.yaml").write_bytes(("\ufeff" + MINIMAL.replace("\n", "\r\n")).encode())

    assert load_site_config(tmp_path).title == "Sjöviks kommuns beslut"


def test_an_unknown_time_zone_is_named_with_the_fix(tmp_path: Path) -> None:
    [problem] = problems_of(tmp_path, MINIMAL + "timezone: Europe/Sjövik\n")

    assert problem.format() == (
        'site.yaml:7:11: fel: timezone: okänd tidszon "Europe/Sjövik"\n'
        "    tips: skriv timezone: Europe/Stockholm"
    )


def test_a_list_instead_of_settings_is_explained_with_a_setting(tmp_path: Path) -> None:
    [problem] = problems_of(tmp_path, "- title\n- base_url\n")

    assert problem.format() == (
        "site.yaml:1:1: fel: site.yaml: väntade nyckel: värde-par\n"
        "    tips: skriv en nyckel per rad, t.ex. title: Sjöviks kommuns beslut"
    )


def test_a_demo_may_fix_its_build_day_and_mark_an_organisation_as_made_up(tmp_path: Path) -> None:
    config = config_of(
        tmp_path,
        MINIMAL.replace("    appeal_court", "    example: true\n    appeal_court")
        + "demo_date: 2025-05-19\n",
    )

    assert config.demo_date == dt.date(2025, 5, 19)
    assert config.organisations[0].example is True
    assert config_of(tmp_path / "real", MINIMAL).demo_date is None
    assert config_of(tmp_path / "real", MINIMAL).organisations[0].example is False


def test_a_demo_date_that_is_no_date_is_located(tmp_path: Path) -> None:
    [problem] = problems_of(tmp_path, MINIMAL + "demo_date: igår\n")

    assert (problem.line, problem.field) == (7, "demo_date")
    assert "ÅÅÅÅ-MM-DD" in problem.hint
