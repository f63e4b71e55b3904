"""Document types: the defaults of the contract, and those a site adds in site.yaml."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Kind(StrEnum):
    """What a type of document does on the site."""

    MINUTES_ITEM = "protokollsutdrag"
    """One § of a meeting: needs a board and a paragraf; appealable."""
    MINUTES = "protokoll"
    """A whole meeting's minutes: needs a board; appealable."""
    NOTICE = "kallelse"
    """A meeting notice: needs a board; announces a meeting."""
    DOCUMENT = "dokument"
    """A tjänsteskrivelse, utlåtande or other paper."""
    DELEGATION = "delegationsbeslut"
    """A decision taken under delegation: appealable."""
    NEWS = "nyhet"
    """A news item."""


@dataclass(frozen=True)
class DocumentType:
    """One value of ``typ``."""

    key: str
    """The value written in front matter (``protokollsutdrag``)."""
    label: str
    """Shown to readers, singular (``Protokollsutdrag``)."""
    plural: str
    """Shown to readers as a heading (``Tjänsteskrivelser``)."""
    slug: str
    """Used in URLs of records that belong to no board."""
    kind: Kind

    @property
    def needs_board(self) -> bool:
        """Return True when a record of this type must name its nämnd."""
        return self.kind in (Kind.MINUTES_ITEM, Kind.MINUTES, Kind.NOTICE)

    @property
    def needs_paragraph(self) -> bool:
        """Return True when a record of this type must carry a paragraf."""
        return self.kind is Kind.MINUTES_ITEM

    @property
    def appealable(self) -> bool:
        """Return True when decisions of this type can be appealed by default."""
        # A whole protokoll holds the meeting's decisions: appealable like its §§ unless it says otherwise.
        return self.kind in (Kind.MINUTES_ITEM, Kind.MINUTES, Kind.DELEGATION)


DEFAULT_TYPES: tuple[DocumentType, ...] = (
    DocumentType(
        "protokollsutdrag", "Protokollsutdrag", "Protokollsutdrag", "protokollsutdrag", Kind.MINUTES_ITEM
    ),
    DocumentType("protokoll", "Protokoll", "Protokoll", "protokoll", Kind.MINUTES),
    DocumentType("kallelse", "Kallelse", "Kallelser", "kallelser", Kind.NOTICE),
    DocumentType(
        "tjänsteskrivelse", "Tjänsteskrivelse", "Tjänsteskrivelser", "tjansteskrivelser", Kind.DOCUMENT
    ),
    DocumentType("utlåtande", "Utlåtande", "Utlåtanden", "utlatanden", Kind.DOCUMENT),
    DocumentType(
        "delegationsbeslut", "Delegationsbeslut", "Delegationsbeslut", "delegationsbeslut", Kind.DELEGATION
    ),
    DocumentType("nyhet", "Nyhet", "Nyheter", "nyheter", Kind.NEWS),
)
