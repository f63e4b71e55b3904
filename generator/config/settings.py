"""site.yaml: one declared schema, with defaults, every problem located.

The schema (``SETTINGS``) documents each setting; ``docs/site-yaml.md`` shows the same text.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.base.diagnostics import Diagnostic
from generator.base.doctypes import DocumentType
from generator.base.fields import FieldReader
from generator.base.sources import read_source
from generator.base.stamps import zone_of
from generator.base.yamltext import parse_yaml_mapping
from generator.config.parts import (
    AccessibilityConfig,
    AllowedNumber,
    OrganisationConfig,
    read_accessibility,
    read_allowed_numbers,
    read_document_types,
    read_organisations,
)

CONFIG_FILE = "site.yaml"

SETTINGS: dict[str, str] = {
    "title": "The site's name, shown in every page's header and in feeds. Required.",
    "base_url": "The address the site is published at, e.g. https://www.sjovik.se/beslut/ "
    "(may have a sub-path). Required.",
    "language": "The language of the site's UI text: sv (default) or en.",
    "theme": "The theme in themes/ (default: standard). A site's own templates/ and static/ override it.",
    "output": "The output folder, relative to the site folder (default: public).",
    "appeal_period_days": "Days from anslag to the last day to appeal (default: 21, Kommunallagen 13 kap.).",
    "page_size": "Entries per page in archives (default: 50).",
    "organisations": "The organisations and their boards (see below). At least one. Required.",
    "document_types": "Extra or renamed document types: key → {label, plural, based_on}.",
    "accessibility": "The accessibility statement (lag 2018:1937): contact_email, contact_phone, known_gaps, "
    "last_review, statement_date, compliance (full, partial, none). Without a contact or a review date "
    "the build warns.",
    "allowed_personal_numbers": "Numbers that look like a personnummer and may be published anyway: "
    "list of {number, reason}.",
    "timezone": "The site's time zone for times in feeds and open data: an IANA name "
    "(default: Europe/Stockholm, CET/CEST with summer time) or a fixed offset such as +01:00.",
    "demo_date": "For a demo site only: the day every build is made on (YYYY-MM-DD), whatever the day "
    "it runs, so that its notice board always shows the notices of that day and says so. --date "
    "overrides it; it overrides SOURCE_DATE_EPOCH and today. A real site must not set it: its notices "
    "would never come down.",
}

LANGUAGES = ("sv", "en")


@dataclass(frozen=True)
class RecordRules:
    """What of site.yaml a record's checks read: its folder, the organisations and boards, the document types.

    The checks are given these and nothing else, so a record checked against equal rules is valid in the
    same way whatever else site.yaml says: the build cache and the preview key a file's checks by them,
    and a new site title checks no record again.
    """

    content_dir: Path
    organisations: tuple[OrganisationConfig, ...]
    document_types: tuple[DocumentType, ...]

    def document_type(self, key: str) -> DocumentType | None:
        """Return the type written as ``key`` in front matter."""
        return next((t for t in self.document_types if t.key == key), None)


@dataclass(frozen=True)
class SiteConfig:
    """The validated settings of one site."""

    site_dir: Path
    title: str
    base_url: str
    """Always ends with '/'."""
    base_path: str
    """The URL path part of ``base_url`` ('/' or '/beslut/')."""
    language: str
    theme: str
    output: str
    appeal_period_days: int
    page_size: int
    organisations: tuple[OrganisationConfig, ...]
    document_types: tuple[DocumentType, ...]
    accessibility: AccessibilityConfig
    allowed_numbers: tuple[AllowedNumber, ...]
    timezone: str
    """An IANA zone name (``Europe/Stockholm``) or a fixed offset (``+01:00``)."""
    demo_date: dt.date | None = None
    """A demo's fixed build day (``--date`` overrides it); None for a real site."""

    @property
    def content_dir(self) -> Path:
        """Return the folder of records."""
        return self.site_dir / "content"

    @property
    def output_dir(self) -> Path:
        """Return the default output folder."""
        return (self.site_dir / self.output).resolve()

    @property
    def rules(self) -> RecordRules:
        """Return what a record's checks read of these settings."""
        return RecordRules(self.content_dir, self.organisations, self.document_types)


def setting_position(site_dir: Path, key: str) -> tuple[int, int] | None:
    """Return the line and the value's column of the top-level setting ``key`` in site.yaml, if written.

    For checks made after site.yaml was read (the theme, the accessibility statement), which keep no
    positions of their own.
    """
    try:
        text = (site_dir / CONFIG_FILE).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return None
    match = re.search(rf"^{re.escape(key)}[ \t]*:[ \t]*", text, re.MULTILINE)
    if match is None:
        return None
    return text.count("\n", 0, match.start()) + 1, match.end() - match.start() + 1


def load_config(site_dir: Path) -> SiteConfig | list[Diagnostic]:
    """Read and validate ``site.yaml`` in ``site_dir``."""
    path = site_dir / CONFIG_FILE
    if not path.is_file():
        return [
            Diagnostic(
                CONFIG_FILE,
                0,
                0,
                "site.yaml",
                f"hittar ingen site.yaml i {site_dir}",
                "ange webbplatsens mapp (beslut build MAPP) eller skapa site.yaml, se README",
            )
        ]
    # Read like a record: a BOM and CRLF are fine, a byte that is not UTF-8 is located.
    source = read_source(path, site_dir)
    if isinstance(source, Diagnostic):
        return [source]
    text = source.text
    doc = parse_yaml_mapping(
        text, CONFIG_FILE, field_name="site.yaml", example="title: Sjöviks kommuns beslut"
    )
    if isinstance(doc, list):
        return doc
    reader = FieldReader(CONFIG_FILE, doc.keys, doc.values)
    config = _read(reader, doc.data, site_dir.resolve())
    return reader.diagnostics or config


def _read(reader: FieldReader, data: dict[str, Any], site_dir: Path) -> SiteConfig:
    reader.unknown_keys(data, (), SETTINGS)
    title = (
        reader.text(
            data.get("title"),
            ("title",),
            "title",
            required=True,
            hint="skriv t.ex. title: Sjöviks kommuns beslut",
        )
        or ""
    )
    base_url = _base_url(reader, data.get("base_url"))
    language = reader.text(data.get("language"), ("language",), "language") or "sv"
    if language not in LANGUAGES:
        reader.report(
            ("language",), "language", f'språket "{language}" stöds inte', "skriv language: sv eller en"
        )
    period = _positive_int(reader, data.get("appeal_period_days"), "appeal_period_days", 21)
    page_size = _positive_int(reader, data.get("page_size"), "page_size", 50)
    tz = reader.text(data.get("timezone"), ("timezone",), "timezone") or "Europe/Stockholm"
    if zone_of(tz) is None:
        reader.report(("timezone",), "timezone", f'okänd tidszon "{tz}"', "skriv timezone: Europe/Stockholm")
    return SiteConfig(
        site_dir=site_dir,
        title=title,
        base_url=base_url,
        base_path="/" + base_url.split("://", 1)[-1].partition("/")[2],
        language=language,
        theme=reader.text(data.get("theme"), ("theme",), "theme") or "standard",
        output=reader.text(data.get("output"), ("output",), "output") or "public",
        appeal_period_days=period,
        page_size=page_size,
        organisations=read_organisations(reader, data.get("organisations")),
        document_types=read_document_types(reader, data.get("document_types")),
        accessibility=read_accessibility(reader, data.get("accessibility")),
        allowed_numbers=read_allowed_numbers(reader, data.get("allowed_personal_numbers")),
        timezone=tz,
        demo_date=reader.date(data.get("demo_date"), ("demo_date",), "demo_date"),
    )


def _base_url(reader: FieldReader, value: Any) -> str:
    example = "base_url: https://www.sjovik.se/beslut/"
    url = reader.text(value, ("base_url",), "base_url", required=True, hint=f"skriv t.ex. {example}")
    if url is None:
        return "http://localhost/"
    if not url.startswith(("http://", "https://")) or "://" not in url or not url.split("://", 1)[1]:
        reader.report(
            ("base_url",),
            "base_url",
            f'"{url}" är ingen fullständig webbadress',
            f"skriv hela adressen med https://, t.ex. {example}",
        )
        return "http://localhost/"
    return url if url.endswith("/") else url + "/"


def _positive_int(reader: FieldReader, value: Any, name: str, default: int) -> int:
    if value is None:
        return default
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        reader.report((name,), name, f'"{value}" är inget positivt heltal', f"skriv t.ex. {name}: {default}")
        return default
    return value
