"""A combined document (sanmaket): progress report, committee order and OIT table in one file."""
from __future__ import annotations

import pytest

from ita_docs import load, render
from ita_docs.errors import DataValidationError
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


def test_order_members_align_on_tabs_and_the_date_is_buddhist_era(sanmaket_docx):
    paragraphs = body_paragraphs(sanmaket_docx)
    assert "ที่ ๑๕๒/๒๕๖๖" in paragraphs
    assert "๑) นายธนวิศ อรุณรัตน์\tตำแหน่ง นายกเทศมนตรี\tประธานคณะทำงาน" in paragraphs
    assert "๓.๔ ประกาศผลคะแนนการประเมิน ITA อย่างเป็นทางการ เพื่อวิเคราะห์ข้อบกพร่องและกำหนดแนวทาง " \
        "แผนงานเพื่อพัฒนา รักษาระดับผลคะแนนการประเมิน ITA ในปีงบประมาณต่อไป" in paragraphs
    signed = paragraphs.index("สั่ง ณ วันที่ ๓๐ มกราคม พ.ศ. ๒๕๖๖")
    assert paragraphs[signed + 1:signed + 4] == ["", "(นายธนวิศ อรุณรัตน์)", "นายกเทศมนตรีตำบลสันมะเค็ด"]


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
