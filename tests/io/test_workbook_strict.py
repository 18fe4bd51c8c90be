"""Strict workbook reading: what a clerk typed reaches the data as displayed, or is a
located Thai error — and no edit makes the reader hang."""
from __future__ import annotations

import io
import re
import signal
import zipfile
from datetime import datetime

import pytest
from openpyxl import load_workbook

from ita_docs import load, save
from ita_docs.errors import DataValidationError, ItaDocsError, Location, Problem
from ita_docs.io.workbook import locate, read_workbook
from tests.conftest import SAMPLES

SCORES = "คะแนนตัวชี้วัดปีก่อน"
MAIN = "เอกสาร"
_THAI = re.compile(r"[\u0e00-\u0e7f]")


@pytest.fixture(scope="module")
def nongmuang_book(tmp_path_factory):
    return save(load(SAMPLES / "nongmuang-2566-measures.yaml"), tmp_path_factory.mktemp("strict") / "n.xlsx")


def _main_row(book, key):
    for row in book[MAIN].iter_rows(min_row=2):
        if row[0].value == key:
            return row
    raise KeyError(key)


def _edited(source, tmp_path, change):
    book = load_workbook(source)
    change(book)
    out = tmp_path / "edited.xlsx"
    book.save(out)
    return out


def _refused(path, *, where, message):
    """Load *path* within 10 s; it must be refused, *message* located at *where*."""
    def alarm(signum, frame):
        raise AssertionError("the reader did not finish within 10 s")

    previous = signal.signal(signal.SIGALRM, alarm)
    signal.alarm(10)
    try:
        with pytest.raises(ItaDocsError) as info:
            load(path)
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
    problems = info.value.problems if isinstance(info.value, DataValidationError) else [info.value]
    assert all(p.location.file == str(path) for p in problems)
    assert all(_THAI.search(p.message) for p in problems)
    hits = [p for p in problems if (p.location.path or "").startswith(where) and message in p.message]
    assert hits, "\n".join(str(p) for p in problems)
    return problems


# -- no hangs: a field path whose top-level name is not in the map --
HANGS = {
    "a required row deleted": (lambda b: b[MAIN].delete_rows(_main_row(b, "organisation.name")[0].row),
                               f"{MAIN}!B", "ต้องกรอกข้อมูลนี้"),
    "every organisation row deleted": (
        lambda b: [b[MAIN].delete_rows(_main_row(b, k)[0].row) for k in
                   ("organisation.name", "organisation.type", "organisation.district", "organisation.province",
                    "organisation.website") if any(r[0].value == k for r in b[MAIN].iter_rows(min_row=2))],
        f"{MAIN}!A", "ต้องกรอกข้อมูลนี้"),
    "a required value blanked": (lambda b: setattr(_main_row(b, "fiscal_year")[1], "value", None),
                                 f"{MAIN}!A", "ต้องกรอกข้อมูลนี้"),
    "a sheet renamed": (lambda b: setattr(b["มาตรการ"], "title", "มาตรการปีนี้"), "มาตรการปีนี้!A1",
                        "ไม่รู้จักแผ่นงาน"),
    "a table's header moved down": (lambda b: b["มาตรการ"].insert_rows(1), "มาตรการ!A1", "หัวคอลัมน์"),
    "the main header moved down": (lambda b: b[MAIN].insert_rows(1), f"{MAIN}!A1", "หัวคอลัมน์"),
    "an optional sheet's header moved down": (lambda b: b["ข้อเสนอแนะผู้ตรวจ"].insert_rows(1, 2),
                                              "ข้อเสนอแนะผู้ตรวจ!A1", "หัวคอลัมน์"),
    "a key in another case": (lambda b: setattr(_main_row(b, "organisation.name")[0], "value", "Organisation.Name"),
                              f"{MAIN}!B", "ไม่รู้จักช่องข้อมูล"),
    "a kind in another case": (lambda b: setattr(_main_row(b, "kind")[0], "value", "Kind"), f"{MAIN}!",
                               "ชนิดเอกสาร"),
}


@pytest.mark.parametrize("case", HANGS, ids=list(HANGS))
def test_edits_that_used_to_hang_end_with_a_located_error(nongmuang_book, tmp_path, case):
    change, where, message = HANGS[case]
    _refused(_edited(nongmuang_book, tmp_path, change), where=where, message=message)


def test_locate_ends_for_any_path():
    where = {"measures[0]": "มาตรการ!A2", "": "เอกสาร!A30"}
    paths = ["organisation", "organisation.name", "measures[0].title", "measures[7].period.start", "[3]", ".x", ""]
    located = locate([Problem(Location(path=p), "ผิด") for p in paths], where, "f.xlsx")
    assert [p.location.path for p in located] == [
        "เอกสาร!A30 (organisation)", "เอกสาร!A30 (organisation.name)", "มาตรการ!A2 (measures[0].title)",
        "เอกสาร!A30 (measures[7].period.start)", "เอกสาร!A30 ([3])", "เอกสาร!A30 (.x)", "เอกสาร!A30"]


# -- every non-empty cell reaches the data or is a located error --
def _note_beside_main(b):
    b[MAIN].cell(row=3, column=3, value="ตรวจแล้ว")


def _value_without_key(b):
    b[MAIN].cell(row=b[MAIN].max_row + 1, column=2, value="ค่าลอย")


def _data_under_blank_header(b):
    sheet = b["มาตรการ"]
    sheet.cell(row=2, column=sheet.max_column + 1, value="งบ 20,000 บาท")


def _two_headers_alike(b):
    sheet = b["มาตรการ"]
    sheet.cell(row=1, column=sheet.max_column + 1, value=sheet["C1"].value)


def _two_keys_alike(b):
    b[MAIN].append(["organisation.name", "เทศบาลอื่น"])


def _two_rows_alike(b):
    sheet = b["มาตรการ"]
    sheet["A3"].value = sheet["A2"].value


def _merged(b):
    b["มาตรการ"].merge_cells("E2:E3")


def _key_and_its_parent(b):
    b[MAIN].append(["organisation", "เทศบาล"])


STRAYS = {
    "a note beside the main table": (_note_beside_main, f"{MAIN}!C3", "นอกตาราง"),
    "a value whose key is empty": (_value_without_key, f"{MAIN}!B", "ไม่มีชื่อช่องข้อมูล"),
    "data under a blank header": (_data_under_blank_header, "มาตรการ!", "ไม่มีหัวคอลัมน์"),
    "two columns with the same header": (_two_headers_alike, "มาตรการ!", "ซ้ำกับ C1"),
    "two rows with the same key": (_two_keys_alike, f"{MAIN}!A", "ซ้ำกับแถวที่"),
    "two rows with the same row number": (_two_rows_alike, "มาตรการ!A3", "ซ้ำกับ A2"),
    "a merged cell over two rows": (_merged, "มาตรการ!E2", "ผสาน"),
    "a key and a key under it": (_key_and_its_parent, f"{MAIN}!A", "ชนกับ"),
}


@pytest.mark.parametrize("case", STRAYS, ids=list(STRAYS))
def test_a_cell_that_would_be_lost_is_a_located_error(nongmuang_book, tmp_path, case):
    change, where, message = STRAYS[case]
    _refused(_edited(nongmuang_book, tmp_path, change), where=where, message=message)


def test_blank_and_whitespace_cells_are_empty(nongmuang_book, tmp_path):
    def change(b):
        b["มาตรการ"].cell(row=2, column=40, value="   ")
        b[MAIN].cell(row=2, column=5, value="")

    assert load(_edited(nongmuang_book, tmp_path, change)) == load(nongmuang_book)


# -- numbers as Excel displays them --
def _score(source, tmp_path, value, number_format="General"):
    def change(b):
        cell = b[SCORES]["C2"]
        cell.value, cell.number_format = value, number_format

    return _edited(source, tmp_path, change)


@pytest.mark.parametrize(("value", "number_format", "shown"), [
    (97.1, "0.00", "97.10"),
    (97.07, "General", "97.07"),
    (97, "0.00", "97.00"),
    (97.125, "0.00", "97.13"),
    ("๙๗.๑๐", "General", "97.10"),        # Thai digits typed as text
    ("97.10", "@", "97.10"),               # text format
    (97.1, "[$-41E]0.00", "97.10"),        # a locale tag changes no digit
])
def test_a_score_is_read_as_displayed(nongmuang_book, tmp_path, value, number_format, shown):
    plan = load(_score(nongmuang_book, tmp_path, value, number_format))
    assert str(plan.previous_result.indicators[0].score) == shown


def test_a_float_stored_with_17_digits_reads_as_excel_shows_it(nongmuang_book, tmp_path):
    path = _score(nongmuang_book, tmp_path, 97.07)
    rewritten, changed = io.BytesIO(), False
    with zipfile.ZipFile(path) as zin, zipfile.ZipFile(rewritten, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item)
            if re.search(rb"<v>97\.0[0-9]*</v>", data):
                data = re.sub(rb"<v>97\.0[0-9]*</v>", b"<v>97.070000000000007</v>", data)
                changed = True
            zout.writestr(item, data)
    assert changed
    path.write_bytes(rewritten.getvalue())
    assert str(load(path).previous_result.indicators[0].score) == "97.07"


def test_a_percentage_is_read_as_displayed_and_is_no_score(nongmuang_book, tmp_path):
    path = _score(nongmuang_book, tmp_path, 0.9705, "0.00%")
    assert read_workbook(path)[0]["previous_result"]["indicators"][0]["score"] == "97.05%"
    _refused(path, where=f"{SCORES}!C2", message="97.05%")


def test_a_number_format_not_reproduced_is_refused(nongmuang_book, tmp_path):
    _refused(_score(nongmuang_book, tmp_path, 97.1, "0.0E+00"), where=f"{SCORES}!C2", message="รูปแบบตัวเลข")


def test_a_phone_number_keeps_its_displayed_digits(nongmuang_book, tmp_path):
    def change(b):
        cell = b["มาตรการ"]["C2"]
        cell.value, cell.number_format = 21234567, "000000000"

    plan = load(_edited(nongmuang_book, tmp_path, change))
    assert plan.measures[0].title == "021234567"


@pytest.mark.parametrize("error", ["#DIV/0!", "#N/A", "#VALUE!", "#REF!"])
def test_a_formula_error_is_refused_at_its_cell(nongmuang_book, tmp_path, error):
    path = _score(nongmuang_book, tmp_path, error)
    _refused(path, where=f"{SCORES}!C2", message=error)


def test_a_formula_without_a_computed_value_is_reported_at_its_cell(nongmuang_book, tmp_path):
    path = _score(nongmuang_book, tmp_path, "=AVERAGE(C3:C5)")
    _refused(path, where=f"{SCORES}!C2", message="ไม่มีค่าที่คำนวณไว้")


# -- dates --
def _meeting_date(source, tmp_path, value, number_format=None):
    def change(b):
        cell = _main_row(b, "meeting.date")[1]
        cell.value = value
        if number_format:
            cell.number_format = number_format

    return _edited(source, tmp_path, change)


def test_a_date_cell_is_its_date(nongmuang_book, tmp_path):
    plan = load(_meeting_date(nongmuang_book, tmp_path, datetime(2023, 1, 30)))
    assert str(plan.meeting.date) == "2023-01-30"


@pytest.mark.parametrize(("value", "number_format", "message"), [
    (datetime(2023, 1, 30, 9, 30), None, "วันที่และเวลา"),
    (10 ** 9, "yyyy-mm-dd", "ไม่ใช่วันที่ที่ Excel ใช้ได้"),
    (44956, None, "ไม่ใช่วันที่"),            # an Excel date serial shown as a number
    (2566, None, "ไม่ใช่วันที่"),             # a year alone
])
def test_a_date_that_is_none_is_a_thai_error_at_its_cell(nongmuang_book, tmp_path, value, number_format, message):
    _refused(_meeting_date(nongmuang_book, tmp_path, value, number_format), where=f"{MAIN}!B", message=message)



@pytest.mark.parametrize("number_format", ["d mmm yyyy", "mm-dd-yy", "[$-th-TH,107]d mmmm bbbb", 'd" "mmmm" "yyyy'])
def test_a_date_cell_showing_day_month_and_year_is_its_date(nongmuang_book, tmp_path, number_format):
    plan = load(_meeting_date(nongmuang_book, tmp_path, datetime(2023, 1, 30), number_format))
    assert str(plan.meeting.date) == "2023-01-30"


@pytest.mark.parametrize(("number_format", "hidden"), [
    ("mmm-yy", "ไม่แสดงเลขวันที่"), ("dddd mmmm yyyy", "ไม่แสดงเลขวันที่"), ("d mmm", "ไม่แสดงปี"),
    ('"ประชุม" yyyy', "ไม่แสดงเลขวันที่และเดือน"),
])
def test_a_date_cell_whose_format_hides_part_of_the_date_is_refused(nongmuang_book, tmp_path, number_format, hidden):
    """The document prints the whole date: a day or year the cell does not show was not typed."""
    _refused(_meeting_date(nongmuang_book, tmp_path, datetime(2023, 1, 30), number_format),
             where=f"{MAIN}!B", message=hidden)


@pytest.mark.parametrize(("sheet", "key"), [(MAIN, "organisation.district"), (MAIN, "meeting.place"),
                                            ("มาตรการ", "period"), ("มาตรการ", "title"), (SCORES, "score")])
def test_a_date_cell_in_a_field_that_is_no_date_is_refused(nongmuang_book, tmp_path, sheet, key):
    """Excel turns '1/10/2566' or 'ต.ค. 66' typed in a text cell into a date; the document would
    print it as 2023-10-01, which nobody typed."""
    def change(b):
        if sheet == MAIN:
            cell = _main_row(b, key)[1]
        else:
            header = [c.value for c in b[sheet][1]]
            cell = b[sheet].cell(row=2, column=next(i for i, h in enumerate(header, 1) if f"[{key}]" in h))
        cell.value = datetime(2023, 10, 1)
        cell.number_format = "d/m/yyyy"

    problems = _refused(_edited(nongmuang_book, tmp_path, change), where=f"{sheet}!", message="ไม่ใช่ช่องวันที่")
    assert any("Text" in p.message for p in problems)

# -- json: cells --
@pytest.mark.parametrize(("text", "message"), [
    ('json:{"a": 1, "a": 2}', "ซ้ำกัน"),
    ("json:[NaN]", "NaN"),
    ("json:" + "[" * 10_000 + "]" * 10_000, "ซ้อนกันลึก"),
    ("json:{oops", "อ่านไม่ได้"),
])
def test_a_bad_json_cell_is_a_located_error(nongmuang_book, tmp_path, text, message):
    def change(b):
        b[MAIN].append(["headings.notes", text])

    _refused(_edited(nongmuang_book, tmp_path, change), where=f"{MAIN}!B", message=message)
