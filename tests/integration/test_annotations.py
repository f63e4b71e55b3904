"""Diagnostics for CI: ``--format github`` (workflow commands) and ``--format gitlab --report FIL`` (a Code
Quality report), parsed as GitHub and GitLab read them. The site lies in a sub-folder of the folder the
command runs in, as a site does in its repository, so paths are asserted relative to the repository.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import make_site, record_text
from tests.integration.sitecheck import run_cli
from tests.integration.test_cli import BAD, DAY, GOOD, WARNING

COMMAND = re.compile(r"^::(error|warning) ([^:]*)::(.*)$")
MARKUP = {
    # An unknown key with markup in its name: the message quotes it.
    "content/ks/markup.md": record_text(
        "titel: Fel nyckel", "typ: tjänsteskrivelse", "datum: 2024-05-10", "<b>: x"
    ),
}


def _unescape(text: str) -> str:
    """Undo the workflow command escaping (as the runner does)."""
    for code, char in (("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","), ("%25", "%")):
        text = text.replace(code, char)
    return text


def parse_commands(stdout: str) -> list[tuple[str, dict[str, str], str]]:
    """Return every workflow command printed: its kind, its properties and its message."""
    commands = []
    for line in stdout.splitlines():
        match = COMMAND.match(line)
        if match:
            props = dict(pair.split("=", 1) for pair in match[2].split(","))
            commands.append((match[1], {k: _unescape(v) for k, v in props.items()}, _unescape(match[3])))
    return commands


@pytest.fixture
def repository(tmp_path: Path) -> Callable[[dict[str, str]], Path]:
    """Return a maker of a repository (tmp_path) with the site in its sub-folder ``webbplats``."""

    def make(files: dict[str, str]) -> Path:
        make_site(tmp_path / "webbplats", files)
        return tmp_path

    return make


def test_github_format_prints_each_diagnostic_as_a_workflow_command(
    repository: Callable[[dict[str, str]], Path],
) -> None:
    repo = repository({**GOOD, **BAD, **WARNING})

    done = run_cli("check", "webbplats", "--date", DAY, "--format", "github", cwd=repo)

    assert done.returncode == 1
    commands = parse_commands(done.stdout)
    assert len(commands) == len(done.stdout.splitlines()) == 3
    by_file = {props["file"]: (kind, props, message) for kind, props, message in commands}
    kind, props, message = by_file["webbplats/content/kf/fel.md"]
    assert kind == "error"
    assert props == {"file": "webbplats/content/kf/fel.md", "line": "3", "col": "6", "title": "beslut: typ"}
    assert message.startswith('okänd dokumenttyp "beslutt"\ntips: ')
    kind, props, message = by_file["webbplats/content/ks/hanvisning.md"]
    assert kind == "warning" and props["line"] == "6" and props["title"] == "beslut: relaterade"
    for _, props, _ in commands:
        assert (repo / props["file"]).is_file()
    # The text summary still ends the output (on stderr, as a failure's does).
    assert done.stderr.splitlines()[-1] == "Avbrutet: 2 fel i 2 filer"


def test_github_format_of_a_good_build_ends_with_the_summary(
    repository: Callable[[dict[str, str]], Path],
) -> None:
    repo = repository({**GOOD, **WARNING})

    done = run_cli("build", "webbplats", "--date", DAY, "--format", "github", cwd=repo)

    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert [kind for kind, _, _ in parse_commands(done.stdout)] == ["warning"]
    assert lines[0].startswith("::warning file=webbplats/content/ks/hanvisning.md,line=6,col=")
    assert lines[-1].startswith("Klart: 3 poster, ") and ", 1 varningar, " in lines[-1]
    assert done.stderr == ""


def test_github_format_escapes_what_would_end_a_property_or_a_command(
    repository: Callable[[dict[str, str]], Path],
) -> None:
    """A colon in the title, a newline before the hint: escaped, so one diagnostic is one command line."""
    repo = repository(MARKUP)
    done = run_cli("check", "webbplats", "--date", DAY, "--format", "github", cwd=repo)
    line = done.stdout.splitlines()[0]
    assert line.startswith("::error file=webbplats/content/ks/markup.md,line=5,col=1,title=beslut%3A <b>::")
    assert "%0Atips: " in line
    [(_, props, message)] = parse_commands(done.stdout)
    assert props["title"] == "beslut: <b>"
    assert message.startswith('okänd nyckel "<b>"\ntips: ')


def test_a_problem_with_no_file_is_a_command_without_a_file(site_factory: Callable[..., Path]) -> None:
    site = site_factory(GOOD)
    out = site / "content" / "public"  # an output folder inside content/ is refused
    done = run_cli("build", str(site), "--out", str(out), "--date", DAY, "--format", "github")
    assert done.returncode == 1
    [(kind, props, message)] = parse_commands(done.stdout)
    assert kind == "error" and props == {"title": "beslut: utdatamapp"}
    assert message.startswith("--out: ") and "ligger i content/" in message


def test_gitlab_format_writes_a_code_quality_report(repository: Callable[[dict[str, str]], Path]) -> None:
    repo = repository({**GOOD, **BAD, **WARNING, **MARKUP})

    done = run_cli(
        "check", "webbplats", "--date", DAY, "--format", "gitlab", "--report", "kvalitet.json", cwd=repo
    )

    assert done.returncode == 1
    raw = (repo / "kvalitet.json").read_text(encoding="utf-8")
    assert "<" not in raw and ">" not in raw and "\\u003cb\\u003e" in raw
    issues = json.loads(raw)
    assert len(issues) == 4
    for issue in issues:
        assert set(issue) == {"description", "check_name", "fingerprint", "severity", "location"}
        assert issue["severity"] in ("critical", "minor")
        assert (repo / issue["location"]["path"]).is_file()
        assert issue["location"]["lines"]["begin"] >= 1
    assert len({issue["fingerprint"] for issue in issues}) == 4
    typo = next(i for i in issues if i["location"]["path"] == "webbplats/content/kf/fel.md")
    assert typo["severity"] == "critical" and typo["check_name"] == "beslut/typ"
    assert typo["location"]["lines"]["begin"] == 3
    assert typo["description"].startswith('typ: okänd dokumenttyp "beslutt" (tips: ')
    markup = next(i for i in issues if i["location"]["path"] == "webbplats/content/ks/markup.md")
    assert markup["description"].startswith('<b>: okänd nyckel "<b>"')
    warning = next(i for i in issues if i["severity"] == "minor")
    assert warning["location"] == {"path": "webbplats/content/ks/hanvisning.md", "lines": {"begin": 6}}
    # The console still shows the text form, and the summary ends it.
    assert done.stderr.startswith("content/")
    assert done.stderr.splitlines()[-1] == "Avbrutet: 3 fel i 3 filer"


def test_a_fingerprint_stays_when_lines_are_added_above_the_problem(
    repository: Callable[[dict[str, str]], Path],
) -> None:
    repo = repository(BAD)
    run_cli("check", "webbplats", "--format", "gitlab", "--report", "a.json", cwd=repo)
    bad = repo / "webbplats" / "content" / "kf" / "fel.md"
    bad.write_text(bad.read_text(encoding="utf-8").replace("---\n", "---\ntaggar: [budget]\n", 1))
    run_cli("check", "webbplats", "--format", "gitlab", "--report", "b.json", cwd=repo)
    before, after = (json.loads((repo / name).read_text(encoding="utf-8")) for name in ("a.json", "b.json"))
    assert [i["location"]["lines"]["begin"] for i in before] != [
        i["location"]["lines"]["begin"] for i in after
    ]
    assert [i["fingerprint"] for i in before] == [i["fingerprint"] for i in after]


def test_gitlab_report_of_a_clean_build_is_an_empty_list(
    site_factory: Callable[..., Path], tmp_path: Path
) -> None:
    site, report = site_factory(GOOD), tmp_path / "rapport.json"
    done = run_cli(
        "build", str(site), "--out", str(tmp_path / "out"), "--date", DAY,
        "--format", "gitlab", "--report", str(report),
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert json.loads(report.read_text(encoding="utf-8")) == []
    assert done.stdout.splitlines()[-1].startswith("Klart: 2 poster")


@pytest.mark.parametrize(
    "args", [["--format", "gitlab"], ["--report", "r.json"], ["--format", "github", "--report", "r.json"]]
)
def test_gitlab_and_report_go_together(site_factory: Callable[..., Path], args: list[str]) -> None:
    done = run_cli("check", str(site_factory(GOOD)), *args)
    assert done.returncode == 2
    assert "beslut: fel: --format gitlab och --report FIL hör ihop" in done.stderr


def test_a_report_that_cannot_be_written_is_an_error(
    site_factory: Callable[..., Path], tmp_path: Path
) -> None:
    site = site_factory(GOOD)
    report = tmp_path / "saknas" / "rapport.json"
    done = run_cli("check", str(site), "--date", DAY, "--format", "gitlab", "--report", str(report))
    assert done.returncode == 1
    assert done.stderr.startswith(f"beslut: kan inte skriva rapporten {report} (")
    assert done.stdout.startswith("Inga fel: 2 poster")  # the check itself ran and is reported
