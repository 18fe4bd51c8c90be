"""Thai locale helpers: digits, Buddhist-era dates, fiscal years, periods, text clean-up.

Every function here is pure: typed values in, ``str`` out (or the reverse for parsers).
"""
from .dates import BE_OFFSET, DATE_STYLES, be_year, format_date, month_names, parse_date
from .digits import (
    ARABIC_DIGITS,
    THAI_DIGITS,
    Digits,
    convert_digits,
    parse_number,
    to_arabic_digits,
    to_thai_digits,
)
from .fiscal import (
    fiscal_quarter,
    fiscal_year_end,
    fiscal_year_of,
    fiscal_year_start,
    format_fiscal_year,
    format_quarter,
    quarter_bounds,
)
from .periods import (
    DateRange,
    FiscalYearPeriod,
    MonthRange,
    Period,
    QuarterPeriod,
    TextPeriod,
    format_period,
    parse_period_text,
)
from .text import clean_text

__all__ = [
    "ARABIC_DIGITS",
    "BE_OFFSET",
    "DATE_STYLES",
    "DateRange",
    "Digits",
    "FiscalYearPeriod",
    "MonthRange",
    "Period",
    "QuarterPeriod",
    "THAI_DIGITS",
    "TextPeriod",
    "be_year",
    "clean_text",
    "convert_digits",
    "fiscal_quarter",
    "fiscal_year_end",
    "fiscal_year_of",
    "fiscal_year_start",
    "format_date",
    "format_fiscal_year",
    "format_period",
    "format_quarter",
    "month_names",
    "parse_date",
    "parse_number",
    "parse_period_text",
    "quarter_bounds",
    "to_arabic_digits",
    "to_thai_digits",
]
