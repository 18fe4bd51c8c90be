"""Documents as Excel workbooks a clerk fills in, and back.

Layout, for any kind: an instructions sheet; the sheet "เอกสาร" with one row per single
value (``organisation.name`` …); one sheet per list of rows (measures, members …), a row
per item, with a column "อยู่ใต้แถวที่ [_parent]" where the list sits under a row of
another sheet. Headers read "ไทย [key]". A multi-line cell (Alt+Enter) is a list of
paragraphs or lines; what has no cell form is JSON text behind ``json:``, and so is an
explicit empty (``json:[]``, ``json:""``: leave the preset's section out), which an empty
cell (use the preset) cannot say.
Reading reports every problem with its sheet and cell (มาตรการ!C7), in Thai, and is
strict: the file passes the zip guard (:mod:`ita_docs.archive`) before its parts are
read (:mod:`ita_docs.io.xlsx`: the cells as openpyxl read them, without openpyxl;
openpyxl writes workbooks); every non-empty cell of a data sheet either reaches the data or is a problem (a
value without a key, a note outside the table, data under a blank or repeated header,
a repeated key or row number, a merged range — refused, not filled, since which rows a
merged value was meant for is a guess — an unknown sheet, a header row moved down); a
number arrives as the text Excel displays under the cell's number format (97.1 under
``0.00`` is "97.10"; 0.9705 under ``0.00%`` is "97.05%", which no score field accepts);
formula errors and formulas without a computed value are refused at their cell.
"""
from __future__ import annotations

import json
import re
from collections.abc import Mapping
from datetime import date, datetime
from decimal import Decimal
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel

from ..errors import DataValidationError, Location, Problem, ReadError
from ..model import KINDS
from ..model.types import PERIOD_DATE_KEYS
from ..thai import format_period, to_arabic_digits
from .number_format import UnsupportedFormat, date_parts, display_number
from .shape import DateField, date_field, fields
from .xlsx import Sheet, column_letter

__all__ = ["read_workbook", "write_workbook"]

MAIN = ""
INSTRUCTIONS = "คำแนะนำ"
JSON_PREFIX = "json:"
PARENT = "_parent"
ROW = "_row"
_HEADER_KEY = re.compile(r"\[([^\[\]]+)\]\s*$")
_LONG_TEXT = {"method", "result", "suggestion", "followup", "issues", "issue", "improvement", "remark",
              "approach", "steps", "paragraphs", "text", "preamble", "intro", "summary"}
INSTRUCTIONS_TEXT = (
    "วิธีกรอกสมุดงานนี้",
    "• แต่ละแผ่นงานคือส่วนหนึ่งของเอกสาร แถวแรกเป็นหัวคอลัมน์ ห้ามแก้ข้อความในวงเล็บเหลี่ยม [ ] ซึ่งโปรแกรมใช้อ่าน",
    "• แผ่นงาน 'เอกสาร' มีข้อมูลทั่วไป หนึ่งแถวต่อหนึ่งช่องข้อมูล",
    "• หลายย่อหน้าในช่องเดียว: กด Alt+Enter ขึ้นบรรทัดใหม่ แต่ละบรรทัดเป็นหนึ่งย่อหน้า",
    "• ตัวเลขพิมพ์เป็นเลขไทยหรือเลขอารบิกก็ได้ วันที่พิมพ์ได้ทั้ง 2023-01-30 และ 30 ม.ค. 2566",
    "• ระยะเวลา: พิมพ์ข้อความใดก็ได้ หรือ 'ปีงบประมาณ 2566', 'ไตรมาสที่ 2', 'ต.ค.65-มี.ค. 66', '1 ต.ค. 2566-31 ธ.ค. 2566'",
    "• ช่องที่เว้นว่างหรือไม่มีแถว ใช้ข้อความของแม่แบบ (preset) ถ้าต้องการตัดส่วนนั้นออกจากเอกสาร "
    "ให้พิมพ์ json:[] (รายการว่าง) หรือ json:\"\" (ข้อความว่าง) ในช่องนั้น",
    "• ข้อความที่ขึ้นต้นด้วย json: อ่านเป็น JSON ข้อความที่ต้องขึ้นต้นด้วย = หรือ json: ให้เขียนเป็น json:\"=...\"",
    "• คอลัมน์ 'อยู่ใต้แถวที่' บอกว่าแถวนี้อยู่ใต้แถวใดของแผ่นงานก่อนหน้า (นับแถวข้อมูลแถวแรกเป็น 1)",
    "• แถวตัวอย่างแก้หรือลบได้ เมื่อกรอกเสร็จ: ita-docs render ไฟล์นี้.xlsx",
)


@lru_cache(maxsize=None)
def _labels() -> dict[str, dict[str, str]]:
    text = resources.files(__package__).joinpath("labels.yaml").read_text(encoding="utf-8")
    labels: dict[str, dict[str, str]] = yaml.safe_load(text)
    return labels


def _sheet_title(path: str) -> str:
    return _labels()["sheets"].get(path, path)[:31]


def _header(key: str) -> str:
    label = _labels()["columns"].get(key) or _labels()["columns"].get(key.rsplit(".", 1)[-1])
    return f"{label} [{key}]" if label else f"[{key}]"


# -- writing ---------------------------------------------------------------------------
def _cell_value(value: Any) -> Any:
    r"""What a cell holds for *value*: its text, or ``json:`` text where the text would
    read back as something else — an explicit empty (``[]``, ``""``: "leave this out",
    not "use the preset"), lines that do not survive a join at newlines, text a reader
    would take for JSON or Excel for a formula.

    >>> [_cell_value(v) for v in ([], "", ["a", "b"], ["a", ""], "json:x", "=1+1", "ก")]
    ['json:[]', 'json:""', 'a\nb', 'json:["a", ""]', 'json:"json:x"', 'json:"=1+1"', 'ก']
    """
    if isinstance(value, list | tuple):
        if not _joins_back(value):
            return JSON_PREFIX + json.dumps(list(value), ensure_ascii=False)
        return "\n".join(str(v) for v in value)
    if isinstance(value, dict):  # a structured period
        return format_period(_period_of(value), digits="arabic")
    if isinstance(value, str) and not _reads_back(value):
        return JSON_PREFIX + json.dumps(value, ensure_ascii=False)
    return value


def _reads_back(text: str) -> bool:
    """Whether *text* in a cell reads back as itself (not empty, JSON or a formula)."""
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    return bool(text.strip()) and not text.startswith((JSON_PREFIX, "=")) and "\r" not in text \
        and not ILLEGAL_CHARACTERS_RE.search(text)  # -- a control character: JSON escapes it --


def _joins_back(items: list[Any] | tuple[Any, ...]) -> bool:
    """Whether *items* joined at newlines split back into the same items."""
    texts = [str(v) if isinstance(v, int) and not isinstance(v, bool) else v for v in items]
    return bool(texts) and all(isinstance(v, str) and "\n" not in v and _reads_back(v) for v in texts) \
        and _reads_back("\n".join(texts))


def _period_of(value: dict[str, Any]) -> Any:
    from ..model.types import _period

    return _period(value)


def _flatten(model: type[BaseModel] | None, data: Mapping[str, Any], prefix: str,
             cells: dict[str, Any], tables: list[tuple[str, Any, list[Any]]]) -> None:
    shapes = fields(model) if model is not None else {}
    for key, value in data.items():
        name = f"{prefix}{key}"
        shape, inner = shapes.get(key, (None, None))
        if shape is None:  # -- a row of a list of unions, or a dict field: go by the value --
            if isinstance(value, dict) and value and model is None and not _looks_like_period(value) \
                    and all(not isinstance(v, dict | list) or _is_lines(v) for v in value.values()):
                shape = "object"
            elif isinstance(value, list) and value and all(isinstance(v, dict) for v in value) and model is None:
                shape = "json"
            elif _is_lines(value) or not isinstance(value, dict | list) or _looks_like_period(value):
                shape = "cell"
            else:
                shape = "json"
        if shape == "cell":
            cells[name] = _cell_value(value)
        elif shape == "object":
            _flatten(inner, value, f"{name}.", cells, tables)
        elif shape == "table" and value:
            tables.append((name, inner, value))
        elif shape == "table":  # -- an explicit empty list: no rows, so a cell saying so --
            cells[name] = JSON_PREFIX + "[]"
        else:
            cells[name] = JSON_PREFIX + json.dumps(value, ensure_ascii=False)


def _is_lines(value: Any) -> bool:
    return isinstance(value, list) and all(not isinstance(v, dict | list) for v in value)


def _looks_like_period(value: Any) -> bool:
    return isinstance(value, dict) and set(value) in (
        {"fiscal_year"}, {"quarter"}, {"quarter", "fiscal_year"}, *map(set, PERIOD_DATE_KEYS.values()))


def _sheets(document: BaseModel) -> dict[str, list[dict[str, Any]]]:
    """The rows of each sheet: path → list of {column: value}."""
    data = document.model_dump(mode="json", exclude_defaults=True)
    data = {"kind": data.pop("kind", getattr(document, "kind")), **data}
    cells: dict[str, Any] = {}
    queue: list[tuple[str, Any, list[Any], int | None]] = []
    tables: list[tuple[str, Any, list[Any]]] = []
    _flatten(type(document), data, "", cells, tables)
    sheets: dict[str, list[dict[str, Any]]] = {MAIN: [{"key": k, "value": v} for k, v in cells.items()]}
    queue = [(path, model, items, None) for path, model, items in tables]
    while queue:
        path, model, items, parent = queue.pop(0)
        rows = sheets.setdefault(path, [])
        for item in items:
            row: dict[str, Any] = {ROW: len(rows) + 1}
            if parent is not None:
                row[PARENT] = parent
            nested: list[tuple[str, Any, list[Any]]] = []
            _flatten(model, item, "", row, nested)
            rows.append(row)
            queue += [(f"{path}.{sub}", sub_model, sub_items, len(rows)) for sub, sub_model, sub_items in nested]
    return sheets


def write_workbook(document: BaseModel, path: str | Path | None = None) -> Any:
    """A workbook of *document* (saved to *path* if given); returns the openpyxl workbook."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.worksheet.datavalidation import DataValidation

    book = Workbook()
    guide = book.active
    guide.title = INSTRUCTIONS
    for line in INSTRUCTIONS_TEXT:
        guide.append([line])
    guide["A1"].font = Font(bold=True, size=14)
    guide.column_dimensions["A"].width = 110
    header_fill = PatternFill("solid", fgColor="DDEBF7")
    wrap = Alignment(wrap_text=True, vertical="top")
    for sheet_path, rows in _sheets(document).items():
        sheet = book.create_sheet(_sheet_title(sheet_path))
        if sheet_path == MAIN:
            columns = ["key", "value"]
            sheet.append(["ช่องข้อมูล [key]", "ค่า [value]"])
            for row in rows:
                sheet.append([row["key"], row["value"]])
        else:
            columns = list(dict.fromkeys(k for row in rows for k in row))
            sheet.append([_header(c) for c in columns])
            for row in rows:
                sheet.append([row.get(c) for c in columns])
        for cell in sheet[1]:
            cell.font = Font(bold=True)
            cell.fill = header_fill
        sheet.freeze_panes = "A2"
        for index, column in enumerate(columns, start=1):
            letter = sheet.cell(row=1, column=index).column_letter
            wide = column.rsplit(".", 1)[-1] in _LONG_TEXT or column == "value"
            sheet.column_dimensions[letter].width = 60 if wide else 22
            for cell in sheet[letter][1:]:
                cell.alignment = wrap
            _add_choices(sheet, column, letter, document, DataValidation)
    if path is not None:
        book.save(path)
    return book


def _add_choices(sheet: Any, column: str, letter: str, document: BaseModel, validation: Any) -> None:
    """Drop-down lists where the answer comes from a list."""
    choices: list[str] | None = None
    key = column.rsplit(".", 1)[-1]
    if key == "tool":
        choices = ["IIT", "EIT", "OIT"]
    elif key in ("indicator", "code"):
        year = getattr(document, "fiscal_year", None)
        if year is not None:
            from ..framework import available_years, load_framework

            if year in available_years():
                framework = load_framework(year)
                choices = ([i.name for i in framework.indicators.items] if key == "indicator"
                           else [i.code for i in framework.oit_items.items]) or None
    if choices and len(",".join(choices)) < 250:
        rule = validation(type="list", formula1='"' + ",".join(choices) + '"', allow_blank=True,
                          showErrorMessage=False)
        sheet.add_data_validation(rule)
        rule.add(f"{letter}2:{letter}1000")


# -- reading ---------------------------------------------------------------------------
# Every non-empty cell of a data sheet either reaches the data or is a located problem:
# a value without its key, text outside the table, data under a blank or repeated
# header, a repeated key or row number, a merged range, a formula error or a formula
# without a computed value, a number format whose display cannot be reproduced. Numbers
# arrive as the text the cell displays (number_format.display_number). Merged cells are
# refused, not filled: Excel shows a merged value once, and which rows or columns it was
# meant for is a guess.

#: Most non-empty cells read from one workbook, and most problems listed.
MAX_CELLS = 200_000
MAX_PROBLEMS = 200
#: Most levels of nesting in a ``json:`` cell.
MAX_JSON_DEPTH = 50
_PARENT_STEP = re.compile(r"(\.[^.\[\]]+|\[\d+\])$")


class _CellProblem(ValueError):
    """A cell that cannot be read; the message is Thai."""


def _json_value(text: str) -> Any:
    def no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        keys = [k for k, _ in pairs]
        for key in keys:
            if keys.count(key) > 1:
                raise _CellProblem(f"ข้อความ json: มีชื่อ {key!r} ซ้ำกัน")
        return dict(pairs)

    def constant(name: str) -> Any:
        raise _CellProblem(f"ข้อความ json: มีค่า {name} ซึ่งไม่ใช่ตัวเลข")

    depth = level = 0
    for char in text:  # -- nesting bounded before json recurses --
        level += char in "[{"
        level -= char in "]}"
        depth = max(depth, level)
    if depth > MAX_JSON_DEPTH:
        raise _CellProblem(f"ข้อความ json: ซ้อนกันลึกเกิน {MAX_JSON_DEPTH} ชั้น")
    try:
        return json.loads(text, object_pairs_hook=no_duplicates, parse_float=Decimal, parse_constant=constant)
    except json.JSONDecodeError as exc:
        raise _CellProblem(f"ข้อความ json: อ่านไม่ได้ ({exc.msg} ที่ตำแหน่ง {exc.pos})") from None


def _display(cell: dict[str, Any]) -> Any:
    """What the cell shows, as data: text as typed, a number as displayed, a date as ISO
    text, TRUE/FALSE as a bool, ``json:`` text as its value."""
    from datetime import time, timedelta

    value = cell["value"]
    if cell["formula"] and not cell["cached"]:
        raise _CellProblem("เซลล์นี้มีสูตรแต่ไม่มีค่าที่คำนวณไว้ (ไฟล์ไม่ได้บันทึกจาก Excel) "
                           "ให้เปิดไฟล์ใน Excel หรือ LibreOffice แล้วบันทึกใหม่ หรือพิมพ์ค่าแทนสูตร")
    if cell["bad_date"]:
        raise _CellProblem(f"เซลล์นี้ตั้งรูปแบบเป็นวันที่ แต่เลข {cell['raw']} ไม่ใช่วันที่ที่ Excel ใช้ได้ "
                           "ให้พิมพ์วันที่ใหม่ เช่น 30 ม.ค. 2566")
    if cell["data_type"] == "e":
        raise _CellProblem(f"เซลล์นี้มีค่าผิดพลาดจากสูตร {value} ให้แก้สูตรหรือพิมพ์ค่าแทน")
    if isinstance(value, bool):
        return value
    if isinstance(value, datetime):
        if value.time() != time(0):
            raise _CellProblem("เซลล์นี้เป็นวันที่และเวลา ให้พิมพ์เฉพาะวันที่ เช่น 30 ม.ค. 2566")
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, time | timedelta):
        raise _CellProblem("เซลล์นี้เป็นเวลา ซึ่งไม่มีช่องข้อมูลใดใช้ ให้พิมพ์เป็นข้อความ")
    if isinstance(value, int | float):
        if value != value or value in (float("inf"), float("-inf")):
            raise _CellProblem("เซลล์นี้ไม่ใช่ตัวเลขที่ใช้ได้")
        try:
            return display_number(value, cell["number_format"])
        except UnsupportedFormat as exc:
            raise _CellProblem(str(exc)) from None
    text = str(value)
    if text.startswith(JSON_PREFIX):
        return _json_value(text[len(JSON_PREFIX):])
    return text


def _set(target: dict[str, Any], dotted: str, value: Any) -> None:
    *parents, last = dotted.split(".")
    for key in parents:
        target = target.setdefault(key, {})
        if not isinstance(target, dict):
            raise _CellProblem(f"ช่องข้อมูล {dotted} ชนกับ {key} ที่มีค่าอยู่แล้ว")
    if isinstance(target.get(last), dict):
        raise _CellProblem(f"ช่องข้อมูล {dotted} ชนกับช่องข้อมูลย่อย {dotted}.… ที่มีค่าอยู่แล้ว")
    if last in target:
        raise _CellProblem(f"ช่องข้อมูล {dotted} มีค่าอยู่แล้ว")
    target[last] = value


def _get_list(target: dict[str, Any], dotted: str) -> list[Any]:
    *parents, last = dotted.split(".")
    for key in parents:
        target = target.setdefault(key, {})
        if not isinstance(target, dict):
            raise _CellProblem(f"แผ่นงาน {dotted} ชนกับช่องข้อมูล {key} ที่มีค่าอยู่แล้ว")
    found = target.setdefault(last, [])
    if not isinstance(found, list):
        raise _CellProblem(f"แผ่นงาน {dotted} ชนกับช่องข้อมูล {last} ที่มีค่าอยู่แล้วในแผ่นงาน '{_sheet_title(MAIN)}'")
    return found


def _known_sheet(model: type[BaseModel] | None, sheet_path: str) -> bool:
    """Whether *sheet_path* names a list of rows of *model* (unknown below a union: True)."""
    shape: str | None = None
    for step in sheet_path.split("."):
        if model is None:
            return True
        shape, model = fields(model).get(step, (None, None))
        if shape not in ("table", "object"):
            return False
    return shape == "table" or model is None


class _Reader:
    """One workbook read into plain data, ``where`` each field came from, and problems."""

    def __init__(self, path: str | Path) -> None:
        self.file = str(path)
        self.data: dict[str, Any] = {}
        self.where: dict[str, str] = {}
        self.problems: list[Problem] = []
        self.dates: dict[str, tuple[str, dict[str, Any]]] = {}  # -- field path → its date cell --

    def problem(self, sheet: str, cell: str, message: str) -> None:
        if len(self.problems) < MAX_PROBLEMS:
            self.problems.append(Problem(Location(self.file, f"{sheet}!{cell}"), message))

    def value(self, sheet: str, cell: dict[str, Any]) -> Any:
        """The cell's data, or None after recording its problem."""
        try:
            return _display(cell)
        except _CellProblem as exc:
            self.problem(sheet, _coordinate(cell), str(exc))
            return None

    def check_dates(self, model: type[BaseModel]) -> None:
        """Refuse a date cell whose field is not a date, or whose format hides part of the
        date the field prints: what Excel shows is what the clerk typed."""
        for path, (title, cell) in self.dates.items():
            wanted = date_field(model, path)
            shown = date_parts(cell["number_format"])
            if wanted is None:
                self.problem(title, _coordinate(cell), f"เซลล์นี้ Excel เก็บเป็นวันที่ แต่ช่อง {path} ไม่ใช่ช่องวันที่ "
                                                       "จึงพิมพ์ตามที่เห็นในเซลล์ไม่ได้ ให้ตั้งรูปแบบเซลล์เป็นข้อความ "
                                                       "(Text) แล้วพิมพ์ใหม่ หรือพิมพ์ ' นำหน้า")
            elif missing := [_DATE_PART_NAMES[p] for p in _DATE_PARTS[wanted] if p not in shown]:
                self.problem(title, _coordinate(cell), f"เซลล์นี้แสดงวันที่ไม่ครบ (รูปแบบ {cell['number_format']} "
                                                       f"ไม่แสดง{'และ'.join(missing)}) แต่ช่อง {path} พิมพ์ครบ "
                                                       "ให้ตั้งรูปแบบเซลล์ที่แสดงวัน เดือน และปี "
                                                       "หรือพิมพ์เป็นข้อความ เช่น 30 ม.ค. 2566")

    def refuse_merges(self, sheet: str, merges: list[str]) -> None:
        for ref in merges:
            if ":" in ref:
                self.problem(sheet, ref.split(":")[0], f"เซลล์ {ref} ถูกผสาน (merge) ซึ่งอ่านตามที่เห็นไม่ได้ "
                                                       "ให้ยกเลิกการผสานเซลล์ แล้วกรอกค่าในทุกเซลล์ที่ต้องการ")

    # -- the sheet "เอกสาร": one row per value, key in A, value in B --
    def main(self, title: str, rows: dict[int, dict[int, dict[str, Any]]]) -> None:
        header = rows.get(1, {})
        keys = [_header_key(header.get(c)) for c in (1, 2)]
        if keys != ["key", "value"]:
            self.problem(title, "A1", "แถวแรกของแผ่นงานนี้ต้องเป็นหัวคอลัมน์ 'ช่องข้อมูล [key]' ในคอลัมน์ A "
                                      "และ 'ค่า [value]' ในคอลัมน์ B (หัวคอลัมน์อาจถูกลบหรือย้าย)")
            return
        for column, cell in sorted(header.items()):
            if column > 2:
                self.problem(title, _coordinate(cell), "แผ่นงานนี้ใช้เฉพาะคอลัมน์ A (ช่องข้อมูล) และ B (ค่า) "
                                                       "ให้ลบหัวคอลัมน์นี้")
        first: dict[str, str] = {}
        for number in sorted(r for r in rows if r > 1):
            row = rows[number]
            for column, cell in sorted(row.items()):
                if column > 2:
                    self.problem(title, _coordinate(cell), "ข้อความนี้อยู่นอกตาราง: แผ่นงานนี้ใช้เฉพาะคอลัมน์ A "
                                                           "(ช่องข้อมูล) และ B (ค่า) ให้ย้ายไปไว้ในช่องค่าหรือลบออก")
            key_cell, value_cell = row.get(1), row.get(2)
            key = self.value(title, key_cell) if key_cell else None
            if key_cell and not isinstance(key, str):
                if key is not None:
                    self.problem(title, _coordinate(key_cell), "ชื่อช่องข้อมูลต้องเป็นข้อความ เช่น organisation.name")
                continue
            if key is None or key_cell is None:
                if value_cell:
                    self.problem(title, _coordinate(value_cell), "มีค่าแต่ไม่มีชื่อช่องข้อมูลในคอลัมน์ A "
                                                                 "ให้ใส่ชื่อช่องข้อมูลหรือลบค่านี้")
                continue
            key = key.strip()
            at = f"{title}!{_coordinate(value_cell or key_cell)}"
            if key in first:
                self.problem(title, _coordinate(key_cell), f"ช่องข้อมูล {key} ซ้ำกับแถวที่ {first[key]} "
                                                           "ให้เหลือไว้แถวเดียว")
                continue
            first[key] = f"{title}!{_coordinate(key_cell)}"
            if value_cell is None:
                continue
            value = self.value(title, value_cell)
            if value is None:
                continue
            try:
                _set(self.data, key, value)
            except _CellProblem as exc:
                self.problem(title, _coordinate(key_cell), str(exc))
                continue
            self.where[key] = at
            if _is_date(value_cell):
                self.dates[key] = (title, value_cell)
            parts = key.split(".")
            for depth in range(1, len(parts)):
                self.where.setdefault(".".join(parts[:depth]), at)
        next_row = max(rows, default=1) + 1
        self.where.setdefault("", f"{title}!A{next_row}")

    # -- a sheet of rows: header in row 1, a row per item --
    def table(self, title: str, sheet_path: str, rows: dict[int, dict[int, dict[str, Any]]],
              nested: bool, ids_of: dict[str, dict[str, tuple[dict[str, Any], str]]]) -> None:
        header = rows.get(1)
        if not header:
            start = min(rows)
            self.problem(title, "A1", f"แถวแรกของแผ่นงานต้องเป็นหัวคอลัมน์ที่มีชื่อช่องข้อมูลใน [ ] "
                                      f"(พบข้อมูลเริ่มที่แถว {start} หัวคอลัมน์อาจถูกย้ายลงไป)")
            return
        keys: dict[int, str] = {}
        seen: dict[str, str] = {}
        good = True
        for column, cell in sorted(header.items()):
            title_text = self.value(title, cell)
            key = _header_key(cell)
            if key is None:
                self.problem(title, _coordinate(cell), f"ไม่รู้จักคอลัมน์ '{title_text}' "
                                                       "(หัวคอลัมน์ต้องมีชื่อช่องข้อมูลใน [ ])")
                good = False
            elif key in seen:
                self.problem(title, _coordinate(cell), f"คอลัมน์ [{key}] ซ้ำกับ {seen[key]} ให้เหลือไว้คอลัมน์เดียว")
                good = False
            else:
                seen[key] = _coordinate(cell)
                keys[column] = key
        if not good:
            return
        own_ids = ids_of.setdefault(sheet_path, {})
        id_cells: dict[str, str] = {}
        parent_path, _, field = sheet_path.rpartition(".")
        count = 0
        for number in sorted(r for r in rows if r > 1):
            item: dict[str, Any] = {}
            cells_at: dict[str, str] = {}
            dates_at: dict[str, dict[str, Any]] = {}
            for column, cell in sorted(rows[number].items()):
                key = keys.get(column)
                if key is None:
                    self.problem(title, _coordinate(cell), "มีข้อมูลในคอลัมน์ที่ไม่มีหัวคอลัมน์ "
                                                           "ให้ใส่หัวคอลัมน์ที่มีชื่อช่องข้อมูลใน [ ] หรือลบข้อมูลนี้")
                    continue
                value = self.value(title, cell)
                if value is None:
                    continue
                try:
                    _set(item, key, value)
                except _CellProblem as exc:
                    self.problem(title, _coordinate(cell), str(exc))
                    continue
                cells_at[key] = f"{title}!{_coordinate(cell)}"
                if _is_date(cell):
                    dates_at[key] = cell
            if not cells_at:
                continue
            count += 1
            row_id = _row_number(item.pop(ROW, str(count)))
            parent = item.pop(PARENT, None)
            row_at = cells_at.get(ROW, f"{title}!A{number}")
            if row_id is None:
                self.problem(title, row_at.split("!", 1)[1], "คอลัมน์ 'แถวที่' ต้องเป็นเลขแถว เช่น 1 หรือ ๑")
                continue
            if parent is not None and _row_number(parent) is None:
                self.problem(title, cells_at[PARENT].split("!", 1)[1],
                             "คอลัมน์ 'อยู่ใต้แถวที่' ต้องเป็นเลขแถวของแผ่นงานก่อนหน้า เช่น 1 หรือ ๑")
                continue
            if row_id in id_cells:
                self.problem(title, row_at.split("!", 1)[1], f"แถวที่ {row_id} ซ้ำกับ {id_cells[row_id]} "
                                                             "(คอลัมน์ 'แถวที่' ต้องไม่ซ้ำกัน)")
                continue
            id_cells[row_id] = row_at.split("!", 1)[1]
            try:
                if not nested:
                    if parent is not None:
                        self.problem(title, cells_at[PARENT].split("!", 1)[1],
                                     "แผ่นงานนี้ไม่ได้อยู่ใต้แผ่นงานอื่น ให้ลบค่าในคอลัมน์ 'อยู่ใต้แถวที่'")
                        continue
                    target = _get_list(self.data, sheet_path)
                    base = f"{sheet_path}[{len(target)}]"
                else:
                    if parent is None:
                        self.problem(title, f"A{number}", "ต้องระบุว่าอยู่ใต้แถวที่เท่าใด (คอลัมน์ 'อยู่ใต้แถวที่')")
                        continue
                    owner_row = ids_of.get(parent_path, {}).get(_row_number(parent) or "")
                    if owner_row is None:
                        self.problem(title, cells_at[PARENT].split("!", 1)[1],
                                     f"ไม่มีแถวที่ {parent} ในแผ่นงาน '{_sheet_title(parent_path)}'")
                        continue
                    owner, owner_base = owner_row
                    target = owner.setdefault(field, [])
                    if not isinstance(target, list):
                        raise _CellProblem(f"ช่องข้อมูล {field} ของแถวที่ {parent} มีค่าอยู่แล้ว")
                    base = f"{owner_base}.{field}[{len(target)}]"
            except _CellProblem as exc:
                self.problem(title, f"A{number}", str(exc))
                continue
            target.append(item)
            own_ids[row_id] = (item, base)
            self.dates.update({f"{base}.{key}": (title, cell) for key, cell in dates_at.items()})
            for key, at in cells_at.items():
                if key not in (ROW, PARENT):
                    self.where[f"{base}.{key}"] = at
                    parts = key.split(".")
                    for depth in range(1, len(parts)):
                        self.where.setdefault(f"{base}.{'.'.join(parts[:depth])}", at)
            self.where.setdefault(base, f"{title}!A{number}")
            self.where.setdefault(sheet_path if not nested else base.rsplit("[", 1)[0], f"{title}!A{number}")


#: What a date or a month field prints, and each part's name in a message.
_DATE_PARTS: dict[DateField, tuple[str, ...]] = {"date": ("day", "month", "year"), "month": ("month", "year")}
_DATE_PART_NAMES = {"day": "เลขวันที่", "month": "เดือน", "year": "ปี"}


def _is_date(cell: dict[str, Any]) -> bool:
    return isinstance(cell["value"], date) and not cell["bad_date"]


def _row_number(value: Any) -> str | None:
    """A row number typed in 'แถวที่' or 'อยู่ใต้แถวที่', as Arabic digits; None if it is none.

    >>> _row_number("๑๒"), _row_number(" 3 "), _row_number("ข้อหนึ่ง"), _row_number("0")
    ('12', '3', None, None)
    """
    text = to_arabic_digits(str(value).strip())
    return str(int(text)) if text.isascii() and text.isdigit() and int(text) > 0 else None


def _coordinate(cell: dict[str, Any]) -> str:
    return f"{column_letter(cell['column'])}{cell['row']}"


def _header_key(cell: dict[str, Any] | None) -> str | None:
    """The field key in a header cell's brackets: "ลำดับ [number]" → "number"."""
    if cell is None or not isinstance(cell["value"], str):
        return None
    match = _HEADER_KEY.search(cell["value"])
    return match.group(1).strip() if match else None


def _damaged(path: str | Path, exc: BaseException) -> ReadError:
    import zipfile

    if isinstance(exc, _CellProblem):
        return ReadError(str(exc), location=Location(str(path)))
    if isinstance(exc, zipfile.BadZipFile):
        return ReadError(f"ไฟล์ Excel เสีย ({exc})", location=Location(str(path)))
    if isinstance(exc, KeyError | OSError | ValueError):
        return ReadError(f"เปิดสมุดงาน Excel ไม่ได้ ({exc.__class__.__name__})", location=Location(str(path)))
    return ReadError(f"ไฟล์ Excel เสียหรือไม่ใช่ .xlsx ({exc.__class__.__name__})", location=Location(str(path)))


def _sheets_of(path: str | Path) -> list[Sheet]:
    """Every worksheet but the instructions: its title, non-empty cells and merged ranges
    (:func:`ita_docs.io.xlsx.read_sheets`), once the file passes the zip guard."""
    from ..archive import WORKBOOK, check_archive
    from .xlsx import read_sheets

    check_archive(path, WORKBOOK, what="สมุดงาน Excel")
    try:
        handle = open(path, "rb")  # noqa: SIM115 - closed below
    except OSError as exc:
        raise ReadError(f"อ่านไฟล์ไม่ได้: {exc.strerror}", location=Location(str(path))) from None
    try:
        return read_sheets(handle, INSTRUCTIONS, MAX_CELLS,
                           lambda: _CellProblem(f"สมุดงานมีเซลล์ที่มีข้อมูลเกิน {MAX_CELLS:,} เซลล์"))
    except Exception as exc:  # noqa: BLE001 - zip and XML errors of a damaged file
        raise _damaged(path, exc) from None
    finally:
        handle.close()


def read_workbook(path: str | Path) -> tuple[dict[str, Any], dict[str, str]]:
    """The plain data of a workbook, and where each field path came from (sheet!cell).

    The file passes the zip guard (:mod:`ita_docs.archive`) before its parts are read.
    """
    sheets = _sheets_of(path)
    reader = _Reader(path)
    titles = {_sheet_title(p): p for p in _labels()["sheets"]}
    main_title = _sheet_title(MAIN)
    main = next((rows for title, rows, _ in sheets if title == main_title), None)
    if main is None:
        raise DataValidationError([Problem(Location(str(path), f"{main_title}!A1"),
                                           f"ไม่มีแผ่นงาน '{main_title}' (อาจถูกเปลี่ยนชื่อหรือลบ)")])
    for title, _, merges in sheets:
        reader.refuse_merges(title, merges)
    reader.main(main_title, main)
    model = kind_of(reader.data)
    tables = [(titles.get(title, title), title, rows) for title, rows, _ in sheets if title != main_title and rows]
    table_paths = {p for p, _, _ in tables}
    ids_of: dict[str, dict[str, tuple[dict[str, Any], str]]] = {}
    for sheet_path, title, rows in sorted(tables, key=lambda t: t[0].count(".")):
        if model is not None and not _known_sheet(model, sheet_path):
            reader.problem(title, "A1", f"ไม่รู้จักแผ่นงาน '{title}' ในเอกสารชนิดนี้ (ชื่อแผ่นงานอาจถูกเปลี่ยน "
                                        "ให้ใช้ชื่อเดิมจากสมุดงานที่โปรแกรมสร้าง)")
            continue
        nested = "." in sheet_path and sheet_path.rsplit(".", 1)[0] in table_paths
        reader.table(title, sheet_path, rows, nested, ids_of)
    if model is not None:
        reader.check_dates(model)
    if reader.problems:
        raise DataValidationError(reader.problems)
    return reader.data, reader.where


def locate(problems: list[Problem], where: Mapping[str, str], file: str) -> list[Problem]:
    """Give each validation problem the sheet and cell its field came from: the field's
    own cell, else the nearest enclosing field's, else the first free row of the sheet
    "เอกสาร" (where a missing value would go).

    >>> where = {"organisation": "เอกสาร!B3", "": "เอกสาร!A9"}
    >>> [str(p.location) for p in locate([Problem(Location(path="organisation.name"), "x"),
    ...                                   Problem(Location(path="Fiscal_Year"), "y")], where, "f.xlsx")]
    ['f.xlsx: เอกสาร!B3 (organisation.name)', 'f.xlsx: เอกสาร!A9 (Fiscal_Year)']
    """
    located = []
    for p in problems:
        path = p.location.path or ""
        probe = path
        while probe and probe not in where:
            shorter = _PARENT_STEP.sub("", probe)
            probe = shorter if shorter != probe else ""
        cell = where.get(probe) or where.get("")
        text = f"{cell} ({path})" if cell and path else (cell or path)
        located.append(Problem(Location(file, text or None), p.message))
    return located


def kind_of(data: Mapping[str, Any]) -> type[BaseModel] | None:
    kind = data.get("kind")
    return KINDS.get(kind) if isinstance(kind, str) else None
