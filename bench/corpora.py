"""The benchmarks' corpora: made by the project's own generator (bench/corpus), or given with --corpus.

A generated corpus is kept in the work folder under a name that holds its size, seed, build day and a
fingerprint of the generator's code, so a later run reuses it only while it would come out the same.
A corpus made elsewhere (``--corpus MAPP``) is a site in the content contract's form (site.yaml and
content/); its peer/ folder, if it has one, is what Hugo builds. For example, to compare with the team's
older generator: ``make_corpus.py N MAPP --contract`` and then ``make_corpus.py N MAPP/peer``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from bench.corpus import DEFAULT_SEED, generate, write_site  # noqa: E402

DONE = ".korpus-klar"
"""Written last into a generated corpus: a folder without it was cut short and is made again."""


def fingerprint(size: int, seed: int, day: dt.date) -> str:
    """Return a short hash of the generator's code and its arguments."""
    digest = hashlib.sha256(f"{size} {seed} {day.isoformat()}".encode())
    for source in sorted((REPO / "bench" / "corpus").glob("*.py")):
        digest.update(source.read_bytes())
    return digest.hexdigest()[:10]


def generated(size: int, work: Path, day: dt.date, seed: int = DEFAULT_SEED) -> Path:
    """Return the folder of a generated corpus of ``size`` records for the build day ``day``."""
    site = work / f"corpus-{size}-{fingerprint(size, seed, day)}"
    if not (site / DONE).is_file():
        print(f"skapar korpus med {size} poster i {site} …", file=sys.stderr, flush=True)
        start = time.perf_counter()
        write_site(generate(size, seed, day), site, peer=site / "peer")
        (site / DONE).write_text(f"{size} poster, frö {seed}, byggdag {day}\n", encoding="utf-8")
        print(f"  klar på {time.perf_counter() - start:.1f} s", file=sys.stderr, flush=True)
    return site


def given(folder: Path) -> Path:
    """Return a corpus made elsewhere, after checking that it is a site."""
    if not (folder / "site.yaml").is_file() or not (folder / "content").is_dir():
        raise SystemExit(
            f"{folder}: ingen site.yaml och content/ här; ange en korpus i innehållskontraktets form"
        )
    return folder.resolve()


def record_count(site: Path) -> int:
    """Return how many Markdown records a corpus has."""
    return sum(1 for _ in (site / "content").rglob("*.md"))
