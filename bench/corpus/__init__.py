"""A generated corpus of Swedish municipal records, for the benchmarks and the browser tests' larger site.

    from bench.corpus import generate, write_site
    corpus = generate(1000, seed=7, today=dt.date(2024, 5, 20))
    write_site(corpus, Path("korpus"), peer=Path("korpus/peer"))

or from the command line: ``python -m bench.corpus 1000 korpus`` (``--help`` for the options).

The same ``n``, ``seed`` and ``today`` always give byte-identical files. A corpus spans ten years up to
``today``: a municipality with nine boards (an arbetsutskott among them) and two kommunalförbund, one of
them with a förbundsfullmäktige; cases that climb from a nämnd through the arbetsutskott and the
styrelse to fullmäktige; every document type of the contract (protokollsutdrag, protokoll, kallelse,
tjänsteskrivelse, utlåtande, delegationsbeslut, nyhet); reservations, masked passages, withheld and
public attachments, pictures, cross-references; and meetings whose notices are on the notice board on
``today``. ``write_site`` writes it in the content contract's form and, when asked, the same records in
the form the benchmark's Hugo site builds.
"""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Mapping
from pathlib import Path

from bench.corpus.contract import site_yaml, write_document
from bench.corpus.layout import place_documents
from bench.corpus.model import TYPES, Corpus
from bench.corpus.peer import write_peer_document
from bench.corpus.plan import plan
from bench.corpus.texts import body

DEFAULT_SEED = 20240520
DEFAULT_TODAY = dt.date(2024, 5, 20)
DEFAULT_BASE_URL = "https://beslut.sjodalen.example/"

__all__ = ["DEFAULT_SEED", "DEFAULT_TODAY", "TYPES", "Corpus", "generate", "write_site"]


def generate(n: int, seed: int = DEFAULT_SEED, today: dt.date = DEFAULT_TODAY) -> Corpus:
    """Return a corpus of ``n`` records made for the build day ``today``."""
    corpus = plan(n, seed, today)
    place_documents(corpus)
    return corpus


def write_site(
    corpus: Corpus,
    folder: Path,
    base_url: str = DEFAULT_BASE_URL,
    settings: Mapping[str, object] | None = None,
    peer: Path | None = None,
) -> None:
    """Write ``folder``/site.yaml and ``folder``/content/ (replaced if it is there), and with ``peer`` the
    same records for Hugo into that folder (replaced too)."""
    folder.mkdir(parents=True, exist_ok=True)
    shutil.rmtree(folder / "content", ignore_errors=True)
    (folder / "site.yaml").write_text(site_yaml(corpus, base_url, settings), encoding="utf-8", newline="\n")
    if peer is not None:
        shutil.rmtree(peer, ignore_errors=True)
    for doc in corpus.documents:
        text = body(doc)
        write_document(doc, folder / "content", text)
        if peer is not None:
            write_peer_document(doc, peer, text)
