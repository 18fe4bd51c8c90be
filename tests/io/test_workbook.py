"""Workbooks: every sample survives YAML → XLSX → YAML, and a clerk's typing is read right."""
from __future__ import annotations

import shutil
import subprocess
import warnings

import pytest
from openpyxl import load_workbook

from ita_docs import ItaDocsWarning, load, render, save
from ita_docs.cli import main
from ita_docs.errors import DataValidationError
from tests.conftest import SAMPLES, table_texts

STEMS = ["nongmuang-2566-measures", "krut-2566-progress", "sanmaket-2565-progress",
         "satengnok-2566-analysis", "ronthong-2564-report"]


def _docx_text(path):
    import docx

    document = docx.Document(str(path))
    return [p.text for p in document.paragraphs], table_texts(path)


@pytest.mark.parametrize("stem", STEMS)
def test_yaml_to_workbook_and_back_gives_the_same_document(tmp_path, stem):
    document = load(SAMPLES / f"{stem}.yaml")
    book = save(document, tmp_path / f"{stem}.xlsx")
    assert load(book) == document
    assert load(save(load(book), tmp_path / f"{stem}.yaml")) == document


@pytest.mark.parametrize("stem", STEMS)
def test_the_workbook_renders_the_same_text_as_the_yaml(tmp_path, stem):
    book = save(load(SAMPLES / f"{stem}.yaml"), tmp_path / f"{stem}.xlsx")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ItaDocsWarning)
        from_yaml = render(SAMPLES / f"{stem}.yaml", tmp_path / "a.docx")
        from_book = render(book, tmp_path / "b.docx")
    assert _docx_text(from_yaml) == _docx_text(from_book)


def test_workbook_layout(tmp_path):
    book = load_workbook(save(load(SAMPLES / "nongmuang-2566-measures.yaml"), tmp_path / "n.xlsx"))
    assert book.sheetnames[:2] == ["คำแนะนำ", "เอกสาร"]
    measures = book["มาตรการ"]
    assert [c.value for c in measures[1]][:4] == ["แถวที่ [_row]", "ลำดับ [number]", "ชื่อ/หัวข้อ [title]",
                                                  "วิธีการดำเนินการ [method]"]
    assert measures.freeze_panes == "A2"
    assert measures["E2"].value == "กองคลัง\nสำนักปลัดเทศบาล"      # lines of one cell
    assert measures["F2"].value == "ปีงบประมาณ 2566"                 # the period as text
    assert measures["D2"].alignment.wrap_text
    indicators = book["คะแนนตัวชี้วัดปีก่อน"]
    choices = [dv.formula1 for dv in indicators.data_validations.dataValidation]
    assert any("การปฏิบัติหน้าที่" in f for f in choices)


def _clerk_workbook(tmp_path, date_text):
    path = tmp_path / "clerk.xlsx"
    assert main(["new", "measures_plan", "-o", str(path)]) == 0
    book = load_workbook(path)
    main_sheet = book["เอกสาร"]
    for row in main_sheet.iter_rows(min_row=2):
        if row[0].value == "meeting.date":
            row[1].value = date_text
            date_cell = row[1].coordinate
        if row[0].value == "fiscal_year":
            row[1].value = "๒๕๖๖"                                   # Thai digits typed as text
    scores = book["คะแนนตัวชี้วัดปีก่อน"]
    scores["C2"].value = "๑๐๐.๐๐"                                # the same score, in Thai digits
    measures = book["มาตรการ"]
    measures["D2"].value = "ข้อหนึ่ง\nข้อสอง"                        # Alt+Enter
    book.save(path)
    return path, date_cell


def test_a_clerks_workbook_renders(tmp_path):
    path, _ = _clerk_workbook(tmp_path, "30 ม.ค. 2566")
    plan = load(path)
    assert plan.fiscal_year == 2566
    assert str(plan.meeting.date) == "2023-01-30"
    assert str(plan.previous_result.indicators[0].score) == "100.00"
    assert plan.measures[0].method == ["ข้อหนึ่ง", "ข้อสอง"]
    out = render(path, tmp_path / "clerk.docx")
    assert table_texts(out)[2][1][1] == "ข้อหนึ่ง\nข้อสอง"


def test_a_wrong_date_is_reported_with_its_sheet_and_cell(tmp_path):
    path, cell = _clerk_workbook(tmp_path, "31 ก.พ. 2566")
    with pytest.raises(DataValidationError) as info:
        load(path)
    problem = info.value.problems[0]
    assert problem.location.file == str(path)
    assert problem.location.path == f"เอกสาร!{cell} (meeting.date)"
    assert "ไม่มีวันที่นี้ในปฏิทิน" in problem.message


def test_an_unknown_column_is_an_error_not_ignored(tmp_path):
    path = save(load(SAMPLES / "krut-2566-progress.yaml"), tmp_path / "k.xlsx")
    book = load_workbook(path)
    sheet = book["มาตรการและผล"]
    sheet.cell(row=1, column=sheet.max_column + 1, value="งบประมาณ")
    sheet.cell(row=2, column=sheet.max_column, value="20,000")
    book.save(path)
    with pytest.raises(DataValidationError) as info:
        load(path)
    assert "ไม่รู้จักคอลัมน์ 'งบประมาณ'" in info.value.problems[0].message
    assert info.value.problems[0].location.path.startswith("มาตรการและผล!")


def test_a_broken_workbook_is_a_clear_error(tmp_path):
    from ita_docs.errors import ReadError

    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"PK\x03\x04 not really a workbook")
    with pytest.raises(ReadError, match="Excel"):
        load(broken)


@pytest.mark.slow
def test_a_workbook_saved_again_by_libreoffice_calc_still_reads(tmp_path):
    soffice = shutil.which("soffice")
    if soffice is None:
        pytest.skip("needs LibreOffice Calc: sudo apt-get install libreoffice-calc-nogui")
    document = load(SAMPLES / "krut-2566-progress.yaml")
    save(document, tmp_path / "in.xlsx")
    result = subprocess.run([soffice, f"-env:UserInstallation=file://{tmp_path}/profile", "--headless",
                             "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", str(tmp_path / "out"),
                             str(tmp_path / "in.xlsx")], capture_output=True, text=True, timeout=180)
    resaved = tmp_path / "out" / "in.xlsx"
    assert resaved.exists(), result.stderr
    assert load(resaved) == document
