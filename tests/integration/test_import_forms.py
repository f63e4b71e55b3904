"""The seeds as Word and PDF files (with page headers, footers and page numbers) import to the same records.

The .docx and .pdf are written from the seed text in the test (tests/integration/importdocs.py): Word
keeps its header and footer in their own parts, the PDF prints them on every page.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.integration.importcheck import demo_site, import_json, read_record, seed_files, words, written
from tests.integration.importdocs import HEADER, write_docx, write_pdf

WRITERS = {"docx": write_docx, "pdf": write_pdf}


def _imported(root: Path, form: str) -> tuple[Path, dict[str, dict[str, Any]]]:
    """Import the five seeds in one form into a new site with the demo's site.yaml."""
    site = demo_site(root / form / "site")
    files = []
    for seed in seed_files():
        text = seed.read_text(encoding="utf-8")
        files.append(WRITERS[form](text, root / form / f"{seed.stem}.{form}") if form in WRITERS else seed)
    code, reports, stderr = import_json(site, *files)
    assert code == 0, stderr
    return site, written(reports)


@pytest.fixture(scope="module")
def as_text(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, dict[str, Any]]]:
    return _imported(tmp_path_factory.mktemp("forms"), "txt")


def _same_spaces(value: Any) -> Any:
    """Return a value with non-breaking spaces as spaces (a PDF's text keeps no NBSP)."""
    if isinstance(value, str):
        return value.replace("\u00a0", " ")
    if isinstance(value, list):
        return [_same_spaces(v) for v in value]
    if isinstance(value, dict):
        return {k: _same_spaces(v) for k, v in value.items()}
    return value


@pytest.mark.parametrize("form", sorted(WRITERS))
def test_docx_and_pdf_import_to_the_records_of_the_text_export(
    form: str, as_text: tuple[Path, dict[str, dict[str, Any]]], tmp_path: Path
) -> None:
    text_site, text_records = as_text
    site, records = _imported(tmp_path, form)
    assert {s: r["fil"] for s, r in records.items()} == {s: r["fil"] for s, r in text_records.items()}
    for seed, record in records.items():
        mine, body = read_record(site / record["fil"])
        theirs, text_body = read_record(text_site / text_records[seed]["fil"])
        assert _same_spaces(mine) == _same_spaces(theirs), seed
        assert words(body) == words(text_body), seed
        assert HEADER not in body and "Sida " not in body


def test_pdf_values_name_their_page(tmp_path: Path) -> None:
    _, records = _imported(tmp_path, "pdf")
    found = records["004_9d46b7055378e62f"]["funnet"]
    assert found["paragraf"]["var"].startswith("sida 1, rad ")
    assert records["004_9d46b7055378e62f"]["status"] == "skriven"
