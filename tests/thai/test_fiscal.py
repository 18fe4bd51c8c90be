from datetime import date

import pytest

from ita_docs.thai import (
    fiscal_quarter,
    fiscal_year_end,
    fiscal_year_of,
    fiscal_year_start,
    format_fiscal_year,
    format_quarter,
    quarter_bounds,
)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (date(2022, 9, 30), 2565),   # 30 ก.ย. 2565: last day of FY2565
        (date(2022, 10, 1), 2566),   # 1 ต.ค. 2565: first day of FY2566
        (date(2023, 9, 30), 2566),
        (date(2023, 10, 1), 2567),
        (date(2024, 2, 29), 2567),
        (date(2022, 12, 31), 2566),
        (date(2023, 1, 1), 2566),
    ],
)
def test_fiscal_year_of(value, expected):
    assert fiscal_year_of(value) == expected


def test_fiscal_year_bounds():
    assert fiscal_year_start(2566) == date(2022, 10, 1)
    assert fiscal_year_end(2566) == date(2023, 9, 30)
    assert fiscal_year_of(fiscal_year_start(2566)) == fiscal_year_of(fiscal_year_end(2566)) == 2566


@pytest.mark.parametrize(
    ("value", "quarter"),
    [(date(2022, 10, 1), 1), (date(2022, 12, 31), 1), (date(2023, 1, 1), 2), (date(2023, 3, 31), 2),
     (date(2023, 4, 1), 3), (date(2023, 6, 30), 3), (date(2023, 7, 1), 4), (date(2023, 9, 30), 4)],
)
def test_fiscal_quarter(value, quarter):
    assert fiscal_quarter(value) == quarter


@pytest.mark.parametrize(
    ("fy", "quarter", "bounds"),
    [
        (2566, 1, (date(2022, 10, 1), date(2022, 12, 31))),
        (2566, 2, (date(2023, 1, 1), date(2023, 3, 31))),
        (2566, 3, (date(2023, 4, 1), date(2023, 6, 30))),
        (2566, 4, (date(2023, 7, 1), date(2023, 9, 30))),
        (2567, 2, (date(2024, 1, 1), date(2024, 3, 31))),
    ],
)
def test_quarter_bounds(fy, quarter, bounds):
    assert quarter_bounds(fy, quarter) == bounds


def test_quarter_bounds_refuses_quarter_5():
    with pytest.raises(ValueError):
        quarter_bounds(2566, 5)


def test_format_fiscal_year_and_quarter():
    assert format_fiscal_year(2566) == "ปีงบประมาณ ๒๕๖๖"
    assert format_fiscal_year(2566, "long") == "ปีงบประมาณ พ.ศ. ๒๕๖๖"
    assert format_quarter(2) == "ไตรมาสที่ ๒"
    with pytest.raises(ValueError):
        format_fiscal_year(2566, "medium")
