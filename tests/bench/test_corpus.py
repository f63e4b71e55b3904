"""The generated corpus (bench/corpus): deterministic, complete, valid, on the notice board on its day.

The browser tests build it with their own fixture records and search for words only those records hold;
the benchmarks build it at every size. Both rely on what is checked here.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from pathlib import Path

import pytest
import yaml

from bench.corpus import TYPES, generate, write_site
from bench.corpus.contract import front_matter as front_matter_lines
from bench.corpus.texts import body
from generator.build import BuildOptions, build

TODAY = dt.date(2024, 5, 20)


def records(folder: Path) -> dict[str, str]:
    """Return every Markdown file under ``folder`` by its relative path."""
    return {
        p.relative_to(folder).as_posix(): p.read_text(encoding="utf-8") for p in sorted(folder.rglob("*.md"))
    }


def front_matter(text: str) -> dict[str, object]:
    """Return a record's front matter."""
    data: dict[str, object] = yaml.safe_load(text.split("---\n")[1])
    return data


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A corpus of 400 records in both forms."""
    folder = tmp_path_factory.mktemp("korpus")
    write_site(generate(400, seed=11, today=TODAY), folder, peer=folder / "peer")
    return folder


def test_the_same_seed_gives_the_same_files_and_another_seed_other_files(site: Path, tmp_path: Path) -> None:
    """Byte-identical for the same n, seed and day: every benchmark run and every test reads the same."""
    again, other = tmp_path / "igen", tmp_path / "annan"
    write_site(generate(400, seed=11, today=TODAY), again, peer=again / "peer")
    write_site(generate(400, seed=12, today=TODAY), other)
    assert records(again) == records(site)
    assert (again / "site.yaml").read_bytes() == (site / "site.yaml").read_bytes()
    pictures = sorted(p.relative_to(site) for p in site.rglob("*") if p.suffix in (".pdf", ".png"))
    assert pictures and all((again / p).read_bytes() == (site / p).read_bytes() for p in pictures)
    assert records(other / "content") != records(site / "content")


def test_it_has_n_records_of_every_type_in_both_forms(site: Path) -> None:
    """Exactly n records; every document type of the contract; the peer form holds the same bodies."""
    contract, peer = records(site / "content"), records(site / "peer")
    assert len(contract) == len(peer) == 400
    types = Counter(str(front_matter(text)["typ"]) for text in contract.values())
    assert set(types) == set(TYPES), types
    assert types["protokollsutdrag"] > types["tjänsteskrivelse"] > types["utlåtande"]
    for path, text in contract.items():
        assert text.split("\n---\n", 1)[1] == peer[path].split("\n---\n", 1)[1], path
        assert set(front_matter(peer[path])) >= {"title", "date", "organisation", "dokumenttyp"}


def test_it_spans_ten_years_several_organisations_and_a_dozen_boards(site: Path) -> None:
    """Organisations and boards in site.yaml, and records of each of them across ten years."""
    config = yaml.safe_load((site / "site.yaml").read_text(encoding="utf-8"))
    boards = [b["short"] for org in config["organisations"] for b in org["boards"]]
    assert len(config["organisations"]) == 3 and len(boards) == 12
    used = {
        (str(fm.get("organisation", "Sjöviks kommun")), str(fm.get("nämnd", ""))) for fm in metadata(site)
    }
    assert len({org for org, _ in used}) == 3
    assert len({board for _, board in used if board}) >= 12  # short codes and full names
    years = {dt.date.fromisoformat(str(fm["datum"])[:10]).year for fm in metadata(site)}
    assert years >= set(range(TODAY.year - 9, TODAY.year + 1))


def test_it_has_the_features_a_real_site_has(site: Path) -> None:
    """Cases across boards, reservations, masked passages, withheld and public attachments, news with
    pictures, cross-references, proposals that cannot be appealed, and justering and anslag."""
    texts = records(site / "content")
    meta = metadata(site)
    cases: dict[str, set[str]] = {}
    for fm in meta:
        if fm["typ"] == "protokollsutdrag" and "diarienummer" in fm:
            cases.setdefault(str(fm["diarienummer"]), set()).add(str(fm["nämnd"]))
    assert sum(len(b) > 1 for b in cases.values()) >= 10
    assert sum("reservationer" in fm for fm in meta) >= 10
    assert sum("[[maskerat: OSL" in text for text in texts.values()) >= 5
    attachments = [a for fm in meta for a in fm.get("bilagor", [])]  # type: ignore[attr-defined]
    assert any("sekretess" in a for a in attachments) and any("fil" in a for a in attachments)
    assert sum("bild" in fm for fm in meta) >= 3
    assert sum("relaterade" in fm for fm in meta) >= 20
    assert sum(fm.get("överklagbar") is False for fm in meta) >= 10
    assert sum("anslag" in fm for fm in meta) >= 100


def test_it_builds_without_a_single_warning_and_has_notices_up_on_its_day(site: Path, tmp_path: Path) -> None:
    """The real build, on the corpus's day: no error, no warning (every cross-reference finds its target),
    notices of approved minutes and of delegationsbeslut, and an upcoming fullmäktige meeting."""
    result = build(BuildOptions(site, out=tmp_path / "ut", build_date=TODAY, search=False))
    assert result.ok and not result.diagnostics, [d.format() for d in result.diagnostics[:5]]
    assert result.records == 400
    board = (tmp_path / "ut" / "anslagstavla" / "index.html").read_text(encoding="utf-8")
    sections = {
        m[1]: m[2] for m in re.finditer(r'<section aria-labelledby="(\w+)">(.*?)</section>', board, re.S)
    }
    assert sections["justerade"].count('<li class="notice">') >= 5
    assert sections["kommande"].count('<li class="notice">') >= 1
    assert sections["delegation"].count('<li class="notice">') >= 1


def test_it_never_writes_the_words_the_browser_tests_search_for() -> None:
    """The browser tests find these words (and case number) only in their fixture records
    (tests/browser/fixture/README.md)."""
    forbidden = re.compile(r"^(far|for|får|sälgback|förskolan|förskolor)", re.IGNORECASE)
    found: Counter[str] = Counter()
    for doc in generate(3000, seed=5, today=TODAY).documents:
        text = "\n".join(front_matter_lines(doc)) + body(doc)
        shown = re.sub(r"(?m)^ *(- )?fil: bilagor/.*$", "", text)  # (a picture's name is indexed)
        assert "118.611" not in shown
        found.update(w for w in re.findall(r"[^\W\d_]+", shown) if forbidden.match(w))
    assert not found, found.most_common(10)


def metadata(site: Path) -> list[dict[str, object]]:
    """Return the front matter of every record of the contract form."""
    return [front_matter(text) for text in records(site / "content").values()]
