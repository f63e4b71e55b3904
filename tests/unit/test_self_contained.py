"""A clone of the repository alone passes `make test` and runs `make bench`: nothing tracked reaches out.

Every tracked file (code, tests, docs, data; binary files too) is searched for a path to a folder beside
the repository (the team's shared folder) and for absolute paths of one machine: a user's home, root's
home, a work folder. The README says how to check a clone alone.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
# Written so that this file does not match itself.
OUTSIDE = re.compile(
    rb"\.\.[/\\]shared"  # a folder beside the repository
    rb"|[\"']shared[\"']"  # the same, put together from parts (a quoted path part of that name)
    rb"|(?<![\w.])/(work|root|home|Users)/"  # a machine's absolute paths
    rb"|[A-Z]:\\Users\\"
)


def tracked_files() -> list[str]:
    """Return the repository's tracked files, from git."""
    try:
        done = subprocess.run(
            ["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True, timeout=60
        )
    except (OSError, subprocess.CalledProcessError) as exc:
        pytest.skip(f"inte en git-klon ({exc}): inget att pröva")
    return [name for name in done.stdout.decode("utf-8").split("\0") if name]


def test_no_tracked_file_reaches_outside_the_repository() -> None:
    """No file names the shared folder beside the repository (or builds that path) or an absolute path
    of a particular machine."""
    files = tracked_files()
    assert {"README.md", "Makefile", "pyproject.toml"} <= set(files) and len(files) > 100
    hits = []
    for name in files:
        path = ROOT / name
        if not path.is_file():  # deleted in the working tree, not yet committed
            continue
        for number, line in enumerate(path.read_bytes().splitlines(), 1):
            if OUTSIDE.search(line):
                hits.append(f"{name}:{number}: {line.decode('utf-8', 'replace').strip()[:120]}")
    assert not hits, "\n".join(hits)


def test_the_pattern_finds_what_it_is_meant_to_find() -> None:
    """The search above would see each kind of path (so its silence means something)."""
    dots = ".."
    for text in (
        f"subprocess.run([sys.executable, '{dots}/shared/tools/make_corpus.py'])",
        "REPO.parent / 'sha" + "red' / 'tools'",
        "cp /" + "work/shared/seeds/x.txt .",
        "see /" + "root/notes.md",
        "open('/" + "home/anna/beslut/site.yaml')",
        "C:" + "\\Users\\anna\\beslut",
    ):
        assert OUTSIDE.search(text.encode()), text
    for text in (
        "<< /Size 6 /Root 1 0 R >>",
        "a shared folder",
        "/tmp/beslut-bench",
        "https://example.se/home/",
    ):
        assert not OUTSIDE.search(text.encode()), text


def test_the_readme_shows_how_to_check_a_clone_alone() -> None:
    """The contributors' section: clone into an empty folder, then the two commands."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Development") :]
    assert "git clone" in section and "make test" in section and "make bench" in section
