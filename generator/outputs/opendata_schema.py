"""The JSON Schema (draft 2020-12) of the open data, published with the site as ``data/schema.json``.

It says exactly what we publish: OParl 1.1's names and types where OParl has them, ``beslut:`` extensions
where it has none, and no other keys (``additionalProperties: false``), so the tests catch any drift.
"""

from __future__ import annotations

from typing import Any

OPARL = "https://schema.oparl.org/1.1/"
Json = dict[str, Any]

URL: Json = {"type": "string", "format": "uri", "pattern": "^https?://"}
URLS: Json = {"type": "array", "items": URL}
DATE: Json = {"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"}
TIMESTAMP: Json = {
    "type": "string",
    "format": "date-time",
    "pattern": r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})$",
}
TEXT: Json = {"type": "string"}
BOOL: Json = {"type": "boolean"}


def _object(name: str, required: dict[str, Json], optional: dict[str, Json], doc: str) -> Json:
    """Return the schema of one OParl type: ``type`` fixed, every key declared, nothing else allowed."""
    properties = {"id": URL, "type": {"const": OPARL + name}, **required, **optional}
    return {
        "description": doc,
        "type": "object",
        "required": ["id", "type", *required],
        "properties": properties,
        "additionalProperties": False,
    }


def _ref(name: str) -> Json:
    return {"$ref": f"#/$defs/{name}"}


RECORD: dict[str, Json] = {"beslut:documentType": TEXT}
RECORD_OPTIONAL: dict[str, Json] = {
    "beslut:text": {**TEXT, "description": "The body as plain text; only in the record's own file."},
    "beslut:diarienummer": TEXT,
    "beslut:case": URL,
    "auxiliaryFile": {"type": "array", "items": _ref("File")},
}
DATED = {"web": URL, "created": TIMESTAMP, "modified": TIMESTAMP}

DEFS: Json = {
    "System": _object(
        "System",
        {"oparlVersion": {"const": OPARL}, "body": URL, "name": TEXT, "web": URL, "modified": TIMESTAMP},
        {"website": URL, "beslut:schema": URL, "beslut:index": URL},
        "The entry point: the site, with the list of its bodies.",
    ),
    "Body": _object(
        "Body",
        {
            "system": URL,
            "name": TEXT,
            "organization": URL,
            "person": URL,
            "meeting": URL,
            "paper": URL,
            "legislativeTerm": {"type": "array", "maxItems": 0},
            "web": URL,
            "modified": TIMESTAMP,
        },
        {"website": URL},
        "An organisation of site.yaml (kommun, region, kommunalförbund); its lists are paged OParl lists.",
    ),
    "Organization": _object(
        "Organization",
        {
            "body": URL,
            "name": TEXT,
            "shortName": TEXT,
            "organizationType": {"const": "Gremium"},
            "web": URL,
            "modified": TIMESTAMP,
        },
        {"subOrganizationOf": URL},
        "A board (nämnd, styrelse, utskott); an arbetsutskott is a subOrganizationOf its styrelse.",
    ),
    "Meeting": _object(
        "Meeting",
        {
            "name": TEXT,
            "start": TIMESTAMP,
            "organization": URLS,
            "agendaItem": {"type": "array", "items": _ref("AgendaItem")},
            "web": URL,
            "modified": TIMESTAMP,
        },
        {
            "invitation": _ref("File"),
            "resultsProtocol": _ref("File"),
            "auxiliaryFile": {"type": "array", "items": _ref("File")},
            "beslut:justerat": DATE,
            "beslut:anslag": DATE,
        },
        "A sitting of a board on one day: its §§ in order, its kallelse and its protokoll.",
    ),
    "AgendaItem": _object(
        "AgendaItem",
        {
            "name": TEXT,
            "meeting": URL,
            "number": TEXT,
            "order": {"type": "integer", "minimum": 1},
            "public": BOOL,
            **DATED,
            **RECORD,
            "beslut:appealable": BOOL,
        },
        {"resolutionText": TEXT, "beslut:lastAppealDay": DATE, **RECORD_OPTIONAL},
        "One § (protokollsutdrag); resolutionText is the decision's wording.",
    ),
    "Paper": _object(
        "Paper",
        {"body": URL, "name": TEXT, "date": DATE, "paperType": TEXT, **DATED},
        {
            "reference": TEXT,
            "underDirectionOf": URLS,
            "relatedPaper": URLS,
            "consultation": {"type": "array", "items": _ref("Consultation")},
            "beslut:resolutionText": TEXT,
            **RECORD,
            **RECORD_OPTIONAL,
        },
        "A document (tjänsteskrivelse, utlåtande, delegationsbeslut, news), or a case: every record of one "
        "diarienummer (reference), with the §§ that dealt with it as consultations.",
    ),
    "File": {
        **_object(
            "File",
            {"name": TEXT},
            {
                "fileName": TEXT,
                "mimeType": TEXT,
                "date": DATE,
                "accessUrl": URL,
                "downloadUrl": URL,
                "meeting": URLS,
                **DATED,
                **RECORD,
                **RECORD_OPTIONAL,
                "beslut:withheld": TEXT,
            },
            "Whole minutes or a notice (accessUrl: its page), or an attachment; a withheld attachment has no "
            "address but names its secrecy provision (beslut:withheld).",
        ),
        "anyOf": [{"required": ["accessUrl"]}, {"required": ["beslut:withheld"]}],
    },
    "Consultation": {
        "type": "object",
        "required": ["type", "agendaItem", "meeting", "organization", "authoritative"],
        "properties": {
            "type": {"const": OPARL + "Consultation"},
            "agendaItem": URL,
            "meeting": URL,
            "organization": URLS,
            "authoritative": BOOL,
        },
        "additionalProperties": False,
    },
    "Deleted": {
        "description": "A record taken down (avpublicera), or a meeting or case left without records.",
        "type": "object",
        "required": ["id", "type", "deleted", "modified"],
        "properties": {
            "id": URL,
            "type": {"type": "string", "pattern": "^" + OPARL.replace(".", r"\.")},
            "deleted": {"const": True},
            "modified": TIMESTAMP,
        },
        "additionalProperties": False,
    },
    "IndexEntry": {
        "description": "What the index says of an object: fetch it when modified is newer than your copy.",
        "type": "object",
        "required": ["id", "type", "modified"],
        "properties": {"id": URL, "type": TEXT, "name": TEXT, "modified": TIMESTAMP, "web": URL},
        "additionalProperties": False,
    },
    "List": {
        "description": "A page of an OParl list.",
        "type": "object",
        "required": ["data", "pagination", "links"],
        "properties": {
            "data": {
                "type": "array",
                "items": {
                    "anyOf": [
                        _ref(n) for n in ("Body", "Organization", "Meeting", "Paper", "IndexEntry", "Deleted")
                    ]
                },
            },
            "pagination": {
                "type": "object",
                "required": ["totalElements", "elementsPerPage", "currentPage", "totalPages"],
                "additionalProperties": {"type": "integer", "minimum": 0},
            },
            "links": {
                "type": "object",
                "required": ["first", "last"],
                "properties": {k: URL for k in ("first", "last", "prev", "next")},
                "additionalProperties": False,
            },
        },
        "additionalProperties": False,
    },
}

ROOTS = ("System", "Body", "Organization", "Meeting", "AgendaItem", "Paper", "File", "List", "Deleted")


def schema_document(schema_id: str) -> Json:
    """Return the schema, with ``schema_id`` (its absolute address on the site) as ``$id``."""
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": schema_id,
        "title": "beslut: öppna data (OParl 1.1)",
        "description": "Every JSON file under data/ is one of these: an object, a page of a list, or a "
        "deleted object.",
        "oneOf": [_ref(n) for n in ROOTS],
        "$defs": DEFS,
    }
