"""Validation of the measures plan: each bad input names its field path and a Thai problem."""
from decimal import Decimal

import pytest

from ita_docs.errors import DataValidationError, InputError
from ita_docs.model import MeasuresPlan
from ita_docs.thai import DateRange, FiscalYearPeriod, MonthRange, QuarterPeriod, TextPeriod


def _set(data, path, value):
    *parents, last = path
    for key in parents:
        data = data[key]
    if value is KeyError:
        del data[last]
    else:
        data[last] = value


@pytest.mark.parametrize(
    ("path", "value", "where", "message"),
    [
        (("measures", 2, "period"), {"quarter": 5}, "measures[2].period", "ไตรมาสต้องเป็น 1 ถึง 4"),
        (("measures", 3, "period"), {"start": "31 ก.พ. 2567", "end": "2024-03-01"},
         "measures[3].period", "ไม่มีวันที่นี้ในปฏิทิน"),
        (("measures", 0, "period"), {"when": "soon"}, "measures[0].period", "ระยะเวลาต้องเป็น"),
        (("measures", 0, "title"), KeyError, "measures[0].title", "ต้องกรอกข้อมูลนี้"),
        (("measures", 1, "owner"), "กองคลัง", "measures[1].owner", "ไม่รู้จักช่องข้อมูลนี้"),
        (("measures",), [], "measures", "ต้องมีอย่างน้อย 1 รายการ"),
        (("fiscal_year",), 2023, "fiscal_year", "ดูเป็นปี ค.ศ."),
        (("fiscal_year",), 3105, "fiscal_year", "ต้องไม่เกิน 2700"),
        (("fiscal_year",), "สองห้าหกหก", "fiscal_year", "ต้องเป็นจำนวนเต็ม"),
        (("previous_result", "total_score"), "101", "previous_result.total_score", "ต้องไม่เกิน 100"),
        (("previous_result", "indicators", 0, "score"), -1, "previous_result.indicators[0].score",
         "ต้องไม่น้อยกว่า 0"),
        (("previous_result", "indicators", 1, "score"), "เก้าสิบ", "previous_result.indicators[1].score",
         "ต้องเป็นตัวเลข"),
        (("meeting", "date"), "16 มีนา 2566", "meeting.date", "ไม่รู้จักชื่อเดือน"),
        (("digits",), "roman", "digits", "ต้องเป็นค่าใดค่าหนึ่งต่อไปนี้"),
        (("organisation", "name"), "", "organisation.name", "ต้องไม่เว้นว่าง"),
        # -- only characters a .docx cannot hold: empty once cleaned, so refused, never printed empty --
        (("organisation", "name"), "\x00\x01", "organisation.name", "ต้องไม่เว้นว่าง"),
        (("measures", 0, "title"), "\ufffe", "measures[0].title", "ต้องไม่เว้นว่าง"),
        (("measures", 1, "number"), 1, "", "มาตรการลำดับที่ 1 ซ้ำกัน"),
        (("measures_table",), {"preset": "x", "columns": [{"key": "method", "heading": "วิธี", "width_cm": 3}]},
         "measures_table", "preset หรือ columns"),
    ],
)
def test_invalid_input_names_path_and_problem(plan_data, path, value, where, message):
    _set(plan_data, path, value)
    with pytest.raises(DataValidationError) as info:
        MeasuresPlan.from_data(plan_data)
    problems = {str(p.location.path or ""): p.message for p in info.value.problems}
    assert where in problems, problems
    assert message in problems[where]


def test_validation_error_is_a_value_error(plan_data):
    plan_data["fiscal_year"] = 2023
    with pytest.raises(ValueError):
        MeasuresPlan.from_data(plan_data)
    assert issubclass(DataValidationError, InputError)


def test_every_problem_is_reported(plan_data):
    plan_data["fiscal_year"] = 2023
    plan_data["measures"][0]["title"] = None
    with pytest.raises(DataValidationError) as info:
        MeasuresPlan.from_data(plan_data)
    assert {p.location.path for p in info.value.problems} == {"fiscal_year", "measures[0].title"}


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("ทุกสิ้นเดือน", TextPeriod("ทุกสิ้นเดือน")),
        ({"fiscal_year": "๒๕๖๖"}, FiscalYearPeriod(2566)),
        ({"quarter": "๒"}, QuarterPeriod(2)),
        ({"quarter": 1, "fiscal_year": 2567}, QuarterPeriod(1, 2567)),
        ({"start": "1 ต.ค. 2566", "end": "2023-10-15"}, DateRange(*map(__import__("datetime").date, (2023, 2023), (10, 10), (1, 15)))),
        ({"start_month": "ต.ค. 65", "end_month": "2023-03"},
         MonthRange(__import__("datetime").date(2022, 10, 1), __import__("datetime").date(2023, 3, 1))),
    ],
)
def test_period_forms(plan_data, given, expected):
    plan_data["measures"][0]["period"] = given
    assert MeasuresPlan.from_data(plan_data).measures[0].period == expected


def test_text_is_cleaned_and_paragraphs_split(plan_data):
    plan_data["measures"][0]["method"] = "ข้อหนึ่ง\nข้อสอง\x0bต่อ\x00"
    measure = MeasuresPlan.from_data(plan_data).measures[0]
    assert measure.method == ["ข้อหนึ่ง", "ข้อสอง", "ต่อ"]


def test_scores_keep_digits_as_written(plan_data):
    plan_data["previous_result"]["total_score"] = "๙๗.๐๗"
    plan_data["previous_result"]["indicators"][0]["score"] = 100.0
    result = MeasuresPlan.from_data(plan_data).previous_result
    assert result.total_score == Decimal("97.07")
    assert str(result.indicators[0].score) == "100.0"


def test_numbers_typed_as_text_are_text(plan_data):
    plan_data["measures"][0]["followup"] = 2566
    assert MeasuresPlan.from_data(plan_data).measures[0].followup == ["2566"]
