"""The analysis report (satengnok): Arabic digits and tool cells merged over their rows."""
from __future__ import annotations

import zipfile

import pytest
from lxml import etree

from ita_docs import render
from ita_docs.rendering.oxml import qn
from tests.conftest import SAMPLES, body_paragraphs, table_texts

SATENGNOK = SAMPLES / "satengnok-2566-analysis.yaml"


@pytest.fixture(scope="module")
def satengnok_docx(tmp_path_factory):
    return render(SATENGNOK, tmp_path_factory.mktemp("sat") / "sat.docx")


def _tables(path):
    with zipfile.ZipFile(path) as zf:
        return list(etree.fromstring(zf.read("word/document.xml")).iter(qn("w:tbl")))


def _merge_pattern(tbl, column):
    """Per body row: 'restart', 'continue' or '-' for the cell in *column*."""
    out = []
    for tr in tbl.findall(qn("w:tr"))[1:]:
        merge = tr.findall(qn("w:tc"))[column].find(f"{qn('w:tcPr')}/{qn('w:vMerge')}")
        out.append("-" if merge is None else merge.get(qn("w:val"), "continue"))
    return out


def test_document_is_in_arabic_digits(satengnok_docx):
    with zipfile.ZipFile(satengnok_docx) as zf:
        xml = zf.read("word/document.xml").decode()
    assert not set("๐๑๒๓๔๕๖๗๘๙") & set(xml)
    assert 'w:fmt="decimal"' in xml
    assert "คะแนนที่ได้ 83.72 คะแนน" in body_paragraphs(satengnok_docx)[10]


def test_indicator_table_merges_each_tool(satengnok_docx):
    table = _tables(satengnok_docx)[0]
    assert _merge_pattern(table, 0) == ["restart", "continue", "continue", "continue", "continue",
                                        "restart", "continue", "continue", "restart", "continue"]
    rows = table_texts(satengnok_docx)[0]
    assert rows[1] == ["IIT", "1", "การปฏิบัติหน้าที่", "93.60"]


def test_topic_table_spans_topic_tool_and_remark(satengnok_docx):
    table = _tables(satengnok_docx)[1]  # ประเด็นที่ 1: IIT 6, EIT 7, OIT 4 questions
    assert _merge_pattern(table, 0) == ["restart"] + ["continue"] * 16
    assert _merge_pattern(table, 2) == (["restart"] + ["continue"] * 5 + ["restart"] + ["continue"] * 6
                                        + ["restart"] + ["continue"] * 3)
    assert _merge_pattern(table, 5) == _merge_pattern(table, 2)
    rows = table_texts(satengnok_docx)[1]
    assert rows[1][:5] == ["1.", "กระบวนการปฏิบัติงานที่โปร่งใสและมี ประสิทธิภาพ", "IIT", "ข้อ i1", "85.93"]


def test_a_topic_keeps_its_own_column_heading(satengnok_docx):
    headers = [t[0][3] for t in table_texts(satengnok_docx)[1:8]]
    assert headers == ["ข้อคำถาม"] * 3 + ["ข้อความ"] + ["ข้อคำถาม"] * 3


def test_action_rows_share_their_topic_cell(satengnok_docx):
    actions = _tables(satengnok_docx)[8]
    assert _merge_pattern(actions, 0)[:4] == ["restart", "continue", "continue", "restart"]
    rows = table_texts(satengnok_docx)[8]
    assert rows[0] == ["หัวข้อ", "วิธีการนำผลวิเคราะห์ไปสู่การปฏิบัติ", "ผู้รับผิดชอบ/ผู้ที่เกี่ยวข้อง",
                       "ขั้นตอน/วิธีปฏิบัติ", "ระยะเวลาดำเนินงาน"]
    assert "วันเริ่มต้น 1 ต.ค. 2566 วันสิ้นสุด 31 มี.ค. 2567" in rows[1][4]
