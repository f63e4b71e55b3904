"""``beslut new``: write a valid new record where its address says it belongs.

The text is checked by the same validation as a build before anything is written, so a record made
by ``new`` is one that ``beslut check`` accepts; an existing file is never overwritten.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from generator.base.diagnostics import Diagnostic, errors_in
from generator.base.record import Record
from generator.base.slugs import slugify
from generator.base.sources import SourceFile
from generator.base.urls import record_path
from generator.config.settings import SiteConfig
from generator.load.frontmatter import split_front_matter
from generator.load.records import validate_record

PLACEHOLDER = "Skriv ärendets text här."
DRAFT_LINE = "utkast: true  # ta bort raden när posten ska publiceras"


@dataclass(frozen=True)
class NewRecord:
    """What ``beslut new`` was told."""

    typ: str
    titel: str
    datum: dt.date
    namnd: str | None = None
    paragraf: str | None = None
    diarienummer: str | None = None
    organisation: str | None = None
    draft: bool = True


@dataclass(frozen=True)
class Planned:
    """A new record, checked, with where it goes and where it will be shown."""

    file: Path
    rel: str
    text: str
    address: str
    """The page's address relative to the site root."""


def record_text(new: NewRecord) -> str:
    """Return the record's Markdown: front matter with the given fields, and a body to replace."""
    lines = [
        f"titel: {yaml_scalar(new.titel)}",
        f"typ: {yaml_scalar(new.typ)}",
        f"datum: {new.datum.isoformat()}",
    ]
    optional = (
        ("organisation", new.organisation),
        ("nämnd", new.namnd),
        ("paragraf", new.paragraf),
        ("diarienummer", new.diarienummer),
    )
    lines += [f"{key}: {yaml_scalar(value, key == 'paragraf')}" for key, value in optional if value]
    if new.draft:
        lines.append(DRAFT_LINE)
    return "---\n" + "\n".join(lines) + "\n---\n\n" + PLACEHOLDER + "\n"


def yaml_scalar(value: str, number: bool = False) -> str:
    """Return ``value`` as a YAML scalar that reads back as the same text (quoted only when it must be).

    A § number is written bare (``paragraf: 12``), as clerks write it.
    """
    if number and re.fullmatch(r"\d{1,5}[a-z]?", value):
        return value
    try:
        plain = yaml.safe_load(value) == value and "\n" not in value
    except yaml.YAMLError:
        plain = False
    return value if plain else json.dumps(value, ensure_ascii=False)


def file_for(record: Record) -> str:
    """Return the file (under content/) that mirrors a record's address (``org/ks/2024-03-11-12-x.md``)."""
    parts = record_path(record).strip("/").split("/")
    if record.namnd is not None and len(parts) >= 4:
        return "/".join(parts[:2]) + f"/{parts[2]}-{'-'.join(parts[3:])}.md"
    return "/".join(parts) + ".md"


def plan_record(new: NewRecord, config: SiteConfig) -> Planned | list[Diagnostic]:
    """Check the new record as a build would; return where it goes, or every problem."""
    planned = plan_text(record_text(new), new.datum, new.titel, config)
    return planned if isinstance(planned, Planned) else [_as_option(d) for d in planned]


def plan_text(text: str, day: dt.date, titel: str, config: SiteConfig) -> Planned | list[Diagnostic]:
    """Check a record's text as a build would; return where it goes, or its errors.

    The file is named as ``beslut new`` names it; ``beslut import`` writes through here too.
    """
    # Papers and news are named by their file: name it by the day and the title, as a clerk would.
    record = _check(text, f"{day.isoformat()}-{slugify(titel)}.md", config)
    if not isinstance(record, Record):
        return record
    rel = file_for(record)
    return Planned(config.content_dir / rel, "content/" + rel, text, record_path(record))


def place_record(text: str, config: SiteConfig) -> Planned | list[Diagnostic]:
    """Check a record's text as a build would; return where it goes, named by its own day and title."""
    record = _check(text, "ny.md", config)
    if not isinstance(record, Record):
        return record
    return plan_text(text, record.datum, record.titel, config)


def _check(text: str, name: str, config: SiteConfig) -> Record | list[Diagnostic]:
    """Return the record that ``text`` is as the file ``content/NAME``, or its errors."""
    source = SourceFile(config.content_dir / name, "content/" + name, text)
    split = split_front_matter(source)
    if isinstance(split, list):
        return split
    record, problems = validate_record(split, config.rules)
    if record is None or errors_in(problems):
        return errors_in(problems)
    return record


def _as_option(d: Diagnostic) -> Diagnostic:
    """Return a diagnostic about the new record's text as one about the option that gave the value."""
    option = {"nämnd": "--nämnd", "titel": "--titel", "typ": "TYP", "datum": "--datum"}.get(d.field)
    where = option or f"--{d.field}"
    return Diagnostic(where, 0, 0, d.field, d.message, d.hint, d.severity)


def write_record(planned: Planned) -> Diagnostic | None:
    """Write the new record; refuse (with a diagnostic) if the file exists already."""
    planned.file.parent.mkdir(parents=True, exist_ok=True)
    try:
        with planned.file.open("x", encoding="utf-8") as out:
            out.write(planned.text)
    except FileExistsError:
        return Diagnostic(
            planned.rel,
            1,
            1,
            "fil",
            "filen finns redan och skrivs inte över",
            "öppna den befintliga filen, eller välj en annan titel, paragraf eller --datum",
        )
    return None
