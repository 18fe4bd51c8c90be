"""Every date a message writes is in Thai Buddhist-era form, never ISO Christian-era ("2024-10–2024-10").

Periods of every form, typed wrong in every way the model refuses or the check reports, on
the measures plan: the message names the place and writes the dates as a Thai clerk does.
"""
from __future__ import annotations

import copy
import re

import pytest

from ita_docs import check
from ita_docs.errors import DataValidationError
from tests.conftest import SAMPLES, sample_data

#: A Christian-era date or month the way Python prints one: 2023-12-31, 2024-10.
ISO_CE = re.compile(r"(?<![0-9])(1[89]|20)[0-9]{2}-[01]?[0-9](?:-[0-3]?[0-9])?(?![0-9])")

PLAN = sample_data("nongmuang-2566-measures")


def _messages(period) -> list[tuple[str, str]]:
    """(location, message) of each error or finding about measure 0 given *period*."""
    data = copy.deepcopy(PLAN)
    data["measures"][0]["period"] = period
    try:
        findings = check(data)
    except DataValidationError as exc:
        return [(p.location.path, p.message) for p in exc.problems]
    return [(f.location.path, f.message) for f in findings if f.location.path.startswith("measures[0]")]


@pytest.mark.parametrize(("period", "expected"), [
    ({"start": "2566-12-31", "end": "2566-10-01"}, "วันสิ้นสุด (1 ต.ค. 2566) อยู่ก่อนวันเริ่มต้น (31 ธ.ค. 2566)"),
    ({"start": "2023-12-31", "end": "2023-10-01"}, "วันสิ้นสุด (1 ต.ค. 2566) อยู่ก่อนวันเริ่มต้น (31 ธ.ค. 2566)"),
    ({"start_month": "2566-12", "end_month": "2566-10"}, "เดือนสิ้นสุด (ตุลาคม 2566) อยู่ก่อนเดือนเริ่มต้น (ธันวาคม 2566)"),
    ({"start": "2566-02-30", "end": "2566-03-01"}, "(เดือนกุมภาพันธ์ พ.ศ. 2566 มี 28 วัน)"),
    ({"start": "1 ต.ค. 2565", "end": "31 ต.ค. 2566"}, "ระยะเวลา 1 ต.ค. 2565 – 31 ต.ค. 2566 อยู่นอกปีงบประมาณ 2566"),
    ({"start_month": "2024-10", "end_month": "2024-10"}, "ระยะเวลา ตุลาคม 2567 อยู่นอกปีงบประมาณ 2566"),
    ({"start_month": "2022-09", "end_month": "2022-12"}, "ระยะเวลา กันยายน 2565 – ธันวาคม 2565 อยู่นอกปีงบประมาณ"),
    ("ม.ค. 2568", "ระยะเวลา 'ม.ค. 2568' อยู่นอกปีงบประมาณ 2566 (1 ต.ค. 2565 – 30 ก.ย. 2566)"),
])
def test_a_period_message_writes_buddhist_era_dates(period, expected):
    messages = _messages(period)
    assert [m for _, m in messages if expected in m], messages
    assert all(where.startswith("measures[0].period") for where, _ in messages)
    assert not [m for _, m in messages if ISO_CE.search(m)], messages


def test_no_finding_of_a_sample_writes_an_iso_date():
    messages = [f.message for path in sorted(SAMPLES.glob("*.yaml")) for f in check(path)]
    assert messages and not [m for m in messages if ISO_CE.search(m)]


def test_a_meeting_outside_the_year_is_written_in_thai():
    data = copy.deepcopy(PLAN)
    data["meeting"]["date"] = "2024-10-01"
    [finding] = [f for f in check(data) if f.location.path == "meeting.date"]
    assert finding.message == "วันประชุม 1 ตุลาคม 2567 อยู่นอกปีงบประมาณ 2566 (1 ต.ค. 2565 – 30 ก.ย. 2566)"


# -- a huge value is quoted cut, in every message (errors.cut_quoted) --------------------------


@pytest.mark.parametrize("date", ["16 มีนาคม " + "9" * 5000, "9" * 5000 + "-01-01", "2023-" + "1" * 5000 + "-01"])
def test_a_date_error_quotes_a_huge_year_cut(date):
    from ita_docs import load

    data = sample_data("nongmuang-2566-measures")
    data["meeting"]["date"] = date
    with pytest.raises(DataValidationError) as raised:
        load(data)
    [problem] = raised.value.problems
    assert str(problem.location) == "meeting.date"
    quoted = re.search(r"'([^']*)'", problem.message)[1]
    assert quoted == date[:40] + "…" and len(problem.message) < 200


def test_a_raised_error_and_a_warning_quote_cut_too():
    from ita_docs.errors import InputError, ItaDocsWarning

    long = "x" * 100
    assert InputError(f"ไม่รู้จัก {long!r}").message == f"ไม่รู้จัก '{'x' * 40}…'"
    assert str(ItaDocsWarning(f'ชื่อ "{long}" ไม่ตรง')) == f'ชื่อ "{"x" * 40}…" ไม่ตรง'
