"""The digest of all a page is made from but its build day: what the build cache keys a page by.

A page is the same as a kept one when its templates and UI strings (the build's context), its template,
its context and its view are. A meeting's view is part of every page of the meeting's §§, of the
meeting's own page and of its board's page: pickled into each page's digest it cost more than the rest
of the page together (tens of kilobytes for a record page of a large meeting). So each meeting's view
is digested once per build and each page that shows it takes in those 16 bytes: the digest stays a
function of the page's content alone, the same in every process and build.
"""

from __future__ import annotations

import hashlib
import io
import pickle
from collections import OrderedDict
from dataclasses import replace
from typing import Any

from generator.base.digest import SIZE, digest
from generator.base.lean import TABLE
from generator.pages.pages import MEETING_VIEWS
from generator.pages.views import MeetingView

SHARED = MEETING_VIEWS
"""Shared views whose digests are kept: as many as the page maker keeps."""


def _digested(value: bytes) -> None:
    """Stand in for a shared view by its digest in a page's pickle (named, never called)."""


class PageDigests:
    """Digests page jobs, each shared view digested once (see the module)."""

    def __init__(self, context: bytes) -> None:
        self.context = context
        """The digest of the templates and UI strings every page is rendered with."""
        self._shared: OrderedDict[int, tuple[object, bytes]] = OrderedDict()
        """id → (the view, its digest) of the last ``SHARED`` views digested; each view is kept with its
        digest so that its id is not reused while it is known."""
        self._table = {**TABLE, MeetingView: self._reduce}

    def __call__(self, job: Any) -> bytes:
        """Return the digest of ``job``: its template, its context but the build day, and its view."""
        buffer = io.BytesIO()
        pickler = pickle.Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL)
        pickler.fast = True  # no memo, as ``digest``: equal values pickle the same however they share parts
        pickler.dispatch_table = self._table
        pickler.dump((self.context, job.template, replace(job.page, build_date=None), job.view))
        return hashlib.blake2b(buffer.getbuffer(), digest_size=SIZE).digest()

    def _reduce(self, view: object) -> tuple[Any, tuple[bytes]]:
        shared = self._shared
        known = shared.get(id(view))
        if known is None or known[0] is not view:
            known = shared[id(view)] = (view, digest(view))
            if len(shared) > SHARED:
                shared.popitem(last=False)
        shared.move_to_end(id(view))
        return _digested, (known[1],)
