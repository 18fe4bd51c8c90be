"""Periods of a measure (ระยะเวลาดำเนินการ): free text, dates, months, a quarter, a fiscal year.

Each kind is a small frozen dataclass; :func:`format_period` writes any of them as the
reference documents do.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import re
from functools import lru_cache

from .dates import format_date, month_names, parse_date
from .digits import Digits, convert_digits, to_arabic_digits
from .fiscal import format_fiscal_year, format_quarter

__all__ = [
    "DateRange",
    "FiscalYearPeriod",
    "MonthRange",
    "Period",
    "QuarterPeriod",
    "TextPeriod",
    "format_period",
    "parse_period_text",
]


@dataclass(frozen=True)
class TextPeriod:
    """A period written freely ("ทุกสิ้นเดือน"); it is printed as written."""

    text: str


@dataclass(frozen=True)
class DateRange:
    """From one day to another, both included; the error for a backward range writes Buddhist-era dates.

    >>> DateRange(date(2023, 12, 31), date(2023, 10, 1))
    Traceback (most recent call last):
    ValueError: วันสิ้นสุด (1 ต.ค. 2566) อยู่ก่อนวันเริ่มต้น (31 ธ.ค. 2566)
    """

    start: date
    end: date

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError(f"วันสิ้นสุด ({format_date(self.end, 'short_year', digits='arabic')}) อยู่ก่อน"
                             f"วันเริ่มต้น ({format_date(self.start, 'short_year', digits='arabic')})")


@dataclass(frozen=True)
class MonthRange:
    """From one month to another; the day of each date is ignored.

    >>> MonthRange(date(2024, 10, 1), date(2024, 9, 1))
    Traceback (most recent call last):
    ValueError: เดือนสิ้นสุด (กันยายน 2567) อยู่ก่อนเดือนเริ่มต้น (ตุลาคม 2567)
    """

    start: date
    end: date

    def __post_init__(self) -> None:
        if (self.end.year, self.end.month) < (self.start.year, self.start.month):
            raise ValueError(f"เดือนสิ้นสุด ({format_date(self.end, 'month_year', digits='arabic')}) อยู่ก่อน"
                             f"เดือนเริ่มต้น ({format_date(self.start, 'month_year', digits='arabic')})")


@dataclass(frozen=True)
class QuarterPeriod:
    """A quarter (1–4) of a fiscal year."""

    quarter: int
    fiscal_year: int | None = None

    def __post_init__(self) -> None:
        if self.quarter not in (1, 2, 3, 4):
            raise ValueError(f"ไตรมาสต้องเป็น 1 ถึง 4 ไม่ใช่ {self.quarter}")


@dataclass(frozen=True)
class FiscalYearPeriod:
    """A whole BE fiscal year."""

    fiscal_year: int


Period = TextPeriod | DateRange | MonthRange | QuarterPeriod | FiscalYearPeriod


@lru_cache(maxsize=4096)
def format_period(period: Period, *, digits: Digits = "thai", dash: str = "-", year: str | None = None) -> str:
    """Write *period* in the style of the reference documents.

    *dash* goes between the two ends of a range (``" - "`` spaces it); *year* is
    ``"full"`` (๒๕๖๖) or ``"short"`` (๖๖) for both ends, or None for the references' mix.

    >>> format_period(MonthRange(date(2022, 10, 1), date(2023, 3, 1)))
    'ต.ค.๖๕-มี.ค. ๖๖'
    >>> format_period(QuarterPeriod(2))
    'ไตรมาสที่ ๒'
    >>> format_period(FiscalYearPeriod(2566))
    'ปีงบประมาณ ๒๕๖๖'
    >>> format_period(DateRange(date(2023, 10, 1), date(2023, 10, 15)), digits="arabic")
    '1 ต.ค. 2566-15 ต.ค. 2566'
    >>> format_period(DateRange(date(2023, 10, 1), date(2023, 10, 31)), digits="arabic", dash=" - ")
    '1 ต.ค. 2566 - 31 ต.ค. 2566'
    >>> format_period(MonthRange(date(2023, 1, 1), date(2023, 3, 1)), digits="arabic", dash=" - ", year="full")
    'ม.ค. 2566 - มี.ค. 2566'
    """
    match period:
        case TextPeriod(text):
            return convert_digits(text, digits)
        case DateRange(start, end):
            style = "short" if year == "short" else "short_year"
            return f"{format_date(start, style, digits=digits)}{dash}{format_date(end, style, digits=digits)}"
        case MonthRange(start, end):
            if year is None:
                first, last = "{month_abbr}{yy}", "month_year_short"
            else:
                first = last = "{month_abbr} {year}" if year == "full" else "{month_abbr} {yy}"
            return f"{format_date(start, first, digits=digits)}{dash}{format_date(end, last, digits=digits)}"
        case QuarterPeriod(quarter, _):
            return format_quarter(quarter, digits=digits)
        case FiscalYearPeriod(fiscal_year):
            return format_fiscal_year(fiscal_year, digits=digits)
    raise TypeError(f"not a period: {period!r}")


_ABBR = "|".join(re.escape(m) for m in month_names("abbreviated"))
_CANONICAL = (
    (re.compile(r"ปีงบประมาณ (\d{4})"), lambda m: FiscalYearPeriod(int(m[1]))),
    (re.compile(r"ไตรมาสที่ ([1-4])"), lambda m: QuarterPeriod(int(m[1]))),
    (re.compile(rf"({_ABBR})(\d\d)-({_ABBR}) (\d\d)"),
     lambda m: MonthRange(parse_date(f"1 {m[1]} {m[2]}"), parse_date(f"1 {m[3]} {m[4]}"))),
    (re.compile(rf"(\d{{1,2}} (?:{_ABBR}) \d{{4}})-(\d{{1,2}} (?:{_ABBR}) \d{{4}})"),
     lambda m: DateRange(parse_date(m[1]), parse_date(m[2]))),
)


def parse_period_text(text: str) -> Period | None:
    """The period a text writes exactly as :func:`format_period` would, else None.

    Only the canonical forms are read, so the period prints as it was typed.

    >>> parse_period_text("ต.ค.๖๕-มี.ค. ๖๖")
    MonthRange(start=datetime.date(2022, 10, 1), end=datetime.date(2023, 3, 1))
    >>> parse_period_text("ปีงบประมาณ พ.ศ. 2566") is None
    True
    """
    cleaned = to_arabic_digits(text.strip())
    for pattern, make in _CANONICAL:
        match = pattern.fullmatch(cleaned)
        if match:
            try:
                return make(match)
            except ValueError:
                return None
    return None
