"""Who a record belongs to: a declared organisation and its board, or the site itself.

``organisation`` defaults to the site's first organisation; ``organisation: ingen`` makes a news item the
site's own (an extension of the content contract, see docs/content.md).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from generator.base.doctypes import DocumentType, Kind
from generator.base.fields import FieldReader
from generator.base.suggest import did_you_mean
from generator.config.parts import OrganisationConfig
from generator.config.settings import RecordRules

SITE_OWNED = "ingen"
"""``organisation: ingen``: the record is the site's own (its news), not an organisation's."""


def read_organisation(
    reader: FieldReader, value: Any, where: tuple[str], rules: RecordRules
) -> OrganisationConfig | None:
    """Return the organisation a record names (default: the first declared); None when unknown."""
    name = reader.text(value, where, "organisation")
    if not rules.organisations:
        return None
    if name is None:
        return rules.organisations[0]
    found = next((o for o in rules.organisations if name in (o.name, o.slug)), None)
    if found is None:
        names = [o.name for o in rules.organisations]
        reader.report(
            where,
            "organisation",
            f'okänd organisation "{name}"',
            did_you_mean(name, names, "deklarera den i site.yaml under organisations"),
        )
    return found


def read_site_owned(
    reader: FieldReader,
    g: Callable[[str], Any],
    at: Callable[[str], tuple[str]],
    rules: RecordRules,
    typ: DocumentType | None,
) -> bool | None:
    """Tell whether the record is the site's own (``organisation: ingen``).

    True: the site's own news; False: an organisation's record; None: it says ``ingen`` but cannot be
    the site's own (reported): only news can be, and a news item of the site has no board and no case,
    since both belong to an organisation. A declared organisation named "ingen" keeps its name.
    """
    value = g("organisation")
    if not isinstance(value, str) or value.strip().casefold() != SITE_OWNED:
        return False
    if any(SITE_OWNED in (o.name.casefold(), o.slug) for o in rules.organisations):
        return False
    example = f"organisation: {rules.organisations[0].name}" if rules.organisations else "organisation: …"
    if typ is not None and typ.kind is not Kind.NEWS:
        reader.report(
            at("organisation"),
            "organisation",
            f"bara nyheter kan höra till webbplatsen själv, inte {typ.key}",
            f"skriv vilken organisation som står bakom handlingen, t.ex. {example}",
        )
        return None
    usable = True
    for key, what in (("nämnd", "en nämnd"), ("diarienummer", "ett ärende")):
        if g(key) is not None:
            usable = False
            reader.report(
                at(key),
                key,
                f"{what} hör till en organisation, men nyheten har organisation: {SITE_OWNED}",
                f"ta bort {key}: eller skriv organisationen i stället för {SITE_OWNED}, t.ex. {example}",
            )
    return True if usable else None


def read_board(
    reader: FieldReader,
    value: Any,
    where: tuple[str],
    org: OrganisationConfig | None,
    rules: RecordRules,
    typ: DocumentType | None,
) -> str | None:
    """Return the short code of the board a record names, within its organisation; None if none."""
    name = reader.text(value, where, "nämnd")
    if name is None:
        if typ is not None and typ.needs_board:
            example = org.boards[0].short if org is not None and org.boards else "KS"
            reader.report_missing(
                where,
                "nämnd",
                f"skriv nämnd: och nämndens namn eller kortnamn, t.ex. nämnd: {example}",
                f"nämnd saknas (krävs för {typ.key})",
            )
        return None
    if org is None:
        return None
    found = next((b for b in org.boards if name in (b.name, b.short)), None)
    if found is None:
        elsewhere = next(
            (o for o in rules.organisations for b in o.boards if name in (b.name, b.short)), None
        )
        if elsewhere is not None:
            message = f'nämnden "{name}" finns inte i {org.name}'
            hint = f"nämnden hör till {elsewhere.name}: skriv organisation: {elsewhere.name}"
        else:
            message = f'okänd nämnd "{name}"'
            candidates = [b.name for b in org.boards] + [b.short for b in org.boards]
            hint = did_you_mean(name, candidates, f'deklarera nämnden i site.yaml under "{org.name}"')
        reader.report(where, "nämnd", message, hint)
        return None
    return found.short
