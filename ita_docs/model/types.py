"""Field types shared by every document kind, each validating and cleaning its input.

Input may write numbers and dates in Thai or Arabic digits, dates in ISO (CE) or Thai
(BE) form; every text passes :func:`ita_docs.thai.clean_text` on its way in.
"""
from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from collections.abc import Mapping
from types import MappingProxyType
from typing import Annotated, Any, Final, Literal

from pydantic import BeforeValidator, Field, PlainSerializer, PlainValidator, WithJsonSchema

from ..thai import (
    DateRange,
    parse_period_text,
    FiscalYearPeriod,
    MonthRange,
    Period,
    QuarterPeriod,
    TextPeriod,
    clean_text,
    parse_date,
    parse_number,
    to_arabic_digits,
)

__all__ = [
    "DateField",
    "FiscalYear",
    "Lines",
    "Numbers",
    "PERIOD_DATE_KEYS",
    "Pair",
    "Paragraphs",
    "PeriodField",
    "Score",
    "Text",
    "ThaiDate",
    "TrueFlag",
    "Whole",
    "period_to_data",
    "read_flag",
]


def _to_str(value: Any) -> Any:
    # -- a clerk's "2566" arrives from YAML as int; it is still text the clerk typed --
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float | Decimal):
        return str(value)
    return value


def _clean(value: Any) -> Any:
    """Text made safe for a .docx *before* the field's own checks: a code typed as only
    characters XML forbids is empty, and refused as such, not accepted and printed empty."""
    value = _to_str(value)
    return clean_text(value) if isinstance(value, str) else value


Text = Annotated[str, BeforeValidator(_clean)]


def _split_paragraphs(value: Any) -> Any:
    """A string is split at newlines into paragraphs; a list gives one paragraph per item."""
    value = _to_str(value)
    if value is None:
        return []
    if isinstance(value, str):
        text = clean_text(value)
        return [line for line in text.split("\n") if line.strip()] if text.strip() else []
    return value


Paragraphs = Annotated[list[Text], BeforeValidator(_split_paragraphs)]


def _split_lines(value: Any) -> Any:
    """A string is split at newlines, blank lines kept (a cover's spacing); a list stays."""
    value = _to_str(value)
    if isinstance(value, str):
        return clean_text(value).split("\n")
    return value


#: Lines of text (title lines, responsible units): a list, or one string with a line each.
Lines = Annotated[list[Text], BeforeValidator(_split_lines)]


def _number(value: Any) -> Any:
    if isinstance(value, bool):
        raise ValueError(f"ต้องเป็นตัวเลข เช่น 97.07 หรือ ๙๗.๐๗ ไม่ใช่ {value!r}")
    if isinstance(value, str):
        try:
            return parse_number(value)
        except ValueError:
            raise ValueError(f"ต้องเป็นตัวเลข เช่น 97.07 หรือ ๙๗.๐๗ ไม่ใช่ {value!r}") from None
    if isinstance(value, float):
        value = Decimal(str(value))  # a float 97.07 from plain data; keep the digits as written
    if isinstance(value, Decimal) and not value.is_finite():
        raise ValueError(f"ต้องเป็นตัวเลขที่มีค่าจริง ไม่ใช่ {value} (NaN หรือค่าอนันต์)")
    return value


Score = Annotated[Decimal, BeforeValidator(_number), Field(ge=0, le=100)]


def _whole(value: Any) -> Any:
    """A whole number typed as text: Arabic or Thai digits only, as Python's and pydantic's
    ``int()`` would not have it — they read '1_0' as 10, '+2' and '2.0' as 2, true as 1,
    and refuse '๒'.

    >>> _whole("๑๒"), _whole(" 010 ")
    (12, 10)
    >>> _whole("1_0")
    Traceback (most recent call last):
    ValueError: ต้องเป็นจำนวนเต็ม เช่น 3 หรือ ๓ ไม่ใช่ '1_0'
    """
    if isinstance(value, bool):  # -- pydantic would read true (JSON, a TRUE cell) as 1 --
        raise ValueError(f"ต้องเป็นจำนวนเต็ม เช่น 3 หรือ ๓ ไม่ใช่ {value!r}")
    if isinstance(value, str) and value.strip():
        text = to_arabic_digits(value.strip())
        if not (text.isascii() and text.isdigit()):
            raise ValueError(f"ต้องเป็นจำนวนเต็ม เช่น 3 หรือ ๓ ไม่ใช่ {value[:60]!r}")
        if len(text) > _MAX_DIGITS:  # -- Python's int() refuses 4,300 digits, in English --
            raise ValueError(f"จำนวนเต็มยาวเกิน {_MAX_DIGITS} หลัก ({len(text):,} หลัก)")
        return int(text)
    return value


#: Most digits a whole number may have (Python's ``int()`` stops at 4,300, with an English message).
_MAX_DIGITS = 100


#: A whole number (a measure's number, a heading level), typed in either digit form.
Whole = Annotated[int, BeforeValidator(_whole)]


def _fiscal_year(value: Any) -> Any:
    value = _whole(value)
    if isinstance(value, int) and not isinstance(value, bool) and 1900 <= value <= 2200:
        raise ValueError(f"ปีต้องเป็นปี พ.ศ. (เช่น 2566) แต่ {value} ดูเป็นปี ค.ศ. (พ.ศ. {value + 543})")
    return value


FiscalYear = Annotated[int, BeforeValidator(_fiscal_year), Field(ge=2500, le=2700)]


def _date(value: Any) -> Any:
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date) and value.year > 2400:
        # -- YAML reads an unquoted 2566-11-20 as a date of CE year 2566: its year is BE --
        try:
            return value.replace(year=value.year - 543)
        except ValueError:
            raise ValueError(f"ไม่มีวันที่ {value.day} เดือน {value.month} ในปี พ.ศ. {value.year}") from None
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return parse_date(value)
        except ValueError as exc:
            raise ValueError(str(exc)) from None
    if isinstance(value, int | float | Decimal):
        # -- pydantic would read 0 as 1 January 1970 and an Excel serial as seconds --
        raise ValueError(f"วันที่ต้องเขียนเป็นวันที่ เช่น 2023-01-30 หรือ ๓๐ มกราคม ๒๕๖๖ "
                         f"ไม่ใช่ตัวเลข {value!r}")
    return value


ThaiDate = Annotated[date, BeforeValidator(_date)]


#: The words YAML 1.1 read as true and false; a flag field accepts them, a text field keeps them as typed.
_TRUE_WORDS = frozenset(("true", "yes", "on"))
_FALSE_WORDS = frozenset(("false", "no", "off"))


def read_flag(value: Any) -> Any:
    """'true', 'yes', 'on' (any case) → True; 'false', 'no', 'off' → False; others unchanged.

    >>> read_flag("True"), read_flag("off"), read_flag("1")
    (True, False, '1')
    """
    if isinstance(value, str):
        word = value.strip().lower()
        if word in _TRUE_WORDS:
            return True
        if word in _FALSE_WORDS:
            return False
    return value


#: A flag that can only be set (``page_break: true``), typed as YAML text or a bool.
TrueFlag = Annotated[Literal[True], BeforeValidator(read_flag)]


def _quarter(value: Any) -> int:
    text = to_arabic_digits(str(value)).strip()
    if isinstance(value, bool) or not (text.isascii() and text.isdigit()) or len(text) > _MAX_DIGITS:
        raise ValueError(f"ไตรมาสต้องเป็นเลข 1 ถึง 4 ไม่ใช่ {str(value)[:60]!r}")
    return int(text)


def _month(value: Any) -> date:
    """'2022-10', '2022-10-01', 'ต.ค. 2565', 'ต.ค. 65' → the first day of that month."""
    if isinstance(value, date):
        return value.replace(day=1)
    if isinstance(value, str):
        text = to_arabic_digits(value.strip())
        if len(text) == 7 and text[4] == "-":
            text += "-01"
        elif not text[:1].isdigit():
            text = "1 " + text
        return parse_date(text).replace(day=1)
    raise ValueError(f"ต้องเป็นเดือน เช่น 2022-10 หรือ ต.ค. 2565 ไม่ใช่ {value!r}")


_PERIOD_HELP = (
    "ระยะเวลาต้องเป็นข้อความ หรือ {fiscal_year: 2566} หรือ {quarter: 2} "
    "หรือ {start: วันที่, end: วันที่} หรือ {start_month: 2022-10, end_month: 2023-03}"
)


#: What a date field holds: a day, or a month (``2022-10``).
DateField = Literal["date", "month"]

#: The keys of a period written as a range, by what they hold: ``{start, end}`` (days) or
#: ``{start_month, end_month}``. The model reads them; the workbook reader types their cells.
PERIOD_DATE_KEYS: Final[Mapping[DateField, tuple[str, str]]] = MappingProxyType(
    {"date": ("start", "end"), "month": ("start_month", "end_month")})


def _period(value: Any) -> Period:
    if isinstance(value, TextPeriod | DateRange | MonthRange | QuarterPeriod | FiscalYearPeriod):
        return value
    value = _to_str(value)
    if isinstance(value, str):
        text = clean_text(value)
        return parse_period_text(text) or TextPeriod(text)
    if not isinstance(value, dict):
        raise ValueError(_PERIOD_HELP)
    keys = frozenset(value)
    try:
        if keys == {"fiscal_year"}:
            return FiscalYearPeriod(_checked_fiscal_year(value["fiscal_year"]))
        if keys in ({"quarter"}, {"quarter", "fiscal_year"}):
            fiscal_year = value.get("fiscal_year")
            return QuarterPeriod(
                _quarter(value["quarter"]),
                None if fiscal_year is None else _checked_fiscal_year(fiscal_year),
            )
        (start, end), (start_month, end_month) = PERIOD_DATE_KEYS["date"], PERIOD_DATE_KEYS["month"]
        if keys == {start, end}:
            return DateRange(_date(value[start]), _date(value[end]))
        if keys == {start_month, end_month}:
            return MonthRange(_month(value[start_month]), _month(value[end_month]))
    except (TypeError, ValueError) as exc:
        raise ValueError(f"ระยะเวลาไม่ถูกต้อง: {exc}") from None
    raise ValueError(f"{_PERIOD_HELP} (ได้รับช่อง: {', '.join(sorted(map(str, keys)))})")


def _split_multiline(value: Any) -> Any:
    """A cell's lines, or "1, 2" — for number lists and pairs typed in one cell."""
    if isinstance(value, str):
        parts = [p.strip() for p in value.replace(",", "\n").split("\n")]
        return [p for p in parts if p]
    return value


#: A list of indicator numbers, or a pair of values, typed as a list or in one cell.
Numbers = Annotated[list[Whole], BeforeValidator(_split_multiline)]
Pair = BeforeValidator(_split_multiline)


def _checked_fiscal_year(value: Any) -> int:
    year = _fiscal_year(value)
    if not isinstance(year, int) or not 2500 <= year <= 2700:
        raise ValueError(f"ปีงบประมาณต้องเป็นปี พ.ศ. ระหว่าง 2500 ถึง 2700 ไม่ใช่ {value!r}")
    return year


def period_to_data(period: Period) -> str | dict[str, Any]:
    """The plain data form of a period, as a data file writes it."""
    match period:
        case TextPeriod(text):
            return text
        case FiscalYearPeriod(year):
            return {"fiscal_year": year}
        case QuarterPeriod(quarter, None):
            return {"quarter": quarter}
        case QuarterPeriod(quarter, year):
            return {"quarter": quarter, "fiscal_year": year}
        case DateRange(start, end):
            return dict(zip(PERIOD_DATE_KEYS["date"], (start.isoformat(), end.isoformat()), strict=True))
        case MonthRange(start, end):
            return dict(zip(PERIOD_DATE_KEYS["month"], (f"{start:%Y-%m}", f"{end:%Y-%m}"), strict=True))
    raise TypeError(f"not a period: {period!r}")


PeriodField = Annotated[
    Any,
    PlainValidator(_period),
    PlainSerializer(period_to_data),
    WithJsonSchema({"description": _PERIOD_HELP}),
]
