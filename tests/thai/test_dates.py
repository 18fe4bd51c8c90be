from datetime import date

import pytest

from ita_docs.thai import format_date, month_names, parse_date


@pytest.mark.parametrize(
    ("value", "style", "digits", "expected"),
    [
        (date(2023, 1, 30), "long", "thai", "๓๐ มกราคม พ.ศ. ๒๕๖๖"),
        (date(2023, 1, 5), "medium", "thai", "๕ มกราคม ๒๕๖๖"),
        (date(2023, 12, 15), "short", "thai", "๑๕ ธ.ค. ๖๖"),
        (date(2023, 1, 1), "month_year_short", "thai", "ม.ค. ๖๖"),
        (date(2023, 10, 1), "short_year", "arabic", "1 ต.ค. 2566"),
        (date(2024, 2, 29), "long", "thai", "๒๙ กุมภาพันธ์ พ.ศ. ๒๕๖๗"),
        (date(2023, 3, 16), "{day}/{month_abbr}/{year}", "arabic", "16/มี.ค./2566"),
    ],
)
def test_format_date(value, style, digits, expected):
    assert format_date(value, style, digits=digits) == expected


def test_format_date_unknown_style():
    with pytest.raises(ValueError, match="unknown date style"):
        format_date(date(2023, 1, 1), "fancy")


def test_month_names_come_from_babel():
    from babel.dates import get_month_names

    assert month_names() == tuple(get_month_names("wide", locale="th")[m] for m in range(1, 13))
    assert month_names("abbreviated")[1] == "ก.พ."


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2023-01-30", date(2023, 1, 30)),
        ("2566-01-30", date(2023, 1, 30)),       # ISO form with a BE year
        ("30 ม.ค. 2566", date(2023, 1, 30)),
        ("๓๐ มกราคม ๒๕๖๖", date(2023, 1, 30)),
        ("๓๐ มกราคม พ.ศ. ๒๕๖๖", date(2023, 1, 30)),
        ("๕ มกราคม ๒๕๖๖", date(2023, 1, 5)),
        ("๑๕ ธ.ค. ๖๖", date(2023, 12, 15)),       # two-digit years are BE
        ("1 ต.ค.2566", date(2023, 10, 1)),
        ("29 ก.พ. 2567", date(2024, 2, 29)),      # 2567 = 2024, a leap year
        ("29/02/2567", date(2024, 2, 29)),
        ("30 January 2023".replace("January", "มกราคม"), date(2023, 1, 30)),
    ],
)
def test_parse_date(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("29 ก.พ. 2566", "ไม่มีวันที่นี้"),         # 2566 = 2023, not a leap year
        ("31 ก.พ. 2567", "ไม่มีวันที่นี้"),
        ("2023-13-01", "ไม่มีวันที่นี้"),
        ("8 พฤศจิกายน 3105", "แปลงซ้ำ"),            # a BE year converted twice
        ("30 มกรา 2566", "ไม่รู้จักชื่อเดือน"),
        ("เมื่อวาน", "ไม่ใช่วันที่"),
    ],
)
def test_parse_date_refuses(text, message):
    with pytest.raises(ValueError, match=message):
        parse_date(text)
