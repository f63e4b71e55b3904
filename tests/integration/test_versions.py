"""Versions and upgrades: beslut's version everywhere it shows, the changelog, the content contract's version
and the warning for a key that a newer contract renamed.
"""

from __future__ import annotations

import importlib.metadata
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from generator import __version__
from generator.load import contract
from generator.load.contract import CONTRACT_VERSION, RenamedKey
from tests.conftest import record_text, valid_record, validate_file
from tests.integration.lawsite import run
from tests.integration.sitecheck import REPO, html_files, run_cli
from tests.integration.test_cli import GOOD

DAY = "2024-06-01"
OLD_NAME = record_text(
    "titel: Förslag till budget",
    "typ: tjänsteskrivelse",
    "datum: 2024-05-06",
    "nämnd: KS",
    "sammandrag: Förvaltningen föreslår en budget i balans.",
)
"""A record written against an (imagined) older contract that called ``sammanfattning`` ``sammandrag``."""
IMAGINED = RenamedKey(old="sammandrag", new="sammanfattning", version="2.0")
"""A rename the tests provide: contract 1.0 is the first version, so no real key has been renamed yet."""


def test_the_version_is_declared_once() -> None:
    """The installed package's version is generator.__version__ (pyproject reads it from there)."""
    assert importlib.metadata.version("beslut") == __version__
    assert re.fullmatch(r"\d+\.\d+\.\d+", __version__)
    done = run_cli("--version")
    assert done.returncode == 0
    assert done.stdout.strip() == f"beslut {__version__}"


def test_every_page_names_the_generator_and_its_version(
    site_factory: Callable[..., Path], tmp_path: Path
) -> None:
    site, out = site_factory(GOOD), tmp_path / "public"
    assert run_cli("build", str(site), "--out", str(out), "--date", DAY).returncode == 0
    pages = [p for p in html_files(out) if "pagefind" not in p.parts]
    assert len(pages) > 10
    meta = f'<meta name="generator" content="beslut {__version__}">'
    assert [p.relative_to(out).as_posix() for p in pages if meta not in p.read_text(encoding="utf-8")] == []


def test_the_changelog_has_a_section_for_this_version() -> None:
    """Keep a Changelog: an Unreleased section on top, and one per version, the current one included."""
    text = (REPO / "CHANGELOG.md").read_text(encoding="utf-8")
    headings = re.findall(r"^## \[([^\]]+)\]", text, flags=re.MULTILINE)
    assert headings[0] == "Unreleased"
    assert __version__ in headings
    for kind in re.findall(r"^### (.+)$", text, flags=re.MULTILINE):
        assert kind in ("Added", "Changed", "Deprecated", "Removed", "Fixed", "Security")


def test_docs_state_the_contract_version_and_its_renamed_keys() -> None:
    text = (REPO / "docs" / "content.md").read_text(encoding="utf-8")
    match = re.search(r"\*\*Contract version: (\d+\.\d+)\.\*\*", text)
    assert match and match[1] == CONTRACT_VERSION
    table = text[text.index("| old key | new key |") :].split("\n\n", 1)[0].splitlines()[2:]
    documented = {tuple(cell.strip(" `") for cell in row.strip("|").split("|")) for row in table}
    assert documented == {(r.old, r.new, r.version) for r in contract.RENAMED_KEYS}


def test_a_renamed_key_is_read_as_its_new_name_with_a_located_warning(
    site_factory: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    site = site_factory({"content/ks/forslag.md": OLD_NAME})
    _, before = validate_file(site, "content/ks/forslag.md")
    assert [(d.field, d.message) for d in before] == [("sammandrag", 'okänd nyckel "sammandrag"')]

    monkeypatch.setattr(contract, "RENAMED_KEYS", (IMAGINED,))
    record, problems = validate_file(site, "content/ks/forslag.md")

    assert record is not None and record.sammanfattning == "Förvaltningen föreslår en budget i balans."
    assert [d.format() for d in problems] == [
        "content/ks/forslag.md:6:1: varning: sammandrag: "
        'nyckeln "sammandrag" heter "sammanfattning" sedan innehållsavtalets version 2.0\n'
        "    tips: skriv sammanfattning: i stället för sammandrag: (posten byggs som förut tills dess)"
    ]


def test_the_old_and_the_new_name_together_are_one_key_written_twice(
    site_factory: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    both = OLD_NAME.replace("---\n\n", "sammanfattning: En annan sammanfattning.\n---\n\n")
    site = site_factory({"content/ks/forslag.md": both})
    monkeypatch.setattr(contract, "RENAMED_KEYS", (IMAGINED,))
    _, problems = validate_file(site, "content/ks/forslag.md")
    assert [(d.line, d.severity.value, d.field) for d in problems] == [
        (6, "varning", "sammandrag"),
        (7, "fel", "sammanfattning"),
    ]
    assert problems[1].message == "sammanfattning och sammandrag är samma nyckel (även på rad 6)"


def test_check_warns_where_a_site_uses_a_renamed_key(
    site_factory: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    site = site_factory({**GOOD, "content/ks/forslag.md": OLD_NAME})
    monkeypatch.setattr(contract, "RENAMED_KEYS", (IMAGINED,))

    code, stdout, stderr = run("check", str(site), "--date", DAY)

    assert code == 0, stderr
    assert stderr.splitlines()[0] == (
        "content/ks/forslag.md:6:1: varning: sammandrag: "
        'nyckeln "sammandrag" heter "sammanfattning" sedan innehållsavtalets version 2.0'
    )
    assert stdout.splitlines()[-1].startswith("Inga fel: 3 poster, 0 sidor, 1 varningar")
    strict, _, _ = run("check", str(site), "--date", DAY, "--strict")
    assert strict == 1


def test_ascii_spellings_are_no_renamed_keys(site_factory: Callable[..., Path]) -> None:
    """namnd, handlaggare … are the contract's own spellings: read without a warning."""
    ascii = {rel: text.replace("nämnd: ", "namnd: ") for rel, text in GOOD.items()}
    site = site_factory(ascii)
    assert valid_record(site, "content/kf/2024-05-20-5.md").namnd == "KF"
