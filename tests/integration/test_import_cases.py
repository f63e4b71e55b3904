"""What beslut import says about awkward files: a whole protokoll, scans, empty, Latin-1, huge, tables,
personnummer, and documents it cannot place. Each gets a clear answer in Swedish and the right exit code."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import make_site
from tests.integration.importcheck import IMPORT_FIXTURES, import_json, read_record, seed_files
from tests.integration.importdocs import write_pdf
from tests.integration.sitecheck import assert_built, build_site, main_of, page, run_cli

PROTOKOLL = IMPORT_FIXTURES / "protokoll-ks-2024-03-11.txt"


def _records(site: Path) -> dict[str, tuple[dict[str, object], str]]:
    return {p.name: read_record(p) for p in sorted((site / "content").rglob("*.md"))}


@pytest.mark.parametrize("form", ["txt", "pdf"])
def test_a_protokoll_with_three_paragraphs_becomes_three_protokollsutdrag(form: str, tmp_path: Path) -> None:
    site = make_site(tmp_path / "site")
    source = (
        PROTOKOLL if form == "txt" else write_pdf(PROTOKOLL.read_text(encoding="utf-8"), tmp_path / "p.pdf")
    )
    code, _, stderr = import_json(site, source)
    assert code == 0, stderr
    records = _records(site)
    assert sorted(records) == [
        "2024-03-11-12-budget-2025.md",
        "2024-03-11-13-motion-om-fler-laddstolpar.md",
        "2024-03-11-14-delegationsbeslut.md",
    ]
    meeting = {
        "datum": "2024-03-11",
        "justerat": "2024-03-14",
        "anslag": "2024-03-15",
        "nämnd": "Kommunstyrelsen",
    }
    for front, _ in records.values():
        assert {k: str(front[k]) for k in meeting} == meeting
        assert front["typ"] == "protokollsutdrag"
    budget, budget_body = records["2024-03-11-12-budget-2025.md"]
    assert (budget["paragraf"], budget["titel"], budget["diarienummer"]) == (12, "Budget 2025", "KS-2024/12")
    assert budget["beslut"] == "Kommunstyrelsen föreslår kommunfullmäktige att anta budgeten för 2025."
    assert budget["reservationer"] == [
        {"namn": "Anna Berg", "parti": "V", "text": "Anna Berg (V) reserverar sig mot beslutet."}
    ]
    assert "Justerandes sign" not in budget_body and "Sida 2" not in budget_body
    motion, _ = records["2024-03-11-13-motion-om-fler-laddstolpar.md"]
    assert motion["överklagbar"] is False
    assert records["2024-03-11-14-delegationsbeslut.md"][0]["diarienummer"] == "KS-2024/3"
    assert_built(build_site(site, tmp_path / "out", "2024-03-20", drafts=True))


def test_the_whole_protokoll_can_be_kept_as_the_protokoll_records_attachment(tmp_path: Path) -> None:
    site = make_site(tmp_path / "site")
    pdf = write_pdf(PROTOKOLL.read_text(encoding="utf-8"), tmp_path / "protokoll.pdf")
    code, reports, stderr = import_json(site, pdf, "--bifoga-protokoll")
    assert code == 0, stderr
    assert [r["status"] for r in reports[0]["poster"]] == ["skriven"] * 4
    front, body = read_record(site / "content/sjoviks-kommun/ks/2024-03-11-protokoll.md")
    assert front["typ"] == "protokoll"
    assert (str(front["justerat"]), str(front["anslag"])) == ("2024-03-14", "2024-03-15")
    assert front["bilagor"] == [
        {"titel": "Protokollet i sin helhet (PDF)", "fil": "2024-03-11-protokoll.pdf"}
    ]
    assert (site / "content/sjoviks-kommun/ks/2024-03-11-protokoll.pdf").read_bytes() == pdf.read_bytes()
    assert "- § 13 Motion om fler laddstolpar" in body
    out = tmp_path / "out"
    assert_built(build_site(site, out, "2024-03-20", drafts=True))
    assert "2024-03-11-protokoll.pdf" in main_of(page(out, "sjoviks-kommun/ks/2024-03-11/protokoll/"))


def _scanned_pdf(path: Path) -> Path:
    """Write a PDF whose one page is an image and nothing else (as a scanner makes them)."""
    from PIL import Image
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    image = tmp = path.with_suffix(".png")
    Image.effect_noise((600, 800), 60).convert("RGB").save(tmp)
    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.drawImage(str(image), 0, 0, width=A4[0], height=A4[1])
    pdf.showPage()
    pdf.save()
    return path


def test_a_scanned_pdf_is_refused_with_the_reason(tmp_path: Path) -> None:
    site = make_site(tmp_path / "site")
    code, reports, _ = import_json(site, _scanned_pdf(tmp_path / "skannad.pdf"))
    assert code == 1
    (problem,) = reports[0]["fel"]
    assert problem["message"] == "PDF-filen har inget textlager: sidorna är inskannade bilder"
    assert "OCR" in problem["hint"]
    assert not list((site / "content").rglob("*.md"))


def test_an_empty_file_is_refused(tmp_path: Path) -> None:
    site = make_site(tmp_path / "site")
    (tmp_path / "tom.txt").write_bytes(b"")
    code, reports, _ = import_json(site, tmp_path / "tom.txt")
    assert code == 1
    assert reports[0]["fel"][0]["message"] == "filen är tom"


def test_a_latin1_file_is_read_and_said_so(tmp_path: Path) -> None:
    site = make_site(
        tmp_path / "site", site_yaml=(Path(__file__).parents[2] / "site.yaml").read_text("utf-8")
    )
    seed = seed_files()[4]
    latin = tmp_path / "huddinge.txt"
    latin.write_bytes(seed.read_text(encoding="utf-8").encode("cp1252"))
    code, reports, stderr = import_json(site, latin)
    assert code == 0, stderr
    assert "filen var inte sparad som UTF-8; den lästes som Windows-1252 (Latin-1)" in reports[0]["obs"]
    (record,) = reports[0]["poster"]
    front, _ = read_record(site / record["fil"])
    assert front["titel"] == (
        "En enhetlig kommunikationsprocess i Huddinge kommuns hela verksamhet – "
        "beslut om justering av budgetramar"
    )


def test_a_50_mb_pdf_gets_a_size_answer_at_once(tmp_path: Path) -> None:
    site = make_site(tmp_path / "site")
    big = write_pdf("Protokoll\n\n2024-01-01\n\nText.\n", tmp_path / "stor.pdf")
    with big.open("ab") as out:  # what a scanner's PDF weighs: 50 MB of image data
        out.write(b"%" + bytes(50_000_000))
    code, reports, _ = import_json(site, big)
    assert code == 1
    (problem,) = reports[0]["fel"]
    assert problem["message"] == "PDF-filen är 50 MB; beslut import läser PDF-filer upp till 30 MB"
    assert "dela upp filen" in problem["hint"]


def test_a_docx_with_a_table_keeps_the_table(tmp_path: Path) -> None:
    import docx

    site = make_site(tmp_path / "site")
    document = docx.Document()
    document.add_heading("Taxor för 2025", 2)
    document.add_paragraph("Datum 2024-05-02")
    document.add_paragraph("Förvaltningen föreslår nya taxor för bygglov.")
    table = document.add_table(rows=3, cols=2)
    rows = [("Taxa", "Belopp"), ("Bygglov", "12 000 kr"), ("Rivning", "3 000 kr")]
    for row, (name, amount) in zip(table.rows, rows, strict=True):
        row.cells[0].text, row.cells[1].text = name, amount
    document.save(str(tmp_path / "taxor.docx"))
    code, reports, stderr = import_json(site, tmp_path / "taxor.docx", "--typ", "tjänsteskrivelse")
    assert code == 0, stderr
    assert any("tabell (stycke 4)" in note for note in reports[0]["obs"])
    front, body = read_record(site / reports[0]["poster"][0]["fil"])
    assert (front["titel"], str(front["datum"])) == ("Taxor för 2025", "2024-05-02")
    assert "| Taxa | Belopp |\n| --- | --- |\n| Bygglov | 12 000 kr |\n| Rivning | 3 000 kr |" in body
    out = tmp_path / "out"
    assert_built(build_site(site, out, "2024-06-01", drafts=True))
    html = main_of(page(out, reports[0]["poster"][0]["adress"].lstrip("/")))
    assert "<table>" in html and "<td>12 000 kr</td>" in html


PERSONAL = (
    "Sjöviks kommun\n\nTjänsteskrivelse\n\nDatum 2024-02-01\n\nBidrag till förening\n\n"
    "Sökande 811218-9876 har ansökt om bidrag.\n"
)


def test_a_personnummer_stops_the_file_with_its_line(tmp_path: Path) -> None:
    site = make_site(tmp_path / "site")
    (tmp_path / "bidrag.txt").write_text(PERSONAL, encoding="utf-8")
    code, reports, _ = import_json(site, tmp_path / "bidrag.txt")
    assert code == 1
    (problem,) = reports[0]["fel"]
    assert (problem["line"], problem["field"]) == (9, "personnummer")
    assert problem["message"] == '"811218-9876" (rad 9) är ett giltigt personnummer; filen importeras inte'
    assert "--maskera-personnummer" in problem["hint"]
    assert not list((site / "content").rglob("*.md"))


def test_masking_replaces_the_number_and_says_so(tmp_path: Path) -> None:
    site = make_site(tmp_path / "site")
    (tmp_path / "bidrag.txt").write_text(PERSONAL, encoding="utf-8")
    code, reports, stderr = import_json(site, tmp_path / "bidrag.txt", "--maskera-personnummer")
    assert code == 0, stderr
    assert "personnummer på rad 9 ersatt med en maskering" in reports[0]["obs"]
    text = (site / reports[0]["poster"][0]["fil"]).read_text(encoding="utf-8")
    assert "811218-9876" not in text
    assert "Sökande [[maskerat: OSL 21 kap. 7 §]] har ansökt om bidrag." in text
    assert_built(build_site(site, tmp_path / "out", "2024-06-01", drafts=True))


def test_a_document_of_no_known_type_names_the_option_to_use(tmp_path: Path) -> None:
    site = make_site(tmp_path / "site")
    (tmp_path / "brev.txt").write_text("Ett brev\n\n2024-01-02\n\nHej.\n", encoding="utf-8")
    code, reports, _ = import_json(site, tmp_path / "brev.txt")
    assert code == 1
    (problem,) = reports[0]["fel"]
    assert problem["field"] == "typ"
    assert "--typ" in problem["hint"]
    code, reports, _ = import_json(site, tmp_path / "brev.txt", "--typ", "nyhet")
    assert code == 0


def test_the_text_report_says_per_file_what_was_found_and_where_it_went(tmp_path: Path) -> None:
    site = make_site(
        tmp_path / "site", site_yaml=(Path(__file__).parents[2] / "site.yaml").read_text("utf-8")
    )
    (tmp_path / "tom.txt").write_bytes(b"")
    done = run_cli("import", str(seed_files()[0]), str(tmp_path / "tom.txt"), "--site", str(site))
    assert done.returncode == 1
    where = "content/alingsas/kf/2018-11-28-205-genomforande-handlingsplan-effekt-6-0-samla.md"
    assert f"protokollsutdrag → {where} (skriven)" in done.stdout
    assert "    paragraf (rad 5): 205" in done.stdout
    assert "    att fylla i: anslag: skriv dagen då justeringen anslogs" in done.stdout
    assert f"{tmp_path / 'tom.txt'}: fel: fil: filen är tom" in done.stderr
    assert done.stdout.rstrip().endswith(
        "Klart: 1 poster skrivna, 0 redan importerade, 1 av 2 filer importerade; 1 fil med fel"
    )


def test_help_is_swedish() -> None:
    done = run_cli("import", "--help")
    assert done.returncode == 0
    assert done.stdout.startswith("användning: beslut import")
    assert "--maskera-personnummer" in done.stdout and "--bifoga-protokoll" in done.stdout
