from decimal import Decimal

import pytest

from ita_docs.thai import convert_digits, parse_number, to_arabic_digits, to_thai_digits


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ปีงบประมาณ 2566", "ปีงบประมาณ ๒๕๖๖"),
        ("คะแนน 97.07 คะแนน", "คะแนน ๙๗.๐๗ คะแนน"),
        ("O12 และ 0๑๒", "O๑๒ และ ๐๑๒"),  # a mixed code comes out in one form
        ("https://www.nongmuang.go.th/index.php?doc=13797", "https://www.nongmuang.go.th/index.php?doc=13797"),
        ("ดู www.krut.go.th/news/2566 หน้า 3", "ดู www.krut.go.th/news/2566 หน้า ๓"),
        ("เว็บ sanmaket.go.th/doc?id=152 ปี 2565", "เว็บ sanmaket.go.th/doc?id=152 ปี ๒๕๖๕"),
        ("ส่ง saraban2566@gmail.com ภายใน 5 วัน", "ส่ง saraban2566@gmail.com ภายใน ๕ วัน"),
        ("ไฟล์ ITA2566_O42.pdf จำนวน 2 หน้า", "ไฟล์ ITA2566_O42.pdf จำนวน ๒ หน้า"),
        ("", ""),
    ],
)
def test_to_thai_digits(text, expected):
    assert to_thai_digits(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("คำสั่งที่ ๙๔/๒๕๖๔", "คำสั่งที่ 94/2564"),
        ("http://x.go.th/?doc=๑๓", "http://x.go.th/?doc=๑๓"),  # an address is never touched
        ("๐๑๒๓๔๕๖๗๘๙", "0123456789"),
    ],
)
def test_to_arabic_digits(text, expected):
    assert to_arabic_digits(text) == expected


def test_converted_text_has_one_digit_form():
    text = convert_digits("O๑2 ข้อ 1๐ และ 20", "thai")
    assert not any(ch.isascii() and ch.isdigit() for ch in text)


def test_convert_digits_rejects_unknown_form():
    with pytest.raises(ValueError, match="unknown digit form"):
        convert_digits("1", "roman")


@pytest.mark.parametrize(
    ("text", "expected"),
    [("๙๗.๐๗", Decimal("97.07")), ("97.07", Decimal("97.07")), ("๑,๒๐๐", Decimal("1200")),
     ("100.00", Decimal("100.00")), ("-5", Decimal("-5")), ("1,234.5", Decimal("1234.5"))],
)
def test_parse_number(text, expected):
    assert parse_number(text) == expected
    assert str(parse_number(text)) == str(expected)


@pytest.mark.parametrize("text", ["", "ร้อย", "1,2,3", "97,07", "9.7.1", "๑๒ คะแนน"])
def test_parse_number_refuses(text):
    with pytest.raises(ValueError):
        parse_number(text)
