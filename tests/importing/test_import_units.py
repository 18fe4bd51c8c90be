"""The importer's parts on small Word files typed here with python-docx: merged cells, text
boxes, headers and footers, continued tables, nested tables, the vocabulary, numbers,
periods, scores, and the ``import`` command."""
from __future__ import annotations

import copy
import json
import zipfile
from pathlib import Path
from typing import Any

import docx
import pytest
import yaml
from docx.oxml.ns import qn
from lxml import etree

import ita_docs
from ita_docs.cli import main
from ita_docs.errors import ItaDocsError
from ita_docs.importing.reader import Paragraph, Table, read_docx_bytes
from ita_docs.importing.recognise import (
    digits_of,
    fiscal_year_of,
    organisation_of,
    previous_sentence,
)
from ita_docs.importing.vocabulary import VOCABULARY
from ita_docs.thai import MonthRange, TextPeriod

TITLE = ["มาตรการส่งเสริมคุณธรรมและความโปร่งใส ประจำปีงบประมาณ พ.ศ. ๒๕๖๖",
         "องค์การบริหารส่วนตำบลหนองบัว อำเภอเมืองอุดรธานี จังหวัดอุดรธานี"]
HEAD = ["มาตรการ/แนวทาง", "วิธีการดำเนินการ", "ผู้รับผิดชอบ", "ระยะเวลาดำเนินการ", "งบประมาณ", "หมายเหตุ"]
ROWS = [
    ["๑. เปิดเผยข้อมูลการใช้งบประมาณ", "ประกาศทางเว็บไซต์", "-กองคลัง\n-สำนักปลัด", "ต.ค.๖๕-มี.ค. ๖๖", "๕,๐๐๐", "ทำต่อเนื่อง"],
    ["๒. อบรมคุณธรรม", "จัดอบรมปีละครั้ง", "สำนักปลัด", "ช่วงที่ไม่มีภารกิจ", "-", ""],
]


def _table(document: Any, head: list[str], rows: list[list[str]]) -> Any:
    table = document.add_table(rows=1 + len(rows), cols=len(head))
    for c, text in enumerate(head):
        table.cell(0, c).text = text
    for r, row in enumerate(rows, start=1):
        for c, text in enumerate(row):
            cell = table.cell(r, c)
            lines = text.split("\n")
            cell.text = lines[0]
            for line in lines[1:]:
                cell.add_paragraph(line)
    return table


def _plan(path: Path, *, rows: list[list[str]] = ROWS, scores: bool = True) -> Path:
    document = docx.Document()
    for line in TITLE:
        document.add_paragraph(line).alignment = 1
    document.add_paragraph("ผลการประเมินปี ๒๕๖๕ ได้คะแนน ๙๖.๐๔ คะแนน อยู่ในระดับ AA")
    if scores:
        _table(document, ["ตัวชี้วัด", "คะแนน"], [["การปฏิบัติหน้าที่", "99.47"], ["การใช้อำนาจ", "๙๘.๕๘"]])
    document.add_paragraph("มาตรการ")
    _table(document, HEAD, rows)
    document.add_paragraph("ประกาศ ณ วันที่ ๒๐ มีนาคม ๒๕๖๖")
    document.save(path)
    return path


@pytest.fixture(scope="module")
def plan(tmp_path_factory: pytest.TempPathFactory) -> tuple[Any, Any]:
    return ita_docs.import_docx(_plan(tmp_path_factory.mktemp("plan") / "plan.docx"))


def _parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as package:
        return {name: package.read(name) for name in package.namelist()}


# -- the plan typed in Word --------------------------------------------------------------
def test_a_plan_typed_in_word_becomes_a_plan(plan: tuple[Any, Any]) -> None:
    document, _report = plan
    assert document.kind == "measures_plan"
    assert document.organisation.model_dump(exclude_none=True) == {
        "name": "องค์การบริหารส่วนตำบลหนองบัว", "type": "องค์การบริหารส่วนตำบล",
        "district": "เมืองอุดรธานี", "province": "อุดรธานี"}
    assert document.fiscal_year == 2566
    assert document.previous_result.fiscal_year == 2565
    assert str(document.previous_result.total_score) == "96.04" and document.previous_result.level == "AA"
    assert [(i.indicator, str(i.score)) for i in document.previous_result.indicators] == \
        [("การปฏิบัติหน้าที่", "99.47"), ("การใช้อำนาจ", "98.58")]


def test_measure_numbers_titles_and_lists_in_cells(plan: tuple[Any, Any]) -> None:
    first, second = plan[0].measures
    assert (first.number, first.title, second.number) == (1, "เปิดเผยข้อมูลการใช้งบประมาณ", 2)
    assert first.responsible == ["กองคลัง", "สำนักปลัด"]
    assert second.responsible == ["สำนักปลัด"]


def test_periods_are_parsed_where_they_parse_and_kept_as_text_otherwise(plan: tuple[Any, Any]) -> None:
    first, second = plan[0].measures
    assert isinstance(first.period, MonthRange)
    assert second.period == TextPeriod("ช่วงที่ไม่มีภารกิจ")


def test_unknown_and_extra_columns_are_kept_with_their_headings(plan: tuple[Any, Any]) -> None:
    document, report = plan
    columns = [(c.key, c.heading) for c in document.sections[-2].measures_table.columns]
    assert columns == [("measure", "มาตรการ/แนวทาง"), ("method", "วิธีการดำเนินการ"),
                       ("responsible", "ผู้รับผิดชอบ"), ("period", "ระยะเวลาดำเนินการ"),
                       ("budget", "งบประมาณ"), ("column_6", "หมายเหตุ")]
    assert document.measures[0].extra == {"budget": ["๕,๐๐๐"], "column_6": ["ทำต่อเนื่อง"]}
    assert any("'หมายเหตุ' → คอลัมน์เพิ่มเติม" in line for line in report.lines())


def test_the_report_names_what_became_what(plan: tuple[Any, Any]) -> None:
    lines = plan[1].lines()
    assert "ตารางที่ 2 → ตารางมาตรการ (measures, sections: measures_table)" in lines
    assert any(line.startswith("ตารางที่ 1 → ตารางอิสระ") for line in lines)
    assert any(line.startswith("ข้อความอิสระ: ย่อหน้าที่ 4: มาตรการ") for line in lines)
    assert not plan[1].warnings


def test_the_signature_line_and_other_paragraphs_stay_in_order(plan: tuple[Any, Any]) -> None:
    data = plan[0].model_dump(mode="json", exclude_defaults=True)
    texts = [b.get("paragraphs") or b.get("heading") for b in data["sections"] if "measures_table" not in b]
    assert texts[-1] == ["ประกาศ ณ วันที่ ๒๐ มีนาคม ๒๕๖๖"]
    assert texts[0] == TITLE


def test_a_measures_table_that_does_not_fit_stays_a_free_table(tmp_path: Path) -> None:
    rows = copy.deepcopy(ROWS)
    rows[1][0] = "(๒) อบรมคุณธรรม"   # -- numbered two ways: one number format could not write both --
    document, report = ita_docs.import_docx(_plan(tmp_path / "p.docx", rows=rows))
    assert document.kind == "analysis_report"
    assert any("เลขลำดับมาตรการเขียนหลายแบบ" in (n.reason or "") for n in report.tables)
    assert not [w for w in report.warnings if "ไม่ถึง" in w]


def test_a_plan_without_scores_is_kept_as_a_progress_report_with_a_warning(tmp_path: Path) -> None:
    document, report = ita_docs.import_docx(_plan(tmp_path / "p.docx", scores=False))
    assert document.kind == "progress_report"
    assert any("ไม่พบตารางคะแนน" in w for w in report.warnings)


# -- the reader ---------------------------------------------------------------------------
def _merged(path: Path) -> Path:
    document = docx.Document()
    table = _table(document, ["เครื่องมือ", "ตัวชี้วัด", "คะแนน"],
                   [["IIT", "การปฏิบัติหน้าที่", "99.47"], ["", "การใช้อำนาจ", "98.58"], ["รวม", "", ""]])
    table.cell(1, 0).merge(table.cell(2, 0))   # -- down --
    table.cell(3, 0).merge(table.cell(3, 2))   # -- across --
    document.save(path)
    return path


def test_merged_cells_are_one_cell_and_no_text_appears_twice(tmp_path: Path) -> None:
    (table,) = [i for i in read_docx_bytes(_parts(_merged(tmp_path / "m.docx"))).items if isinstance(i, Table)]
    assert [(c.text, c.covered) for c in table.rows[2]] == [("", True), ("การใช้อำนาจ", False), ("98.58", False)]
    assert [(c.text, c.covered, c.span) for c in table.rows[3]] == [("รวม", False, 3), ("", True, 1), ("", True, 1)]


def _with_header_box_and_nested(path: Path) -> Path:
    document = docx.Document()
    header = document.sections[0].header.paragraphs[0]
    run = header.add_run("- ")
    for kind, text in (("begin", None), (None, " PAGE "), ("end", None)):
        if kind:
            field = etree.SubElement(run._r, qn("w:fldChar"))
            field.set(qn("w:fldCharType"), kind)
        else:
            instr = etree.SubElement(run._r, qn("w:instrText"))
            instr.text = text
    document.sections[0].footer.paragraphs[0].text = "งานนิติการ โทร ๐๔๒-๑๒๓๔๕๖"
    anchor = document.add_paragraph("ย่อหน้าที่มีกล่องข้อความ")
    box = etree.fromstring(
        '<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
        'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
        'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
        '<mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx><w:txbxContent>'
        '<w:p><w:r><w:t>ข้อความในกล่อง</w:t></w:r></w:p></w:txbxContent></wps:txbx></w:drawing></mc:Choice>'
        '<mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>ข้อความในกล่อง</w:t></w:r></w:p>'
        '</w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r>')
    anchor._p.append(box)
    outer = _table(document, ["หัวข้อ", "รายละเอียด"], [["ก", ""]])
    inner = outer.cell(1, 1).add_table(rows=1, cols=2)
    inner.cell(0, 0).text = "ใน ๑"
    inner.cell(0, 1).text = "ใน ๒"
    document.save(path)
    return path


def test_text_boxes_headers_footers_and_nested_tables_are_read_once(tmp_path: Path) -> None:
    source = read_docx_bytes(_parts(_with_header_box_and_nested(tmp_path / "b.docx")))
    paragraphs = [(p.text, p.origin) for p in source.items if isinstance(p, Paragraph) and p.text]
    assert paragraphs == [("งานนิติการ โทร ๐๔๒-๑๒๓๔๕๖", "header"), ("ย่อหน้าที่มีกล่องข้อความ", "body"),
                          ("ข้อความในกล่อง", "textbox")]
    assert source.ignored == ["หัวกระดาษ/ท้ายกระดาษ: เลขหน้า '-'"]
    (table,) = [i for i in source.items if isinstance(i, Table)]
    assert table.rows[1][1].paragraphs == ["ใน ๑", "ใน ๒"]


def test_a_table_continued_after_a_page_break_is_joined(tmp_path: Path) -> None:
    document = docx.Document()
    _table(document, HEAD[:4], [ROWS[0][:4]])
    document.add_page_break()
    _table(document, HEAD[:4], [ROWS[1][:4]])
    document.save(tmp_path / "c.docx")
    tables = [i for i in read_docx_bytes(_parts(tmp_path / "c.docx")).items if isinstance(i, Table)]
    assert len(tables) == 1 and len(tables[0].rows) == 3 and tables[0].joined == ["ตารางที่ 2"]



def _continued_plan(path: Path, second_head: list[str], order: list[int], *, caption_again: bool) -> Path:
    """A plan whose measures table goes on after a page break, its header typed again as
    *second_head*, the second piece's cells in the columns *order* gives."""
    document = docx.Document()
    for line in TITLE:
        document.add_paragraph(line).alignment = 1
    document.add_paragraph("ผลการประเมินปี ๒๕๖๕ ได้คะแนน ๙๖.๐๔ คะแนน อยู่ในระดับ AA")
    _table(document, ["ตัวชี้วัด", "คะแนน"], [["การปฏิบัติหน้าที่", "99.47"], ["การใช้อำนาจ", "๙๘.๕๘"]])
    document.add_paragraph("มาตรการ")
    _table(document, HEAD[:4], [ROWS[0][:4]])
    document.add_page_break()
    if caption_again:
        document.add_paragraph("มาตรการ")
    _table(document, second_head, [[ROWS[1][i] for i in order]])
    document.add_paragraph("ประกาศ ณ วันที่ ๒๐ มีนาคม ๒๕๖๖")
    document.save(path)
    return path


def test_a_continued_table_whose_header_is_typed_differently_is_joined_by_its_headings(tmp_path: Path) -> None:
    """On the next page the clerk typed the header again in another order, one heading a little
    differently, under the caption typed again: one table, the cells under their own headings."""
    second = ["มาตรการ/แนวทาง", "ผู้รับผิดชอบ", "วิธีการดำเนินการ", "ระยะเวลาดำเนินงาน"]
    path = _continued_plan(tmp_path / "c.docx", second, [0, 2, 1, 3], caption_again=True)
    source = read_docx_bytes(_parts(path))
    tables = [i for i in source.items if isinstance(i, Table)]
    assert len(tables) == 2 and tables[1].joined == ["ตารางที่ 3"] and tables[1].breaks == [2]
    assert [c.text for c in tables[1].rows[2]] == ROWS[1][:4]
    assert source.ignored == [
        "ตารางที่ 3: คอลัมน์เรียงต่างจากตารางก่อน อ่านตามหัวคอลัมน์",
        "ตารางที่ 3: หัวคอลัมน์ที่พิมพ์ซ้ำต่างจากตารางก่อน 'ระยะเวลาดำเนินงาน' (อ่านเป็น 'ระยะเวลาดำเนินการ')",
        "ตารางที่ 3: ชื่อตารางที่พิมพ์ซ้ำเหนือตารางต่อหน้า 'มาตรการ'"]
    document, report = ita_docs.import_docx(path)
    assert [(m.number, m.method, m.responsible) for m in document.measures] == [
        (1, ["ประกาศทางเว็บไซต์"], ["กองคลัง", "สำนักปลัด"]), (2, ["จัดอบรมปีละครั้ง"], ["สำนักปลัด"])]
    assert not report.warnings
    assert any("'ระยะเวลาดำเนินงาน' (อ่านเป็น 'ระยะเวลาดำเนินการ')" in line for line in report.lines())


@pytest.mark.parametrize(("second_head", "why"), [
    (["มาตรการ/แนวทาง", "วิธีการดำเนินการ", "ผู้รับผิดชอบ", "หมายเหตุ"], "a heading like none of the first's"),
    (["มาตรการ/แนวทาง", "วิธีดำเนินการ", "ผู้รับผิดชอบหลัก", "ระยะเวลาดำเนินงาน"], "each alike, but one the same"),
])
def test_a_table_under_another_header_after_a_page_break_is_not_joined(tmp_path: Path, second_head: list[str],
                                                                         why: str) -> None:
    path = _continued_plan(tmp_path / "c.docx", second_head, [0, 1, 2, 3], caption_again=False)
    tables = [i for i in read_docx_bytes(_parts(path)).items if isinstance(i, Table)]
    assert len(tables) == 3 and not tables[1].joined, why


def test_a_group_cell_typed_again_and_a_cell_broken_over_the_page_go_to_the_cell_above(tmp_path: Path) -> None:
    """The first row on the new page repeats the unit (a cell over the unit's rows) and carries
    on the remark broken over the page: the unit is left out (and reported), the remark joined."""
    head = ["หน่วยงาน", "รายการ", "จำนวน", "หมายเหตุ"]
    document = docx.Document()
    _table(document, head, [["กองคลัง", "เครื่องพิมพ์", "๒", "ตรวจสอบแล้ว ส่วนที่เหลือ"], ["", "โต๊ะ", "๕", ""]])
    document.add_page_break()
    _table(document, head, [["กอง คลัง", "", "", "รอซ่อมในปีถัดไป"], ["", "เก้าอี้", "๑๐", ""]])
    document.save(tmp_path / "g.docx")
    source = read_docx_bytes(_parts(tmp_path / "g.docx"))
    (table,) = [i for i in source.items if isinstance(i, Table)]
    assert table.rows[1][3].paragraphs == ["ตรวจสอบแล้ว ส่วนที่เหลือ", "รอซ่อมในปีถัดไป"]
    assert [c.text for c in table.rows[3]] == ["", "", "", ""]
    assert [c.text for c in table.rows[4]] == ["", "เก้าอี้", "๑๐", ""]
    assert source.ignored == ["ตารางที่ 2: ข้อความที่พิมพ์ซ้ำในตารางต่อหน้า 'กอง คลัง'"]


def test_a_first_row_on_the_new_page_with_its_own_values_stays_a_row(tmp_path: Path) -> None:
    head = ["หน่วยงาน", "รายการ", "จำนวน", "หมายเหตุ"]
    document = docx.Document()
    _table(document, head, [["กองคลัง", "เครื่องพิมพ์", "๒", "ตรวจสอบแล้ว"], ["", "โต๊ะ", "๕", ""]])
    document.add_page_break()
    _table(document, head, [["กองคลัง", "เก้าอี้", "๑๐", "รอซ่อม"]])
    document.save(tmp_path / "g.docx")
    source = read_docx_bytes(_parts(tmp_path / "g.docx"))
    (table,) = [i for i in source.items if isinstance(i, Table)]
    assert [c.text for c in table.rows[3]] == ["กองคลัง", "เก้าอี้", "๑๐", "รอซ่อม"] and not source.ignored


def _cut_table(path: Path, *, repeat: bool, widths: tuple[float, float] = (4.0, 4.0)) -> Path:
    """A table cut by a page break the way Word cuts it: the header rows Word repeats stay in
    the first part (when *repeat*), the second part has none."""
    from docx.oxml import OxmlElement
    from docx.shared import Cm

    head = ["รายการ", "จำนวน", "หน่วยงาน"]
    document = docx.Document()
    for part, rows in enumerate(([["เครื่องพิมพ์", "๒", "กองคลัง"]], [["เก้าอี้", "๑๐", "กองช่าง"]])):
        if part == 0:
            table = _table(document, head, rows)
        else:
            table = document.add_table(rows=len(rows), cols=3)
            for r, row in enumerate(rows):
                for c, text in enumerate(row):
                    table.cell(r, c).text = text
        for column, width in zip(table._tbl.tblGrid.gridCol_lst, (widths[part], 5.0, 5.0)):
            column.w = Cm(width)
        if part == 0 and repeat:
            table.rows[0]._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))
        if part == 0:
            document.add_page_break()
    document.save(path)
    return path


@pytest.mark.parametrize(("layout", "joined"), [
    ({"repeat": True}, True),
    ({"repeat": False}, False),                       # -- no header rows Word repeats: two tables --
    ({"repeat": True, "widths": (4.0, 6.0)}, False),  # -- another grid: another table --
])
def test_a_table_cut_by_a_page_break_without_its_header_is_joined(tmp_path: Path, layout: dict[str, Any],
                                                                   joined: bool) -> None:
    source = read_docx_bytes(_parts(_cut_table(tmp_path / "t.docx", **layout)))
    tables = [i for i in source.items if isinstance(i, Table)]
    if joined:
        (table,) = tables
        assert [c.text for c in table.rows[2]] == ["เก้าอี้", "๑๐", "กองช่าง"] and table.breaks == [2]
    else:
        assert len(tables) == 2


def test_a_question_row_out_of_line_is_read_by_its_headings() -> None:
    """A topic's question and score typed under other columns (the title's, the question's, or
    the first two) are the question and the score; a row with more in it is not moved."""
    from ita_docs.importing.analysis import topic_of
    from ita_docs.importing.reader import Cell
    from ita_docs.importing.tables import NotThatTable, shape_of

    def table(*rows: list[str]) -> Table:
        head = ["ลำดับ", "หัวข้อ", "เครื่องมือ", "ข้อคำถาม", "คะแนน", "ข้อบกพร่อง"]
        return Table([[Cell([t] if t else [], where=f"แถว {r} ช่อง {c}") for c, t in enumerate(row)]
                      for r, row in enumerate([head, *rows])], [2.0] * 6)

    first = ["๒", "การใช้อำนาจ", "IIT", "ข้อ i13", "84.28", "ควรปรับปรุง"]
    notes: list[str] = []
    good = table(first, ["", "ข้อ i14", "", "83.16", "", ""], ["ข้อ i15", "8.00", "", "", "", ""])
    topic = topic_of(good, shape_of(good), "ข้อ ", notes)
    assert [(q["code"], q["score"]) for q in topic["tools"][0]["questions"]] == [
        ("i13", "84.28"), ("i14", "83.16"), ("i15", "8.00")]
    assert len(notes) == 2 and notes[0].startswith("แถว 2 ช่อง 1: ข้อคำถาม 'ข้อ i14'")
    bad = table(first, ["", "ข้อ i14", "EIT", "83.16", "", ""])
    with pytest.raises(NotThatTable):
        topic_of(bad, shape_of(bad), "ข้อ ")


# -- recognising --------------------------------------------------------------------------
@pytest.mark.parametrize(("heading", "field"), [
    ("มาตรการ/แนวทาง", "measure"), ("มาตรการที่ดำเนินการ", "measure"), ("ระยะเวลาดำเนินการ", "period"),
    ("การติดตามผล", "followup"), ("ผลการดำเนินการ", "result"), ("ข้อเสนอแนะ", "suggestion"),
    ("งบประมาณ (บาท)", "budget"), ("ผู้รับ ผิดชอบ", "responsible"), ("URL", None)])
def test_headings_are_matched_through_the_vocabulary(heading: str, field: str | None) -> None:
    match = VOCABULARY.column(heading)
    assert (match[0] if match else None) == field


@pytest.mark.parametrize(("text", "expected"), [
    ("๑. การใช้งบประมาณ", (1, "{n}. ", "การใช้งบประมาณ")), ("1. การใช้อำนาจ", (1, "{n}. ", "การใช้อำนาจ")),
    ("(๑๒) การแก้ไข", (12, "({n}) ", "การแก้ไข")), ("การป้องกัน", None)])
def test_measure_numbers_in_either_digit_form(text: str, expected: Any) -> None:
    assert VOCABULARY.measure_number(text) == expected


def test_title_lines_in_either_digit_form() -> None:
    assert fiscal_year_of(["ประจำปีงบประมาณ พ.ศ.2567"]) == (2567, "ประจำปีงบประมาณ พ.ศ.2567")
    assert fiscal_year_of(["ประจำปีงบประมาณ พ.ศ. ๒๕๖๗"])[0] == 2567
    org = organisation_of(["เทศบาลเมือง", "สะเตงนอก อำเภอเมืองยะลา จังหวัดยะลา"])
    assert org is not None and (org.name, org.province) == ("เทศบาลเมืองสะเตงนอก", "ยะลา")
    assert digits_of(["หน้า 1 ปี 2566 ดู https://x.go.th/๑"]) == "arabic"
    sentence = previous_sentence(["ได้คะแนน 96.04 คะแนน อยู่ในระดับ AA"])
    assert sentence is not None and (str(sentence.total), sentence.level) == ("96.04", "AA")


# -- the command ----------------------------------------------------------------------------
def test_import_writes_yaml_json_and_xlsx_and_never_overwrites_unasked(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = _plan(tmp_path / "plan.docx")
    out = tmp_path / "plan.yaml"
    assert main(["import", str(source), "-o", str(out)]) == 0
    data = yaml.safe_load(out.read_text(encoding="utf-8"))
    assert data["kind"] == "measures_plan" and data["measures"][0]["title"] == "เปิดเผยข้อมูลการใช้งบประมาณ"
    assert "ตารางที่ 2 → ตารางมาตรการ" in capsys.readouterr().out
    out.write_text("edited", encoding="utf-8")
    assert main(["import", str(source), "-o", str(out)]) == 2
    assert "ใช้ --force" in capsys.readouterr().err and out.read_text(encoding="utf-8") == "edited"
    assert main(["import", str(source), "-o", str(out), "--force"]) == 0
    assert main(["import", str(source), "--kind", "progress_report", "-o", str(tmp_path / "p.json")]) == 0
    assert json.loads((tmp_path / "p.json").read_text(encoding="utf-8"))["kind"] == "progress_report"
    assert main(["import", str(source), "-o", str(tmp_path / "plan.xlsx")]) == 0
    assert ita_docs.load(tmp_path / "plan.xlsx").kind == "measures_plan"


def test_a_file_that_is_not_a_docx_is_a_located_thai_error(tmp_path: Path) -> None:
    bad = tmp_path / "plan.docx"
    bad.write_text("not a zip", encoding="utf-8")
    with pytest.raises(ItaDocsError) as caught:
        ita_docs.import_docx(bad)
    assert str(bad) in str(caught.value.location) and "zip" in caught.value.message
    empty = tmp_path / "empty.docx"
    with zipfile.ZipFile(empty, "w") as package:
        package.writestr("x.txt", "x")
    with pytest.raises(ItaDocsError, match="word/document.xml"):
        ita_docs.import_docx(empty)


def test_a_document_without_a_fiscal_year_is_a_thai_error(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("บันทึกข้อความ")
    document.save(tmp_path / "x.docx")
    with pytest.raises(ita_docs.InputError, match="ไม่พบปีงบประมาณ"):
        ita_docs.import_docx(tmp_path / "x.docx")
