"""The organisations of the corpus and their boards: a municipality and two kommunalförbund, twelve boards."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Board:
    """A board (nämnd, styrelse, fullmäktige) and how it meets."""

    name: str
    short: str
    area: str
    """Which subjects it decides on (a key of topics.AREAS)."""
    office: str
    """Who prepares its matters (the förvaltning), as the text names them."""
    weekday: int
    """The day of the week it meets (0 = Monday)."""
    notice_days: int
    """How many days before the build day its latest meeting is: 7–20 puts that meeting's notice on
    the notice board on the build day, more takes it down."""
    parent: str = ""
    registry: str = ""
    """The short code its cases are registered under (an arbetsutskott's are the styrelse's)."""
    weight: int = 1
    """How many of the corpus's cases start at this board, relatively."""

    @property
    def is_assembly(self) -> bool:
        """Tell whether this is a fullmäktige, whose meetings are announced on the notice board."""
        return "fullmäktige" in self.name.casefold()

    @property
    def genitive(self) -> str:
        """Return the name in the genitive ("Socialnämndens")."""
        return self.name if self.name.endswith("s") else self.name + "s"


@dataclass(frozen=True)
class Organisation:
    """An organisation that publishes on the site."""

    key: str
    """Its folder under content/."""
    name: str
    protocol_location: str
    appeal_court: str
    dnr_style: str
    """How its registry writes a diarienummer: ``board`` (``BUN-2023/45.210``), ``dot`` (``2023.045 RS``)
    or ``slash`` (``UF 2023/45``)."""
    boards: tuple[Board, ...]
    chain: tuple[str, ...]
    """The boards a case climbs, in order, after the board it starts at (KSAU, KS, KF)."""

    def board(self, short: str) -> Board:
        """Return the board with this short code."""
        return next(b for b in self.boards if b.short == short)


# The municipality's styrelse and fullmäktige never meet on a Monday or a Tuesday: the browser tests'
# own records (meetings of KS, KSAU and KF on Mondays, a KS delegationsbeslut on a Tuesday) are copied
# into the corpus and must not share a meeting with it.
SJOVIK = Organisation(
    "sjovik",
    "Sjöviks kommun",
    "Kommunkansliet, Stadshuset, Storgatan 1, Sjövik",
    "Förvaltningsrätten i Göteborg",
    "board",
    (
        Board(
            "Kommunfullmäktige", "KF", "styrning", "Kommunledningskontoret", 3, 15, registry="KS", weight=0
        ),
        Board("Kommunstyrelsen", "KS", "styrning", "Kommunledningskontoret", 2, 7, weight=4),
        Board(
            "Kommunstyrelsens arbetsutskott",
            "KSAU",
            "styrning",
            "Kommunledningskontoret",
            2,
            22,
            parent="KS",
            registry="KS",
            weight=0,
        ),
        Board(
            "Barn- och utbildningsnämnden",
            "BUN",
            "skola",
            "Barn- och utbildningsförvaltningen",
            1,
            12,
            weight=3,
        ),
        Board("Socialnämnden", "SN", "social", "Socialförvaltningen", 3, 30, weight=3),
        Board(
            "Samhällsbyggnadsnämnden",
            "SBN",
            "samhallsbyggnad",
            "Samhällsbyggnadsförvaltningen",
            2,
            17,
            weight=3,
        ),
        Board(
            "Miljö- och hälsoskyddsnämnden", "MHN", "miljo", "Miljö- och hälsoskyddskontoret", 0, 26, weight=2
        ),
        Board(
            "Kultur- och fritidsnämnden", "KFN", "kultur", "Kultur- och fritidsförvaltningen", 1, 35, weight=2
        ),
        Board("Valnämnden", "VN", "val", "Valkansliet", 0, 40),
    ),
    ("KSAU", "KS", "KF"),
)

RESCUE = Organisation(
    "raddningstjansten",
    "Räddningstjänsten Sjödalen",
    "Förbundskansliet, Brandstationen, Industrivägen 4, Sjövik",
    "Förvaltningsrätten i Göteborg",
    "dot",
    (Board("Direktionen", "DIR", "raddning", "Räddningschefen", 4, 10, registry="RS", weight=2),),
    (),
)

EDUCATION = Organisation(
    "utbildningsforbundet",
    "Sjödalens utbildningsförbund",
    "Förbundskansliet, Sjödalsgymnasiet, Sjövik",
    "Förvaltningsrätten i Göteborg",
    "slash",
    (
        Board("Förbundsfullmäktige", "FF", "utbildning", "Förbundskansliet", 3, 19, registry="UF", weight=0),
        Board("Förbundsstyrelsen", "FS", "utbildning", "Förbundskansliet", 1, 9, registry="UF", weight=2),
    ),
    ("FF",),
)

ORGANISATIONS = (SJOVIK, RESCUE, EDUCATION)
