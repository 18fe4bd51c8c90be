"""Through the strict reader into the model: a text stays as typed, a number or date is converted
by the field that asks for it, and what cannot be converted is refused in Thai with its place."""
from __future__ import annotations

import io
import json
from datetime import date
from decimal import Decimal

import pytest

from ita_docs import load
from ita_docs.errors import DataValidationError
from tests.conftest import NONGMUANG, SAMPLES

PLAN = NONGMUANG.read_text(encoding="utf-8")
REPORT = (SAMPLES / "ronthong-2564-report.yaml").read_text(encoding="utf-8")


def _write(tmp_path, text: str, old: str, new: str, name: str = "plan.yaml"):
    assert text.count(old) == 1, old
    path = tmp_path / name
    path.write_text(text.replace(old, new), encoding="utf-8")
    return path


def _problem(tmp_path, text: str, old: str, new: str):
    with pytest.raises(DataValidationError) as info:
        load(_write(tmp_path, text, old, new))
    return info.value.problems


@pytest.mark.parametrize("typed", ["021234567", "010", "9:30", "0x1F", "97.10", "2566-03-16", "yes", "off",
                                   "1e3", "๐๒๑๒๓๔๕๖๗"])
def test_a_text_field_keeps_digits_as_typed(tmp_path, typed):
    document = load(_write(tmp_path, PLAN, "  place: ห้องประชุมสภาเทศบาลตำบลหนองม่วง\n", f"  place: {typed}\n"))
    assert document.meeting.place == typed


def test_a_score_keeps_its_written_form_and_prints_it(tmp_path):
    from ita_docs.rendering import render_bytes

    document = load(_write(tmp_path, PLAN, '{indicator: การใช้งบประมาณ, score: "97.05"}',
                           "{indicator: การใช้งบประมาณ, score: 97.10}"))
    score = document.previous_result.indicators[8].score
    assert score == Decimal("97.10") and str(score) == "97.10"
    import docx

    tables = docx.Document(io.BytesIO(render_bytes(document))).tables
    assert "๙๗.๑๐" in {cell.text for table in tables for row in table.rows for cell in row.cells}


def test_an_unquoted_be_date_is_read_as_be(tmp_path):
    document = load(_write(tmp_path, PLAN, "  date: ๑๖ มีนาคม ๒๕๖๖\n", "  date: 2566-03-16\n"))
    assert document.meeting.date == date(2023, 3, 16)


@pytest.mark.parametrize("typed", ["0", "20230316", "45000"])
def test_a_number_for_a_date_is_refused(tmp_path, typed):
    (problem,) = _problem(tmp_path, PLAN, "  date: ๑๖ มีนาคม ๒๕๖๖\n", f"  date: {typed}\n")
    assert problem.location.path == "meeting.date"
    assert "ไม่ใช่วันที่" in problem.message


@pytest.mark.parametrize("value", [0, 45000, 1.5])
def test_a_json_or_plain_number_for_a_date_is_refused_in_thai(tmp_path, nongmuang_data, value):
    data = dict(nongmuang_data, meeting=dict(nongmuang_data["meeting"], date=value))
    path = tmp_path / "plan.json"
    path.write_text(json.dumps(data, ensure_ascii=False, default=str), encoding="utf-8")
    for source in (path, data):
        with pytest.raises(DataValidationError) as info:
            load(source)
        (problem,) = info.value.problems
        assert problem.location.path == "meeting.date"
        assert "ไม่ใช่" in problem.message and "date" not in problem.message.lower()


@pytest.mark.parametrize("typed", [".nan", ".inf", "-.inf", "NaN", "inf"])
def test_a_non_finite_yaml_score_is_refused_in_thai(tmp_path, typed):
    (problem,) = _problem(tmp_path, PLAN, '  total_score: "97.07"\n', f"  total_score: {typed}\n")
    assert problem.location.path == "previous_result.total_score"
    assert problem.message.startswith("ต้องเป็นตัวเลข")


@pytest.mark.parametrize("value", [float("nan"), float("inf"), Decimal("NaN"), Decimal("-Infinity")])
def test_a_non_finite_plain_score_is_refused_in_thai(nongmuang_data, value):
    data = dict(nongmuang_data, previous_result=dict(nongmuang_data["previous_result"], total_score=value))
    with pytest.raises(DataValidationError) as info:
        load(data)
    (problem,) = info.value.problems
    assert problem.location.path == "previous_result.total_score"
    assert "NaN หรือค่าอนันต์" in problem.message


@pytest.mark.parametrize("typed", ["NaN", "Infinity", "-Infinity"])
def test_a_non_finite_json_score_is_refused_in_thai(tmp_path, nongmuang_data, typed):
    data = dict(nongmuang_data, previous_result=dict(nongmuang_data["previous_result"], total_score="@"))
    text = json.dumps(data, ensure_ascii=False, default=str).replace('"@"', typed)
    path = tmp_path / "plan.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataValidationError) as info:
        load(path)
    assert info.value.problems[0].location.path == "previous_result.total_score"
    assert info.value.problems[0].message.startswith("ต้องเป็นตัวเลข")


@pytest.mark.parametrize("typed", ["''", "", "~", "null"])
def test_an_empty_optional_title_is_no_title(tmp_path, typed):
    document = load(_write(tmp_path, PLAN, "kind: measures_plan\n", f"kind: measures_plan\ntitle: {typed}\n"))
    assert document.title == ("" if typed == "''" else None)
    if typed != "''":
        assert document == load(NONGMUANG)


@pytest.mark.parametrize("typed", ["", "~"])
def test_an_empty_required_title_is_refused_there(tmp_path, typed):
    (problem,) = _problem(tmp_path, PLAN, "    title: การใช้งบประมาณ\n", f"    title: {typed}\n")
    assert problem.location.path == "measures[0].title"


@pytest.mark.parametrize("typed", ["true", "True", "TRUE", "yes", "on"])
def test_a_page_break_flag_is_read(tmp_path, typed):
    document = load(_write(tmp_path, REPORT, "- page_break: true\n", f"- page_break: {typed}\n"))
    assert document == load(SAMPLES / "ronthong-2564-report.yaml")


@pytest.mark.parametrize("typed", ["false", "no", "1", "'x'"])
def test_a_page_break_that_is_not_set_is_refused(tmp_path, typed):
    problems = _problem(tmp_path, REPORT, "- page_break: true\n", f"- page_break: {typed}\n")
    assert problems[0].location.path.endswith("page_break")


def test_numbers_in_number_fields_are_converted_decimal_not_octal(tmp_path):
    document = load(_write(tmp_path, PLAN, "  - number: 2\n", "  - number: 010\n"))
    assert [m.number for m in document.measures][:3] == [1, 10, 3]
    assert document.fiscal_year == 2566 and document.previous_result.fiscal_year == 2565


def test_hex_in_a_number_field_is_refused_not_converted(tmp_path):
    (problem,) = _problem(tmp_path, PLAN, "  - number: 2\n", "  - number: 0x1F\n")
    assert problem.location.path == "measures[1].number"


def test_a_quarter_that_is_not_a_whole_number_is_refused_in_thai(tmp_path):
    old = "    title: การใช้งบประมาณ\n"
    problems = _problem(tmp_path, PLAN.replace("    period: {fiscal_year: 2566}\n", ""), old,
                        old + "    period: {quarter: 2.5}\n")
    assert problems[0].location.path == "measures[0].period"
    assert "ไตรมาสต้องเป็นเลข 1 ถึง 4" in problems[0].message


def test_a_file_of_many_wrong_values_is_told_the_first_hundred(plan_data):
    from ita_docs.model.base import MAX_PROBLEMS

    plan_data["measures"] = ["ไม่ใช่มาตรการ"] * (MAX_PROBLEMS + 50)
    with pytest.raises(DataValidationError) as info:
        load(plan_data)
    problems = info.value.problems
    assert len(problems) == MAX_PROBLEMS + 1
    assert [p.location.path for p in problems[:2]] == ["measures[0]", "measures[1]"]
    assert problems[-1].message.startswith("และอีก 50 ปัญหาที่ไม่ได้แสดง")
