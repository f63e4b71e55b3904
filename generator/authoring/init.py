"""``beslut init``: a new site that builds at once, with CI that keeps its notice board lawful.

The files come from ``skeleton/`` (package data, so an installed beslut has them): a commented
``site.yaml``, one example record per document type, ``.gitignore`` and the CI files. Placeholders are
written ``@@name@@``; record dates are relative to the day of ``init`` (``@@day-16@@``), so the notice board
of the first build has notices on it. Every record is checked and placed as ``beslut new`` places one
(the same validation as a build) before anything is written, and nothing is written into a folder that
already holds something.
"""

from __future__ import annotations

import datetime as dt
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

from generator import __version__
from generator.authoring.newrecord import Planned, place_record, yaml_scalar
from generator.base.diagnostics import Diagnostic
from generator.config.settings import CONFIG_FILE, SiteConfig, load_config

SKELETON = Path(__file__).resolve().parent / "skeleton"
CI_FILES = {
    "github": ("ci/github.yml", ".github/workflows/beslut.yml"),
    "gitlab": ("ci/gitlab-ci.yml", ".gitlab-ci.yml"),
}
"""``--ci`` choice → (skeleton file, where it goes in the site)."""
CI_CHOICES = (*CI_FILES, "ingen")
DEFAULT_ORGANISATION = "Sjöviks kommun"
DEFAULT_URL = "https://www.example.se/beslut/"
ALLOWED_IN_EMPTY = frozenset({".git"})
"""What a folder may hold and still count as empty: a freshly cloned, empty repository."""
_PLACEHOLDER = re.compile(r"@@([a-z_]+)(?:([+-])(\d+))?@@")


@dataclass(frozen=True)
class Board:
    """A board that ``init`` declares."""

    name: str
    short: str
    parent: str = ""


@dataclass(frozen=True)
class OrganisationKind:
    """The usual organs of a kind of organisation: its assembly, its executive board and the rest."""

    assembly: Board
    executive: Board
    others: tuple[Board, ...]
    office: str
    """Where its minutes are kept, before the user writes the address."""


KOMMUN = OrganisationKind(
    Board("Kommunfullmäktige", "KF"),
    Board("Kommunstyrelsen", "KS"),
    (
        Board("Kommunstyrelsens arbetsutskott", "KSAU", "KS"),
        Board("Barn- och utbildningsnämnden", "BUN"),
        Board("Socialnämnden", "SN"),
        Board("Bygg- och miljönämnden", "BMN"),
        Board("Kultur- och fritidsnämnden", "KFN"),
    ),
    "Kommunkansliet",
)
REGION = OrganisationKind(
    Board("Regionfullmäktige", "RF"),
    Board("Regionstyrelsen", "RS"),
    (
        Board("Regionstyrelsens arbetsutskott", "RSAU", "RS"),
        Board("Hälso- och sjukvårdsnämnden", "HSN"),
        Board("Regionala utvecklingsnämnden", "RUN"),
        Board("Kulturnämnden", "KN"),
    ),
    "Regionkansliet",
)


@dataclass(frozen=True)
class NewSite:
    """What ``beslut init`` was told."""

    organisation: str = DEFAULT_ORGANISATION
    url: str = DEFAULT_URL
    ci: str = "github"
    day: dt.date = dt.date(2025, 1, 1)
    """The day of ``init``: the example records are dated around it."""


@dataclass(frozen=True)
class SiteFile:
    """One file of the new site."""

    rel: str
    """Its path in the site folder (posix)."""
    text: str


def organisation_kind(name: str) -> OrganisationKind:
    """Return the usual organs of the organisation ``name``: a region's, or else a kommun's."""
    return REGION if name.casefold().startswith("region") else KOMMUN


def genitive(name: str) -> str:
    """Return the Swedish genitive of a name: ``Sjöviks kommun`` → ``Sjöviks kommuns``, ``Vadstena`` kept."""
    return name if name[-1:].lower() in ("s", "x", "z") else name + "s"


def site_values(new: NewSite) -> dict[str, str]:
    """Return the values of the skeleton's placeholders (dates aside)."""
    kind = organisation_kind(new.organisation)
    title = f"{genitive(new.organisation)} beslut"
    boards = (kind.assembly, kind.executive, *kind.others)
    return {
        "title": title,
        "title_yaml": yaml_scalar(title),
        "url_yaml": yaml_scalar(new.url),
        "organisation_yaml": yaml_scalar(new.organisation),
        "protocol_location_yaml": yaml_scalar(f"{kind.office}, {new.organisation}"),
        "boards": "\n".join(_board_line(b) for b in boards),
        "version": __version__,
        "today": new.day.isoformat(),
        "year": str((new.day - dt.timedelta(days=30)).year),
        "assembly_name": kind.assembly.name,
        "assembly_name_lower": _lower_first(kind.assembly.name),
        "assembly_short": kind.assembly.short,
        "executive_name": kind.executive.name,
        "executive_name_lower": _lower_first(kind.executive.name),
        "executive_short": kind.executive.short,
    }


def _board_line(board: Board) -> str:
    parent = f", parent: {board.parent}" if board.parent else ""
    return f"      - {{name: {board.name}, short: {board.short}{parent}}}"


def _lower_first(name: str) -> str:
    """Return a board's name as written inside a sentence (``kommunstyrelsen``)."""
    return name[:1].lower() + name[1:]


def fill(template: str, values: dict[str, str], day: dt.date) -> str:
    """Return ``template`` with every ``@@name@@`` and ``@@day±N@@`` replaced; an unknown name is a bug."""

    def value(match: re.Match[str]) -> str:
        name, sign, days = match.groups()
        if name == "day":
            offset = int(days or 0) * (-1 if sign == "-" else 1)
            return (day + dt.timedelta(days=offset)).isoformat()
        return values[name]

    return _PLACEHOLDER.sub(value, template)


def refuse_folder(folder: Path) -> Diagnostic | None:
    """Refuse a folder that is a file, or that holds anything but an empty repository's ``.git``."""
    if folder.exists() and not folder.is_dir():
        problem = f"{folder} är en fil, inte en mapp"
    elif folder.is_dir() and any(p.name not in ALLOWED_IN_EMPTY for p in folder.iterdir()):
        problem = f"{folder} är inte tom, och beslut init skriver bara i en tom mapp"
    else:
        return None
    return Diagnostic(
        str(folder),
        0,
        0,
        "mapp",
        problem,
        "ange en ny mapp, t.ex. beslut init min-webbplats, eller töm mappen först",
    )


def plan_site(new: NewSite) -> list[SiteFile] | list[Diagnostic]:
    """Return every file of the new site, its records checked and placed as a build would read them."""
    values = site_values(new)
    site_yaml = fill((SKELETON / CONFIG_FILE).read_text(encoding="utf-8"), values, new.day)
    files = [SiteFile(CONFIG_FILE, site_yaml), SiteFile(".gitignore", _skeleton("gitignore"))]
    if new.ci in CI_FILES:
        source, target = CI_FILES[new.ci]
        files.append(SiteFile(target, fill(_skeleton(source), values, new.day)))
    with tempfile.TemporaryDirectory(prefix="beslut-init-") as scratch:
        # The records are checked against the new site.yaml, read as a build reads it.
        (Path(scratch) / CONFIG_FILE).write_text(site_yaml, encoding="utf-8")
        config = load_config(Path(scratch))
        if not isinstance(config, SiteConfig):
            return [_as_option(d) for d in config]
        for template in sorted((SKELETON / "content").glob("*.md")):
            placed = place_record(fill(template.read_text(encoding="utf-8"), values, new.day), config)
            if not isinstance(placed, Planned):
                return placed
            files.append(SiteFile(placed.rel, placed.text))
    return files


def _as_option(d: Diagnostic) -> Diagnostic:
    """Return a problem of the new site.yaml as one of the option that gave the value (``--url``)."""
    option = {"base_url": "--url", "title": "--organisation"}.get(d.field, "--organisation")
    return Diagnostic(option, 0, 0, d.field, d.message, d.hint, d.severity)


def _skeleton(rel: str) -> str:
    return (SKELETON / rel).read_text(encoding="utf-8")


def write_site(folder: Path, files: list[SiteFile]) -> Diagnostic | None:
    """Write the new site into ``folder``; refuse when it is not empty (nothing is written then)."""
    refused = refuse_folder(folder)
    if refused is not None:
        return refused
    for file in files:
        target = folder / file.rel
        target.parent.mkdir(parents=True, exist_ok=True)
        with target.open("x", encoding="utf-8", newline="\n") as out:
            out.write(file.text)
    return None
