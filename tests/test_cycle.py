"""The yearly cycle: follow-up from a plan, next year from this year."""
from __future__ import annotations

import pytest

from ita_docs import load
from ita_docs.cli import main
from ita_docs.cycle import followup, next_year
from ita_docs.errors import InputError
from ita_docs.thai import FiscalYearPeriod, MonthRange
from tests.conftest import SAMPLES


def test_followup_carries_the_plans_measures_one_for_one():
    plan = load(SAMPLES / "nongmuang-2566-measures.yaml")
    report = followup(plan)
    assert (report.kind, report.fiscal_year, report.organisation) == ("progress_report", 2566, plan.organisation)
    measures = report.tables[0].measures
    assert [(m.number, m.title, m.method, m.responsible, m.period) for m in measures] == [
        (p.number, p.title, p.method, p.responsible, p.period) for p in plan.measures]
    assert all(m.result == [] and m.suggestion == [] for m in measures)


def test_followup_filled_in_renders(tmp_path, capsys):
    path = tmp_path / "progress.yaml"
    assert main(["followup", str(SAMPLES / "nongmuang-2566-measures.yaml"), "-o", str(path)]) == 0
    text = path.read_text(encoding="utf-8").replace("result: []", "result: [รายงานในที่ประชุมแล้ว]", 1)
    path.write_text(text, encoding="utf-8")
    status = main(["render", str(path), "-o", str(tmp_path / "p.docx")])
    # -- only the preset's hand-typed narrow columns may warn ("คอลัมน์ … แคบกว่าคำ …") --
    warned = capsys.readouterr().err.splitlines()
    assert status == (1 if warned else 0) and all("แคบกว่าคำ" in line for line in warned)


def test_followup_needs_a_plan():
    with pytest.raises(InputError, match="measures_plan"):
        followup(load(SAMPLES / "krut-2566-progress.yaml"))


def test_next_year_moves_years_dates_and_periods():
    plan = load(SAMPLES / "nongmuang-2566-measures.yaml")
    later, review = next_year(plan)
    assert later.fiscal_year == 2567 and later.previous_result.fiscal_year == 2566
    assert later.measures[0].period == FiscalYearPeriod(2567)
    assert str(later.meeting.date) == "2024-03-16"
    assert review[0].location.path == "previous_result"
    assert {f.location.path for f in review} >= {"assessment[0].paragraphs[0]", "meeting.title"}


def test_next_year_of_a_progress_report_shifts_month_ranges():
    later, _ = next_year(load(SAMPLES / "krut-2566-progress.yaml"))
    assert later.tables[0].measures[0].period == MonthRange(
        *map(__import__("datetime").date, (2023, 2024), (12, 3), (1, 1)))


def test_next_year_command_writes_a_valid_plan(tmp_path, capsys):
    out = tmp_path / "plan-2567.xlsx"
    assert main(["next-year", str(SAMPLES / "nongmuang-2566-measures.yaml"), "-o", str(out)]) == 0
    assert load(out).fiscal_year == 2567
    assert "ตรวจ: ใส่ผลการประเมิน ITA ปี 2566" in capsys.readouterr().out


@pytest.mark.parametrize("kind", ["measures_plan", "progress_report", "analysis_report", "annual_report",
                                  "committee_order", "oit_assignments", "combined"])
def test_new_gives_a_starter_that_loads(tmp_path, kind):
    for suffix in ("xlsx", "yaml"):
        path = tmp_path / f"{kind}.{suffix}"
        assert main(["new", kind, "-o", str(path)]) == 0
        assert load(path).kind == kind


def test_new_refuses_an_unknown_kind(tmp_path, capsys):
    with pytest.raises(SystemExit) as info:  # -- kind has choices: argparse refuses it, listing them --
        main(["new", "poem", "-o", str(tmp_path / "x.xlsx")])
    assert info.value.code == 2
    assert "invalid choice: 'poem'" in capsys.readouterr().err
