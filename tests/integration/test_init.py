"""``beslut init`` as a municipality's IT unit uses it: a new folder, a site that builds at once without a
warning, every page kind, no broken link, and a refusal to write into a folder that holds something.
The CI files it writes are tested in test_init_ci.py, the pages in a browser in tests/browser/.
"""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
import yaml

from generator.authoring.init import SKELETON, genitive
from generator.base.doctypes import DEFAULT_TYPES
from tests.browser.sites import page_kinds
from tests.integration.sitecheck import REPO, broken_links, run_cli, tree_digest

URL = "https://www.sjovik.se/beslut/"
PAGE_KINDS = {
    *("start", "record", "meeting", "case", "board", "organisation", "archive", "year", "news"),
    *("notices", "appeal", "search", "accessibility", "not-found"),
}


def init(folder: Path, *args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run ``beslut init`` as a user does."""
    return run_cli("init", str(folder), *args, cwd=cwd)


def content_files(site: Path) -> list[Path]:
    """Return the site's records."""
    return sorted((site / "content").rglob("*.md"))


@pytest.fixture(scope="module")
def new_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A site made by ``beslut init`` with an organisation and an address, as in the README."""
    root = tmp_path_factory.mktemp("init")
    done = init(root / "sjovik", "--organisation", "Sjöviks kommun", "--url", URL)
    assert done.returncode == 0, done.stderr
    return root / "sjovik"


@pytest.fixture(scope="module")
def built(new_site: Path) -> subprocess.CompletedProcess[str]:
    """``beslut build`` run inside the new site, with no argument."""
    return run_cli("build", cwd=new_site)


def test_init_writes_a_commented_site_yaml_examples_gitignore_and_the_github_workflow(new_site: Path) -> None:
    files = sorted(p.relative_to(new_site).as_posix() for p in new_site.rglob("*") if p.is_file())
    assert [f for f in files if not f.startswith("content/")] == [
        ".github/workflows/beslut.yml",
        ".gitignore",
        "site.yaml",
    ]
    site_yaml = (new_site / "site.yaml").read_text(encoding="utf-8")
    settings = yaml.safe_load(site_yaml)
    assert settings["title"] == "Sjöviks kommuns beslut"
    assert settings["base_url"] == URL
    [organisation] = settings["organisations"]
    assert organisation["name"] == "Sjöviks kommun"
    boards = {b["short"]: b for b in organisation["boards"]}
    assert {"KF", "KS", "KSAU", "BUN", "SN", "BMN"} <= set(boards)
    assert boards["KSAU"]["parent"] == "KS"
    comments = [line for line in site_yaml.splitlines() if line.lstrip().startswith("#")]
    assert len(comments) >= 10
    assert "ÄNDRA" in site_yaml
    ignored = (new_site / ".gitignore").read_text(encoding="utf-8").splitlines()
    assert {"/public/", "/.beslut-preview/", "/.beslut-cache/"} <= set(ignored)


def test_init_writes_one_example_record_per_document_type(new_site: Path) -> None:
    types = []
    for path in content_files(new_site):
        front = yaml.safe_load(path.read_text(encoding="utf-8").split("---\n")[1])
        types.append(front["typ"])
        assert front["titel"].startswith("Exempel: ")
        assert "beslut init" in path.read_text(encoding="utf-8")
    assert sorted(types) == sorted(t.key for t in DEFAULT_TYPES)


def test_no_placeholder_is_left_in_any_file(new_site: Path) -> None:
    for path in new_site.rglob("*"):
        if path.is_file():
            assert "@@" not in path.read_text(encoding="utf-8"), path


def test_init_prints_what_it_wrote_and_the_next_three_commands(tmp_path: Path) -> None:
    done = init(Path("ny"), cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0] == "Skapade en ny webbplats för Sjöviks kommun i ny (10 filer)."
    assert lines[1].startswith("CI: .github/workflows/beslut.yml bygger vid varje ändring och varje natt")
    assert lines[2] == "Gå igenom raderna märkta ÄNDRA i site.yaml. Sedan:"
    commands = [line.split(" # ")[0].strip() for line in lines[3:]]
    assert commands == [
        "beslut serve ny",
        "beslut build ny",
        'git -C ny init && git -C ny add -A && git -C ny commit -m "Ny webbplats"',
    ]
    assert done.stderr == ""
    # The second command works as printed.
    beslut, *args = commands[1].split()
    assert beslut == "beslut"
    build = run_cli(*args, cwd=tmp_path)
    assert build.returncode == 0, build.stderr
    assert (tmp_path / "ny" / "public" / "index.html").is_file()


def test_in_the_current_folder_the_commands_name_no_folder(tmp_path: Path) -> None:
    done = init(Path("."), "--ci", "ingen", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    commands = [line.split(" # ")[0].strip() for line in done.stdout.splitlines() if line.startswith("  ")]
    assert commands[:2] == ["beslut serve", "beslut build"]
    assert commands[2].startswith("git init && git add -A")


def test_the_new_site_builds_at_once_with_zero_warnings(
    new_site: Path, built: subprocess.CompletedProcess[str]
) -> None:
    assert built.returncode == 0, built.stderr
    assert built.stderr == ""
    assert built.stdout.splitlines()[-1].startswith("Klart: 7 poster, ")
    assert ", 0 varningar, " in built.stdout
    strict = run_cli("check", "--strict", cwd=new_site)
    assert strict.returncode == 0, strict.stderr
    assert strict.stderr == ""


def test_the_new_site_has_every_page_kind_and_no_broken_link(
    new_site: Path, built: subprocess.CompletedProcess[str]
) -> None:
    assert built.returncode == 0, built.stderr
    out = new_site / "public"
    kinds = page_kinds(out)
    assert set(kinds) >= PAGE_KINDS, sorted(PAGE_KINDS - set(kinds))
    assert "unknown" not in kinds
    assert broken_links(out, "/beslut/") == []


def test_the_first_build_has_notices_on_the_board(
    new_site: Path, built: subprocess.CompletedProcess[str]
) -> None:
    """The examples are dated around the day of init: a protokoll's and a delegationsbeslut's notices are up
    and fullmäktige's next meeting is announced."""
    assert built.stdout.splitlines()[0].startswith("Anslagstavlan: 3 anslag uppe")
    board = (new_site / "public" / "anslagstavla" / "index.html").read_text(encoding="utf-8")
    board = board.replace("\u00ad", "")  # the soft hyphens of headings are layout (pages/hyphenate.py)
    assert "Exempel: Kallelse till kommunfullmäktige" in board
    assert "Exempel: Upplåtelse av torget för marknad" in board


def test_init_refuses_a_folder_that_is_not_empty(tmp_path: Path) -> None:
    (tmp_path / "site" / "content").mkdir(parents=True)
    (tmp_path / "site" / "anteckningar.txt").write_text("mina anteckningar", encoding="utf-8")
    before = tree_digest(tmp_path)

    done = init(tmp_path / "site")

    assert done.returncode == 1
    assert done.stdout == ""
    site = tmp_path / "site"
    assert done.stderr.splitlines() == [
        f"{site}: fel: mapp: {site} är inte tom, och beslut init skriver bara i en tom mapp",
        "    tips: ange en ny mapp, t.ex. beslut init min-webbplats, eller töm mappen först",
        "Avbrutet: 1 fel i 1 fil",
    ]
    assert tree_digest(tmp_path) == before
    assert sorted(p.name for p in (tmp_path / "site").iterdir()) == ["anteckningar.txt", "content"]


def test_init_refuses_a_file(tmp_path: Path) -> None:
    (tmp_path / "site").write_text("", encoding="utf-8")
    done = init(tmp_path / "site")
    assert done.returncode == 1
    assert "är en fil, inte en mapp" in done.stderr


def test_init_writes_into_an_empty_clone(tmp_path: Path) -> None:
    """A repository cloned empty holds only .git: that folder counts as empty, and .git is left alone."""
    subprocess.run(["git", "init", "-q", str(tmp_path / "repo")], check=True)
    git_before = tree_digest(tmp_path / "repo" / ".git")
    done = init(tmp_path / "repo", "--ci", "gitlab")
    assert done.returncode == 0, done.stderr
    assert tree_digest(tmp_path / "repo" / ".git") == git_before
    assert (tmp_path / "repo" / ".gitlab-ci.yml").is_file()
    assert not (tmp_path / "repo" / ".github").exists()


def test_ci_ingen_writes_no_ci_file(tmp_path: Path) -> None:
    done = init(tmp_path / "site", "--ci", "ingen")
    assert done.returncode == 0, done.stderr
    assert not (tmp_path / "site" / ".github").exists()
    assert not (tmp_path / "site" / ".gitlab-ci.yml").exists()
    assert "CI:" not in done.stdout


def test_a_wrong_ci_choice_is_wrong_usage(tmp_path: Path) -> None:
    done = init(tmp_path / "site", "--ci", "jenkins")
    assert done.returncode == 2
    assert (
        "beslut: fel: argument --ci: ogiltigt val: 'jenkins' (välj bland 'github', 'gitlab', 'ingen')"
        in done.stderr
    )
    assert not (tmp_path / "site").exists()


def test_a_region_gets_a_regions_boards_and_builds(tmp_path: Path) -> None:
    done = init(tmp_path / "region", "--organisation", "Region Exempelland", "--ci", "ingen")
    assert done.returncode == 0, done.stderr
    settings = yaml.safe_load((tmp_path / "region" / "site.yaml").read_text(encoding="utf-8"))
    assert settings["title"] == "Region Exempellands beslut"
    shorts = [b["short"] for b in settings["organisations"][0]["boards"]]
    assert shorts[:3] == ["RF", "RS", "RSAU"]
    built = run_cli("build", "--strict", cwd=tmp_path / "region")
    assert built.returncode == 0, built.stderr
    assert (tmp_path / "region" / "public" / "region-exempelland" / "rf").is_dir()


def test_a_name_and_an_address_that_yaml_would_misread_are_written_as_given(tmp_path: Path) -> None:
    name, url = 'Kommunen "Test": Öst #1', "https://example.org/a b/"
    done = init(tmp_path / "site", "--organisation", name, "--url", url, "--ci", "ingen")
    assert done.returncode == 0, done.stderr
    settings = yaml.safe_load((tmp_path / "site" / "site.yaml").read_text(encoding="utf-8"))
    assert settings["organisations"][0]["name"] == name
    assert settings["base_url"] == url
    assert run_cli("check", "--strict", cwd=tmp_path / "site").returncode == 0


def test_genitive() -> None:
    assert genitive("Sjöviks kommun") == "Sjöviks kommuns"
    assert genitive("Region Skåne") == "Region Skånes"
    assert genitive("Vadstena") == "Vadstenas"
    assert genitive("Räddningstjänsten Storgöteborg") == "Räddningstjänsten Storgöteborgs"
    assert genitive("Hjo kommuns") == "Hjo kommuns"


def test_the_examples_follow_the_day_of_init(tmp_path: Path) -> None:
    """SOURCE_DATE_EPOCH gives the day of init as it gives the day of a build."""
    epoch = str(int(dt.datetime(2026, 3, 2, 12, tzinfo=dt.UTC).timestamp()))
    env = {"SOURCE_DATE_EPOCH": epoch, "PATH": "/usr/bin:/bin"}
    done = subprocess.run(
        [sys.executable, "-m", "generator", "init", str(tmp_path / "site"), "--ci", "ingen"],
        env=env, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    names = sorted(p.name for p in content_files(tmp_path / "site"))
    assert "2026-02-14-1-exempel-ny-lekplats-i-centrum.md" in names  # 16 days before
    assert "2026-03-16-kallelser.md" in names  # 14 days after


def test_the_installed_package_carries_the_skeleton(tmp_path: Path) -> None:
    """A wheel (what pip installs) holds every file init writes from."""
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), str(REPO)],
        check=True, capture_output=True, timeout=600,
    )  # fmt: skip
    [wheel] = tmp_path.glob("beslut-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    skeleton = {
        "generator/authoring/" + p.relative_to(SKELETON.parent).as_posix()
        for p in SKELETON.rglob("*")
        if p.is_file()
    }
    assert len(skeleton) >= 11
    assert skeleton <= names


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--url", "www.sjovik.se"], '--url: fel: base_url: "www.sjovik.se" är ingen fullständig webbadress'),
        (["--organisation", "  "], "--organisation: fel: organisation: namnet är tomt"),
    ],
)
def test_a_bad_option_is_named_and_nothing_is_written(tmp_path: Path, args: list[str], expected: str) -> None:
    done = init(tmp_path / "site", *args)
    assert done.returncode == 1
    assert done.stderr.splitlines()[0] == expected
    assert done.stderr.splitlines()[-1] == "Avbrutet: 1 fel i 1 fil"
    assert not (tmp_path / "site").exists()
