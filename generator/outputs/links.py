"""Give every page its links: JSON-LD and cross-references (``pages``), and each output's links."""

from __future__ import annotations

from dataclasses import replace

from generator.config.i18n import Translator
from generator.model.site import Site
from generator.model.xrefs import CrossReferences
from generator.outputs.registry import OUTPUTS
from generator.pages.follow import Follow
from generator.pages.kinds import PageJob


class PageLinker:
    """Fills in ``page.links`` of every page job of one site."""

    def __init__(self, site: Site, t: Translator, xrefs: CrossReferences) -> None:
        self.site = site
        self.t = t
        self.follow = Follow(site, t, xrefs)

    def annotate(self, job: PageJob) -> PageJob:
        """Return ``job`` with ``page.links`` filled in."""
        site, t = self.site, self.t
        alternates = [a for output in OUTPUTS for a in output.alternates(job, site, t)]
        subscribe = tuple(a for output in OUTPUTS for a in output.subscribe(job, site, t))
        links = replace(
            self.follow.links(job), alternates=tuple(dict.fromkeys(alternates)), subscribe=subscribe
        )
        return replace(job, page=replace(job.page, links=links))
