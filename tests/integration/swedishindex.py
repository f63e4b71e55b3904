"""Records indexed by the real Pagefind as the build gets a bundle (``index``), and Swedish text as
municipal decisions have it (``records``) for the index chunk tests.

"för", "på", "är" in every sentence, "förslag" and "förvaltningen" in most records, and "förskola" in a
few: what makes Pagefind's chunks beside "för" grow (generator/outputs/pagefind_chunks.py).
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Sequence

from generator.outputs.pagefind_bundle import ENTRY, make_reproducible
from generator.outputs.pagefind_service import PagefindService
from generator.outputs.search import SETTINGS
from generator.outputs.search_bundles import KEEP
from generator.outputs.search_records import SearchRecord

COMMON = (
    *("för", "på", "är", "år", "även", "också", "förslag", "förslaget", "förvaltningen", "föreningen"),
    *("förändring", "nämnden", "beslutar", "att", "och", "i", "om", "som", "med"),
    *("till", "den", "det", "av", "ett", "en", "budget", "plan", "kommun"),
)
RARE = ("förskola", "förskolan", "förskoleplatser", "försäljning", "fjärrvärme", "sjöräddning", "återvinning")
ENGINE = ("pagefind.js", "wasm.sv.pagefind")
"""Pagefind's script and WebAssembly, which a search page needs besides the index."""


def records(count: int, words: int, seed: int = 3) -> list[SearchRecord]:
    """``count`` records of ``words`` common words each; every 40th has one rare word too."""
    chance = random.Random(seed)
    out = []
    for n in range(count):
        text: list[str] = [chance.choice(COMMON) for _ in range(words)]
        if n % 40 == 0:
            text.insert(chance.randrange(len(text)), RARE[n // 40 % len(RARE)])
        day = dt.date(2023, 1 + n % 12, 1 + n % 28)
        out.append(
            SearchRecord(
                url=f"ks/{n}/",
                date=day,
                parts=(" ".join(text),),
                meta=(("title", f"§ {n} Beslut"), ("datum", day.isoformat())),
                filters=(("år", str(day.year)),),
            )
        )
    return out


def index(found: Sequence[SearchRecord], engine: bool = False) -> dict[str, bytes]:
    """Return what Pagefind writes for ``found``, reproducible, as build_bundle has it before the split
    (with ``engine``, Pagefind's script and WebAssembly too)."""
    with PagefindService(SETTINGS) as service:
        handle = service.new_index("sv")
        service.add_records(handle, [r.request("sv") for r in found])
        files = service.files(handle)
    wanted = {ENTRY, *(ENGINE if engine else ())}
    return make_reproducible({p: d for p, d in files.items() if p.endswith(KEEP) or p in wanted})
