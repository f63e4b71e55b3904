"""Open data (OParl 1.1-shaped JSON) and JSON-LD: every file validates against the published schema."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest

from tests.integration.sitecheck import SITES, html_files, page

XREFS = SITES / "valid" / "xrefs"
OPARL = "https://schema.oparl.org/1.1/"
ORG = "sjoviks-kommun/"
# A paper and a news item are named by their files (content/tjansteskrivelser/2018-04-20-stodfunktioner.md).
PAPER = ORG + "tjansteskrivelser/2018-04-20-stodfunktioner/"
NEWS = ORG + "nyheter/2018-12-05-effekt/"
INDEXED = ("id", "type", "name", "modified", "web")
"""What the index says of an object that is there (in this order)."""


def load(out: Path, rel: str) -> dict:  # type: ignore[type-arg]
    data: dict = json.loads((out / rel).read_text(encoding="utf-8"))  # type: ignore[type-arg]
    return data


def base_url_of(out: Path) -> str:
    return str(load(out, "data/system.json")["website"])


def test_every_json_file_validates_against_the_published_schema(any_out: Path) -> None:
    out = any_out
    schema = load(out, "data/schema.json")
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    files = sorted(p for p in (out / "data").rglob("*.json") if p.name != "schema.json")
    assert len(files) > 10
    for file in files:
        errors = [
            f"{'/'.join(map(str, e.path))}: {e.message}"
            for e in validator.iter_errors(load(out, str(file.relative_to(out))))
        ]
        assert not errors, (file, errors[:3])


def test_the_schema_rejects_what_we_do_not_publish(any_out: Path) -> None:
    out = any_out
    validator = jsonschema.Draft202012Validator(load(out, "data/schema.json"))
    meeting = next(
        p
        for p in (out / "data").rglob("*.json")
        if load(out, str(p.relative_to(out))).get("type") == OPARL + "Meeting"
    )
    obj = load(out, str(meeting.relative_to(out)))
    assert validator.is_valid(obj)
    assert not validator.is_valid({**obj, "unknownKey": 1})
    assert not validator.is_valid({k: v for k, v in obj.items() if k != "start"})
    assert not validator.is_valid({**obj, "deleted": True})


def test_each_object_is_at_its_id_and_its_web_page_exists(any_out: Path) -> None:
    out = any_out
    base = base_url_of(out)
    for file in sorted((out / "data").rglob("*.json")):
        rel = file.relative_to(out).as_posix()
        obj = load(out, rel)
        if "id" in obj:
            assert obj["id"] == base + rel
        if "web" in obj:
            web = obj["web"].removeprefix(base)
            assert (out / web / "index.html").is_file(), obj["web"]


def test_every_page_of_a_record_meeting_case_board_and_organisation_has_its_json(xrefs_out: Path) -> None:
    pages = {
        ORG: "Body",
        ORG + "ks/": "Organization",
        ORG + "kf/2018-11-28/": "Meeting",
        ORG + "kf/2018-11-28/205-genomforande-handlingsplan-effekt-samla-kommunens/": "AgendaItem",
        ORG + "ks/2017-09-11/protokoll/": "File",
        PAPER: "Paper",
        ORG + "arenden/ks-2018-0417/": "Paper",
        NEWS: "Paper",
    }
    for path, kind in pages.items():
        html = page(xrefs_out, path)
        data = "data/" + path.rstrip("/") + ".json"
        assert (
            f'<link rel="alternate" type="application/json" title="Öppna data (JSON)" href="/beslut/{data}">'
            in html
        )
        assert load(xrefs_out, data)["type"] == OPARL + kind


def test_a_meeting_holds_its_paragraphs_notice_and_minutes_in_order(xrefs_out: Path) -> None:
    meeting = load(xrefs_out, f"data/{ORG}kf/2018-11-28.json")
    item = meeting["agendaItem"][0]
    assert (item["number"], item["order"], item["public"]) == ("205", 1, True)
    assert item["resolutionText"].startswith(
        "Den del i handlingsplanen som rör nämndsekreterare genomförs ej"
    )
    assert item["beslut:lastAppealDay"] == "2018-12-27"
    assert meeting["beslut:anslag"] == "2018-12-04"
    notice = load(xrefs_out, f"data/{ORG}kf/2018-12-10.json")
    assert notice["invitation"]["accessUrl"].endswith(f"{ORG}kf/2018-12-10/kallelser/")
    minutes = load(xrefs_out, f"data/{ORG}ks/2017-09-11.json")
    assert minutes["resultsProtocol"]["mimeType"] == "text/html"


def test_a_case_is_a_paper_with_its_documents_and_consultations(xrefs_out: Path) -> None:
    case = load(xrefs_out, f"data/{ORG}arenden/ks-2018-0417.json")
    base = base_url_of(xrefs_out)
    assert case["reference"] == "KS-2018/0417"
    assert case["relatedPaper"] == [base + "data/" + PAPER.rstrip("/") + ".json"]
    assert [c["meeting"] for c in case["consultation"]] == [base + f"data/{ORG}ks/2018-05-28.json"]


def test_a_withdrawn_record_is_marked_deleted_and_listed_in_the_index(xrefs_out: Path) -> None:
    gone = f"data/{ORG}ks/2018-05-28/94-tillfallig-ersattare-for-kommunsekreteraren.json"
    base = base_url_of(xrefs_out)
    assert load(xrefs_out, gone) == {
        "id": base + gone,
        "type": OPARL + "AgendaItem",
        "deleted": True,
        "modified": "2019-06-01T00:00:00+02:00",
    }
    case = load(xrefs_out, f"data/{ORG}arenden/ks-2018-0500.json")
    assert case["deleted"] is True
    index = load(xrefs_out, "data/index.json")
    assert {
        "id": base + gone,
        "type": OPARL + "AgendaItem",
        "deleted": True,
        "modified": "2019-06-01T00:00:00+02:00",
    } in index["data"]
    assert "ersättare" not in (xrefs_out / f"data/{ORG}ks/2018-05-28.json").read_text(encoding="utf-8")


def test_the_index_lists_every_object_once(any_out: Path) -> None:
    out = any_out
    base = base_url_of(out)
    listed = [e["id"] for e in load(out, "data/index.json")["data"]]
    assert len(listed) == len(set(listed))
    files = {
        base + p.relative_to(out).as_posix()
        for p in (out / "data").rglob("*.json")
        if "id" in load(out, p.relative_to(out).as_posix())
    }
    assert set(listed) == files


def test_the_index_says_of_each_object_what_its_file_says(any_out: Path) -> None:
    out = any_out
    base = base_url_of(out)
    entries = [
        e for p in sorted((out / "data").glob("index*.json")) for e in load(out, f"data/{p.name}")["data"]
    ]
    assert len(entries) > 10
    for entry in entries:
        obj = load(out, entry["id"].removeprefix(base))
        fields = ("id", "type", "deleted", "modified") if obj.get("deleted") else INDEXED
        assert entry == {key: obj[key] for key in fields if key in obj}


def test_a_harvester_can_walk_from_the_system_to_every_meeting(any_out: Path) -> None:
    out = any_out
    base = base_url_of(out)
    system = load(out, "data/system.json")
    bodies = load(out, system["body"].removeprefix(base))["data"]
    meetings = []
    for body in bodies:
        url: str | None = body["meeting"]
        while url:
            listing = load(out, url.removeprefix(base))
            meetings += [m["id"] for m in listing["data"]]
            url = listing["links"].get("next")
    assert sorted(meetings) == sorted(
        base + p.relative_to(out).as_posix()
        for p in (out / "data").rglob("*.json")
        if load(out, p.relative_to(out).as_posix()).get("type") == OPARL + "Meeting"
        and not load(out, p.relative_to(out).as_posix()).get("deleted")
    )


JSONLD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


def jsonld_of(html: str) -> dict:  # type: ignore[type-arg]
    found = JSONLD.findall(html)
    assert len(found) == 1
    data: dict = json.loads(found[0])  # type: ignore[type-arg]
    assert data["@context"] == "https://schema.org"
    return data


def test_every_page_embeds_json_ld_that_parses(any_out: Path) -> None:
    out = any_out
    for file in html_files(out):
        if "pagefind" not in file.parts:
            assert jsonld_of(file.read_text(encoding="utf-8"))["@type"], file


@pytest.mark.parametrize(
    ("path", "kind"),
    [
        ("", "WebSite"),
        (ORG, "GovernmentOrganization"),
        (ORG + "ksau/", "GovernmentOrganization"),
        (ORG + "kf/2018-11-28/", "Event"),
        (ORG + "kf/2018-11-28/205-genomforande-handlingsplan-effekt-samla-kommunens/", "Legislation"),
        (PAPER, "Report"),
        (NEWS, "NewsArticle"),
        (ORG + "kf/2018-12-10/kallelser/", "DigitalDocument"),
        (ORG + "arenden/ks-2018-0417/", "CollectionPage"),
        ("arkiv/2018/", "CollectionPage"),
        ("sok/", "SearchResultsPage"),
    ],
)
def test_json_ld_has_the_right_type(xrefs_out: Path, path: str, kind: str) -> None:
    assert jsonld_of(page(xrefs_out, path))["@type"] == kind


def test_json_ld_of_a_decision_names_who_decided_when(xrefs_out: Path) -> None:
    data = jsonld_of(
        page(xrefs_out, ORG + "kf/2018-11-28/205-genomforande-handlingsplan-effekt-samla-kommunens/")
    )
    assert data["legislationIdentifier"] == "KF 2018-11-28 § 205"
    assert data["legislationPassedBy"]["name"] == "Kommunfullmäktige"
    assert data["legislationDate"] == "2018-11-28"
    event = jsonld_of(page(xrefs_out, ORG + "kf/2018-12-10/"))
    assert event["startDate"] == "2018-12-10T18:30"
    assert event["organizer"]["@type"] == "GovernmentOrganization"


def test_json_ld_cannot_close_its_script_element() -> None:
    from generator.pages.jsonld import script_text

    text = script_text({"name": "</script><script>alert(1)</script> & co"})
    assert "</script>" not in text and "<" not in text
    assert json.loads(text) == {"name": "</script><script>alert(1)</script> & co"}
