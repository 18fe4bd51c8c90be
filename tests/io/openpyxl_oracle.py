"""The workbook reader's cells as openpyxl gave them (the reader before issue 13's
rewrite, kept here only as the oracle of tests/io/test_xlsx_differential.py)."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

from ita_docs.errors import Location, ReadError
from ita_docs.io.workbook import INSTRUCTIONS, MAX_CELLS, _CellProblem, _damaged


@lru_cache(maxsize=1)
def _sheet_parser() -> type:
    """openpyxl's streaming sheet parser, told also whether a cell holds a formula and
    whether that formula has a computed (cached) value; inline strings (what openpyxl
    writes) are read straight from the element, without openpyxl's slow rich-text model."""
    from openpyxl.utils import coordinate_to_tuple
    from openpyxl.worksheet._reader import FORMULA_TAG, INLINE_STRING, VALUE_TAG, WorkSheetParser
    from openpyxl.xml.constants import SHEET_MAIN_NS

    text_tag, run_tag = f"{{{SHEET_MAIN_NS}}}t", f"{{{SHEET_MAIN_NS}}}r"

    class _Parser(WorkSheetParser):  # type: ignore[misc]
        def parse_cell(self, element):  # type: ignore[no-untyped-def]
            typed = element.get("t", "n")
            formula = element.find(FORMULA_TAG) is not None
            if typed == "inlineStr" and not formula:
                coordinate = element.get("r")
                if coordinate:
                    row, column = coordinate_to_tuple(coordinate)
                    self.col_counter = column
                else:
                    self.col_counter += 1
                    row, column = self.row_counter, self.col_counter
                child = element.find(INLINE_STRING)
                value = None
                if child is not None:
                    value = (child.findtext(text_tag) or "") + "".join(
                        run.findtext(text_tag) or "" for run in child.iterfind(run_tag))
                style = element.get("s")
                return {"row": row, "column": column, "value": value, "data_type": "s",
                        "style_id": int(style) if style else 0, "formula": False, "cached": True,
                        "bad_date": False, "raw": None}
            cell = super().parse_cell(element)
            cached = element.findtext(VALUE_TAG)  # -- a text result may be empty, a number not --
            cell["formula"] = formula
            cell["cached"] = bool(cached) or (cached is not None and typed == "str") or typed == "inlineStr"
            cell["bad_date"] = typed != "e" and cell["data_type"] == "e"
            cell["raw"] = cached
            return cell

    return _Parser


def _number_formats(book: Any) -> dict[int, str]:
    """The number format of each cell style of a read-only *book*, by style index."""
    from openpyxl.styles.numbers import BUILTIN_FORMATS, BUILTIN_FORMATS_MAX_SIZE

    formats = {}
    for index, style in enumerate(book._cell_styles):
        format_id = style.numFmtId
        if format_id < BUILTIN_FORMATS_MAX_SIZE:
            formats[index] = BUILTIN_FORMATS.get(format_id, "General")
        else:
            custom = format_id - BUILTIN_FORMATS_MAX_SIZE
            formats[index] = book._number_formats[custom] if custom < len(book._number_formats) else "General"
    return formats


def _read_cells(book: Any, sheet: Any, budget: list[int]) -> tuple[dict[int, dict[int, dict[str, Any]]], list[str]]:
    """The non-empty cells of a read-only *sheet* (row → column → cell) and its merged
    ranges, straight from openpyxl's parser (its read-only worksheet knows no merges)."""
    import warnings

    parser = _sheet_parser()(sheet._get_source(), sheet._shared_strings, data_only=True, epoch=book.epoch,
                             date_formats=book._date_formats, timedelta_formats=book._timedelta_formats)
    rows: dict[int, dict[int, dict[str, Any]]] = {}
    formats = _number_formats(book)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # -- a date serial out of range: reported below --
            for _, cells in parser.parse():
                for cell in cells:
                    value = cell["value"]
                    if (value is None or (isinstance(value, str) and not value.strip())) and not (
                            cell["formula"] and not cell["cached"]):
                        continue
                    budget[0] -= 1
                    if budget[0] < 0:
                        raise _CellProblem(f"สมุดงานมีเซลล์ที่มีข้อมูลเกิน {MAX_CELLS:,} เซลล์")
                    cell["number_format"] = formats.get(cell["style_id"], "General")
                    rows.setdefault(cell["row"], {})[cell["column"]] = cell
    finally:
        parser.source.close()
    merged = parser.merged_cells
    return rows, [str(m.ref) for m in merged.mergeCell] if merged is not None else []


def _sheets_of(path: str | Path) -> list[tuple[str, dict[int, dict[int, dict[str, Any]]], list[str]]]:
    """Every worksheet but the instructions: its title, non-empty cells and merged ranges.

    openpyxl reads from a file this function opens and always closes (openpyxl itself
    leaves its file open when a damaged workbook fails to load)."""
    from openpyxl import load_workbook

    from ita_docs.archive import WORKBOOK, check_archive

    check_archive(path, WORKBOOK, what="สมุดงาน Excel")
    try:
        handle = open(path, "rb")  # noqa: SIM115 - closed below, after the lazy sheets are read
    except OSError as exc:
        raise ReadError(f"อ่านไฟล์ไม่ได้: {exc.strerror}", location=Location(str(path))) from None
    try:
        book = load_workbook(handle, read_only=True, data_only=True)
        try:
            budget = [MAX_CELLS]
            return [(sheet.title, *_read_cells(book, sheet, budget)) for sheet in book.worksheets
                    if sheet.title != INSTRUCTIONS]
        finally:
            book.close()
    except Exception as exc:  # noqa: BLE001 - zip, XML and openpyxl errors of a damaged file
        raise _damaged(path, exc) from None
    finally:
        handle.close()


