"""Publishing dates as real builds: publicera, avpublicera and utkast on fixed build dates, the build date
from --date or SOURCE_DATE_EPOCH (a Swedish calendar day), and ``beslut check`` listing what changes soon.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tests.integration.lawsite import Built, build, main_text, record, run, write_site

SCHEDULED = "sjovik/nyheter/2024-06-03-samrad-om-ny-detaljplan/"
WITHDRAWN = "sjovik/nyheter/2024-05-02-grattis-till-arets-foreningsledare/"
DRAFT = "sjovik/nyheter/2024-05-28-utkast-till-pressmeddelande/"
DAY_30 = "sjovik/nyheter/2024-05-30-sommarlovsaktiviteter/"
DAY_31 = "sjovik/nyheter/2024-05-31-hostens-kulturprogram/"

FILES = {
    "content/nyheter/2024-06-03-samrad-om-ny-detaljplan.md": record(
        "titel: Samråd om ny detaljplan", "typ: nyhet", "datum: 2024-06-03", "publicera: 2024-06-10"
    ),
    "content/nyheter/2024-05-02-grattis-till-arets-foreningsledare.md": record(
        "titel: Grattis till årets föreningsledare",
        "typ: nyhet",
        "datum: 2024-05-02",
        "avpublicera: 2024-06-20",
        body="Lisa Svensson i Sjöviks IF är årets föreningsledare.\n",
    ),
    "content/nyheter/2024-05-28-utkast-till-pressmeddelande.md": record(
        "titel: Utkast till pressmeddelande",
        "typ: nyhet",
        "datum: 2024-05-28",
        "utkast: true",
        "publicera: 2024-06-05",
    ),
    "content/nyheter/2024-05-30-sommarlovsaktiviteter.md": record(
        "titel: Sommarlovsaktiviteter", "typ: nyhet", "datum: 2024-05-30", "publicera: 2024-07-01"
    ),
    "content/nyheter/2024-05-31-hostens-kulturprogram.md": record(
        "titel: Höstens kulturprogram", "typ: nyhet", "datum: 2024-05-31", "publicera: 2024-07-02"
    ),
    "content/nyheter/2024-05-15-nytt-bibliotek-oppnar.md": record(
        "titel: Nytt bibliotek öppnar", "typ: nyhet", "datum: 2024-05-15"
    ),
}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_site(tmp_path_factory.mktemp("publicering"), FILES)


def built_on(site: Path, day: str, *extra: str) -> Built:
    result = build(site, day, site.parent / f"out-{day}{'-'.join(extra)}", *extra)
    assert result.code == 0, result.stderr
    return result


def linked_anywhere(built: Built, path: str) -> list[str]:
    """Return every page (and the sitemap, if any) that mentions ``path``."""
    files = [*built.html_files(), *built.out.glob("*.xml")]
    return [str(f.relative_to(built.out)) for f in files if path in f.read_text(encoding="utf-8")]


@pytest.mark.parametrize(
    ("day", "published"),
    [("2024-06-09", False), ("2024-06-10", True), ("2024-12-31", True)],
)
def test_a_record_appears_on_its_publicera_date(site: Path, day: str, published: bool) -> None:
    built = built_on(site, day)
    assert built.has_page(SCHEDULED) is published
    assert bool(linked_anywhere(built, SCHEDULED)) is published
    assert ("Samråd om ny detaljplan" in main_text(built.page("nyheter/"))) is published


@pytest.mark.parametrize(
    ("day", "published"),
    [("2024-05-02", True), ("2024-06-19", True), ("2024-06-20", False), ("2025-01-01", False)],
)
def test_a_record_comes_down_on_its_avpublicera_date(site: Path, day: str, published: bool) -> None:
    built = built_on(site, day)
    assert built.has_page(WITHDRAWN) is published
    assert bool(linked_anywhere(built, WITHDRAWN)) is published
    everything = "".join(p.read_text(encoding="utf-8") for p in built.html_files())
    assert ("Lisa Svensson" in everything) is published


def test_a_draft_is_built_only_when_drafts_are_asked_for(site: Path) -> None:
    assert not built_on(site, "2024-06-09").has_page(DRAFT)
    assert not linked_anywhere(built_on(site, "2024-06-09"), DRAFT)
    with_drafts = built_on(site, "2024-06-09", "--drafts")
    assert with_drafts.has_page(DRAFT)
    # A draft is still scheduled: --drafts shows drafts, not the future.
    assert not built_on(site, "2024-06-04", "--drafts").has_page(DRAFT)


def test_the_build_date_comes_from_source_date_epoch_as_a_swedish_day(
    site: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = site.parent / "out-epoch"
    # 22:30 UTC on 9 June 2024 is 00:30 on 10 June in Sweden (CEST): the record is out.
    monkeypatch.setenv(
        "SOURCE_DATE_EPOCH", str(int(dt.datetime(2024, 6, 9, 22, 30, tzinfo=dt.UTC).timestamp()))
    )
    code, _, stderr = run("build", str(site), "--out", str(out))
    assert code == 0, stderr
    assert (out / SCHEDULED / "index.html").is_file()
    # 21:30 UTC is 23:30 on 9 June in Sweden: not yet.
    monkeypatch.setenv(
        "SOURCE_DATE_EPOCH", str(int(dt.datetime(2024, 6, 9, 21, 30, tzinfo=dt.UTC).timestamp()))
    )
    assert run("build", str(site), "--out", str(out))[0] == 0
    assert not (out / SCHEDULED / "index.html").is_file()
    # --date wins over SOURCE_DATE_EPOCH.
    assert run("build", str(site), "--out", str(out), "--date", "2024-06-10")[0] == 0
    assert (out / SCHEDULED / "index.html").is_file()


def test_two_builds_on_the_same_date_are_identical(site: Path) -> None:
    first, second = (build(site, "2024-06-15", site.parent / f"out-same-{n}") for n in (1, 2))
    pages = [p.relative_to(first.out) for p in first.html_files()]
    assert pages == [p.relative_to(second.out) for p in second.html_files()]
    for page in pages:
        assert (first.out / page).read_bytes() == (second.out / page).read_bytes(), page


def test_check_lists_what_appears_or_comes_down_within_30_days(site: Path) -> None:
    code, stdout, _ = run("check", str(site), "--date", "2024-06-01")
    assert code == 0
    listed = [line for line in stdout.splitlines() if line.startswith("  ")]
    assert stdout.splitlines()[0] == "Inom 30 dagar:"
    assert listed == [
        "  2024-06-10 publiceras: content/nyheter/2024-06-03-samrad-om-ny-detaljplan.md"
        " (Samråd om ny detaljplan)",
        "  2024-06-20 avpubliceras: content/nyheter/2024-05-02-grattis-till-arets-foreningsledare.md"
        " (Grattis till årets föreningsledare)",
        "  2024-07-01 publiceras: content/nyheter/2024-05-30-sommarlovsaktiviteter.md"
        " (Sommarlovsaktiviteter)",
    ]
    # Day 31 (Höstens kulturprogram) is not yet listed, nor the draft; check writes nothing.
    assert not (site / "public").exists()


def test_check_lists_nothing_when_nothing_changes_soon(site: Path) -> None:
    code, stdout, _ = run("check", str(site), "--date", "2025-01-01")
    assert code == 0
    assert "Inom 30 dagar" not in stdout


def test_check_moves_its_window_with_the_build_date(site: Path) -> None:
    _, stdout, _ = run("check", str(site), "--date", "2024-06-10")
    listed = [line.split(":")[0].strip() for line in stdout.splitlines() if line.startswith("  ")]
    # Published today is no change to come; day 30 from 10 June is 10 July.
    assert listed == ["2024-06-20 avpubliceras", "2024-07-01 publiceras", "2024-07-02 publiceras"]
