"""Cross-references over the whole site: resolve ``relaterade``, warn about what cannot be linked, and
know, for every target, which records refer to it ("Hänvisas från")."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from generator.base.diagnostics import Diagnostic, Severity
from generator.base.record import Record
from generator.base.urls import case_path
from generator.markdown.references import Cited, LinkIndex, parse_related, resolve
from generator.model.site import Entry

HINT_FORM = 'skriv t.ex. "KS 2018-05-28 § 93" (nämndens kortnamn, datum, paragraf) eller ett diarienummer'


def related_references(record: Record, index: LinkIndex) -> tuple[Cited, ...]:
    """Resolve each ``relaterade`` entry of ``record`` against the index."""
    out = []
    for ref in record.relaterade:
        parsed = parse_related(ref.text, record.organisation, index)
        if isinstance(parsed, str):
            out.append(Cited("relaterade", ref.line, ref.column, ref.text, None, None, parsed))
        else:
            out.append(Cited("relaterade", ref.line, ref.column, ref.text, parsed, resolve(parsed, index)))
    return tuple(out)


@dataclass(frozen=True)
class CrossReferences:
    """Which records refer to each page (newest first)."""

    referrers: Mapping[str, tuple[Entry, ...]] = field(default_factory=dict)

    def referring_to(self, path: str) -> tuple[Entry, ...]:
        """Return the records that refer to the page at ``path``."""
        return self.referrers.get(path, ())


def collect_references(
    entries: Iterable[Entry], index: LinkIndex, texts: Mapping[str, str] | None = None
) -> tuple[CrossReferences, list[Diagnostic]]:
    """Gather every reference of every entry: the referrers of each target, and a warning for each
    reference that cannot be linked (never dropped silently, never a broken link).

    ``texts`` (each record file's text by its path) locates a reference found in the text to its column.
    """
    referrers: dict[str, list[Entry]] = {}
    problems: list[Diagnostic] = []
    for entry in entries:
        rec = entry.record
        own_case = case_path(rec.organisation, rec.diarienummer) if rec.diarienummer else None
        for cited in entry.references:
            if cited.target is None:
                problems.append(_warning(rec, cited, index, (texts or {}).get(rec.rel, "")))
            elif cited.target not in (entry.path, own_case):
                found = referrers.setdefault(cited.target, [])
                if entry not in found:
                    found.append(entry)
    return CrossReferences({k: tuple(v) for k, v in referrers.items()}), problems


def _warning(rec: Record, cited: Cited, index: LinkIndex, text: str) -> Diagnostic:
    """Return the warning for one reference that is not linked, saying why and what to do."""
    if cited.problem:
        names = index.boards.get(rec.organisation)
        known = ", ".join(names.shorts) if names else ""
        hint = HINT_FORM + (f"; nämnderna heter {known}" if known else "")
        message = f'hänvisningen "{cited.text}" kan inte tolkas: {cited.problem}'
    elif cited.citation is None:
        message = f'hänvisningen "{cited.text}" säger inte vilken nämnd som beslutade, så den kan inte länkas'
        hint = 'skriv nämndens namn före datumet, t.ex. "Kommunstyrelsen beslutade den 28 maj 2018, § 93"'
    else:
        what = cited.citation.describe()
        if what != " ".join(cited.text.split()):
            message = f'hänvisningen "{cited.text}" pekar på {what}, som inte finns på webbplatsen'
        else:
            kind = "ett beslut" if cited.citation.paragraf else "ett sammanträde"
            message = f'hänvisningen "{cited.text}" pekar på {kind} som inte finns på webbplatsen'
        hint = f"den visas som text utan länk; publicera {what} på webbplatsen om den ska bli en länk"
    line, column = (cited.line, cited.column) if cited.column else locate(text, cited.line, cited.text)
    return Diagnostic(rec.rel, line, column, cited.field, message, hint, Severity.WARNING)


LOOK_AHEAD = 3
"""Lines after the given one where a reference may stand (a block value starts below its key)."""


def locate(text: str, line: int, reference: str) -> tuple[int, int]:
    """Return the line and column where ``reference`` (whitespace made single spaces) starts in ``text``.

    Markdown is rendered to text before references are found, and a ``beslut`` is a YAML value, so
    the line is known only roughly: the place is where most of the reference's first words are
    written, on ``line`` or just after it; else the line's first character.
    """
    lines = text.split("\n")
    words = reference.split()
    best: tuple[int, int, int] = (0, 0, 0)
    for row in range(max(line, 1), min(line + LOOK_AHEAD, len(lines)) + 1):
        written = lines[row - 1]
        for count in range(len(words), best[0], -1):
            at = written.find(" ".join(words[:count]))
            if at >= 0:
                best = (count, row, at + 1)
                break
    if best[0]:
        return best[1], best[2]
    written = lines[line - 1] if 0 < line <= len(lines) else ""
    return line, len(written) - len(written.lstrip()) + 1
