"""``beslut new`` and ``beslut check`` as a clerk and an editor plug-in use them (separate processes)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import record_text
from tests.integration.sitecheck import run_cli

NEW_RECORDS = [
    (
        [
            "protokollsutdrag",
            "Budget för 2025: drift och investeringar",
            "--nämnd",
            "KS",
            "--paragraf",
            "12",
            "--datum",
            "2025-03-10",
            "--diarienummer",
            "KS-2025/12",
        ],
        "content/sjoviks-kommun/ks/2025-03-10-12-budget-for-2025-drift-och-investeringar.md",
        "sjoviks-kommun/ks/2025-03-10/12-budget-for-2025-drift-och-investeringar/",
    ),
    (
        [
            "protokoll",
            "--titel",
            "Protokoll 10 mars",
            "--namnd",
            "Kommunfullmäktige",
            "--datum",
            "2025-03-10",
        ],
        "content/sjoviks-kommun/kf/2025-03-10-protokoll.md",
        "sjoviks-kommun/kf/2025-03-10/protokoll/",
    ),
    (
        ["utlåtande", "Ny organisation för kansliet", "--nämnd", "KS", "--datum", "2025-02-03"],
        "content/sjoviks-kommun/ks/2025-02-03-ny-organisation-for-kansliet.md",
        "sjoviks-kommun/ks/2025-02-03/ny-organisation-for-kansliet/",
    ),
    (
        [
            "tjänsteskrivelse",
            "Utredning om skolskjuts",
            "--datum",
            "2025-02-01",
            "--diarienummer",
            "2018.303 KS",
        ],
        "content/sjoviks-kommun/tjansteskrivelser/2025-02-01-utredning-om-skolskjuts.md",
        "sjoviks-kommun/tjansteskrivelser/2025-02-01-utredning-om-skolskjuts/",
    ),
    (
        ["nyhet", "Nytt bibliotek öppnar", "--datum", "2025-04-01", "--organisation", "Sjöviks kommun"],
        "content/sjoviks-kommun/nyheter/2025-04-01-nytt-bibliotek-oppnar.md",
        "sjoviks-kommun/nyheter/2025-04-01-nytt-bibliotek-oppnar/",
    ),
    (
        ["nyhet", "Webbplatsen har fått sök", "--datum", "2025-04-02", "--organisation", "ingen"],
        "content/nyheter/2025-04-02-webbplatsen-har-fatt-sok.md",
        "nyheter/2025-04-02-webbplatsen-har-fatt-sok/",
    ),
]


@pytest.mark.parametrize(("args", "file", "address"), NEW_RECORDS)
def test_new_writes_a_record_that_check_accepts(
    site_factory: Callable[..., Path], args: list[str], file: str, address: str
) -> None:
    site = site_factory()

    done = run_cli("new", *args, "--site", str(site))

    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [
        f"Skapade {file}",
        f"Förhandsvisning: http://127.0.0.1:8000/{address} (med beslut serve)",
    ]
    text = (site / file).read_text(encoding="utf-8")
    assert text.startswith("---\ntitel: ") and "\nutkast: true" in text
    checked = run_cli("check", str(site), "--drafts", "--format", "json")
    assert checked.returncode == 0, checked.stderr
    assert checked.stderr == ""
    built = run_cli("build", str(site), "--drafts", "--out", str(site / "public"), "--date", "2025-06-01")
    assert built.returncode == 0, built.stderr
    assert (site / "public" / address / "index.html").is_file()


def test_new_quotes_what_yaml_would_misread(site_factory: Callable[..., Path]) -> None:
    site = site_factory()

    done = run_cli(
        "new", "utlåtande", "Ja: men #inte nu", "--datum", "2025-01-02", "--publicerad", "--site", str(site)
    )

    assert done.returncode == 0, done.stderr
    [file] = (site / "content").rglob("*.md")
    assert '\ntitel: "Ja: men #inte nu"\n' in file.read_text(encoding="utf-8")
    assert "utkast" not in file.read_text(encoding="utf-8")
    assert run_cli("check", str(site)).returncode == 0


def test_new_refuses_to_overwrite(site_factory: Callable[..., Path]) -> None:
    site = site_factory()
    args = ["new", "protokollsutdrag", "Budget", "--nämnd", "KS", "--paragraf", "3", "--datum", "2025-03-10"]
    assert run_cli(*args, "--site", str(site)).returncode == 0
    file = site / "content/sjoviks-kommun/ks/2025-03-10-3-budget.md"
    file.write_text(file.read_text(encoding="utf-8") + "Beslutet som sekreteraren skrev.\n", encoding="utf-8")
    before = file.read_bytes()

    again = run_cli(*args, "--site", str(site))

    assert again.returncode == 1
    assert again.stderr.splitlines() == [
        "content/sjoviks-kommun/ks/2025-03-10-3-budget.md:1:1: fel: fil: "
        "filen finns redan och skrivs inte över",
        "    tips: öppna den befintliga filen, eller välj en annan titel, paragraf eller --datum",
        "Avbrutet: 1 fel i 1 fil",
    ]
    assert file.read_bytes() == before


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (
            ["protokollsutdrag", "Budget", "--nämnd", "Kommunstyrelsn", "--paragraf", "3"],
            ['--nämnd: fel: nämnd: okänd nämnd "Kommunstyrelsn"', '    tips: menade du "Kommunstyrelsen"?'],
        ),
        (
            ["protokollsutdrag", "Budget", "--nämnd", "KS"],
            ["--paragraf: fel: paragraf: "],
        ),
        (
            ["beslutt", "Budget"],
            ['TYP: fel: typ: okänd dokumenttyp "beslutt"'],
        ),
        (
            ["protokollsutdrag", "--nämnd", "KS", "--paragraf", "3"],
            [
                "--titel: fel: titel: titel saknas",
                '    tips: skriv titeln efter typen: beslut new TYP "Titel"',
            ],
        ),
    ],
)
def test_new_names_the_option_to_correct_and_writes_nothing(
    site_factory: Callable[..., Path], args: list[str], expected: list[str]
) -> None:
    site = site_factory()

    done = run_cli("new", *args, "--site", str(site))

    assert done.returncode == 1
    lines = done.stderr.splitlines()
    for want, got in zip(expected, lines, strict=False):
        assert got.startswith(want), done.stderr
    assert lines[-1] == "Avbrutet: 1 fel i 1 fil"
    assert not list((site / "content").rglob("*"))


def test_check_json_gives_every_field_of_every_diagnostic(site_factory: Callable[..., Path]) -> None:
    site = site_factory(
        {
            "content/ks/fel.md": record_text(
                "titel: Budget",
                "typ: protokollsutdrag",
                "datum: 2024-05-20",
                "nämnd: Kommunstyrelsn",
                "paragraf: 5",
                "handlaggare: Eva Ek",
                "förfatare: Eva Ek",
            )
        }
    )

    done = run_cli("check", str(site), "--date", "2024-06-01", "--format", "json")

    assert done.returncode == 1 and done.stdout == ""
    diagnostics = [json.loads(line) for line in done.stderr.splitlines()]
    assert [(d["path"], d["line"], d["column"], d["field"]) for d in diagnostics] == [
        ("content/ks/fel.md", 5, 8, "nämnd"),
        ("content/ks/fel.md", 8, 1, "förfatare"),
    ]
    for d in diagnostics:
        assert d["severity"] == "error"
        assert isinstance(d["message"], str) and d["message"]
        assert isinstance(d["hint"], str) and d["hint"]
    assert diagnostics[0]["message"] == 'okänd nämnd "Kommunstyrelsn"'
    assert diagnostics[0]["hint"] == 'menade du "Kommunstyrelsen"?'
    assert '"författare"' in diagnostics[1]["hint"]


def test_check_lists_what_is_published_or_taken_down_within_30_days(
    site_factory: Callable[..., Path],
) -> None:
    site = site_factory(
        {
            "content/ks/a.md": record_text(
                "titel: Kommer snart",
                "typ: tjänsteskrivelse",
                "datum: 2024-05-20",
                "publicera: 2024-06-10",
            ),
            "content/ks/b.md": record_text(
                "titel: Tas ned",
                "typ: tjänsteskrivelse",
                "datum: 2024-01-20",
                "avpublicera: 2024-06-20",
            ),
            "content/ks/c.md": record_text(
                "titel: Långt fram",
                "typ: tjänsteskrivelse",
                "datum: 2024-05-20",
                "publicera: 2024-09-01",
            ),
        }
    )

    done = run_cli("check", str(site), "--date", "2024-06-01")

    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[:3] == [
        "Inom 30 dagar:",
        "  2024-06-10 publiceras: content/ks/a.md (Kommer snart)",
        "  2024-06-20 avpubliceras: content/ks/b.md (Tas ned)",
    ]
    assert "Långt fram" not in done.stdout
