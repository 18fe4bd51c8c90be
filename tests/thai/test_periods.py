from datetime import date

import pytest

from ita_docs.thai import DateRange, FiscalYearPeriod, MonthRange, QuarterPeriod, TextPeriod, format_period


@pytest.mark.parametrize(
    ("period", "digits", "expected"),
    [
        (MonthRange(date(2022, 10, 1), date(2023, 3, 1)), "thai", "ต.ค.๖๕-มี.ค. ๖๖"),
        (QuarterPeriod(2), "thai", "ไตรมาสที่ ๒"),
        (QuarterPeriod(3, 2564), "arabic", "ไตรมาสที่ 3"),
        (FiscalYearPeriod(2566), "thai", "ปีงบประมาณ ๒๕๖๖"),
        (DateRange(date(2023, 10, 1), date(2023, 10, 15)), "arabic", "1 ต.ค. 2566-15 ต.ค. 2566"),
        (TextPeriod("ทุกสิ้นเดือน ภายใน 5 วัน"), "thai", "ทุกสิ้นเดือน ภายใน ๕ วัน"),
    ],
)
def test_format_period(period, digits, expected):
    assert format_period(period, digits=digits) == expected


def test_period_end_before_start_is_refused():
    with pytest.raises(ValueError, match="ก่อนวันเริ่มต้น"):
        DateRange(date(2023, 10, 15), date(2023, 10, 1))
    with pytest.raises(ValueError, match="ก่อนเดือนเริ่มต้น"):
        MonthRange(date(2023, 3, 1), date(2022, 10, 1))
    with pytest.raises(ValueError, match="ไตรมาส"):
        QuarterPeriod(0)
