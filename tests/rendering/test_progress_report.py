"""The progress report (krut sample): measure tables, results as paragraphs, links."""
from __future__ import annotations

import zipfile

import pytest
from lxml import etree

from ita_docs import render
from ita_docs.rendering.oxml import qn
from ita_docs.rendering.linebreak import strip_joiners
from tests.conftest import SAMPLES, body_paragraphs, sample_data, table_texts

KRUT = SAMPLES / "krut-2566-progress.yaml"


@pytest.fixture(scope="module")
def krut_docx(tmp_path_factory):
    return render(KRUT, tmp_path_factory.mktemp("krut") / "krut.docx")


@pytest.fixture
def krut_data():
    return sample_data(KRUT.stem)


def test_title_and_intro_come_from_the_preset(krut_docx):
    paragraphs = body_paragraphs(krut_docx)
    assert paragraphs[:3] == [
        "รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใส",
        "ของเทศบาลตำบลกรูด อำเภอกาญจนดิษฐ์ จังหวัดสุราษฎร์ธานี",
        "ประจำปีงบประมาณ พ.ศ. ๒๕๖๖",
    ]
    assert paragraphs[3].startswith("ตามที่ได้ดำเนินการวิเคราะห์ผลการประเมิน ITA ของเทศบาลตำบลกรูด ปีงบประมาณ พ.ศ. ๒๕๖๕")


def test_tables_columns_and_cells(krut_docx):
    first, rest, issues = table_texts(krut_docx)
    assert first[0] == ["มาตรการที่ดำเนินการ", "วิธีการดำเนินการ", "ผู้รับผิดชอบ", "ระยะเวลา",
                        "ผลการดำเนินการ", "ข้อเสนอแนะ"]
    assert rest[0][0] == "มาตรการ"
    assert first[1][0] == "๑. มีแนวทางปฏิบัติเกี่ยวกับการใช้ทรัพย์สินของทางราชการที่ถูกต้อง"
    assert first[1][3] == "ธ.ค.๖๕-มี.ค. ๖๖"
    assert len(first[1][4].split("\n")) == 4          # numbered results are paragraphs
    assert rest[2][3] == "ม.ค.-มี.ค. ๖๖"              # free-text period as typed
    assert rest[2][5] == ""                           # no suggestion yet: an empty cell
    assert "คำสั่งที่ ๙๔/๒๕๖๔ ลงวันที่ ๑๐ กุมภาพันธ์ ๒๕๖๔" in rest[9][4]
    assert issues[0] == ["ตัวชี้วัด", "ประเด็นการประเมิน", "ประเด็นที่ควรพัฒนา", "ผลการดำเนินการ", "ผู้รับผิดชอบ"]
    assert issues[2][4] == "-เจ้าพนักงานป้องกันและบรรเทา\n-เจ้าพนักงานธุรการ สำนักปลัด"


def test_website_is_a_link_and_keeps_its_digits(tmp_path, krut_data):
    krut_data["tables"][1]["measures"][4]["result"] = ["ดู https://www.krut.go.th/news.php?id=2566 ครั้งที่ 2"]
    out = render(krut_data, tmp_path / "k.docx")
    with zipfile.ZipFile(out) as zf:
        rels = zf.read("word/_rels/document.xml.rels").decode()
        document = etree.fromstring(zf.read("word/document.xml"))
    assert 'Target="https://www.krut.go.th/news.php?id=2566"' in rels
    assert 'Target="http://www.krut.go.th"' in rels
    links = [strip_joiners("".join(t.text for t in h.iter(qn("w:t")))) for h in document.iter(qn("w:hyperlink"))]
    assert "https://www.krut.go.th/news.php?id=2566" in links
    assert "ครั้งที่ ๒" in table_texts(out)[1][5][4]


def test_empty_results_render_as_empty_cells(tmp_path, krut_data):
    for measure in krut_data["tables"][1]["measures"]:
        measure.pop("result", None)
        measure.pop("suggestion", None)
    rows = table_texts(render(krut_data, tmp_path / "e.docx"))[1][1:]
    assert {row[4] for row in rows} == {""} and {row[5] for row in rows} == {""}


def test_krut_tables_are_never_joined(krut_docx):
    with zipfile.ZipFile(krut_docx) as zf:
        body = etree.fromstring(zf.read("word/document.xml")).find(qn("w:body"))
    kids = list(body)
    assert not [i for i, (a, b) in enumerate(zip(kids, kids[1:])) if a.tag == b.tag == qn("w:tbl")]


def test_placeholders_are_filled_in_free_blocks(krut_data, tmp_path):
    krut_data["after"] = [{"paragraphs": ["ปีงบประมาณ ${fiscal_year} ของ${org_name}"]},
                          {"list": [{"text": "${province}", "items": ["${district}"]}]},
                          {"table": {"columns": [{"key": "a", "heading": "${next_year}", "width_cm": 5}],
                                     "rows": [["${previous_year}"]]}}]
    paragraphs = body_paragraphs(render(krut_data, tmp_path / "out.docx"))
    assert "ปีงบประมาณ ๒๕๖๖ ของเทศบาลตำบลกรูด" in paragraphs
    assert not [p for p in paragraphs if "${" in p]


def test_an_unknown_placeholder_in_a_free_block_is_located(krut_data, tmp_path):
    from ita_docs.errors import InputError

    krut_data["after"] = [{"paragraphs": ["ok", "${nope}"]}]
    with pytest.raises(InputError) as caught:
        render(krut_data, tmp_path / "out.docx")
    assert caught.value.location.path == "after[0].paragraphs[1]"
