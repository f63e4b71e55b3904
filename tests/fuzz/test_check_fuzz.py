"""Property: ``beslut check`` answers every mutated record with exit 0, or 1 with located diagnostics.

Valid records are mutated the ways hand-written and pasted files go wrong, and the ways hostile ones are
made: values replaced (quotes, colons, brackets, anchors and aliases, tags, control characters, huge
values), lines re-indented, deleted, doubled or inserted, fences broken, bytes that are not UTF-8. Every
answer must be exit code 0, or 1 with every printed problem at ``path:line:column: fel|varning: field:``
and a closing ``Avbrutet: …`` line; never a traceback, never another exit code, never a hang (each
example is bounded by a generous alarm, which only a hang reaches).

The check runs in this process (``generator.cli.main.main``), as ``beslut check`` would.
"""

from __future__ import annotations

import contextlib
import io
import re
import signal
from collections.abc import Iterator
from pathlib import Path
from types import FrameType

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator.cli.main import main
from tests.conftest import SITE_YAML, make_site, record_text

RECORD = "content/ks/2024-03-11-12.md"
BOUND = 60
"""Seconds one check may take before it counts as a hang (a check of this site takes well under one)."""
SEEDS = [
    record_text(
        "titel: Budget för 2025",
        "typ: protokollsutdrag",
        "datum: 2024-03-11",
        "nämnd: KS",
        "paragraf: 12",
        "diarienummer: KS-2024/12",
        "justerat: 2024-03-14",
        "anslag: 2024-03-15",
        "beslut: |",
        "  Kommunstyrelsen föreslår fullmäktige att anta budgeten,",
        "  som Kommunstyrelsen beslutade den 4 mars 2024, § 3.",
        "sammanfattning: Budgeten för 2025 med en skattesats på 21:50.",
        "reservationer:",
        "  - namn: Anna Svensson",
        "    parti: V",
        "    text: Vi yrkade avslag.",
        "  - {namn: Per Olsson, parti: M}",
        "relaterade: [KS 2024-03-04 § 3, KS-2024/12]",
        "bilagor:",
        "  - {titel: Underlag, sekretess: OSL 26 kap. 1 §}",
        "taggar: [budget, skatt]",
        "extra: {källa: diariet}",
        body="## Ärendet\n\nEnligt KS 2024-03-04 § 3, [[maskerat: OSL 21 kap. 7 §]].\n\n| a |\n|---|\n",
    ),
    record_text(
        "titel: Ny förskola i Norrby",
        "typ: nyhet",
        "datum: 2024-03-12 07:52",
        "ingress: Kommunen bygger en ny förskola.",
        "författare: Kommunikationsavdelningen",
        "publicera: 2024-03-12",
        "avpublicera: 2026-01-01",
        body="Förskolan öppnar *hösten* 2025.\n",
    ),
]
TOKENS = [
    *(
        "&a",
        "*a",
        "&a [*a]",
        "&x [*x, *x]",
        "!!python/object/apply:os.system [ls]",
        "!!binary aGVq",
        "!lokal",
    ),
    *("!!timestamp 2018-02-30", "<<: {titel: x}", "=", "? x", "[", "]", "{", "}", '"', "'", ": ", "- ", "|"),
    *(">", "|-", "#", "%", "@", "`", ",", "\t", "\x00", "\x0b", "\x1b", "\x85", "\u2028", "\ufeff", "\u200b"),
    *("---", "...", "0", "00", "-1", "012", "1:30", "0x1F", "1_000", ".nan", ".inf", "1e999", "true", "null"),
    *("~", "2024-02-30", "2024-13-01 25:61", "28/11/2018", "811218-9876", "701063-2391", "[[maskerat]]"),
    *("<script>alert(1)</script>", "KS 2024-03-11 § 12", "KX 2024-02-30 § 0", "../../etc/passwd", "x.pdf"),
    *("{namn: A, parti: S", "[a, b", "- {titel: x, fil: ../x}", "{fil: a.jpg}", "{a: {b: {c: [d]}}}"),
]
HUGE = ["9" * 5000, "0x" + "f" * 5000, "x" * 100_000, "[" * 3000 + "]" * 3000, "- " * 2000 + "x", "a: " * 500]
LOCATED = re.compile(rf"^(?:{re.escape(RECORD)}|site\.yaml):[1-9]\d*:[1-9]\d*: (?:fel|varning): \S")
SUMMARY = re.compile(r"^Avbrutet: [1-9]\d* fel i [1-9]\d* (?:fil|filer)$")

texts = st.text(st.characters(exclude_categories=("Cs",)), max_size=30)
values = st.one_of(
    st.sampled_from(TOKENS),
    texts,
    st.builds(lambda a, b: a + b, st.sampled_from(TOKENS), texts),
    st.builds(lambda a, b: a + b, texts, st.sampled_from(TOKENS)),
    st.sampled_from(HUGE),
)
index = st.integers(min_value=0, max_value=40)
mutations = st.one_of(
    st.tuples(st.just("value"), index, values),
    st.tuples(st.just("indent"), index, st.sampled_from(["", " ", "  ", "   ", "\t", "    - "])),
    st.tuples(st.just("delete"), index, st.just("")),
    st.tuples(st.just("double"), index, st.just("")),
    st.tuples(st.just("insert"), index, values),
    st.tuples(st.just("body"), index, values),
)


def mutate(text: str, changes: list[tuple[str, int, str]]) -> str:
    """Return ``text`` with each change applied to the line it names (counted modulo the lines)."""
    lines = text.split("\n")
    for kind, n, value in changes:
        at = n % len(lines)
        line = lines[at]
        if kind == "value":
            key, colon, _ = line.partition(": ")
            lines[at] = f"{key}{colon or ': '}{value}"
        elif kind == "indent":
            lines[at] = value + line.lstrip(" \t-")
        elif kind == "delete" and len(lines) > 1:
            del lines[at]
        elif kind == "double":
            lines.insert(at, line)
        elif kind == "insert":
            lines.insert(at, value)
        elif kind == "body":
            lines.append(value)
    return "\n".join(lines)


@contextlib.contextmanager
def bounded(seconds: int) -> Iterator[None]:
    """Raise TimeoutError in the block after ``seconds``: a hang fails the example instead of the run."""

    def expire(signum: int, frame: FrameType | None) -> None:
        raise TimeoutError(f"beslut check tog mer än {seconds} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def check(site: Path) -> tuple[int, list[str]]:
    """Run ``beslut check`` on ``site`` in this process; return its exit code and what went to stderr."""
    err = io.StringIO()
    with bounded(BOUND), contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        code = main(["check", str(site), "--date", "2024-06-01"])
    return code, err.getvalue().splitlines()


def assert_answered(code: int, printed: list[str]) -> None:
    """Exit 0 (warnings at most), or 1 with every problem located and the closing summary."""
    assert code in (0, 1), printed
    problems = [line for line in printed if not line.startswith("    tips: ")]
    if code == 1:
        assert problems and SUMMARY.match(problems[-1]), printed
        problems = problems[:-1]
    for line in problems:
        assert LOCATED.match(line), line
    assert code == 1 or not any(": fel: " in line for line in problems), printed


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_site(tmp_path_factory.mktemp("fuzz"), {}, SITE_YAML)


def test_the_seeds_are_valid(site: Path) -> None:
    """The mutations start from valid records (warnings of references not on the site aside)."""
    for seed in SEEDS:
        (site / RECORD).parent.mkdir(parents=True, exist_ok=True)
        (site / RECORD).write_text(seed, encoding="utf-8")
        code, printed = check(site)
        assert code == 0 and not any(": fel: " in line for line in printed), printed
        assert_answered(code, printed)


@given(seed=st.sampled_from(SEEDS), changes=st.lists(mutations, min_size=1, max_size=4))
def test_check_answers_every_mutated_record(
    site: Path, seed: str, changes: list[tuple[str, int, str]]
) -> None:
    (site / RECORD).parent.mkdir(parents=True, exist_ok=True)
    (site / RECORD).write_text(mutate(seed, changes), encoding="utf-8")

    assert_answered(*check(site))


@given(seed=st.sampled_from(SEEDS), at=st.integers(min_value=0), junk=st.binary(min_size=1, max_size=4))
def test_check_answers_a_record_with_bytes_that_are_not_utf8(
    site: Path, seed: str, at: int, junk: bytes
) -> None:
    raw = seed.encode("utf-8")
    at %= len(raw)
    (site / RECORD).parent.mkdir(parents=True, exist_ok=True)
    (site / RECORD).write_bytes(raw[:at] + junk + raw[at:])

    assert_answered(*check(site))


@given(changes=st.lists(mutations, min_size=1, max_size=3))
def test_check_answers_every_mutated_site_yaml(site: Path, changes: list[tuple[str, int, str]]) -> None:
    (site / RECORD).parent.mkdir(parents=True, exist_ok=True)
    (site / RECORD).write_text(SEEDS[1], encoding="utf-8")
    (site / "site.yaml").write_text(mutate(SITE_YAML, changes), encoding="utf-8")
    try:
        assert_answered(*check(site))
    finally:
        (site / "site.yaml").write_text(SITE_YAML, encoding="utf-8")
