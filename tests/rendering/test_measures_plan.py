"""The measures plan rendered: content, digits, layout, and refusal of what would be lost."""
from __future__ import annotations

import zipfile

import pytest
from lxml import etree

from ita_docs import render
from ita_docs.errors import InputError
from ita_docs.rendering.linebreak import strip_joiners
from ita_docs.rendering.oxml import qn
from tests.conftest import body_paragraphs, sample_data, table_texts

ARABIC = set("0123456789")


def _xml(path, part="word/document.xml"):
    with zipfile.ZipFile(path) as zf:
        return etree.fromstring(zf.read(part))


def test_three_tables_in_order(nongmuang_docx):
    ranking, analysis, measures = table_texts(nongmuang_docx)
    assert ranking[0] == ["อันดับ", "ตัวชี้วัด", "คะแนน"]
    assert ranking[1] == ["๑", "การป้องกันการทุจริต", "๑๐๐.๐๐"]
    assert ranking[10] == ["๑๐", "การเปิดเผยข้อมูล", "๘๙.๒๙"]
    assert analysis[0] == ["ตัวชี้วัดของการประเมิน ITA", "คะแนน", "ประเด็นที่ต้องแก้ไข/ปรับปรุง"]
    assert analysis[1] == ["แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน(IIT)"] * 3  # one merged cell
    assert analysis[2][:2] == ["๑ การใช้งบประมาณ", "๙๗.๐๕"]
    assert [row[1] for row in analysis[-2:]] == ["๘๙.๒๙", "๑๐๐"]  # scores as written
    assert measures[0] == ["มาตรการ/แนวทาง", "วิธีการดำเนินการ", "ผู้รับผิดชอบ", "ระยะเวลาดำเนินการ", "การติดตามผล"]
    assert len(measures) == 9
    assert measures[1][0] == "๑ การใช้งบประมาณ"
    assert measures[1][2] == "-กองคลัง\n-สำนักปลัดเทศบาล"
    assert measures[3][2] == "สำนักปลัดเทศบาล"   # a single unit has no dash
    assert measures[8][3] == "ปีงบประมาณ ๒๕๖๖"


def test_lists_in_cells_are_paragraphs(nongmuang_docx):
    tables = list(_xml(nongmuang_docx).iter(qn("w:tbl")))
    row6 = tables[2].findall(qn("w:tr"))[6]
    method = row6.findall(qn("w:tc"))[1]
    texts = [strip_joiners("".join(t.text for t in p.iter(qn("w:t")))) for p in method.findall(qn("w:p"))]
    assert len(texts) == 3
    assert texts[1] == "-โดยจัดทำกล่องรับฟังความคิดเห็นบริเวณด้านหน้าสำนักงานเทศบาล"


def test_header_rows_repeat_and_body_rows_may_break(nongmuang_docx):
    for tbl in _xml(nongmuang_docx).iter(qn("w:tbl")):
        rows = tbl.findall(qn("w:tr"))
        assert rows[0].find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None
        assert all(r.find(f"{qn('w:trPr')}/{qn('w:cantSplit')}") is None for r in rows[1:])


def test_column_widths_are_computed_to_fill_the_text_width(nongmuang_docx):
    from ita_docs.rendering.widths import text_width_cm

    measures = list(_xml(nongmuang_docx).iter(qn("w:tbl")))[2]
    widths = [int(c.get(qn("w:w"))) for c in measures.find(qn("w:tblGrid"))]
    assert abs(sum(widths) - (11906 - 1701 - 1134)) <= len(widths)  # -- A4 less the 3 cm and 2 cm margins --
    # -- the heading ผู้รับผิดชอบ (bold) fits its column, cell margins included --
    assert widths[2] >= text_width_cm("ผู้รับผิดชอบ", bold=True) * 1440 / 2.54 + 2 * 85


def test_given_column_widths_are_kept(tmp_path):
    data = sample_data("nongmuang-2566-measures")
    data["measures_table"] = {"columns": [
        {"key": "measure", "heading": "มาตรการ", "width_cm": 4},
        {"key": "method", "heading": "วิธีการ", "width_cm": 8},
        {"key": "responsible", "heading": "ผู้รับผิดชอบ", "width_cm": 4}]}
    measures = list(_xml(render(data, tmp_path / "plan.docx")).iter(qn("w:tbl")))[2]
    assert [int(c.get(qn("w:w"))) for c in measures.find(qn("w:tblGrid"))] == [
        round(cm * 1440 / 2.54) for cm in (4, 8, 4)]


def test_every_number_is_in_thai_digits(nongmuang_docx):
    text = "".join(t.text or "" for t in _xml(nongmuang_docx).iter(qn("w:t")))
    assert not ARABIC & set(text)
    paragraphs = body_paragraphs(nongmuang_docx)
    assert paragraphs[0] == "มาตรการส่งเสริมคุณธรรมและความโปร่งใส ประจำปีงบประมาณ พ.ศ. ๒๕๖๖"
    assert "คะแนนสูงสุด ๑๐๐.๐๐ คะแนน" in paragraphs
    assert "คะแนนต่ำสุด ๘๙.๒๙ คะแนน" in paragraphs
    assert any("เมื่อวันที่ ๑๖ มีนาคม ๒๕๖๖ ณ ห้องประชุมสภาเทศบาลตำบลหนองม่วง" in p for p in paragraphs)


def test_styles_name_the_font_in_every_slot(tmp_path, plan_data):
    plan_data["font"] = "TH Sarabun New"
    out = render(plan_data, tmp_path / "f.docx")
    styles = _xml(out, "word/styles.xml")
    default = styles.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}")
    fonts = default.find(qn("w:rFonts"))
    assert {fonts.get(qn(f"w:{s}")) for s in ("ascii", "hAnsi", "eastAsia", "cs")} == {"TH Sarabun New"}
    assert default.find(qn("w:szCs")).get(qn("w:val")) == "32"
    assert default.find(qn("w:lang")).get(qn("w:bidi")) == "th-TH"
    assert not [f for f in styles.iter(qn("w:rFonts")) if f.get(qn("w:cs")) != "TH Sarabun New"]


def test_page_setup(nongmuang_docx):
    sect = _xml(nongmuang_docx).find(f"{qn('w:body')}/{qn('w:sectPr')}")
    size, margins = sect.find(qn("w:pgSz")), sect.find(qn("w:pgMar"))
    assert (size.get(qn("w:w")), size.get(qn("w:h"))) == ("11906", "16838")
    assert [margins.get(qn(f"w:{s}")) for s in ("top", "left", "right", "bottom")] == ["1418", "1701", "1134", "1134"]
    assert sect.find(qn("w:titlePg")) is not None
    assert sect.find(qn("w:pgNumType")).get(qn("w:fmt")) == "thaiNumbers"
    header = _xml(nongmuang_docx, "word/header1.xml")
    assert "PAGE" in "".join(t.text for t in header.iter(qn("w:instrText")))


def test_arabic_digit_document(tmp_path, plan_data):
    plan_data["digits"] = "arabic"
    out = render(plan_data, tmp_path / "a.docx")
    text = "".join(t.text or "" for t in _xml(out).iter(qn("w:t")))
    assert not set("๐๑๒๓๔๕๖๗๘๙") & set(text)
    assert "ปีงบประมาณ 2566" in text
    assert _xml(out).find(f".//{qn('w:pgNumType')}").get(qn("w:fmt")) == "decimal"


def test_special_text_survives(tmp_path, plan_data):
    """XML and Jinja look-alikes, URLs and e-mail reach the document as typed."""
    typed = [
        "R&D <ก> &amp; <w:p>",
        "{{ 7*7 }} {% if x %}",
        "ดู https://www.nongmuang.go.th/index.php?doc=13797 หรือ saraban2566@nongmuang.go.th",
        "ข้อ 1 ถึง 2",
    ]
    plan_data["measures"][0]["method"] = typed
    out = render(plan_data, tmp_path / "s.docx")
    cell = table_texts(out)[2][1][1]
    # -- digits follow the document, except in the address; the Jinja look-alike is not run --
    assert cell.split("\n") == [typed[0], "{{ ๗*๗ }} {% if x %}", typed[2], "ข้อ ๑ ถึง ๒"]


def test_vertical_tab_becomes_a_line_break(tmp_path, plan_data):
    plan_data["measures"][0]["followup"] = ["บรรทัดแรก\x0bบรรทัดสอง"]
    out = render(plan_data, tmp_path / "b.docx")
    rows = list(_xml(out).iter(qn("w:tbl")))[2].findall(qn("w:tr"))
    followup = rows[1].findall(qn("w:tc"))[4]
    assert len(followup.findall(f".//{qn('w:br')}")) == 1
    assert table_texts(out)[2][1][4] == "บรรทัดแรก\nบรรทัดสอง"


def test_ronthong_layout_and_extra_column(tmp_path, plan_data):
    plan_data["measures_table"] = {"columns": [
        {"key": "measure", "heading": "มาตรการ", "width_cm": 4},
        {"key": "period", "heading": "ระยะเวลา", "width_cm": 3},
        {"key": "budget", "heading": "งบประมาณ (บาท)", "width_cm": 3},
        {"key": "responsible", "heading": "ผู้รับผิดชอบ", "width_cm": 3},
    ]}
    plan_data["measures"][0]["extra"] = {"budget": "20,000"}
    plan_data["measures"][1]["period"] = {"quarter": 2}
    out = render(plan_data, tmp_path / "r.docx")
    measures = table_texts(out)[2]
    assert measures[0] == ["มาตรการ", "ระยะเวลา", "งบประมาณ (บาท)", "ผู้รับผิดชอบ"]
    assert measures[1] == ["๑ การใช้งบประมาณ", "ปีงบประมาณ ๒๕๖๖", "๒๐,๐๐๐", "-กองคลัง\n-สำนักปลัดเทศบาล"]
    assert measures[2][1] == "ไตรมาสที่ ๒"
    assert measures[2][2] == ""


@pytest.mark.parametrize("name", ["responsible_last", "ronthong"])  # -- and its old name, after the town --
def test_responsible_last_preset_orders_columns(tmp_path, plan_data, name):
    plan_data["measures_table"] = {"preset": name}
    measures = table_texts(render(plan_data, tmp_path / "r.docx"))[2]
    assert measures[0][-1] == "ผู้รับผิดชอบ"


@pytest.mark.parametrize(
    ("change", "where", "message"),
    [
        (lambda d: d["measures"][0].update(extra={"budget": "1"}), "measures_table", "extra.budget"),
        (lambda d: d.update(measures_table={"columns": [{"key": "cost", "heading": "x", "width_cm": 2}]}),
         "measures_table.columns[0].key", "ไม่รู้จักคอลัมน์ 'cost'"),
        (lambda d: d.update(measures_table={"preset": "bangkok"}), "measures_table.preset", "ไม่รู้จักรูปแบบตาราง"),
        (lambda d: d.pop("meeting"), "texts.recommendations_intro", "${meeting_title}"),
        (lambda d: d.update(headings={"intro": "x"}), "headings.intro", "ไม่รู้จักหัวข้อ intro"),
        (lambda d: d.update(title="ปี ${year}"), "title", "ไม่รู้จักตัวแปร ${year}"),
    ],
)
def test_what_would_be_lost_is_refused(tmp_path, plan_data, change, where, message):
    change(plan_data)
    with pytest.raises(InputError) as info:
        render(plan_data, tmp_path / "x.docx")
    assert info.value.location.path == where
    assert message in info.value.message
    assert not (tmp_path / "x.docx").exists()


def test_measures_without_numbers_are_numbered(tmp_path, plan_data):
    for measure in plan_data["measures"]:
        del measure["number"]
    measures = table_texts(render(plan_data, tmp_path / "n.docx"))[2]
    assert [row[0].split()[0] for row in measures[1:]] == list("๑๒๓๔๕๖๗๘")
