"""``beslut serve``: a real preview on 127.0.0.1 (port 0) over real files, edited as an editor saves them.

Each test starts the preview in this process (its server, watcher and rebuild loop are real threads),
changes files under content/, site.yaml or the site's own i18n/ and templates/, and watches what the
server answers. Builds are counted by /__beslut/status; every wait has a timeout.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path

from generator.build import BuildOptions, build
from generator.preview.session import PreviewSession
from tests.conftest import SITE_YAML, record_text
from tests.integration.previewing import (
    BUDGET,
    BUDGET_PAGE,
    DAY,
    SITE_FILES,
    TIMEOUT,
    assert_serves_a_fresh_build,
    fetch,
    running,
    save,
    status,
    wait_for_build,
    wait_until,
)
from tests.integration.sitecheck import REPO

QUIET = 1.0
"""Seconds after which a rebuild that was going to happen has started (the debounce is 0.15 s)."""


def test_a_changed_record_changes_its_page(site_factory: Callable[..., Path]) -> None:
    site = site_factory(SITE_FILES)
    with running(site) as preview:
        page = preview.url + BUDGET_PAGE
        assert "Kommunstyrelsen beslutar att anta budgeten för 2024." in fetch(page)[1]
        before = status(preview)

        text = (site / BUDGET).read_text(encoding="utf-8")
        save(site / BUDGET, text.replace("anta budgeten för 2024", "anta den reviderade budgeten"))

        after = wait_for_build(preview, before["builds"])
        assert "anta den reviderade budgeten" in fetch(page)[1]
        # Two generations: the record's own page first, then every other page that shows it.
        assert after["ok"] and after["generation"] == before["generation"] + 2
        assert after["first_pass"] is False
        assert after["files_read"] == 1, "only the saved record is read again"
        assert 0 < after["rendered"] < after["kept"], "only the pages that show the record are rendered"
        assert "/" + BUDGET_PAGE not in after["changed"], "the first pass showed the record's page already"
        assert after["changed"], "the rest of the pages that show the record came with the second"


def test_a_broken_record_shows_the_errors_over_the_last_good_page(site_factory: Callable[..., Path]) -> None:
    site = site_factory(SITE_FILES)
    with running(site) as preview:
        page = preview.url + BUDGET_PAGE
        good = (site / BUDGET).read_text(encoding="utf-8")
        builds = status(preview)["builds"]

        save(site / BUDGET, good.replace("nämnd: KS", "nämnd: Kommunstyrelsn"))
        broken = wait_for_build(preview, builds)

        assert broken["ok"] is False and broken["failures"] == 1
        [error] = [e for e in broken["errors"] if e["severity"] == "error"]
        assert (error["path"], error["line"], error["field"]) == (BUDGET, 5, "nämnd")
        code, html = fetch(page)
        assert code == 200
        assert "Budget för 2024" in html, "the last good page is still served"
        overlay = html[html.index('role="alertdialog"') - 30 :]
        assert 'tabindex="-1"' in overlay[:400] and 'aria-labelledby="beslut-fel-rubrik"' in overlay[:400]
        assert "Webbplatsen kunde inte byggas: 1 fel" in overlay
        assert f"{BUDGET}:5" in overlay and "(rad 5)" in overlay
        assert error["message"] in overlay.replace("&#34;", '"')
        assert "Tips: " in overlay and "Kommunstyrelsen" in overlay
        assert "alertdialog" in fetch(preview.url)[1], "every page shows the errors"

        save(site / BUDGET, good)
        fixed = wait_for_build(preview, broken["builds"])

        assert fixed["ok"] and fixed["generation"] == broken["generation"] + 2, "first pass, then the rest"
        assert "alertdialog" not in fetch(page)[1]


def test_the_page_is_told_to_reload_only_after_a_good_build(site_factory: Callable[..., Path]) -> None:
    site = site_factory(SITE_FILES)
    with running(site) as preview:
        start = status(preview)
        good = (site / BUDGET).read_text(encoding="utf-8")
        url = f"{preview.url}__beslut/events?since={start['version']}"
        with urllib.request.urlopen(url, timeout=TIMEOUT) as events:
            save(site / BUDGET, good.replace("titel:", "titl:"))
            bad = _next_state(events)
            save(site / BUDGET, good.replace("Budget för 2024", "Budget för 2024, reviderad"))
            fixed = _next_state(events)

        assert bad["ok"] is False and bad["generation"] == start["generation"], "no reload after a failure"
        assert 'role="alertdialog"' in bad["overlay"] and "okänd nyckel" in bad["overlay"]
        assert fixed["ok"] is True and fixed["generation"] > start["generation"], "reload after the fix"
        assert fixed["overlay"] == ""


def _next_state(events: object) -> dict[str, object]:
    """Return the next ``state`` event of a Server-Sent Events stream (keep-alive comments skipped)."""
    for raw in events:  # type: ignore[attr-defined]
        line = raw.decode("utf-8")
        if line.startswith("data: "):
            state: dict[str, object] = json.loads(line[len("data: ") :])
            return state
    raise AssertionError("the event stream ended")


def test_a_renamed_record_leaves_its_old_address(site_factory: Callable[..., Path]) -> None:
    site = site_factory(SITE_FILES)
    with running(site) as preview:
        old_page = preview.url + BUDGET_PAGE
        assert fetch(old_page)[0] == 200
        builds = status(preview)["builds"]

        text = (site / BUDGET).read_text(encoding="utf-8")
        (site / BUDGET).unlink()
        save(site / "content/ks/2024-03-11-12-budget.md", text.replace("Budget för 2024", "Årsbudget 2024"))
        wait_until(lambda: status(preview), lambda s: s["builds"] > builds and s["ok"], "a good rebuild")
        assert fetch(preview.url + "sjoviks-kommun/ks/2024-03-11/12-arsbudget-2024/")[0] == 200

        code, html = fetch(old_page)
        assert code == 404
        assert "Sidan finns inte" in html, "the site's own 404 page"


def test_a_deleted_record_leaves_the_site(site_factory: Callable[..., Path]) -> None:
    site = site_factory(SITE_FILES)
    with running(site) as preview:
        (site / "content/ks/2024-03-11-13.md").unlink()
        page = preview.url + "sjoviks-kommun/ks/2024-03-11/13-taxa-for-bygglov/"
        wait_until(lambda: fetch(page)[0], lambda code: code == 404, "the deleted record's page to go")
        assert "Taxa för bygglov" not in fetch(preview.url + "sjoviks-kommun/ks/2024-03-11/")[1]


def test_a_burst_of_saves_gives_one_rebuild(site_factory: Callable[..., Path]) -> None:
    site = site_factory(SITE_FILES)
    with running(site) as preview:
        builds = status(preview)["builds"]
        text = (site / BUDGET).read_text(encoding="utf-8")

        for n in range(50):
            save(site / BUDGET, text.replace("budgeten för 2024.", f"budgeten för 2024 (version {n})."))
        after = wait_for_build(preview, builds)
        time.sleep(QUIET)

        assert status(preview)["builds"] == builds + 1
        assert after["events"] >= 50
        assert "budgeten för 2024 (version 49)." in fetch(preview.url + BUDGET_PAGE)[1]


def test_editor_temporary_files_are_ignored(site_factory: Callable[..., Path]) -> None:
    site = site_factory(SITE_FILES)
    with running(site) as preview:
        builds = status(preview)["builds"]
        folder = site / "content" / "ks"
        for name in (".2024-03-11-12.md.swp", "2024-03-11-12.md~", ".#2024-03-11-12.md", "4913", "x.tmp"):
            (folder / name).write_text("---\ntitel: [trasig\n", encoding="utf-8")
        (folder / "4913").unlink()  # vim's probe comes and goes
        time.sleep(QUIET)
        assert status(preview)["builds"] == builds, "no rebuild for editor litter"

        save(site / BUDGET, (site / BUDGET).read_text(encoding="utf-8").replace("2024.\n", "2024!\n"))
        done = wait_for_build(preview, builds)
        assert done["ok"], "the temporary files are not read as records either"


def test_poll_notices_changes_without_file_events(site_factory: Callable[..., Path]) -> None:
    site = site_factory(SITE_FILES)
    with running(site, poll=True) as preview:
        assert type(preview.watcher.observer).__name__ == "PollingObserver"  # type: ignore[union-attr]
        text = (site / BUDGET).read_text(encoding="utf-8")
        save(site / BUDGET, text.replace("budgeten för 2024.", "budgeten för 2024 via polling."))
        page = preview.url + BUDGET_PAGE
        wait_until(lambda: fetch(page)[1], lambda html: "via polling" in html, "the polled change")


def test_drafts_and_scheduled_records_are_shown_with_a_banner(site_factory: Callable[..., Path]) -> None:
    files = {
        **SITE_FILES,
        "content/ks/2024-03-11-14.md": record_text(
            "titel: Nytt äldreboende",
            "typ: protokollsutdrag",
            "datum: 2024-03-11",
            "nämnd: KS",
            "paragraf: 14",
            "utkast: true",
        ),
        "content/ks/2024-03-11-15.md": record_text(
            "titel: Detaljplan för hamnen",
            "typ: protokollsutdrag",
            "datum: 2024-03-11",
            "nämnd: KS",
            "paragraf: 15",
            "publicera: 2027-01-15",
        ),
    }
    site = site_factory(files)
    draft = "sjoviks-kommun/ks/2024-03-11/14-nytt-aldreboende/"
    scheduled = "sjoviks-kommun/ks/2024-03-11/15-detaljplan-for-hamnen/"
    with running(site) as preview:
        draft_html = fetch(preview.url + draft)[1]
        scheduled_html = fetch(preview.url + scheduled)[1]
        budget_html = fetch(preview.url + BUDGET_PAGE)[1]

    assert re.search(r'<main[^>]*><div class="beslut-preview-banner" role="note"[^>]*>Utkast – ', draft_html)
    assert 'role="note"' in scheduled_html and ">Publiceras 2027-01-15 – " in scheduled_html
    assert "beslut-preview-banner" not in budget_html
    published = build(BuildOptions(site, out=site / "public", build_date=DAY, search=False))
    assert published.ok
    assert not (site / "public" / draft).exists() and not (site / "public" / scheduled).exists()
    assert "beslut-preview-banner" not in (site / "public" / BUDGET_PAGE / "index.html").read_text("utf-8")


def test_a_changed_translation_re_renders_every_page(site_factory: Callable[..., Path]) -> None:
    site = site_factory(SITE_FILES)
    with running(site) as preview:
        every_page = status(preview)["rendered"]
        (site / "i18n").mkdir()
        save(site / "i18n" / "sv.yaml", "skip_link: Hoppa till innehållet\n")
        done = wait_until(lambda: status(preview), lambda s: s["kind"] == "theme", "a theme rebuild")
        assert done["rendered"] == every_page
        assert "Hoppa till innehållet" in fetch(preview.url + BUDGET_PAGE)[1]


def test_a_broken_template_is_shown_with_its_file_and_line(site_factory: Callable[..., Path]) -> None:
    site = site_factory(SITE_FILES)
    with running(site) as preview:
        builds = status(preview)["builds"]
        (site / "templates").mkdir()
        save(
            site / "templates" / "record.html",
            '{% extends "theme/record.html" %}\n{% block main %}{% if %}\n',
        )
        broken = wait_for_build(preview, builds)

        assert not broken["ok"]
        assert any(e["path"] == "templates/record.html" and e["line"] == 2 for e in broken["errors"])
        assert "Budget för 2024" in fetch(preview.url + BUDGET_PAGE)[1]

        (site / "templates" / "record.html").unlink()
        fixed = wait_for_build(preview, broken["builds"])
        assert fixed["ok"]


def test_a_changed_site_yaml_renders_every_page_and_reads_the_records_again_only_for_new_rules(
    site_factory: Callable[..., Path],
) -> None:
    site = site_factory(SITE_FILES)
    with running(site) as preview:
        first = status(preview)
        save(site / "site.yaml", SITE_YAML.replace("Sjöviks kommuns beslut", "Sjöviks protokoll"))
        retitled = wait_for_build(preview, first["builds"])
        assert retitled["kind"] == "config" and retitled["rendered"] == first["rendered"]
        assert retitled["files_read"] == 0, "a new title is no reason to read a record again"
        assert "Sjöviks protokoll" in fetch(preview.url)[1]

        renamed = SITE_YAML.replace("Sjöviks kommuns beslut", "Sjöviks protokoll")
        save(
            site / "site.yaml",
            renamed.replace("{name: Kommunstyrelsen, short: KS}", "{name: Styrelsen, short: KS}"),
        )
        board = wait_for_build(preview, retitled["builds"])
        assert board["kind"] == "config" and board["files_read"] == 2, "the records' board is checked again"
        assert "Styrelsen" in fetch(preview.url + BUDGET_PAGE)[1]


def test_a_site_broken_from_the_start_is_served_once_fixed(site_factory: Callable[..., Path]) -> None:
    site = site_factory({BUDGET: SITE_FILES[BUDGET].replace("typ: protokollsutdrag", "typ: protokollsutdrg")})
    with running(site) as preview:
        code, html = fetch(preview.url)
        assert code == 503
        assert 'role="alertdialog"' in html and "protokollsutdrg" in html and "EventSource" in html
        builds = status(preview)["builds"]

        save(site / BUDGET, SITE_FILES[BUDGET])
        wait_for_build(preview, builds)
        assert fetch(preview.url + BUDGET_PAGE)[0] == 200


def test_beslut_serve_from_the_command_line_with_poll(site_factory: Callable[..., Path]) -> None:
    site = site_factory(SITE_FILES)
    child = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "generator",
            "serve",
            str(site),
            "--port",
            "0",
            "--poll",
            "--date",
            "2026-11-22",
        ],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    try:
        assert child.stdout is not None
        printed = [child.stdout.readline(), child.stdout.readline()]
        assert printed[0].startswith("Byggt på "), printed
        found = re.search(
            r"Förhandsvisning på (http://127\.0\.0\.1:\d+/) \(letar efter ändringar", printed[1]
        )
        assert found, printed
        page = found.group(1) + BUDGET_PAGE
        assert "Budget för 2024" in fetch(page)[1]
        save(site / BUDGET, SITE_FILES[BUDGET].replace("budgeten för 2024.", "budgeten (CLI)."))
        wait_until(lambda: fetch(page)[1], lambda html: "budgeten (CLI)." in html, "the change via the CLI")
    finally:
        child.terminate()
        child.wait(timeout=TIMEOUT)


def test_a_taken_port_is_refused_in_swedish(site_factory: Callable[..., Path]) -> None:
    site = site_factory(SITE_FILES)
    with running(site) as preview:
        port = preview.url.rstrip("/").rsplit(":", 1)[1]
        done = subprocess.run(
            [sys.executable, "-m", "generator", "serve", str(site), "--port", port],
            cwd=REPO,
            capture_output=True,
            text=True,
            timeout=TIMEOUT,
        )
    assert done.returncode == 1
    assert f"kan inte lyssna på 127.0.0.1:{port}" in done.stderr and "--port" in done.stderr


def test_after_many_edits_the_served_pages_are_those_of_a_fresh_build(
    site_factory: Callable[..., Path], tmp_path: Path
) -> None:
    citing = record_text(
        "titel: Uppföljning av taxan",
        "typ: protokollsutdrag",
        "datum: 2024-04-08",
        "nämnd: KF",
        "paragraf: 3",
        "relaterade: [KS 2024-03-11 § 13]",
        body="Kommunstyrelsen beslutade den 11 mars 2024, § 13, om taxan.\n",
    )
    site = site_factory({**SITE_FILES, "content/kf/2024-04-08-3.md": citing})
    taxa = site / "content/ks/2024-03-11-13.md"
    edits: list[Callable[[], None]] = [
        lambda: save(
            taxa, taxa.read_text(encoding="utf-8").replace("Taxa för bygglov", "Ny taxa för bygglov")
        ),
        lambda: save(
            site / "content/ks/2024-04-08-1.md", SITE_FILES[BUDGET].replace("2024-03-11", "2024-04-08")
        ),
        lambda: (site / BUDGET).unlink(),
        lambda: save(taxa, taxa.read_text(encoding="utf-8").replace("paragraf: 13", "paragraf: 14")),
        lambda: save(site / "content/kf/2024-04-08-3.md", citing.replace("om taxan", "om den nya taxan")),
    ]
    with running(site) as preview:
        for n, change in enumerate(edits):
            builds = status(preview)["builds"]
            change()
            assert wait_for_build(preview, builds)["ok"]
            if n == 0:  # the citing record shows the cited one's new title: its text was rendered again
                citing_page = preview.url + "sjoviks-kommun/kf/2024-04-08/3-uppfoljning-av-taxan/"
                assert "Ny taxa för bygglov" in fetch(citing_page)[1]
        assert_serves_a_fresh_build(preview, site, tmp_path / "fresh")


def test_the_search_index_follows_when_the_preview_is_idle(site_factory: Callable[..., Path]) -> None:
    site = site_factory(SITE_FILES)
    session = PreviewSession(site, site / ".beslut-preview", port=0, build_date=DAY, search=True)
    session.start()
    try:
        wait_until(lambda: status(session)["search_index"], bool, "the search index")
        code, script = fetch(session.url + "pagefind/pagefind.js")
        assert code == 200 and script
        assert fetch(session.url + "pagefind/../site.yaml")[0] == 404
    finally:
        session.stop()


def test_an_attachment_that_comes_later_is_checked_and_copied(site_factory: Callable[..., Path]) -> None:
    with_attachment = SITE_FILES[BUDGET].replace(
        "paragraf: 12\n", "paragraf: 12\nbilagor:\n  - titel: Budgetförslag\n    fil: budgetforslag.pdf\n"
    )
    site = site_factory({**SITE_FILES, BUDGET: with_attachment})
    with running(site) as preview:
        missing = status(preview)
        assert not missing["ok"]
        assert [e["message"] for e in missing["errors"]] == ['filen "budgetforslag.pdf" finns inte']

        save(site / "content/ks/budgetforslag.pdf", "%PDF-1.4 första\n")
        wait_for_build(preview, missing["builds"])
        assert fetch(preview.url + "filer/ks/budgetforslag.pdf") == (200, "%PDF-1.4 första\n")

        builds = status(preview)["builds"]
        save(site / "content/ks/budgetforslag.pdf", "%PDF-1.4 andra\n")
        wait_for_build(preview, builds)
        assert fetch(preview.url + "filer/ks/budgetforslag.pdf") == (200, "%PDF-1.4 andra\n")


def test_serve_refuses_a_folder_without_site_yaml(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "generator", "serve", str(tmp_path), "--port", "0"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
    )
    assert done.returncode == 1
    assert done.stderr.splitlines()[0] == f"site.yaml: fel: site.yaml: hittar ingen site.yaml i {tmp_path}"
    assert not (tmp_path / ".beslut-preview").exists()
