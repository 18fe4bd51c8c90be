"""Thai government fiscal years (ปีงบประมาณ) and their quarters.

Fiscal year N (Buddhist era) runs from 1 October N−1 to 30 September N; quarter 1
is October–December.
"""
from __future__ import annotations

from datetime import date, timedelta

from .dates import BE_OFFSET
from .digits import Digits, convert_digits

__all__ = [
    "FISCAL_YEAR_STYLES",
    "fiscal_quarter",
    "fiscal_year_end",
    "fiscal_year_of",
    "fiscal_year_start",
    "format_fiscal_year",
    "format_quarter",
    "quarter_bounds",
]

FIRST_MONTH = 10  # the fiscal year opens in October

FISCAL_YEAR_STYLES: dict[str, str] = {
    "short": "ปีงบประมาณ {year}",          # ปีงบประมาณ ๒๕๖๖
    "long": "ปีงบประมาณ พ.ศ. {year}",     # ปีงบประมาณ พ.ศ. ๒๕๖๖
    "year": "{year}",
}


def fiscal_year_of(value: date) -> int:
    """Return the Buddhist-era fiscal year that *value* falls in.

    >>> fiscal_year_of(date(2023, 9, 30))
    2566
    >>> fiscal_year_of(date(2023, 10, 1))
    2567
    """
    return value.year + BE_OFFSET + (1 if value.month >= FIRST_MONTH else 0)


def fiscal_year_start(fiscal_year: int) -> date:
    """First day of a BE fiscal year.

    >>> fiscal_year_start(2566)
    datetime.date(2022, 10, 1)
    """
    return date(fiscal_year - BE_OFFSET - 1, FIRST_MONTH, 1)


def fiscal_year_end(fiscal_year: int) -> date:
    """Last day of a BE fiscal year.

    >>> fiscal_year_end(2566)
    datetime.date(2023, 9, 30)
    """
    return date(fiscal_year - BE_OFFSET, FIRST_MONTH - 1, 30)


def fiscal_quarter(value: date) -> int:
    """Return the fiscal quarter (1–4) of *value*; quarter 1 is October–December.

    >>> fiscal_quarter(date(2022, 12, 31))
    1
    >>> fiscal_quarter(date(2023, 1, 1))
    2
    """
    return (value.month - FIRST_MONTH) % 12 // 3 + 1


def quarter_bounds(fiscal_year: int, quarter: int) -> tuple[date, date]:
    """First and last day of a quarter of a BE fiscal year.

    >>> quarter_bounds(2566, 1)
    (datetime.date(2022, 10, 1), datetime.date(2022, 12, 31))
    >>> quarter_bounds(2567, 2)
    (datetime.date(2024, 1, 1), datetime.date(2024, 3, 31))
    """
    if quarter not in (1, 2, 3, 4):
        raise ValueError(f"quarter must be 1 to 4, not {quarter}")
    base_year = fiscal_year_start(fiscal_year).year
    first = FIRST_MONTH - 1 + 3 * (quarter - 1)  # months counted from January of base_year
    after = first + 3
    start = date(base_year + first // 12, first % 12 + 1, 1)
    end = date(base_year + after // 12, after % 12 + 1, 1) - timedelta(days=1)
    return start, end


def format_fiscal_year(fiscal_year: int, style: str = "short", *, digits: Digits = "thai") -> str:
    """Write a fiscal year as the documents do.

    >>> format_fiscal_year(2566)
    'ปีงบประมาณ ๒๕๖๖'
    >>> format_fiscal_year(2566, "long", digits="arabic")
    'ปีงบประมาณ พ.ศ. 2566'
    """
    try:
        pattern = FISCAL_YEAR_STYLES[style]
    except KeyError:
        raise ValueError(f"unknown fiscal-year style {style!r}; use one of {', '.join(FISCAL_YEAR_STYLES)}") from None
    return convert_digits(pattern.format(year=fiscal_year), digits)


def format_quarter(quarter: int, *, digits: Digits = "thai") -> str:
    """Write a fiscal quarter.

    >>> format_quarter(2)
    'ไตรมาสที่ ๒'
    >>> format_quarter(4, digits="arabic")
    'ไตรมาสที่ 4'
    """
    if quarter not in (1, 2, 3, 4):
        raise ValueError(f"quarter must be 1 to 4, not {quarter}")
    return convert_digits(f"ไตรมาสที่ {quarter}", digits)
