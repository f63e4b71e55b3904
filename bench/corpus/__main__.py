"""Write a generated corpus: ``python -m bench.corpus N MAPP [--seed S] [--today ÅÅÅÅ-MM-DD] [--no-peer]``.

MAPP gets site.yaml and content/ (the content contract's form, which ``beslut build MAPP`` builds) and
peer/ (the same records for the benchmark's Hugo site).
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
from collections import Counter
from pathlib import Path

from bench.corpus import DEFAULT_BASE_URL, DEFAULT_SEED, DEFAULT_TODAY, generate, write_site


def main(argv: list[str] | None = None) -> int:
    """Write the corpus and say what it holds."""
    parser = argparse.ArgumentParser(prog="python -m bench.corpus", description=__doc__.split("\n\n")[0])
    parser.add_argument("n", type=int, help="antal poster")
    parser.add_argument(
        "folder", type=Path, metavar="MAPP", help="mappen att skriva (content/ och peer/ ersätts)"
    )
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help=f"slumpfrö (standard {DEFAULT_SEED})")
    parser.add_argument(
        "--today",
        type=dt.date.fromisoformat,
        default=DEFAULT_TODAY,
        help=f"byggdagen som anslagen gäller (standard {DEFAULT_TODAY})",
    )
    parser.add_argument("--base-url", default=DEFAULT_BASE_URL, help="webbplatsens adress i site.yaml")
    parser.add_argument("--no-peer", action="store_true", help="skriv inte peer/ (Hugos form)")
    args = parser.parse_args(argv)
    if args.n < 1:
        parser.error("antalet poster måste vara minst 1")
    start = time.perf_counter()
    corpus = generate(args.n, args.seed, args.today)
    write_site(corpus, args.folder, args.base_url, peer=None if args.no_peer else args.folder / "peer")
    types = Counter(d.typ for d in corpus.documents)
    listed = ", ".join(f"{n} {typ}" for typ, n in types.most_common())
    print(
        f"{len(corpus.documents)} poster ({listed}) i {len(corpus.cases)} ärenden, "
        f"{len(corpus.meetings)} sammanträden, till {args.folder} på {time.perf_counter() - start:.1f} s",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
