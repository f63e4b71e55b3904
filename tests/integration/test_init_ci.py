"""The CI files ``beslut init`` writes: the GitHub workflow passes actionlint (shell steps through
shellcheck); both files build on pushes, pull/merge requests and every night, deploy from the default
branch only, keep the build cache and pin beslut's version. Their commands are run here as CI runs them,
and the nightly workflow's choice between its two schedule lines is run for every night of a year.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import yaml

from generator import __version__
from tests.integration.sitecheck import run_cli

SWEDEN = ZoneInfo("Europe/Stockholm")
PINNED_INSTALL = 'python -m pip install "beslut==${BESLUT_VERSION}"'


def init_with(factory: pytest.TempPathFactory, ci: str) -> Path:
    """Return a new site made by ``beslut init --ci CI``."""
    site = factory.mktemp(ci) / "site"
    done = run_cli("init", str(site), "--ci", ci)
    assert done.returncode == 0, done.stderr
    return site


@pytest.fixture(scope="module")
def github_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return init_with(tmp_path_factory, "github")


@pytest.fixture(scope="module")
def gitlab_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return init_with(tmp_path_factory, "gitlab")


def workflow(site: Path) -> dict[Any, Any]:
    data: dict[Any, Any] = yaml.safe_load((site / ".github" / "workflows" / "beslut.yml").read_text("utf-8"))
    return data


def gitlab_ci(site: Path) -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load((site / ".gitlab-ci.yml").read_text("utf-8"))
    return data


def step(job: dict[str, Any], name_start: str) -> dict[str, Any]:
    """Return the first step of a job whose name or action starts with ``name_start``."""
    return next(s for s in job["steps"] if str(s.get("name", s.get("uses", ""))).startswith(name_start))


def ci_env(site: Path, **extra: str) -> dict[str, str]:
    """Return the environment of a CI step run here: this beslut first on PATH, in the site's folder."""
    path = os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")])
    return {**os.environ, "PATH": path, **extra}


def test_the_github_workflow_passes_actionlint(github_site: Path) -> None:
    actionlint = Path(sys.executable).parent / "actionlint"
    shellcheck = shutil.which("shellcheck")
    if shellcheck is None:
        pytest.fail("shellcheck saknas: kör `make browser` (apt-get install shellcheck)")
    done = subprocess.run(
        [str(actionlint), f"-shellcheck={shellcheck}", ".github/workflows/beslut.yml"],
        cwd=github_site, capture_output=True, text=True, check=False, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_github_workflow_builds_on_pushes_pull_requests_and_twice_each_night(github_site: Path) -> None:
    flow = workflow(github_site)
    on = flow[True]  # YAML 1.1 reads the key "on" as true
    assert "push" in on and "pull_request" in on and "workflow_dispatch" in on
    assert on["push"] is None and on["pull_request"] is None  # every branch
    assert [s["cron"] for s in on["schedule"]] == ["7 22 * * *", "7 23 * * *"]
    assert flow["env"]["BESLUT_VERSION"] == __version__
    assert flow["permissions"] == {"contents": "read"}


def test_the_github_workflow_deploys_from_the_default_branch_only(github_site: Path) -> None:
    jobs = workflow(github_site)["jobs"]
    default_branch_only = (
        "github.event_name != 'pull_request' && github.ref_name == github.event.repository.default_branch"
    )
    assert jobs["publicera"]["if"] == default_branch_only
    assert jobs["publicera"]["needs"] == "bygg"
    assert jobs["publicera"]["permissions"] == {"pages": "write", "id-token": "write"}
    assert jobs["publicera"]["environment"]["name"] == "github-pages"
    assert step(jobs["publicera"], "actions/deploy-pages@")
    upload = step(jobs["bygg"], "Spara webbplatsen")
    assert upload["if"] == default_branch_only
    assert upload["uses"].startswith("actions/upload-pages-artifact@")
    assert upload["with"]["path"] == "public"
    assert jobs["bygg"]["needs"] == "tid" and jobs["bygg"]["if"] == "needs.tid.outputs.bygg == 'ja'"


def test_the_github_workflow_keeps_the_cache_and_pins_the_version(github_site: Path) -> None:
    bygg = workflow(github_site)["jobs"]["bygg"]
    cache = step(bygg, "Hämta byggcachen")
    assert cache["uses"].startswith("actions/cache@")
    assert cache["with"]["path"] == ".beslut-cache"
    assert cache["with"]["key"].startswith("beslut-${{ env.BESLUT_VERSION }}-${{ github.run_id }}")
    assert cache["with"]["restore-keys"] == "beslut-${{ env.BESLUT_VERSION }}-"
    assert step(bygg, "Installera beslut")["run"] == PINNED_INSTALL
    assert step(bygg, "Bygg webbplatsen")["run"] == "beslut build --format github"
    nightly = step(bygg, "Vad som publiceras")
    assert nightly == {**nightly, "if": "github.event_name == 'schedule'", "run": "beslut check"}


def test_the_github_build_steps_run_as_ci_runs_them(github_site: Path, tmp_path: Path) -> None:
    """Every run step after the install, on a night: the check lists what comes, the build annotates."""
    site = tmp_path / "site"
    shutil.copytree(github_site, site)
    bygg = workflow(site)["jobs"]["bygg"]
    outputs = []
    for s in bygg["steps"]:
        if "run" not in s or s["run"] == PINNED_INSTALL:
            continue
        if s.get("if") == "github.event_name == 'schedule'" or "if" not in s:
            done = subprocess.run(
                ["bash", "-e", "-c", s["run"]], cwd=site, env=ci_env(site),
                capture_output=True, text=True, check=False, timeout=300,
            )  # fmt: skip
            assert done.returncode == 0, f"{s['run']}\n{done.stderr}"
            outputs.append(done.stdout)
    check, build = outputs[-2:]
    assert check.splitlines()[-1].startswith("Inga fel: 7 poster")
    assert build.splitlines()[-1].startswith("Klart: 7 poster")
    assert (site / "public" / "index.html").is_file()
    assert (site / ".beslut-cache" / "anslagstavla.json").is_file()


def night_script(site: Path) -> str:
    run: str = step(workflow(site)["jobs"]["tid"], "Är det strax efter midnatt")["run"]
    return run


def decide(site: Path, event: str, schedule: str, at: dt.datetime, tmp_path: Path) -> str:
    """Run the workflow's first job's script as GitHub would at ``at``; return its output ``bygg``."""
    output = tmp_path / "github_output"
    output.write_text("", encoding="utf-8")
    env = {
        **os.environ,
        "HANDELSE": event,
        "SCHEMARAD": schedule,
        "NU": at.astimezone(dt.UTC).isoformat(),
        "GITHUB_OUTPUT": str(output),
    }
    done = subprocess.run(
        ["bash", "-e", "-c", night_script(site)], env=env, capture_output=True, text=True, check=True
    )
    assert done.stderr == ""
    return output.read_text(encoding="utf-8").strip()


@pytest.mark.parametrize(
    ("event", "schedule", "utc", "expected"),
    [
        ("push", "", "2026-07-01T22:07", "bygg=ja"),
        ("pull_request", "", "2026-01-15T23:07", "bygg=ja"),
        ("workflow_dispatch", "", "2026-01-15T12:00", "bygg=ja"),
        ("schedule", "7 22 * * *", "2026-07-01T22:07", "bygg=ja"),  # 00:07 CEST
        ("schedule", "7 23 * * *", "2026-07-01T23:07", "bygg=nej"),  # 01:07 CEST: built already
        ("schedule", "7 22 * * *", "2026-01-15T22:07", "bygg=nej"),  # 23:07 CET: still yesterday
        ("schedule", "7 23 * * *", "2026-01-15T23:07", "bygg=ja"),  # 00:07 CET
        ("schedule", "7 22 * * *", "2026-07-02T01:30", "bygg=ja"),  # started 3 hours late: still builds
    ],
)
def test_the_night_job_builds_on_the_schedule_line_of_swedish_midnight(
    github_site: Path, tmp_path: Path, event: str, schedule: str, utc: str, expected: str
) -> None:
    at = dt.datetime.fromisoformat(utc).replace(tzinfo=dt.UTC)
    assert decide(github_site, event, schedule, at, tmp_path) == expected


def test_every_night_of_a_year_is_built_once_after_swedish_midnight(
    github_site: Path, tmp_path: Path
) -> None:
    """Both schedule lines every night of 2026, the nights of the clock changes included: exactly one run
    builds, and it runs after midnight in Sweden (so its build day is the new day)."""
    script = tmp_path / "natt.sh"
    script.write_text(night_script(github_site), encoding="utf-8")
    runs = []
    day = dt.date(2026, 1, 1)
    while day.year == 2026:
        for hour in (22, 23):
            runs.append(
                (f"7 {hour} * * *", dt.datetime(day.year, day.month, day.day, hour, 7, tzinfo=dt.UTC))
            )
        day += dt.timedelta(days=1)
    # One bash process for the year: each run's decision on a line of its own.
    driver = "\n".join(
        f'HANDELSE=schedule SCHEMARAD="{cron}" NU="{at.isoformat()}" GITHUB_OUTPUT=/dev/stdout '
        f"bash {script} | grep '^bygg='"
        for cron, at in runs
    )
    done = subprocess.run(
        ["bash", "-e"], input=driver, capture_output=True, text=True, check=True, timeout=300
    )
    decisions = done.stdout.split()
    assert len(decisions) == len(runs)
    built = [at.astimezone(SWEDEN) for (_, at), d in zip(runs, decisions, strict=True) if d == "bygg=ja"]
    assert all(local.hour == 0 for local in built)
    swedish_days = [local.date() for local in built]
    assert len(swedish_days) == len(set(swedish_days)) == 365


def test_the_gitlab_pipeline_runs_on_pushes_merge_requests_and_schedules(gitlab_site: Path) -> None:
    ci = gitlab_ci(gitlab_site)
    sources = [rule["if"] for rule in ci["workflow"]["rules"] if "when" not in rule]
    assert sources == [
        '$CI_PIPELINE_SOURCE == "merge_request_event"',
        '$CI_PIPELINE_SOURCE == "push"',
        '$CI_PIPELINE_SOURCE == "schedule"',
        '$CI_PIPELINE_SOURCE == "web"',
    ]
    assert ci["variables"]["BESLUT_VERSION"] == __version__
    assert ci["stages"] == ["bygg", "publicera"]
    header = (gitlab_site / ".gitlab-ci.yml").read_text(encoding="utf-8").split("\n\n")[0]
    assert "Pipeline schedules" in header and "Europe/Stockholm" in header and "5 0 * * *" in header


def test_the_gitlab_pages_job_deploys_from_the_default_branch_only(gitlab_site: Path) -> None:
    ci = gitlab_ci(gitlab_site)
    pages = ci["pages"]
    assert pages["rules"] == [{"if": "$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH"}]
    assert pages["needs"] == [{"job": "bygg", "artifacts": True}]
    assert pages["artifacts"]["paths"] == ["public/"]
    assert "rules" not in ci["bygg"]  # the build runs in every pipeline


def test_the_gitlab_build_keeps_the_cache_pins_the_version_and_reports(gitlab_site: Path) -> None:
    bygg = gitlab_ci(gitlab_site)["bygg"]
    assert ".beslut-cache/" in bygg["cache"]["paths"]
    assert bygg["cache"]["key"] == "beslut-$BESLUT_VERSION"
    assert bygg["script"][0] == 'python -m pip install "beslut==$BESLUT_VERSION"'
    assert bygg["script"][-1] == "beslut build --format gitlab --report gl-code-quality-report.json"
    assert bygg["artifacts"]["reports"] == {"codequality": "gl-code-quality-report.json"}
    assert bygg["artifacts"]["paths"] == ["public/"]
    assert bygg["artifacts"]["when"] == "always"


@pytest.mark.parametrize("source", ["schedule", "push"])
def test_the_gitlab_build_script_runs_as_ci_runs_it(gitlab_site: Path, tmp_path: Path, source: str) -> None:
    site = tmp_path / "site"
    shutil.copytree(gitlab_site, site)
    script = "\n".join(gitlab_ci(site)["bygg"]["script"][1:])  # all but the install
    done = subprocess.run(
        ["bash", "-e", "-c", script], cwd=site, env=ci_env(site, CI_PIPELINE_SOURCE=source),
        capture_output=True, text=True, check=False, timeout=300,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert ("Inga fel: 7 poster" in done.stdout) == (source == "schedule")
    assert done.stdout.splitlines()[-1].startswith("Klart: 7 poster")
    assert yaml.safe_load((site / "gl-code-quality-report.json").read_text(encoding="utf-8")) == []
    assert (site / "public" / "index.html").is_file()
