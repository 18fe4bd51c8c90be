"""Every kind is a sequence of sections: each can be left out, reordered or added, and
explicit empties stay out; the typed parts and column checks work in every kind."""
from __future__ import annotations

import warnings
from collections import Counter
from typing import Any

import pytest

from ita_docs import ItaDocsWarning
from ita_docs.errors import InputError
from ita_docs.io import load
from ita_docs.model import DocumentBase
from ita_docs.rendering.views.blocks import default_sections
from ita_docs.rendering.views.measures_plan import default_sections as plan_sections
from ita_docs.rendering.views import build_view
from tests.conftest import SAMPLES, sample_data


def _lines(document: DocumentBase) -> Counter[str]:
    """Every shown text of *document*'s view: paragraphs, table headings and cells."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ItaDocsWarning)
        view, _ = build_view(document)
    lines: Counter[str] = Counter()
    for block in view["blocks"]:
        if "lines" in block:
            lines.update(block["lines"])
        elif block["type"] == "table":
            lines.update(c["heading"] for c in block["table"]["columns"])
            for row in block["table"]["rows"]:
                lines.update([row["group"]] if row.get("group") else [])
                lines.update(p for cell in row.get("cells") or [] for p in cell)
        elif block["type"] == "toc":
            lines.update([block["title"]])
    return lines


def _documents() -> list[tuple[str, DocumentBase]]:
    """One document of every kind that has sections: the samples, and the parts of sanmaket."""
    found = []
    for path in sorted(SAMPLES.glob("*.yaml")):
        document = load(path)
        parts = getattr(document, "parts", None)
        found += [(f"{path.stem}:{p.kind}", p) for p in parts] if parts else [(path.stem, document)]
    return found


DOCUMENTS = _documents()


def test_every_kind_with_sections_is_covered():
    kinds = {document.kind for _, document in DOCUMENTS}
    assert kinds == {"measures_plan", "progress_report", "analysis_report", "annual_report",
                     "committee_order", "oit_assignments"}


def _sections_of(document: DocumentBase) -> list[Any]:
    if document.sections is not None:
        return list(document.sections)
    return plan_sections() if document.kind == "measures_plan" else default_sections(document.kind)


@pytest.mark.parametrize(("name", "document"), DOCUMENTS, ids=[n for n, _ in DOCUMENTS])
def test_every_section_can_be_left_out(name, document):
    sections = _sections_of(document)
    full = _lines(document)
    assert full
    emptied = 0
    for index, section in enumerate(sections):
        without = _lines(document.model_copy(update={"sections": sections[:index] + sections[index + 1:]}))
        alone = _lines(document.model_copy(update={"sections": [section]}))
        # -- what the section shows goes with it, and nothing else changes --
        assert without + alone == full, (index, section)
        emptied += bool(alone)
    assert emptied >= 2
    assert _lines(document.model_copy(update={"sections": []})) == Counter()


@pytest.mark.parametrize(("name", "document"), DOCUMENTS[:3], ids=[n for n, _ in DOCUMENTS[:3]])
def test_sections_reordered_keep_their_content(name, document):
    sections = _sections_of(document)
    assert _lines(document.model_copy(update={"sections": sections[::-1]})) == _lines(document)


def _plan(**changes: Any) -> DocumentBase:
    data = sample_data("nongmuang-2566-measures")
    data.update(changes)
    return load(data)


def test_explicit_empties_stay_out_of_the_measures_plan():
    full = _lines(_plan())
    headings = sample_data("nongmuang-2566-measures")["headings"]
    emptied = _lines(_plan(title="", reporting=[], assessment=[], texts={"highest": ""},
                           headings={**headings, "ranking": ""}))
    gone = full - emptied
    assert "มาตรการส่งเสริมคุณธรรมและความโปร่งใส ประจำปีงบประมาณ พ.ศ. ๒๕๖๖" in gone
    assert "คะแนนสูงสุดรายตัวชี้วัด" in gone and "คะแนนสูงสุด ๑๐๐.๐๐ คะแนน" in gone
    assert "๑. รายละเอียดการประเมิน" in gone
    assert not emptied - full
    assert "" not in emptied


def test_explicit_empties_stay_out_of_a_progress_report():
    data = sample_data("krut-2566-progress")
    full = _lines(load(data))
    lines = _lines(load({**data, "title": [], "intro": ""}))
    assert "ของเทศบาลตำบลกรูด อำเภอกาญจนดิษฐ์ จังหวัดสุราษฎร์ธานี" in full - lines
    assert any(line.startswith("ตามที่ได้ดำเนินการวิเคราะห์") for line in full - lines)
    assert not lines - full


def test_the_measures_plan_without_ranking_table_or_stars():
    sections = [s for s in plan_sections()
                if not hasattr(s, "ranking_table") and getattr(s, "paragraphs", None) != ["*****"]]
    lines = _lines(_plan(sections=[s.model_dump(exclude_defaults=True) for s in sections]))
    assert "*****" not in lines and "อันดับ" not in lines and "คะแนนสูงสุดรายตัวชี้วัด" not in lines


def test_a_meeting_without_place_or_attendees():
    data = sample_data("nongmuang-2566-measures")
    lines = _lines(_plan(meeting={"title": data["meeting"]["title"], "date": data["meeting"]["date"]}))
    intro = next(line for line in lines if line.startswith("จากการประชุม"))
    assert " ณ " not in intro and "โดยมี" not in intro
    assert "๑๖ มีนาคม ๒๕๖๖ ได้ร่วมกันพิจารณา" in intro


def test_an_unknown_part_is_a_located_error():
    data = sample_data("krut-2566-progress")
    with pytest.raises(InputError) as caught:
        build_view(load({**data, "sections": [{"part": "tables"}, {"part": "tabels"}]}))
    assert caught.value.location.path == "sections[1].part"
    assert "tabels" in str(caught.value)


def _oit(**changes: Any) -> dict[str, Any]:
    data = sample_data("sanmaket-2565-progress")
    oit = next(p for p in data["parts"] if p["kind"] == "oit_assignments")
    return {**oit, "organisation": data["organisation"], **changes}


OIT_COLUMNS = [{"key": "code", "heading": "ข้อ", "width_cm": 1.5}, {"key": "title", "heading": "ข้อมูล", "width_cm": 7},
               {"key": "responsible", "heading": "ผู้รับผิดชอบ", "width_cm": 4},
               {"key": "url", "heading": "URL", "width_cm": 3.5}]


def test_an_oit_table_shows_a_url_column_the_rows_fill():
    data = _oit(columns=OIT_COLUMNS)
    data["items"] = [{**item, "url": f"https://example.go.th/o{n}"} for n, item in enumerate(data["items"], 1)]
    view, specs = build_view(load(data))
    table = next(b["table"] for b in view["blocks"] if b["type"] == "table")
    assert [c["heading"] for c in table["columns"]] == ["ข้อ", "ข้อมูล", "ผู้รับผิดชอบ", "URL"]
    assert table["rows"][0]["cells"][3] == ["https://example.go.th/o1"]   # -- digits of a URL kept --
    assert len(specs[0].widths_twips) == 4


def test_a_column_key_nothing_fills_is_an_error_naming_the_column():
    with pytest.raises(InputError) as caught:
        build_view(load(_oit(columns=OIT_COLUMNS)))
    assert caught.value.location.path == "columns[3].key"
    assert "URL" in str(caught.value)


def test_a_row_key_no_column_shows_is_an_error():
    data = _oit()
    data["items"] = [{**data["items"][0], "url": "https://example.go.th"}, *data["items"][1:]]
    with pytest.raises(InputError, match="url"):
        build_view(load(data))


def test_a_column_alignment_reaches_the_layout():
    data = sample_data("nongmuang-2566-measures")
    columns = [{"key": "measure", "heading": "มาตรการ", "width_cm": 8},
               {"key": "period", "heading": "ระยะเวลา", "width_cm": 4, "align": "right"},
               {"key": "responsible", "heading": "ผู้รับผิดชอบ", "width_cm": 4}]
    _, specs = build_view(_plan(measures_table={"columns": columns, "number_format": "{n}. "}))
    assert specs[-1].aligns == ("left", "right", "left")
    lines = _lines(_plan(measures_table={"columns": columns, "number_format": "{n}. "}))
    assert f"๑. {data['measures'][0]['title']}" in lines


def test_the_period_style_of_a_document():
    data = sample_data("krut-2566-progress")
    table = {"columns": [{"key": "measure", "heading": "มาตรการ", "width_cm": 8},
                         {"key": "period", "heading": "ระยะเวลา", "width_cm": 8}],
             "measures": [{"title": "ก", "period": {"start": "2023-10-01", "end": "2023-10-31"}},
                          {"title": "ข", "period": {"start_month": "2024-01", "end_month": "2024-03"}}]}
    spaced = _lines(load({**data, "digits": "arabic", "period_style": {"dash": " - ", "year": "full"},
                          "tables": [table]}))
    assert "1 ต.ค. 2566 - 31 ต.ค. 2566" in spaced and "ม.ค. 2567 - มี.ค. 2567" in spaced
    plain = _lines(load({**data, "digits": "arabic", "tables": [table]}))
    assert "1 ต.ค. 2566-31 ต.ค. 2566" in plain and "ม.ค.67-มี.ค. 67" in plain


def test_typed_parts_in_a_free_block_list():
    data = sample_data("krut-2566-progress")
    after = [
        {"score_table": {"tools": [{"tool": "IIT", "indicators": [{"indicator": "การปฏิบัติหน้าที่", "score": 95},
                                                                   {"indicator": "การใช้อำนาจ", "score": 90}]}]}},
        {"score_history": {"level_format": "({name}) ระดับ {level}", "columns": [
            {"key": "year", "heading": "ปี", "width_cm": 4}, {"key": "level", "heading": "ระดับ", "width_cm": 6},
            {"key": "change", "heading": "เทียบปีก่อน", "width_cm": 6}], "years": [
            {"year": 2565, "score": 88, "level": "A"}, {"year": 2566, "score": 96, "level": "AA",
                                                        "level_name": "ผ่าน"}]}},
        {"signature": {"date": "2024-01-15", "name": "นายสมชาย ใจดี", "position": ["นายกเทศมนตรี"]}},
    ]
    document = load({**data, "after": after})
    view, specs = build_view(document)
    lines = _lines(document)
    assert "(ผ่าน) ระดับ AA" in lines and "เพิ่มขึ้น" in lines
    assert "ประกาศ ณ วันที่ ๑๕ มกราคม พ.ศ. ๒๕๖๗" in lines and "(นายสมชาย ใจดี)" in lines
    score = next(s for s in specs if s.headings == ("เครื่องมือ", "ตัวชี้วัด", "คะแนน"))
    assert score.merges == ((0, 0, 2),)
    assert view["blocks"][-2]["type"] == "signature_date"
    assert view["blocks"][-1] == {"type": "signature", "lines": ["", "", "(นายสมชาย ใจดี)", "นายกเทศมนตรี"]}


def test_a_plan_score_table_without_rows_takes_last_years_scores_by_tool():
    lines = _lines(_plan(sections=[{"score_table": {}}]))
    assert "แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน" in lines
    assert "การเปิดเผยข้อมูล" in lines and "๘๙.๒๙" in lines


def test_a_level_with_letters_and_a_name():
    from ita_docs.consistency import figure_findings

    data = sample_data("banmai-2567-measures")
    named = load({**data, "previous_result": {**data["previous_result"], "level": "A", "level_name": "ผ่านดี"}})
    assert any("อยู่ในระดับ (ผ่านดี) ระดับ A คะแนน" in line for line in _lines(named))
    # -- the named level is the one 2566's framework computes: nothing to report --
    assert not [f for f in figure_findings(named) if f.location.path == "previous_result.level"]
    # -- letters alone are FY2566's letter grade, whose limits are not confirmed: printed as
    #    typed and not questioned (a confirmed year's wrong letter is, in tests/test_consistency.py) --
    letters = load({**data, "previous_result": {**data["previous_result"], "level": "A", "level_name": None}})
    assert any("ระดับ A" in line for line in _lines(letters))
    assert not [f for f in figure_findings(letters) if f.location.path == "previous_result.level"]


def test_the_paragraph_before_a_signature_keeps_with_it():
    data = sample_data("krut-2566-progress")
    document = load({**data, "sections": [{"paragraphs": ["หนึ่ง", "สอง"]},
                                          {"signature": {"name": "นายสมชาย ใจดี"}}]})
    view, _ = build_view(document)
    assert [(b["type"], b["lines"]) for b in view["blocks"][:2]] == [("body", ["หนึ่ง"]), ("body_keep", ["สอง"])]
