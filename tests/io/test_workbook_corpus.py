"""The workbook cases of the bad-input corpus (tests/bad_inputs/xlsx-*.xlsx).

Each case is the nongmuang sample's workbook with one careless or hostile change; its
expected outcome is in tests/bad_inputs/cases.yaml (the ``# -- workbooks --`` block),
which tests/test_bad_inputs.py runs through ``ita-docs render``. Regenerate the files
with ``python -m tests.io.test_workbook_corpus`` (prints the cases.yaml block).
"""
from __future__ import annotations

import io
import sys
import zipfile
from pathlib import Path

import yaml

CORPUS = Path(__file__).resolve().parents[1] / "bad_inputs"
MAIN = "เอกสาร"
SCORES = "คะแนนตัวชี้วัดปีก่อน"


def _row(book, key):
    return next(r for r in book[MAIN].iter_rows(min_row=2) if r[0].value == key)


def _score(value, number_format="General"):
    def change(book):
        cell = book[SCORES]["C2"]
        cell.value, cell.number_format = value, number_format
    return change


def _meeting_date(value):
    def change(book):
        _row(book, "meeting.date")[1].value = value
    return change


#: name → (change of the openpyxl workbook, expected outcome as in cases.yaml)
CASES = {
    "xlsx-deleted-required-row": (lambda b: b[MAIN].delete_rows(_row(b, "organisation.name")[0].row),
                                  {"error": {"where": f"{MAIN}!B", "message": "ต้องกรอกข้อมูลนี้"}}),
    "xlsx-blank-required-value": (lambda b: setattr(_row(b, "fiscal_year")[1], "value", None),
                                  {"error": {"where": f"{MAIN}!A", "message": "ต้องกรอกข้อมูลนี้"}}),
    "xlsx-renamed-sheet": (lambda b: setattr(b["มาตรการ"], "title", "มาตรการปีนี้"),
                           {"error": {"where": "มาตรการปีนี้!A1", "message": "ไม่รู้จักแผ่นงาน"}}),
    "xlsx-header-moved-down": (lambda b: b["มาตรการ"].insert_rows(1),
                               {"error": {"where": "มาตรการ!A1", "message": "หัวคอลัมน์"}}),
    "xlsx-optional-header-moved-down": (lambda b: b["ข้อเสนอแนะผู้ตรวจ"].insert_rows(1, 2),
                                        {"error": {"where": "ข้อเสนอแนะผู้ตรวจ!A1", "message": "หัวคอลัมน์"}}),
    "xlsx-key-other-case": (lambda b: setattr(_row(b, "organisation.name")[0], "value", "Organisation.name"),
                            {"error": {"where": f"{MAIN}!B", "message": "ไม่รู้จักช่องข้อมูล"}}),
    "xlsx-value-without-key": (lambda b: b[MAIN].cell(row=b[MAIN].max_row + 1, column=2, value="ค่าลอย"),
                               {"error": {"where": f"{MAIN}!B", "message": "ไม่มีชื่อช่องข้อมูล"}}),
    "xlsx-note-unused-column": (lambda b: b[MAIN].cell(row=3, column=4, value="ตรวจแล้ว"),
                                {"error": {"where": f"{MAIN}!D3", "message": "นอกตาราง"}}),
    "xlsx-data-under-blank-header": (lambda b: b["มาตรการ"].cell(row=2, column=12, value="งบ 20,000 บาท"),
                                     {"error": {"where": "มาตรการ!L2", "message": "ไม่มีหัวคอลัมน์"}}),
    "xlsx-duplicate-header": (lambda b: b["มาตรการ"].cell(row=1, column=12, value=b["มาตรการ"]["C1"].value),
                              {"error": {"where": "มาตรการ!L1", "message": "ซ้ำกับ C1"}}),
    "xlsx-duplicate-key": (lambda b: b[MAIN].append(["organisation.name", "เทศบาลอื่น"]),
                           {"error": {"where": f"{MAIN}!A", "message": "ซ้ำกับแถวที่"}}),
    "xlsx-duplicate-row-number": (lambda b: setattr(b["มาตรการ"]["A3"], "value", b["มาตรการ"]["A2"].value),
                                  {"error": {"where": "มาตรการ!A3", "message": "ซ้ำกับ A2"}}),
    "xlsx-merged-cells": (lambda b: b["มาตรการ"].merge_cells("E2:E3"),
                          {"error": {"where": "มาตรการ!E2", "message": "ผสาน"}}),
    "xlsx-score-format-2-decimals": (_score(97.1, "0.00"), {"ok": {"text": ["๙๗.๑๐"]}}),
    "xlsx-score-percent": (_score(0.9705, "0.00%"), {"error": {"where": f"{SCORES}!C2", "message": "97.05%"}}),
    "xlsx-score-div0": (_score("#DIV/0!"), {"error": {"where": f"{SCORES}!C2", "message": "#DIV/0!"}}),
    "xlsx-score-formula-no-value": (_score("=AVERAGE(C3:C5)"),
                                    {"error": {"where": f"{SCORES}!C2", "message": "ไม่มีค่าที่คำนวณไว้"}}),
    "xlsx-date-serial": (_meeting_date(44956), {"error": {"where": f"{MAIN}!B", "message": "ไม่ใช่วันที่"}}),
}
#: Hostile packages: the sample's workbook with extra zip entries.
PACKAGES = {
    "xlsx-zip-bomb": ([("xl/media/bomb.bin", b"\0" * (60 * 1024 * 1024))],
                      {"error": {"where": "xl/media/bomb.bin", "message": "zip bomb"}}),
    "xlsx-zip-slip": ([("../../evil.txt", b"x")], {"error": {"where": "evil.txt", "message": "'..'"}}),
}


def main() -> int:
    from openpyxl import load_workbook

    from ita_docs import load
    from ita_docs.io.workbook import write_workbook
    from tests.conftest import NONGMUANG

    base = io.BytesIO()
    write_workbook(load(NONGMUANG)).save(base)
    entries = []
    for name, (change, outcome) in CASES.items():
        book = load_workbook(io.BytesIO(base.getvalue()))
        change(book)
        book.save(CORPUS / f"{name}.xlsx")
        entries.append({"file": f"{name}.xlsx", **outcome})
    for name, (extra, outcome) in PACKAGES.items():
        with zipfile.ZipFile(io.BytesIO(base.getvalue())) as zin, \
                zipfile.ZipFile(CORPUS / f"{name}.xlsx", "w", zipfile.ZIP_DEFLATED) as zout:
            for item in zin.infolist():
                zout.writestr(item, zin.read(item))
            for entry, data in extra:
                zout.writestr(entry, data)
        entries.append({"file": f"{name}.xlsx", **outcome})
    sys.stdout.write("# -- workbooks --\n" + yaml.safe_dump(entries, allow_unicode=True, sort_keys=False, width=120))
    return 0


def test_every_workbook_case_is_in_the_corpus():
    cases = yaml.safe_load((CORPUS / "cases.yaml").read_text(encoding="utf-8"))
    listed = {c["file"] for c in cases}
    names = {f"{n}.xlsx" for n in (*CASES, *PACKAGES)}
    assert names <= listed
    assert names == {p.name for p in CORPUS.glob("xlsx-*.xlsx")}
    assert all((CORPUS / n).stat().st_size < 200 * 1024 for n in names)


if __name__ == "__main__":
    sys.exit(main())
