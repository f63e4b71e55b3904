"""Validate split records against the content contract and build typed ``Record`` values."""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Callable
from typing import Any

from generator.base.diagnostics import Diagnostic
from generator.base.doctypes import DocumentType
from generator.base.fields import FieldReader
from generator.base.keyplaces import KeyPlaces
from generator.base.packed import pack
from generator.base.record import Record, Reference, Reservation
from generator.base.slugs import SLUG_RE, slugify
from generator.base.suggest import did_you_mean
from generator.config.settings import RecordRules
from generator.load.attachments import read_attachments, read_image
from generator.load.contract import canonical_keys, spellings
from generator.load.frontmatter import SplitRecord
from generator.load.owners import read_board, read_organisation, read_site_owned

KEYS = (
    "titel", "typ", "datum", "organisation", "nämnd", "paragraf", "diarienummer", "beslut", "sammanfattning",
    "handläggare", "mottagare", "justerat", "anslag", "reservationer", "relaterade", "bilagor", "överklagbar",
    "bild", "ingress", "författare", "taggar", "publicera", "avpublicera", "utkast", "slug", "extra",
)  # fmt: skip
_PARAGRAF = re.compile(r"^(\d{1,5})([a-z]?)$")
_EXTRA_HINT = "uppgifter som avtalet inte känner till skrivs under extra:, t.ex. extra: {nyckel: värde}"


def validate_record(split: SplitRecord, rules: RecordRules) -> tuple[Record | None, list[Diagnostic]]:
    """Check every contract rule of one record; return it (if usable) and all its problems."""
    rel = split.source.rel
    reader = FieldReader(rel, split.meta.keys, split.meta.values)
    data = canonical_keys(split.meta.data, reader)
    reader.unknown_keys(data, (), KEYS, _EXTRA_HINT)
    g = data.get

    spelled = spellings(split.meta.data)

    def at(key: str) -> tuple[str]:
        return (key if key in split.meta.data else spelled.get(key, key),)

    titel = reader.text(
        g("titel"), at("titel"), "titel", required=True, hint="skriv ärendemeningen, t.ex. titel: Budget 2024"
    )
    typ = _doc_type(reader, g("typ"), at("typ"), rules)
    when = reader.date_time(g("datum"), at("datum"), "datum", required=True)
    site_owned = read_site_owned(reader, g, at, rules, typ)
    org = (
        None
        if site_owned is not False
        else read_organisation(reader, g("organisation"), at("organisation"), rules)
    )
    board = read_board(reader, g("nämnd"), at("nämnd"), org, rules, typ)
    paragraf = _paragraf(reader, g("paragraf"), at("paragraf"), typ)
    justerat = reader.date(g("justerat"), at("justerat"), "justerat")
    anslag = reader.date(g("anslag"), at("anslag"), "anslag")
    publicera = reader.date(g("publicera"), at("publicera"), "publicera")
    avpublicera = reader.date(g("avpublicera"), at("avpublicera"), "avpublicera")
    _order(reader, [("datum", when[0] if when else None), ("justerat", justerat), ("anslag", anslag)], at)
    if publicera and avpublicera and avpublicera <= publicera:
        reader.report(
            at("avpublicera"),
            "avpublicera",
            "avpublicera ligger före publicera",
            "avpublicera ska vara senare än publicera",
        )
    slug = reader.text(g("slug"), at("slug"), "slug")
    if slug and not SLUG_RE.match(slug):
        reader.report(
            at("slug"),
            "slug",
            f'"{slug}" kan inte stå i en webbadress',
            f"skriv bara a-z, 0-9 och -, t.ex. slug: {slugify(slug)}",
        )
    extra = reader.mapping(g("extra"), at("extra"), "extra", "extra: {nyckel: värde}") or {}
    content_dir = rules.content_dir
    record_dir = split.source.path.parent
    bilagor = read_attachments(reader, g("bilagor"), at("bilagor"), record_dir, content_dir)
    bild = read_image(reader, g("bild"), at("bild"), record_dir, content_dir)
    details = _details(reader, g, at)
    appealable = typ.appealable if typ is not None else True
    overklagbar = reader.boolean(g("överklagbar"), at("överklagbar"), "överklagbar", appealable)
    if titel is None or typ is None or when is None or (org is None and not site_owned):
        return None, reader.diagnostics
    if (typ.needs_board and board is None) or (typ.needs_paragraph and paragraf is None):
        return None, reader.diagnostics
    record = Record(
        rel=rel,
        titel=titel,
        typ=typ,
        datum=when[0],
        tid=when[1],
        organisation=org.slug if org is not None else "",
        namnd=board,
        paragraf=paragraf,
        justerat=justerat,
        anslag=anslag,
        bilagor=bilagor,
        overklagbar=overklagbar,
        bild=bild,
        publicera=publicera,
        avpublicera=avpublicera,
        slug=slug,
        extra=extra,
        packed_body=pack(split.body),
        body_line=split.body_line,
        keys=KeyPlaces.of(split.meta.keys),
        **details,
    )
    return record, reader.diagnostics


def _details(reader: FieldReader, g: Callable[[str], Any], at: Callable[[str], tuple[str]]) -> dict[str, Any]:
    """Read the descriptive fields; they are checked even when the record is unusable for other reasons."""

    def text(key: str) -> str:
        return reader.text(g(key), at(key), key) or ""

    return {
        "diarienummer": reader.text(g("diarienummer"), at("diarienummer"), "diarienummer"),
        "beslut": text("beslut"),
        "sammanfattning": text("sammanfattning"),
        "handlaggare": text("handläggare"),
        "mottagare": reader.text_list(g("mottagare"), at("mottagare"), "mottagare"),
        "reservationer": _reservations(reader, g("reservationer"), at("reservationer")),
        "relaterade": _references(reader, g("relaterade"), at("relaterade")),
        "ingress": text("ingress"),
        "forfattare": text("författare"),
        "taggar": reader.text_list(g("taggar"), at("taggar"), "taggar"),
        "utkast": reader.boolean(g("utkast"), at("utkast"), "utkast", False),
    }


def _doc_type(reader: FieldReader, value: Any, where: tuple[str], rules: RecordRules) -> DocumentType | None:
    names = [t.key for t in rules.document_types]
    key = reader.text(value, where, "typ", required=True, hint="skriv typ: och en av " + ", ".join(names))
    if key is None:
        return None
    found = rules.document_type(key)
    if found is None:
        reader.report(
            where,
            "typ",
            f'okänd dokumenttyp "{key}"',
            did_you_mean(key, names, "tillåtna typer: " + ", ".join(names)),
        )
    return found


def _paragraf(reader: FieldReader, value: Any, where: tuple[str], typ: DocumentType | None) -> str | None:
    if value is None or value == "":
        if typ is not None and typ.needs_paragraph:
            reader.report_missing(
                where,
                "paragraf",
                "skriv paragrafens nummer, t.ex. paragraf: 12",
                f"paragraf saknas (krävs för {typ.key})",
            )
        return None
    text = str(value).strip().lower()
    match = _PARAGRAF.match(text)
    if isinstance(value, bool) or match is None or int(match[1]) == 0:
        why = " (paragraferna numreras från 1)" if match is not None else ""
        reader.report(
            where,
            "paragraf",
            f'"{value}" är inget paragrafnummer{why}',
            "skriv bara numret, ev. med en bokstav: paragraf: 12 eller paragraf: 12a",
        )
        return None
    # "012" is § 12 (written so to sort as text); one spelling keeps one address and one place in order.
    return f"{int(match[1])}{match[2]}"


def _order(
    reader: FieldReader,
    dates: list[tuple[str, dt.date | None]],
    at: Callable[[str], tuple[str]],
) -> None:
    """Check datum ≤ justerat ≤ anslag (each date that is given), reporting at the later key."""
    known = [(k, d) for k, d in dates if d is not None]
    for (k1, d1), (k2, d2) in itertools.pairwise(known):
        if d2 < d1:
            reader.report(
                at(k2),
                k2,
                f"{k2} ({d2}) ligger före {k1} ({d1})",
                "protokollet justeras efter sammanträdet och anslås efter justeringen: "
                "datum ≤ justerat ≤ anslag; kontrollera datumen",
            )


def _reservations(reader: FieldReader, value: Any, where: tuple[str]) -> tuple[Reservation, ...]:
    example = "reservationer: [{namn: Anna Svensson, parti: S, text: …}]"
    result = []
    for i, item in reader.mapping_list(value, where, "reservationer", example):
        here = (*where, i)
        reader.unknown_keys(item, here, ("namn", "parti", "text"))
        namn, parti, text = (reader.text(item.get(k), (*here, k), k) or "" for k in ("namn", "parti", "text"))
        if not (namn or parti or text):
            reader.report(
                here, "reservationer", "reservationen är tom", "skriv minst ett av namn, parti och text"
            )
            continue
        result.append(Reservation(namn, parti, text))
    return tuple(result)


def _references(reader: FieldReader, value: Any, where: tuple[str]) -> tuple[Reference, ...]:
    refs = []
    for i, text in enumerate(reader.text_list(value, where, "relaterade")):
        pos = reader.at(*where, i) if isinstance(value, list) else reader.at(*where)
        refs.append(Reference(text, pos.line, pos.column))
    return tuple(refs)
