"""The nested parts of site.yaml: organisations and boards, types, accessibility, allowed numbers."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from generator.base.doctypes import DEFAULT_TYPES, DocumentType
from generator.base.fields import FieldReader
from generator.base.slugs import SLUG_RE, slugify
from generator.base.suggest import did_you_mean

ORGANISATION_KEYS = ("name", "slug", "protocol_location", "appeal_court", "boards", "contact", "example")
BOARD_KEYS = ("name", "short", "parent")
ACCESSIBILITY_KEYS = (
    "contact_email",
    "contact_phone",
    "known_gaps",
    "last_review",
    "statement_date",
    "compliance",
)
TYPE_KEYS = ("label", "plural", "based_on")


@dataclass(frozen=True)
class BoardConfig:
    """A nämnd, styrelse, utskott or other organ as declared in site.yaml."""

    name: str
    short: str
    slug: str
    parent: str | None
    """The ``short`` of the board it belongs to (an arbetsutskott's styrelse)."""


@dataclass(frozen=True)
class OrganisationConfig:
    """A kommun, region, kommunalförbund or other body that publishes decisions."""

    name: str
    slug: str
    protocol_location: str
    """Where the signed minutes are kept (förvaringsplats), shown in every notice."""
    appeal_court: str
    """The förvaltningsrätt that hears appeals (laglighetsprövning)."""
    contact: str
    """How to reach the registry (registrator), shown with appeal instructions; may be empty."""
    boards: tuple[BoardConfig, ...]
    example: bool = False
    """A made-up organisation of a demo (``example: true``): each of its pages says so."""


@dataclass(frozen=True)
class AccessibilityConfig:
    """What the tillgänglighetsredogörelse says (lag 2018:1937)."""

    contact_email: str
    contact_phone: str
    known_gaps: tuple[str, ...]
    last_review: dt.date | None
    statement_date: dt.date | None
    compliance: str
    """``full``, ``partial`` (default) or ``none``."""


@dataclass(frozen=True)
class AllowedNumber:
    """A personnummer-like number that may be published, and why."""

    number: str
    reason: str
    line: int
    column: int
    """Where the number is written in site.yaml."""


def read_organisations(reader: FieldReader, value: Any) -> tuple[OrganisationConfig, ...]:
    """Validate the ``organisations`` list."""
    example = "organisations: [{name: Sjöviks kommun, protocol_location: …, appeal_court: …, boards: […]}]"
    if value is None:
        reader.report(
            ("organisations",),
            "organisations",
            "minst en organisation krävs",
            f"skriv {example}",
            on_key=True,
        )
        return ()
    result: list[OrganisationConfig] = []
    for i, item in reader.mapping_list(value, ("organisations",), "organisations", example):
        where = ("organisations", i)
        reader.unknown_keys(item, where, ORGANISATION_KEYS)
        name_hint = "skriv organisationens namn, t.ex. name: Sjöviks kommun"
        name = (
            reader.text(item.get("name"), (*where, "name"), "name", required=True, hint=name_hint)
            or f"organisation {i + 1}"
        )
        slug = reader.text(item.get("slug"), (*where, "slug"), "slug") or slugify(name)
        if not SLUG_RE.match(slug):
            reader.report(
                (*where, "slug"),
                "slug",
                f'"{slug}" kan inte stå i en webbadress',
                "skriv bara a-z, 0-9 och -",
            )
        if any(o.name == name or o.slug == slug for o in result):
            reader.report(
                where, "name", f'organisationen "{name}" ({slug}) är deklarerad två gånger', "ta bort den ena"
            )
        result.append(
            OrganisationConfig(
                name=name,
                slug=slug,
                protocol_location=_required(
                    reader, item, where, "protocol_location", "Kommunkansliet, Stadshuset"
                ),
                appeal_court=_required(reader, item, where, "appeal_court", "Förvaltningsrätten i Göteborg"),
                contact=reader.text(item.get("contact"), (*where, "contact"), "contact") or "",
                boards=_read_boards(reader, item.get("boards"), where),
                example=reader.boolean(item.get("example"), (*where, "example"), "example", False),
            )
        )
    if not result and isinstance(value, list):
        reader.report(("organisations",), "organisations", "minst en organisation krävs", f"skriv {example}")
    return tuple(result)


def _required(reader: FieldReader, item: Any, where: tuple[str | int, ...], key: str, example: str) -> str:
    return reader.text(item.get(key), (*where, key), key, required=True, hint=f"skriv {key}: {example}") or ""


def _read_boards(
    reader: FieldReader, value: Any, org_where: tuple[str | int, ...]
) -> tuple[BoardConfig, ...]:
    example = "boards: [{name: Kommunstyrelsen, short: KS}]"
    boards: list[BoardConfig] = []
    places: list[tuple[str | int, ...]] = []
    for i, item in reader.mapping_list(value, (*org_where, "boards"), "boards", example):
        where = (*org_where, "boards", i)
        reader.unknown_keys(item, where, BOARD_KEYS)
        name = (
            reader.text(
                item.get("name"), (*where, "name"), "name", required=True, hint=f"skriv t.ex. {example}"
            )
            or f"nämnd {i + 1}"
        )
        short = (
            reader.text(
                item.get("short"),
                (*where, "short"),
                "short",
                required=True,
                hint="skriv ett kortnamn, t.ex. short: KS",
            )
            or name
        )
        for other in boards:
            if other.name == name or other.short == short:
                reader.report(
                    where, "boards", f'nämnden "{name}" ({short}) är deklarerad två gånger', "ta bort den ena"
                )
            elif other.slug == slugify(short):
                # Addresses are ASCII lower case: KS and Ks would both be /ks/.
                reader.report(
                    (*where, "short"),
                    "short",
                    f'kortnamnet "{short}" ger samma adress (/{other.slug}/) som "{other.short}"',
                    "ge nämnderna kortnamn som skiljer sig även med bara a-z och 0-9",
                )
        parent = reader.text(item.get("parent"), (*where, "parent"), "parent")
        boards.append(BoardConfig(name, short, slugify(short), parent))
        places.append(where)
    return _resolve_parents(reader, boards, places)


def _resolve_parents(
    reader: FieldReader, boards: list[BoardConfig], places: list[tuple[str | int, ...]]
) -> tuple[BoardConfig, ...]:
    """Turn each ``parent`` (a short code or name) into the parent's short code; refuse unknowns and rings."""
    by_word = {b.short: b for b in boards} | {b.name: b for b in boards}
    parents: dict[str, str] = {}
    for board, where in zip(boards, places, strict=True):
        if board.parent is None:
            continue
        found = by_word.get(board.parent)
        if found is None:
            others = [b.short for b in boards if b is not board]
            fallback = "parent ska vara kortnamnet (short) på en nämnd i samma organisation"
            hint = did_you_mean(board.parent, others, fallback + (": " + ", ".join(others) if others else ""))
            reader.report((*where, "parent"), "parent", f'okänd nämnd "{board.parent}"', hint)
        elif found is board:
            reader.report(
                (*where, "parent"),
                "parent",
                "en nämnd kan inte höra till sig själv",
                "ta bort parent:, eller skriv kortnamnet på styrelsen eller nämnden den hör till",
            )
        else:
            parents[board.short] = found.short
    ring: set[str] = set()
    for board, where in zip(boards, places, strict=True):
        chain = [board.short]
        while (up := parents.get(chain[-1])) is not None and up not in chain:
            chain.append(up)
        if up == board.short:
            # A ring (KS → KSAU → KS) has no top: pages that show a board's parents would never end.
            ring.add(board.short)
            reader.report(
                (*where, "parent"),
                "parent",
                "nämnderna hör till varandra i en ring: " + " → ".join([*chain, up]),
                "bara den underordnade nämnden ska ha parent:; ta bort parent: från den överordnade",
            )
    return tuple(
        BoardConfig(b.name, b.short, b.slug, None if b.short in ring else parents.get(b.short))
        for b in boards
    )


def read_document_types(reader: FieldReader, value: Any) -> tuple[DocumentType, ...]:
    """Return the default document types plus those the site declares."""
    types = {t.key: t for t in DEFAULT_TYPES}
    mapping = reader.mapping(value, ("document_types",), "document_types", "document_types: {beslut: {...}}")
    for key, spec in (mapping or {}).items():
        where = ("document_types", str(key))
        if not isinstance(spec, dict):
            reader.report(
                where,
                "document_types",
                "ska vara nyckel: värde-par",
                "skriv t.ex. {label: Beslut, based_on: protokollsutdrag}",
            )
            continue
        reader.unknown_keys(spec, where, TYPE_KEYS)
        base_key = reader.text(spec.get("based_on"), (*where, "based_on"), "based_on") or str(key)
        base = types.get(base_key) or types.get("tjänsteskrivelse")
        if base_key not in types:
            reader.report(
                (*where, "based_on"),
                "based_on",
                f'okänd dokumenttyp "{base_key}"',
                did_you_mean(base_key, types),
            )
        assert base is not None
        label = reader.text(spec.get("label"), (*where, "label"), "label") or str(key).capitalize()
        plural = reader.text(spec.get("plural"), (*where, "plural"), "plural") or label
        types[str(key)] = DocumentType(str(key), label, plural, slugify(plural), base.kind)
    return tuple(types.values())


def read_accessibility(reader: FieldReader, value: Any) -> AccessibilityConfig:
    """Validate the ``accessibility`` mapping (every key optional)."""
    data = (
        reader.mapping(value, ("accessibility",), "accessibility", "accessibility: {contact_email: …}") or {}
    )
    where = ("accessibility",)
    reader.unknown_keys(data, where, ACCESSIBILITY_KEYS)
    compliance = reader.text(data.get("compliance"), (*where, "compliance"), "compliance") or "partial"
    if compliance not in ("full", "partial", "none"):
        reader.report(
            (*where, "compliance"),
            "compliance",
            f'"{compliance}" är inget giltigt värde',
            "skriv full, partial eller none",
        )
    return AccessibilityConfig(
        contact_email=reader.text(data.get("contact_email"), (*where, "contact_email"), "contact_email")
        or "",
        contact_phone=reader.text(data.get("contact_phone"), (*where, "contact_phone"), "contact_phone")
        or "",
        known_gaps=reader.text_list(data.get("known_gaps"), (*where, "known_gaps"), "known_gaps"),
        last_review=reader.date(data.get("last_review"), (*where, "last_review"), "last_review"),
        statement_date=reader.date(data.get("statement_date"), (*where, "statement_date"), "statement_date"),
        compliance=compliance,
    )


def read_allowed_numbers(reader: FieldReader, value: Any) -> tuple[AllowedNumber, ...]:
    """Validate ``allowed_personal_numbers``: each needs the number and a written reason."""
    example = 'allowed_personal_numbers: [{number: "19121212-1212", reason: "Skatteverkets testnummer"}]'
    allowed = []
    for i, item in reader.mapping_list(
        value, ("allowed_personal_numbers",), "allowed_personal_numbers", example
    ):
        where = ("allowed_personal_numbers", i)
        reader.unknown_keys(item, where, ("number", "reason"))
        number = reader.text(
            item.get("number"), (*where, "number"), "number", required=True, hint=f"skriv t.ex. {example}"
        )
        reason = reader.text(item.get("reason"), (*where, "reason"), "reason")
        if not reason:
            reader.report(
                where, "reason", "ett tillåtet nummer måste ha ett skriftligt skäl", f"skriv t.ex. {example}"
            )
        if number:
            at = reader.at(*where, "number")
            allowed.append(AllowedNumber(number, reason or "", at.line, at.column))
    return tuple(allowed)
