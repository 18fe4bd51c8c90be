"""A combined document (sanmaket): progress report, committee order and OIT table in one file."""
from __future__ import annotations

import pytest
from lxml import etree

from ita_docs import load, render
from ita_docs.errors import DataValidationError, InputError
from ita_docs.rendering.oxml import qn
from ita_docs.rendering.linebreak import strip_joiners
from tests.conftest import SAMPLES, body_paragraphs, sample_data, table_texts

SANMAKET = SAMPLES / "sanmaket-2565-progress.yaml"


@pytest.fixture(scope="module")
def sanmaket_docx(tmp_path_factory):
    return render(SANMAKET, tmp_path_factory.mktemp("sanmaket") / "sanmaket.docx")


@pytest.fixture
def sanmaket_data():
    return sample_data(SANMAKET.stem)


def test_parts_inherit_the_shared_fields():
    document = load(SANMAKET)
    assert [p.kind for p in document.parts] == ["progress_report", "committee_order", "oit_assignments"]
    assert {p.organisation.name for p in document.parts} == {"เทศบาลตำบลสันมะเค็ด"}
    assert document.parts[0].fiscal_year == 2565


def test_parts_render_in_order_each_from_a_new_page(sanmaket_docx):
    import docx

    body = docx.Document(str(sanmaket_docx)).element.body
    texts, breaks = [], []
    for p in body.iter(qn("w:p")):
        if p.find(f".//{qn('w:br')}[@{qn('w:type')}='page']") is not None:
            breaks.append(len(texts))
        texts.append(strip_joiners("".join(t.text or "" for t in p.iter(qn("w:t")))))
    order_at = texts.index("คำสั่งเทศบาลตำบลสันมะเค็ด")
    oit_at = texts.index("การเปิดเผยข้อมูล (OIT : Open Data Integrity and Transparency Assessment)")
    assert 0 < order_at < oit_at
    assert len(breaks) == 3  # after the cover, before the order, before the OIT table
    assert breaks[1] < order_at and order_at < breaks[2] < oit_at


def test_order_members_are_rows_of_a_table_without_lines(sanmaket_docx):
    import docx

    members = table_texts(sanmaket_docx)[2]
    assert members[0] == ["", "", ""]  # -- no headings: an empty first row, as published --
    assert members[1] == ["๑) นายธนวิศ อรุณรัตน์", "ตำแหน่ง นายกเทศมนตรี", "ประธานคณะทำงาน"]
    assert members[9] == ["๙) นางสาวชนิภา ศักดิ์โชติภูมิ", "ตำแหน่ง นิติกร", "เลขานุการ"]
    borders = docx.Document(str(sanmaket_docx)).tables[2]._tbl.tblPr.find(qn("w:tblBorders"))
    assert [(etree.QName(b).localname, b.get(qn("w:val"))) for b in borders] == [
        (side, "none") for side in ("top", "left", "bottom", "right", "insideH", "insideV")]


def test_order_date_is_buddhist_era_and_duties_are_numbered(sanmaket_docx):
    paragraphs = body_paragraphs(sanmaket_docx)
    assert "ที่ ๑๕๒/๒๕๖๖" in paragraphs
    assert "๓.๔ ประกาศผลคะแนนการประเมิน ITA อย่างเป็นทางการ เพื่อวิเคราะห์ข้อบกพร่องและกำหนดแนวทาง " \
        "แผนงานเพื่อพัฒนา รักษาระดับผลคะแนนการประเมิน ITA ในปีงบประมาณต่อไป" in paragraphs
    signed = paragraphs.index("สั่ง ณ วันที่ ๓๐ มกราคม พ.ศ. ๒๕๖๖")
    assert paragraphs[signed + 1:signed + 4] == ["", "(นายธนวิศ อรุณรัตน์)", "นายกเทศมนตรีตำบลสันมะเค็ด"]


def test_order_members_as_lines_align_on_tabs(sanmaket_data, tmp_path):
    sanmaket_data["parts"][1]["member_layout"] = "lines"
    out = render(load(sanmaket_data), tmp_path / "lines.docx")
    assert "๑) นายธนวิศ อรุณรัตน์\tตำแหน่ง นายกเทศมนตรี\tประธานคณะทำงาน" in body_paragraphs(out)
    assert len(table_texts(out)) == 3  # -- plan, results, OIT: no member table --


def test_order_member_columns_choose_order_and_headings(sanmaket_data, tmp_path):
    del sanmaket_data["parts"][1]["member_layout"]  # -- columns given: a table --
    sanmaket_data["parts"][1]["member_columns"] = [
        {"key": "role", "heading": "หน้าที่"}, {"key": "name", "heading": "ชื่อ"},
        {"key": "position", "heading": "ตำแหน่ง", "width_cm": 6}]
    members = table_texts(render(load(sanmaket_data), tmp_path / "columns.docx"))[2]
    assert members[0] == ["หน้าที่", "ชื่อ", "ตำแหน่ง"]
    assert members[1] == ["ประธานคณะทำงาน", "๑) นายธนวิศ อรุณรัตน์", "ตำแหน่ง นายกเทศมนตรี"]


def test_order_member_columns_must_show_what_is_typed(sanmaket_data, tmp_path):
    sanmaket_data["parts"][1]["member_columns"] = [{"key": "name", "heading": "ชื่อ"}]
    with pytest.raises(InputError) as caught:
        render(load(sanmaket_data), tmp_path / "x.docx")
    assert "position" in str(caught.value)
    assert caught.value.location.path.endswith("members")


def test_order_member_columns_are_refused_with_lines(sanmaket_data):
    sanmaket_data["parts"][1]["member_layout"] = "lines"
    sanmaket_data["parts"][1]["member_columns"] = [{"key": "name", "heading": "ชื่อ"}]
    with pytest.raises(DataValidationError) as caught:
        load(sanmaket_data)
    assert "member_columns" in str(caught.value)


def test_oit_table_lists_the_items_as_published(sanmaket_docx):
    oit = table_texts(sanmaket_docx)[-1]
    assert oit[0] == ["ข้อ", "ข้อมูล", "ผู้รับผิดชอบ"]
    assert len(oit) == 44
    assert oit[1] == ["O๑", "โครงสร้าง", "งานบริหารทั่วไป สำนักปลัด"]
    assert oit[43][0] == "๐๔๓"  # typed with a zero for O in the published table


def test_addresses_keep_arabic_digits_in_a_thai_document(sanmaket_docx):
    results = table_texts(sanmaket_docx)[1]
    assert "https://www.sanmaket.go.th/index/load_data/?doc=13797" in results[2][4].split("\n")


def test_a_part_of_an_unknown_kind_is_refused(sanmaket_data):
    sanmaket_data["parts"].append({"kind": "poem", "lines": []})
    with pytest.raises(DataValidationError) as info:
        load(sanmaket_data)
    assert info.value.problems[0].location.path == "parts[3]"
