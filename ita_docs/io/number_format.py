"""A number in a workbook cell as Excel displays it, from the cell's number format.

A clerk reads the number on screen, not the binary float behind it: 97.1 under the
format ``0.00`` is "97.10"; 97.070000000000007 under General is "97.07" (Excel shows 15
significant digits); 0.9705 under ``0.00%`` is "97.05%". Formats whose display cannot
be reproduced exactly here (scientific, fractions, literal text, conditions, scaling)
are refused with :class:`UnsupportedFormat` rather than guessed.
"""
from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal

__all__ = ["UnsupportedFormat", "date_parts", "display_number"]

#: [Red], [Color12], [$-41E], [$-th-TH], [$-D07041E] — colours and locales change no digit here.
_IGNORED_BRACKETS = re.compile(r"\[(?:black|blue|cyan|green|magenta|red|white|yellow|color\s*\d+|\$-[0-9a-z-]+)\]",
                               re.IGNORECASE)
_PADDING = re.compile(r"_.|\*.")          # -- _) pads with a space's width, *x fills: no digit --
_PATTERN = re.compile(r"(?P<int>[#0?,]*)(?:\.(?P<frac>[#0?]*))?(?P<pct>%?)")


class UnsupportedFormat(ValueError):
    """The number format's display is not reproduced; the message is Thai."""


def _sections(number_format: str) -> list[str]:
    return number_format.split(";")


def _general(value: Decimal) -> str:
    """Excel's General: up to 15 significant digits, no trailing zeros."""
    text = f"{value:.15g}" if value else "0"
    number = Decimal(text)
    plain = format(number, "f")
    if "." in plain:
        plain = plain.rstrip("0").rstrip(".")
    return "0" if plain in ("-0", "") else plain


def display_number(value: int | float, number_format: str | None = "General") -> str:
    """*value* as a cell with *number_format* shows it.

    >>> display_number(97.1, "0.00")
    '97.10'
    >>> display_number(97.070000000000007, "General")
    '97.07'
    >>> display_number(0.9705, "0.00%")
    '97.05%'
    >>> display_number(1234567.891, "#,##0.00")
    '1,234,567.89'
    >>> display_number(2566, "General")
    '2566'
    >>> display_number(5, "000")
    '005'
    >>> display_number(2.675, "0.00")
    '2.68'
    >>> display_number(1.5, "0.00E+00")
    Traceback (most recent call last):
    ...
    ita_docs.io.number_format.UnsupportedFormat: รูปแบบตัวเลข '0.00E+00' แสดงผลเป็นข้อความที่โปรแกรมอ่านตรงตามที่เห็นไม่ได้ ให้ตั้งรูปแบบเซลล์เป็น General หรือ Text แล้วพิมพ์ตัวเลขใหม่
    """
    fmt = (number_format or "General").strip() or "General"
    exact = Decimal(f"{value:.15g}") if isinstance(value, float) else Decimal(value)
    sections = _sections(fmt)
    section = sections[0]
    if exact < 0 and len(sections) > 1:
        raise _unsupported(fmt)
    if exact == 0 and len(sections) > 2:
        section = sections[2]
    cleaned = _PADDING.sub("", _IGNORED_BRACKETS.sub("", section)).strip()
    if cleaned.lower() in ("general", "@", ""):
        return _general(exact)
    match = _PATTERN.fullmatch(cleaned)
    if not match or not (match["int"].strip(",") or match["frac"]) or match["int"].endswith(","):
        raise _unsupported(fmt)
    integer, fraction = match["int"], match["frac"] or ""
    if match["pct"]:
        exact *= 100
    required = fraction.count("0")
    rounded = exact.quantize(Decimal(1).scaleb(-len(fraction)), rounding=ROUND_HALF_UP)
    sign = "-" if rounded < 0 else ""
    whole, _, decimals = format(abs(rounded), "f").partition(".")
    decimals = decimals.ljust(len(fraction), "0")
    while len(decimals) > required and decimals.endswith("0"):
        decimals = decimals[:-1]
    minimum = integer.count("0")
    whole = whole.lstrip("0").rjust(minimum, "0")
    if "," in integer.strip(","):
        whole = f"{int(whole or 0):,}" if whole or minimum else whole
    point = "." if "." in cleaned else ""
    if not whole and not decimals and not minimum:
        whole = "0" if not point else whole
    return f"{sign}{whole}{point}{decimals}{'%' if match['pct'] else ''}"


def _unsupported(fmt: str) -> UnsupportedFormat:
    return UnsupportedFormat(f"รูปแบบตัวเลข {fmt!r} แสดงผลเป็นข้อความที่โปรแกรมอ่านตรงตามที่เห็นไม่ได้ "
                             "ให้ตั้งรูปแบบเซลล์เป็น General หรือ Text แล้วพิมพ์ตัวเลขใหม่")


#: What a date format shows: "..." and \x are literal text, [..] a colour, locale or
#: elapsed time; d and dd the day (ddd, dddd the weekday's name), m…mmmm the month,
#: y, e and Thai Excel's b the year.
_DATE_LITERALS = re.compile(r'"[^"]*"|\\.|\[[^\]]*\]')
_DATE_TOKENS = re.compile(r"d+|m+|y+|e+|b+|h+|s+", re.IGNORECASE)


def date_parts(number_format: str | None) -> frozenset[str]:
    """Which of "day", "month" and "year" a date cell with *number_format* shows.

    >>> sorted(date_parts("d mmm yyyy")), sorted(date_parts("mmm-yy")), sorted(date_parts("dddd"))
    (['day', 'month', 'year'], ['month', 'year'], [])
    >>> sorted(date_parts('[$-th-TH,107]d mmmm bbbb')), sorted(date_parts("h:mm"))
    (['day', 'month', 'year'], [])
    """
    shown: set[str] = set()
    previous = ""
    for token in _DATE_TOKENS.findall(_DATE_LITERALS.sub("", (number_format or "").split(";")[0])):
        letter = token[0].lower()
        if letter == "d" and len(token) <= 2:
            shown.add("day")
        elif letter == "m" and previous != "h":  # -- m after h is minutes --
            shown.add("month")
        elif letter in "yeb":
            shown.add("year")
        previous = letter
    return frozenset(shown)
