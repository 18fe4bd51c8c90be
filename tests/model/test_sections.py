"""Validation of sections, typed parts, column alignment and the period style."""
from __future__ import annotations

import datetime

import pytest

from ita_docs.errors import DataValidationError
from ita_docs.io import load
from ita_docs.model.measures_plan import MeasuresTableBlock, RankingTableBlock
from ita_docs.model.oit_assignments import OitItem
from tests.conftest import sample_data


def _problems(data):
    with pytest.raises(DataValidationError) as caught:
        load(data)
    return {(p.location.path, p.message) for p in caught.value.problems}


def _plan(**changes):
    return {**sample_data("nongmuang-2566-measures"), **changes}


def test_a_plan_part_written_true_takes_its_defaults():
    plan = load(_plan(sections=[{"ranking_table": True}, {"measures_table": {"number_format": "{n}. "}}]))
    ranking, measures = plan.sections
    assert isinstance(ranking, RankingTableBlock) and ranking.ranking_table.heading is None
    assert isinstance(measures, MeasuresTableBlock) and measures.measures_table.number_format == "{n}. "


def test_a_section_of_no_known_kind_is_refused_naming_the_keys():
    problems = _problems(_plan(sections=[{"ranking_tabel": True}]))
    ((path, message),) = problems
    assert path == "sections[0]" and "ranking_table" in message and "signature" in message


@pytest.mark.parametrize(("column", "where"), [
    ({"key": "title", "heading": "ข้อมูล", "width_cm": 8, "align": "middle"}, "columns[0].align"),
    ({"key": "title", "heading": "ข้อมูล", "width_cm": 8, "alignment": "right"}, "columns[0].alignment"),
])
def test_a_column_alignment_must_be_known(column, where):
    data = sample_data("sanmaket-2565-progress")
    oit = next(p for p in data["parts"] if p["kind"] == "oit_assignments")
    paths = {path for path, _ in _problems({**oit, "organisation": data["organisation"], "columns": [column]})}
    assert paths == {where}


def test_a_period_style_is_checked():
    problems = _problems(_plan(period_style={"dash": " - ", "year": "long"}))
    assert {path for path, _ in problems} == {"period_style.year"}


def test_a_rows_own_keys_are_text_or_paragraphs():
    item = OitItem.model_validate({"code": "O1", "title": "โครงสร้าง", "url": "https://a.go.th\nhttps://b.go.th",
                                   "note": 5})
    assert item.row_extras == {"url": ["https://a.go.th", "https://b.go.th"], "note": ["5"]}


def test_a_signature_needs_a_name():
    data = sample_data("krut-2566-progress")
    problems = _problems({**data, "after": [{"signature": {"position": "นายก"}}]})
    assert {path for path, _ in problems} == {"after[0].signature.name"}


def test_an_unquoted_yaml_date_with_a_be_year_is_read_as_be():
    plan = load(_plan(meeting={"title": "ก", "date": datetime.date(2566, 3, 16)}))
    assert plan.meeting.date == datetime.date(2023, 3, 16)


def test_a_meeting_needs_no_place_or_attendees():
    plan = load(_plan(meeting={"title": "ก", "date": "16 มีนาคม 2566"}))
    assert plan.meeting.place is None and plan.meeting.attendees is None
