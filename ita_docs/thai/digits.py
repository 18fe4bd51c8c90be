"""Thai and Arabic digits: conversion that spares URLs, e-mail addresses and file names.

Thai documents write numbers in Thai digits (๐–๙) or in Arabic digits (0–9). A
document uses one form throughout, but a web address must survive unchanged: the
seeds show a link broken by converting it ("doc=๑๓๗๙๗").
"""
from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from typing import Literal

__all__ = [
    "ADDRESS_PATTERN",
    "ARABIC_DIGITS",
    "Digits",
    "THAI_DIGITS",
    "convert_digits",
    "parse_number",
    "to_arabic_digits",
    "to_thai_digits",
]

Digits = Literal["thai", "arabic"]

THAI_DIGITS = "๐๑๒๓๔๕๖๗๘๙"
ARABIC_DIGITS = "0123456789"

_TO_THAI = str.maketrans(ARABIC_DIGITS, THAI_DIGITS)
_TO_ARABIC = str.maketrans(THAI_DIGITS, ARABIC_DIGITS)

# -- spans whose digits are part of an address, never a number to localise --
_PROTECTED = re.compile(
    r"""
      (?:https?|ftp)://[^\s<>"]+                    # URL with a scheme
    | www\.[^\s<>"]+                                # URL without a scheme
    | [\w.+-]+@[\w-]+(?:\.[\w-]+)+                  # e-mail address
    | (?<![\w.])[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*
      \.(?:go|ac|or|co|in|mi|net)\.th(?:/[^\s<>"]*)?  # Thai domain without scheme
    | [\w()\[\]-]+\.(?:pdf|docx?|xlsx?|pptx?|odt|ods|csv|txt|jpe?g|png|gif|zip|rar)\b
                                                    # file name
    """,
    re.VERBOSE | re.IGNORECASE,
)


#: URLs, e-mail addresses and file names: text whose digits are never converted.
ADDRESS_PATTERN = _PROTECTED


_HAS_DIGIT = {id(_TO_THAI): re.compile("[0-9]"), id(_TO_ARABIC): re.compile("[๐-๙]")}
#: What every address has (a scheme, www., @, or a dot before a Latin letter).
_MAYBE_ADDRESS = re.compile(r"://|www\.|@|\.[A-Za-z]")


def _translate_outside_protected(text: str, table: dict[int, int]) -> str:
    if not _HAS_DIGIT[id(table)].search(text):  # -- no digit to convert: the common case, fast --
        return text
    if not _MAYBE_ADDRESS.search(text):  # -- digits, but no address to spare --
        return _translate_digits(text, table)
    parts: list[str] = []
    last = 0
    for match in _PROTECTED.finditer(text):
        parts.append(_translate_digits(text[last:match.start()], table))
        parts.append(match.group(0))
        last = match.end()
    parts.append(_translate_digits(text[last:], table))
    return "".join(parts)


_DIGIT_RUNS = {id(_TO_THAI): re.compile("[0-9]+"), id(_TO_ARABIC): re.compile("[๐-๙]+")}


def _translate_digits(text: str, table: dict[int, int]) -> str:
    # -- only the runs of digits pass through translate: a long Thai text is scanned in C --
    return _DIGIT_RUNS[id(table)].sub(lambda match: match.group().translate(table), text)


def to_thai_digits(text: str) -> str:
    """Return *text* with Arabic digits written as Thai digits, except in addresses.

    >>> to_thai_digits("ปีงบประมาณ 2566")
    'ปีงบประมาณ ๒๕๖๖'
    >>> to_thai_digits("ดู https://www.example.go.th/index.php?doc=13797 หน้า 2")
    'ดู https://www.example.go.th/index.php?doc=13797 หน้า ๒'
    >>> to_thai_digits("แบบ ita2566.pdf ส่ง admin1@nongmuang.go.th")
    'แบบ ita2566.pdf ส่ง admin1@nongmuang.go.th'
    """
    return _translate_outside_protected(text, _TO_THAI)


def to_arabic_digits(text: str) -> str:
    """Return *text* with Thai digits written as Arabic digits, except in addresses.

    >>> to_arabic_digits("คำสั่งที่ ๙๔/๒๕๖๔")
    'คำสั่งที่ 94/2564'
    >>> to_arabic_digits("O๑๒ และ 0๑๒")
    'O12 และ 012'
    """
    return _translate_outside_protected(text, _TO_ARABIC)


_CONVERTERS = {"thai": to_thai_digits, "arabic": to_arabic_digits}


def convert_digits(text: str, digits: Digits) -> str:
    """Write every digit of *text* in the form *digits* names ("thai" or "arabic").

    >>> convert_digits("๑๐ และ 10", "arabic")
    '10 และ 10'
    >>> convert_digits("๑๐ และ 10", "thai")
    '๑๐ และ ๑๐'
    """
    try:
        converter = _CONVERTERS[digits]
    except KeyError:
        raise ValueError(f"unknown digit form {digits!r}; use 'thai' or 'arabic'") from None
    return converter(text)


_NUMBER = re.compile(r"[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?")


def parse_number(text: str) -> Decimal:
    """Parse a number written in Thai or Arabic digits, with optional thousands commas.

    The exponent is kept as written, so "100.00" stays two decimals.

    >>> parse_number("๙๗.๐๗")
    Decimal('97.07')
    >>> parse_number("๑,๒๐๐")
    Decimal('1200')
    >>> parse_number(" 100.00 ")
    Decimal('100.00')
    """
    cleaned = text.strip().translate(_TO_ARABIC)
    if not _NUMBER.fullmatch(cleaned):
        raise ValueError(f"not a number: {text!r}")
    try:
        return Decimal(cleaned.replace(",", ""))
    except InvalidOperation:  # pragma: no cover - the pattern admits only valid numbers
        raise ValueError(f"not a number: {text!r}") from None
