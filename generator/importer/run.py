"""Import one file: read, guard, clean, infer, check as a build would, and write (never overwriting)."""

from __future__ import annotations

import datetime as dt
import shutil
from dataclasses import dataclass, field, replace
from enum import StrEnum
from pathlib import Path

from generator.authoring.newrecord import Planned, plan_text, write_record
from generator.base.diagnostics import Diagnostic, errors_in
from generator.base.sources import SourceFile, read_sources
from generator.base.urls import record_path
from generator.config.settings import SiteConfig
from generator.importer.blocks import render, to_blocks
from generator.importer.draft import record_text
from generator.importer.findings import Findings
from generator.importer.furniture import drop_furniture
from generator.importer.guard import find_numbers, mask_numbers
from generator.importer.infer import Given, Inferred, infer_record
from generator.importer.meeting import split_meeting
from generator.importer.source import Document, Unreadable, is_empty, read_document
from generator.load.frontmatter import split_front_matter
from generator.load.privacy import NUMBER_HINT, allowed_numbers, scan_source
from generator.load.records import validate_record


@dataclass(frozen=True)
class ImportOptions:
    """What ``beslut import`` was asked to do."""

    given: Given = field(default_factory=Given)
    draft: bool = True
    mask: bool = False
    """Replace personnummer with a secrecy marker instead of refusing the file."""
    attach: bool = False
    """Keep a whole protokoll file as the attachment of a ``protokoll`` record."""
    day: dt.date = field(default_factory=dt.date.today)


class Status(StrEnum):
    """What happened to one record."""

    WRITTEN = "skriven"
    ALREADY = "redan importerad"


@dataclass(frozen=True)
class Outcome:
    """One record of a file: written or already there, where, and what was found for it."""

    status: Status
    rel: str
    address: str
    findings: Findings


@dataclass(frozen=True)
class FileReport:
    """Everything about one imported file; ``problems`` empty means it was imported."""

    path: str
    records: tuple[Outcome, ...] = ()
    problems: tuple[Diagnostic, ...] = ()
    notes: tuple[str, ...] = ()


REQUIRED_HINTS = {
    "titel": "källan har ingen rubrik före texten; skriv ärendets rubrik överst i filen och importera igen",
    "datum": "skriv dokumentets datum (ÅÅÅÅ-MM-DD) överst i filen och importera igen",
    "typ": "ange dokumenttypen: --typ protokollsutdrag, tjänsteskrivelse, utlåtande, nyhet …",
}


def existing_addresses(config: SiteConfig) -> dict[str, str]:
    """Return the address of every record already in content/ → its file (to find earlier imports)."""
    sources, _ = read_sources(config.content_dir, config.site_dir)
    found: dict[str, str] = {}
    for source in sources:
        split = split_front_matter(source)
        if isinstance(split, list):
            continue
        record, _ = validate_record(split, config.rules)
        if record is not None:
            found.setdefault(record_path(record), source.rel)
    return found


def import_file(
    path: Path, shown: str, config: SiteConfig, options: ImportOptions, existing: dict[str, str]
) -> FileReport:
    """Import one file (``shown``: its name as given); new records are added to ``existing``."""
    document = read_document(path)
    if isinstance(document, Unreadable):
        return FileReport(shown, problems=(Diagnostic(shown, 0, 0, "fil", document.message, document.hint),))
    if is_empty(document):
        return FileReport(
            shown,
            problems=(
                Diagnostic(shown, 0, 0, "fil", "filen är tom", "kontrollera att rätt fil exporterades"),
            ),
        )
    allowed, _ = allowed_numbers(config, options.day)
    numbers = find_numbers(document.lines, allowed, options.day)
    notes = list(document.notes)
    if numbers and not options.mask:
        problems = tuple(
            Diagnostic(
                shown,
                n.line.line,
                0,
                n.kind,
                f'"{n.text}" ({n.line.where()}) är ett giltigt {n.kind}; filen importeras inte',
                "importera med --maskera-personnummer för att ersätta numret med en maskering, eller "
                + NUMBER_HINT,
            )
            for n in numbers
        )
        return FileReport(shown, problems=problems, notes=tuple(notes))
    lines = document.lines
    if numbers:
        lines = mask_numbers(lines, allowed, options.day)
        notes += [f"{n.kind} på {n.line.where()} ersatt med en maskering" for n in numbers]
    return _import_lines(Document(lines, tuple(notes)), path, shown, config, options, existing)


def _import_lines(
    document: Document,
    path: Path,
    shown: str,
    config: SiteConfig,
    options: ImportOptions,
    existing: dict[str, str],
) -> FileReport:
    cleaned = drop_furniture(document.lines)
    blocks = to_blocks(cleaned.lines)
    notes = list(document.notes)
    if cleaned.dropped:
        lines = "rad" if cleaned.dropped == 1 else "rader"
        notes.append(f"{cleaned.dropped} {lines} sidhuvud, sidfot och sidnummer utelämnade")
    parts = split_meeting(blocks, config, options.given, path if options.attach else None)
    inferred = parts if parts is not None else [infer_record(blocks, config, options.given)]
    planned: list[tuple[Planned, Inferred]] = []
    problems: list[Diagnostic] = []
    for part in inferred:
        result = _plan(part, shown, config, options)
        if isinstance(result, list):
            problems += result
        else:
            planned.append((result, part))
    for part in inferred:
        notes += part.findings.notes
    if problems:
        return FileReport(shown, problems=tuple(problems), notes=tuple(notes))
    outcomes: list[Outcome] = []
    for plan, part in planned:
        outcome = _write(plan, part, shown, existing, options.day, config)
        if isinstance(outcome, Diagnostic):
            return FileReport(shown, tuple(outcomes), (outcome,), tuple(notes))
        outcomes.append(outcome)
    return FileReport(shown, tuple(outcomes), (), tuple(notes))


def _plan(
    part: Inferred, shown: str, config: SiteConfig, options: ImportOptions
) -> Planned | list[Diagnostic]:
    """Return the record checked as a build checks it, or what the user must add."""
    findings = part.findings
    missing = [key for key in ("typ", "titel", "datum") if findings.get(key) is None]
    if missing:
        return [
            Diagnostic(
                shown, 0, 0, key, f"{key} hittades inte i källan; posten skrivs inte", REQUIRED_HINTS[key]
            )
            for key in missing
        ]
    attachment = findings.values.pop("bilagor", None)
    text = record_text(findings, render(part.body), options.draft)
    when = findings.get("datum")
    day = when.date() if isinstance(when, dt.datetime) else when
    planned = plan_text(text, day, str(findings.get("titel")), config)
    if isinstance(planned, Planned):
        if attachment is None:
            return planned
        # The attachment lies beside the record: name it after the record's file.
        source: Path = findings.get("källfil")
        target = planned.file.with_suffix(source.suffix.lower())
        findings.values["bilagor"] = replace(attachment, value=[{**attachment.value[0], "fil": target.name}])
        return replace(planned, text=record_text(findings, render(part.body), options.draft))
    return [
        Diagnostic(
            shown,
            line.line if (line := findings.line_of(d.field)) else 0,
            0,
            d.field,
            d.message + "; posten skrivs inte",
            _option_hint(d.field) or d.hint,
        )
        for d in planned
    ]


def _copy_attachment(source: Path, plan: Planned, shown: str, config: SiteConfig) -> Diagnostic | None:
    """Copy the whole protokoll beside its record and check the record with it, as a build would."""
    target = plan.file.with_suffix(source.suffix.lower())
    if target.exists():
        return Diagnostic(shown, 0, 0, "bilagor", f"{target.name} finns redan och skrivs inte över", "")
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)
    split = split_front_matter(SourceFile(plan.file, plan.rel, plan.text))
    problems = split if isinstance(split, list) else errors_in(validate_record(split, config.rules)[1])
    if problems:
        target.unlink()
        return Diagnostic(shown, 0, 0, problems[0].field, problems[0].message, problems[0].hint)
    return None


def _option_hint(key: str) -> str:
    """Return how to give a key on the command line, where there is an option for it."""
    options = {"nämnd": "--nämnd", "organisation": "--organisation", "typ": "--typ"}
    return f"ange {key} med {options[key]} och importera igen" if key in options else ""


def _write(
    plan: Planned, part: Inferred, shown: str, existing: dict[str, str], day: dt.date, config: SiteConfig
) -> Outcome | Diagnostic:
    """Write one planned record unless it is there already (by address, or the very file)."""
    earlier = existing.get(plan.address)
    if earlier is not None or plan.file.exists():
        return Outcome(Status.ALREADY, earlier or plan.rel, plan.address, part.findings)
    allowed, _ = allowed_numbers(config, day)
    written = SourceFile(plan.file, plan.rel, plan.text)
    leaked = scan_source(written, split_front_matter(written), allowed, day)
    if leaked:  # the guard ran on the source already; this is the same rule on the very text written
        return Diagnostic(shown, 0, 0, leaked[0].field, leaked[0].message, leaked[0].hint)
    source = part.findings.get("källfil")
    if source is not None:
        copied = _copy_attachment(source, plan, shown, config)
        if copied is not None:
            return copied
    refused = write_record(plan)
    if refused is not None:
        return Diagnostic(shown, 0, 0, refused.field, refused.message, refused.hint)
    existing[plan.address] = plan.rel
    return Outcome(Status.WRITTEN, plan.rel, plan.address, part.findings)
