"""The typed record: what one Markdown file says, validated against the content contract."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from generator.base.doctypes import DocumentType
from generator.base.keyplaces import KeyPlaces
from generator.base.lean import lean, quick_state
from generator.base.packed import unpack


@quick_state
@dataclass(frozen=True, slots=True)
class Reservation:
    """A dissent (reservation): who, which party, and its text (each optional but one)."""

    namn: str
    parti: str
    text: str


@quick_state
@dataclass(frozen=True, slots=True)
class Attachment:
    """A bilaga: a file inside content/, or a withheld one naming its secrecy provision."""

    titel: str
    fil: str | None
    """Path relative to content/ (posix), or None when withheld."""
    sekretess: str | None
    """The provision (``OSL 26 kap. 1 §``) when withheld."""


@quick_state
@dataclass(frozen=True, slots=True)
class Image:
    """An image with its required text alternative."""

    fil: str
    """Path relative to content/ (posix)."""
    alt: str


@quick_state
@dataclass(frozen=True, slots=True)
class Reference:
    """One ``relaterade`` entry as written, with where it was written."""

    text: str
    line: int
    column: int


@lean
@quick_state
@dataclass(frozen=True, eq=False, slots=True)
class Record:
    """One record, every field checked; the unit every later stage works on."""

    rel: str
    """The source file relative to the site folder (``content/ks/2021-06-09-6.md``)."""
    titel: str
    typ: DocumentType
    datum: dt.date
    tid: dt.time | None
    """The time of day, when ``datum`` carries one (news)."""
    organisation: str
    """The organisation's slug; empty for a record of the site itself (``organisation: ingen``)."""
    namnd: str | None
    """The board's short code, within the organisation."""
    paragraf: str | None
    diarienummer: str | None
    beslut: str
    """Markdown; empty when not given."""
    sammanfattning: str
    handlaggare: str
    mottagare: tuple[str, ...]
    justerat: dt.date | None
    anslag: dt.date | None
    reservationer: tuple[Reservation, ...]
    relaterade: tuple[Reference, ...]
    bilagor: tuple[Attachment, ...]
    overklagbar: bool
    bild: Image | None
    ingress: str
    forfattare: str
    taggar: tuple[str, ...]
    publicera: dt.date | None
    avpublicera: dt.date | None
    utkast: bool
    slug: str | None
    extra: Mapping[str, Any]
    packed_body: bytes = field(repr=False)
    """The Markdown body, packed (``body`` unpacks it)."""
    body_line: int
    keys: KeyPlaces = field(repr=False)
    """Where each front matter key was written, for diagnostics of later stages."""

    @property
    def body(self) -> str:
        """Return the Markdown body (after the front matter)."""
        if not self.packed_body:  # a packed text, even an empty one, is never empty bytes
            raise RuntimeError(f"{self.rel}: the body was let go once the build had rendered it")
        return unpack(self.packed_body)

    def let_go_of_body(self) -> None:
        """Drop the Markdown body: a build reads it once, to render it (the preview keeps it, to render
        again). At 100,000 records the packed bodies are about 130 MB that no later stage reads."""
        object.__setattr__(self, "packed_body", b"")

    @property
    def site_owned(self) -> bool:
        """Tell whether the record is the site's own (news of the site), of no organisation."""
        return not self.organisation

    def line_of(self, key: str) -> int:
        """Return the line a front matter key was written on (1 if unknown)."""
        return self.keys.at(key).line

    @property
    def paragraf_sort(self) -> tuple[int, str]:
        """Return the key that orders §§ as numbers (9 < 10 < 10a)."""
        if not self.paragraf:
            return (0, "")
        digits = "".join(c for c in self.paragraf if c.isdigit())
        return (int(digits or 0), self.paragraf[len(digits) :])

    @property
    def sort_key(self) -> tuple[dt.date, dt.time, tuple[int, str], str]:
        """Return the key that orders records by date, time, § and file."""
        return (self.datum, self.tid or dt.time(0), self.paragraf_sort, self.rel)
