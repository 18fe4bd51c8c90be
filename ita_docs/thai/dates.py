"""Buddhist-era dates in the forms Thai official documents use.

Babel supplies the Thai month names; the Buddhist-era year (พ.ศ. = ค.ศ. + 543) and
the Thai digits are ours, because Babel's Thai locale is Gregorian only.
Note: BE = CE + 543 holds for dates from 1941 on; earlier Thai years began in April.
"""
from __future__ import annotations

import calendar
import re
from datetime import MAXYEAR, MINYEAR, date
from functools import lru_cache
from typing import Literal

from babel.dates import get_month_names

from .digits import Digits, convert_digits, to_arabic_digits

__all__ = [
    "BE_OFFSET",
    "DATE_STYLES",
    "be_year",
    "format_date",
    "month_names",
    "parse_date",
]

BE_OFFSET = 543
#: A four-digit year above this is Buddhist era; at or below it, Christian era.
BE_THRESHOLD = 2400
#: The latest BE year accepted; a later one is usually a year converted twice.
MAX_BE_YEAR = 2700

#: Named date styles: str.format patterns over day, month, month_abbr, year, yy.
DATE_STYLES: dict[str, str] = {
    "long": "{day} {month} พ.ศ. {year}",        # ๓๐ มกราคม พ.ศ. ๒๕๖๖
    "medium": "{day} {month} {year}",            # ๕ มกราคม ๒๕๖๖
    "short": "{day} {month_abbr} {yy}",          # ๑๕ ธ.ค. ๖๖
    "short_year": "{day} {month_abbr} {year}",   # ๑ ต.ค. ๒๕๖๖
    "month_year": "{month} {year}",              # มีนาคม ๒๕๖๖
    "month_year_short": "{month_abbr} {yy}",     # ม.ค. ๖๖
}


#: The widths of month names a document uses: "มกราคม" and "ม.ค.".
MonthWidth = Literal["wide", "abbreviated"]


@lru_cache(maxsize=None)
def month_names(width: MonthWidth = "wide") -> tuple[str, ...]:
    """Thai month names from Babel, January first; *width* is "wide" or "abbreviated".

    >>> month_names()[0]
    'มกราคม'
    >>> month_names("abbreviated")[9]
    'ต.ค.'
    """
    names = get_month_names(width, locale="th")
    return tuple(names[m] for m in range(1, 13))


def be_year(ce_year: int) -> int:
    """Return the Buddhist-era year of a Christian-era year.

    >>> be_year(2023)
    2566
    >>> be_year(2024)
    2567
    """
    return ce_year + BE_OFFSET


def format_date(value: date, style: str = "long", *, digits: Digits = "thai") -> str:
    """Format *value* as a Thai Buddhist-era date.

    *style* is a name from :data:`DATE_STYLES` or a pattern with the fields
    ``{day} {month} {month_abbr} {year} {yy}``.

    >>> format_date(date(2023, 1, 30))
    '๓๐ มกราคม พ.ศ. ๒๕๖๖'
    >>> format_date(date(2023, 12, 15), "short")
    '๑๕ ธ.ค. ๖๖'
    >>> format_date(date(2023, 10, 1), "short_year", digits="arabic")
    '1 ต.ค. 2566'
    """
    pattern = DATE_STYLES.get(style, style)
    if "{" not in pattern:
        raise ValueError(f"unknown date style {style!r}; use one of {', '.join(DATE_STYLES)}")
    year = be_year(value.year)
    text = pattern.format(
        day=value.day,
        month=month_names("wide")[value.month - 1],
        month_abbr=month_names("abbreviated")[value.month - 1],
        year=year,
        yy=f"{year % 100:02d}",
    )
    return convert_digits(text, digits)


@lru_cache(maxsize=None)
def _month_lookup() -> dict[str, int]:
    lookup: dict[str, int] = {}
    widths: tuple[MonthWidth, ...] = ("wide", "abbreviated")
    for width in widths:
        for number, name in enumerate(month_names(width), start=1):
            lookup[name] = number
            lookup[name.rstrip(".")] = number
            lookup[name.replace(".", "")] = number
    return lookup


_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_SLASHED = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")
_THAI = re.compile(r"(\d{1,2})\s*([^\d\s]+?)\s*(?:พ\.ศ\.|พ\.ศ)?\s*(\d{4}|\d{2})")


def _ce_year(year_text: str) -> int:
    year = int(year_text)
    if len(year_text) == 2:  # "ม.ค. ๖๖" — two-digit years are Buddhist era
        year += 2500
    if year > MAX_BE_YEAR:
        raise ValueError(f"ปี {year} เกินช่วงที่รับได้ (ปี พ.ศ. ถูกแปลงซ้ำสองครั้งหรือไม่)")
    return year - BE_OFFSET if year > BE_THRESHOLD else year


def parse_date(text: str) -> date:
    """Parse an ISO date or a Thai date; a four-digit year above 2400 is Buddhist era.

    >>> parse_date("2023-01-30")
    datetime.date(2023, 1, 30)
    >>> parse_date("๓๐ มกราคม พ.ศ. ๒๕๖๖")
    datetime.date(2023, 1, 30)
    >>> parse_date("30 ม.ค. 2566")
    datetime.date(2023, 1, 30)
    >>> parse_date("29/02/2567")
    datetime.date(2024, 2, 29)
    """
    cleaned = to_arabic_digits(text.strip())
    if match := _ISO.fullmatch(cleaned):
        year, month, day = match.groups()
        return _checked_date(_ce_year(year), int(month), int(day), text)
    if match := _SLASHED.fullmatch(cleaned):
        day, month, year = match.groups()
        return _checked_date(_ce_year(year), int(month), int(day), text)
    if match := _THAI.fullmatch(cleaned):
        day, month_name, year = match.groups()
        month = _month_lookup().get(month_name)
        if month is None:
            raise ValueError(f"ไม่รู้จักชื่อเดือน {month_name!r} ใน {text!r}")
        return _checked_date(_ce_year(year), month, int(day), text)
    raise ValueError(f"ไม่ใช่วันที่: {text!r} (เขียนเช่น 2023-01-30 หรือ ๓๐ มกราคม ๒๕๖๖)")


def _checked_date(year: int, month: int, day: int, text: str) -> date:
    """The date, or an error in Thai with the year in Buddhist era.

    >>> _checked_date(2023, 2, 30, "2566-02-30")
    Traceback (most recent call last):
    ValueError: ไม่มีวันที่นี้ในปฏิทิน: '2566-02-30' (เดือนกุมภาพันธ์ พ.ศ. 2566 มี 28 วัน)
    """
    if not 1 <= month <= 12:
        raise ValueError(f"ไม่มีวันที่นี้ในปฏิทิน: {text!r} (ไม่มีเดือนที่ {month})")
    days = calendar.monthrange(year, month)[1] if MINYEAR <= year <= MAXYEAR else 31
    if not 1 <= day <= days:
        raise ValueError(f"ไม่มีวันที่นี้ในปฏิทิน: {text!r} "
                         f"(เดือน{month_names()[month - 1]} พ.ศ. {be_year(year)} มี {days} วัน)")
    try:
        return date(year, month, day)
    except ValueError:  # -- a year outside the calendar --
        raise ValueError(f"ไม่มีวันที่นี้ในปฏิทิน: {text!r} (ปี พ.ศ. {be_year(year)})") from None
