"""A workbook with a cell of every kind the reader meets, for the differential tests.

``tests/io/fixtures/libreoffice-cells.xlsx`` is this workbook saved again by LibreOffice
Calc 7 (shared strings, its own styles, computed formula values); to make it again::

    .venv/bin/python -m tests.io.xlsx_cells /tmp/cells.xlsx
    soffice --headless --convert-to "xlsx:Calc MS Excel 2007 XML" --outdir /tmp/lo /tmp/cells.xlsx
"""
from __future__ import annotations

import sys
from datetime import date, datetime, time, timedelta
from pathlib import Path


def cells_workbook(path: Path) -> Path:
    """Save a measures-plan-like workbook whose cells hold every type, format and fault."""
    from openpyxl import Workbook
    from openpyxl.cell.rich_text import CellRichText, TextBlock
    from openpyxl.cell.text import InlineFont

    book = Workbook()
    book.active.title = "คำแนะนำ"
    main = book.create_sheet("เอกสาร")
    main.append(["ช่องข้อมูล [key]", "ค่า [value]"])
    rows: list[tuple[str, object, str | None]] = [
        ("kind", "measures_plan", None),
        ("fiscal_year", 2566, None),
        ("organisation.name", "เทศบาลตำบลหนองม่วง", None),
        ("organisation.district", "  ", None),
        ("score.a", 97.1, "0.00"),
        ("score.b", 0.9705, "0.00%"),
        ("score.c", 1234567.891, "#,##0.00"),
        ("score.d", 1.5, "0.00E+00"),
        ("score.e", 97.070000000000007, None),
        ("signed_date", date(2023, 1, 30), "d mmm yyyy"),
        ("signed_month", date(2023, 1, 30), "mmm-yy"),
        ("stamp", datetime(2023, 1, 30, 13, 5), "yyyy-mm-dd h:mm"),
        ("clock", time(8, 30), "h:mm"),
        ("elapsed", timedelta(hours=30), "[h]:mm"),
        ("flag", True, None),
        ("sum", "=1+1", None),
        ("ratio", "=1/0", None),
        ("missing", "=NA()", None),
        ("label", '=CONCATENATE("ก","ข")', None),
        ("blank_result", '=""', None),
        ("json", 'json:["a", "b"]', None),
        ("lines", "บรรทัดหนึ่ง\nบรรทัดสอง", None),
        ("thai_digits", "๑๒๓", None),
    ]
    for key, value, number_format in rows:
        main.append([key, value])
        if number_format:
            main.cell(row=main.max_row, column=2).number_format = number_format
    main.append(["rich", CellRichText(["ตัว", TextBlock(InlineFont(b=True), "หนา"), " ท้าย"])])
    main.append(["", "ค่าไม่มีชื่อ"])
    main["D3"] = "นอกตาราง"
    measures = book.create_sheet("มาตรการ")
    measures.append(["แถวที่ [_row]", "ชื่อ [title]", "วันที่ [date]"])
    measures.append([1, "มาตรการหนึ่ง", date(2023, 10, 1)])
    measures.append([2, "มาตรการสอง", "=A2+1"])
    measures.append([3, "ผสาน", None])
    measures.merge_cells("B4:C4")
    book.save(path)
    return path


if __name__ == "__main__":
    print(cells_workbook(Path(sys.argv[1])))
