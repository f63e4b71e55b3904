"""Validate a record's files: attachments (bilagor) and its image, which must exist inside content/."""

from __future__ import annotations

from pathlib import Path, PurePosixPath
from typing import Any

from generator.base.fields import FieldReader
from generator.base.record import Attachment, Image


def _inside(
    reader: FieldReader, fil: str, where: tuple[str | int, ...], key: str, record_dir: Path, content_dir: Path
) -> str | None:
    """Return ``fil`` as a path relative to content/ if it exists there; else report."""
    target = (record_dir / fil).resolve()
    root = content_dir.resolve()
    if PurePosixPath(fil).is_absolute() or not target.is_relative_to(root):
        reader.report(
            where,
            key,
            f'"{fil}" ligger utanför content/',
            "lägg filen i content/, t.ex. bredvid posten, och skriv sökvägen relativt posten",
        )
        return None
    if not target.is_file():
        reader.report(
            where,
            key,
            f'filen "{fil}" finns inte',
            "kontrollera filnamnet; sökvägen är relativ till postens mapp",
        )
        return None
    return target.relative_to(root).as_posix()


def read_attachments(
    reader: FieldReader, value: Any, where: tuple[str], record_dir: Path, content_dir: Path
) -> tuple[Attachment, ...]:
    example = "bilagor: [{titel: Protokoll, fil: protokoll.pdf}]"
    result = []
    for i, item in reader.mapping_list(value, where, "bilagor", example):
        here = (*where, i)
        reader.unknown_keys(item, here, ("titel", "fil", "sekretess"))
        titel = reader.text(item.get("titel"), (*here, "titel"), "titel")
        fil = reader.text(item.get("fil"), (*here, "fil"), "fil")
        sekretess = reader.text(item.get("sekretess"), (*here, "sekretess"), "sekretess")
        if titel is None:
            reader.report(here, "bilagor", "bilagan saknar titel", "skriv titel: och bilagans namn")
        if fil is None and sekretess is None:
            reader.report(
                here,
                "bilagor",
                "bilagan har varken fil eller sekretess",
                "skriv fil: sökväg, eller sekretess: OSL 26 kap. 1 § för en sekretessbelagd bilaga",
            )
            continue
        if fil is not None and sekretess is not None:
            reader.report(
                (*here, "sekretess"),
                "bilagor",
                "en sekretessbelagd bilaga publiceras inte och har ingen fil",
                "ta bort fil: eller sekretess:",
            )
            continue
        if sekretess is not None and not any(c.isdigit() for c in sekretess):
            # The reader must learn which provision withholds it; every provision has a number.
            reader.report(
                (*here, "sekretess"),
                "sekretess",
                f'"{sekretess}" anger inte vilken sekretessbestämmelse som gäller',
                "skriv bestämmelsen i offentlighets- och sekretesslagen, t.ex. sekretess: OSL 26 kap. 1 §",
            )
            continue
        path = _inside(reader, fil, (*here, "fil"), "bilagor", record_dir, content_dir) if fil else None
        if titel is not None and (path or sekretess):
            result.append(Attachment(titel, path, sekretess))
    return tuple(result)


def read_image(
    reader: FieldReader, value: Any, where: tuple[str], record_dir: Path, content_dir: Path
) -> Image | None:
    data = reader.mapping(value, where, "bild", "bild: {fil: bild.jpg, alt: Beskrivning av bilden}")
    if data is None:
        return None
    reader.unknown_keys(data, where, ("fil", "alt"))
    fil = reader.text(
        data.get("fil"),
        (*where, "fil"),
        "fil",
        required=True,
        hint="skriv bildens sökväg, t.ex. fil: bild.jpg",
    )
    alt = reader.text(data.get("alt"), (*where, "alt"), "alt")
    if alt is None:
        reader.report_missing(
            (*where, "alt"),
            "bild",
            "skriv alt: och en kort beskrivning av vad bilden visar, för den som inte ser den",
            "bilden saknar alt-text",
        )
    path = _inside(reader, fil, (*where, "fil"), "bild", record_dir, content_dir) if fil else None
    return Image(path, alt) if path and alt else None
