"""What a page says about itself and its neighbours: JSON-LD, ``relaterade`` and "Hänvisas från".

``Follow.links`` returns a page's ``PageLinks`` without the links to other outputs (feeds, calendars,
open data), which each output adds itself (``generator.outputs.registry``).
"""

from __future__ import annotations

from generator.config.i18n import Translator
from generator.model.site import Case, Entry, Meeting, Site
from generator.model.xrefs import CrossReferences
from generator.pages.jsonld import JsonLd, script_text
from generator.pages.kinds import PageJob, Target
from generator.pages.pagelinks import PageLinks, RefLink


class Follow:
    """Knows every page's JSON-LD and cross-references."""

    def __init__(self, site: Site, t: Translator, xrefs: CrossReferences) -> None:
        self.site = site
        self.t = t
        self.xrefs = xrefs
        self.jsonld = JsonLd(site, t)
        self.base = site.config.base_path
        # What a cross-reference's address leads to, for the title it is shown with.
        self.targets: dict[str, Target] = {}
        for collection in (site.meetings.values(), site.cases.values(), site.entries):
            for item in collection:
                self.targets[item.path] = item

    def links(self, job: PageJob) -> PageLinks:
        """Return the JSON-LD and cross-references of page ``job``."""
        target = job.target
        return PageLinks(
            jsonld=script_text(self.jsonld.for_page(job)),
            related=self._related(target) if isinstance(target, Entry) else (),
            referenced_by=tuple(self._ref_link(e) for e in self.xrefs.referring_to(job.path)),
        )

    def _related(self, entry: Entry) -> tuple[RefLink, ...]:
        """Return a record's ``relaterade`` entries, each linked to its target's page when on the site."""
        out = []
        for cited in entry.references:
            if cited.field != "relaterade":
                continue
            title = self._title(self.targets.get(cited.target or ""))
            label = f"{cited.text}: {title}" if title else cited.text
            out.append(RefLink(label, self.base + cited.target if cited.target else ""))
        return tuple(out)

    def _title(self, target: Target) -> str:
        if isinstance(target, Entry):
            return target.record.titel
        if isinstance(target, Case):
            return self.t("case_title", diarienummer=target.diarienummer)
        if isinstance(target, Meeting):
            return target.title(self.t)
        return ""

    def _ref_link(self, entry: Entry) -> RefLink:
        rec = entry.record
        board = entry.board.name if entry.board else ""
        detail = (
            f"{board} § {rec.paragraf}" if rec.paragraf else ", ".join(x for x in (rec.typ.label, board) if x)
        )
        return RefLink(rec.titel, self.base + entry.path, rec.datum, detail)
