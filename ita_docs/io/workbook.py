"""Documents as Excel workbooks a clerk fills in, and back.

Layout, for any kind: an instructions sheet; the sheet "เอกสาร" with one row per single
value (``organisation.name`` …); one sheet per list of rows (measures, members …), a row
per item, with a column "อยู่ใต้แถวที่ [_parent]" where the list sits under a row of
another sheet. Headers read "ไทย [key]". A multi-line cell (Alt+Enter) is a list of
paragraphs or lines; what has no cell form is JSON text behind ``json:``.
Reading reports every problem with its sheet and cell (มาตรการ!C7), in Thai.
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
from ..model.types import period_to_data
from ..thai import format_period
from .shape import fields

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
    "• คอลัมน์ 'อยู่ใต้แถวที่' บอกว่าแถวนี้อยู่ใต้แถวใดของแผ่นงานก่อนหน้า (นับแถวข้อมูลแถวแรกเป็น 1)",
    "• แถวตัวอย่างแก้หรือลบได้ เมื่อกรอกเสร็จ: ita-docs render ไฟล์นี้.xlsx",
)


@lru_cache(maxsize=None)
def _labels() -> dict[str, dict[str, str]]:
    text = resources.files(__package__).joinpath("labels.yaml").read_text(encoding="utf-8")
    return yaml.safe_load(text)


def _sheet_title(path: str) -> str:
    return _labels()["sheets"].get(path, path)[:31]


def _header(key: str) -> str:
    label = _labels()["columns"].get(key) or _labels()["columns"].get(key.rsplit(".", 1)[-1])
    return f"{label} [{key}]" if label else f"[{key}]"


# -- writing ---------------------------------------------------------------------------
def _cell_value(value: Any) -> Any:
    if isinstance(value, list | tuple):
        return "\n".join("" if v is None else str(v) for v in value)
    if isinstance(value, dict):  # a structured period
        return format_period(_period_of(value), digits="arabic")
    return value


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
        elif shape == "table":
            tables.append((name, inner, value))
        else:
            cells[name] = JSON_PREFIX + json.dumps(value, ensure_ascii=False)


def _is_lines(value: Any) -> bool:
    return isinstance(value, list) and all(not isinstance(v, dict | list) for v in value)


def _looks_like_period(value: Any) -> bool:
    return isinstance(value, dict) and set(value) in (
        {"fiscal_year"}, {"quarter"}, {"quarter", "fiscal_year"}, {"start", "end"}, {"start_month", "end_month"})


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
def _value(raw: Any) -> Any:
    if isinstance(raw, datetime):
        return raw.date().isoformat()
    if isinstance(raw, date):
        return raw.isoformat()
    if isinstance(raw, float):
        return str(Decimal(repr(raw))) if raw != int(raw) else int(raw)
    if isinstance(raw, str) and raw.startswith(JSON_PREFIX):
        return json.loads(raw[len(JSON_PREFIX):])
    return raw


def _set(target: dict[str, Any], dotted: str, value: Any) -> None:
    *parents, last = dotted.split(".")
    for key in parents:
        target = target.setdefault(key, {})
    target[last] = value


def _get_list(target: dict[str, Any], dotted: str) -> list[Any]:
    *parents, last = dotted.split(".")
    for key in parents:
        target = target.setdefault(key, {})
    return target.setdefault(last, [])


def read_workbook(path: str | Path) -> tuple[dict[str, Any], dict[str, str]]:
    """The plain data of a workbook, and where each field path came from (sheet!cell)."""
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        book = load_workbook(path, data_only=True)
    except (InvalidFileException, KeyError, OSError, ValueError) as exc:
        raise ReadError(f"เปิดสมุดงาน Excel ไม่ได้ ({exc.__class__.__name__})", location=Location(str(path))) from None
    except Exception as exc:  # noqa: BLE001 - zipfile and XML errors of a damaged file
        raise ReadError(f"ไฟล์ Excel เสียหรือไม่ใช่ .xlsx ({exc.__class__.__name__})",
                        location=Location(str(path))) from None
    titles = {_sheet_title(p): p for p in _labels()["sheets"]}
    data: dict[str, Any] = {}
    where: dict[str, str] = {}
    problems: list[Problem] = []

    def problem(sheet: str, cell: str, message: str) -> None:
        problems.append(Problem(Location(str(path), f"{sheet}!{cell}"), message))

    sheets = []
    for sheet in book.worksheets:
        if sheet.title == INSTRUCTIONS:
            continue
        sheet_path = titles.get(sheet.title, sheet.title)
        sheets.append((sheet_path, sheet))
    main = next((s for p, s in sheets if p == MAIN), None)
    if main is None:
        raise DataValidationError([Problem(Location(str(path)), f"ไม่มีแผ่นงาน '{_sheet_title(MAIN)}'")])
    for row in main.iter_rows(min_row=2):
        key, value = (row + (None, None))[:2]
        if key is None or key.value in (None, ""):
            continue
        if value is not None and value.value not in (None, ""):
            try:
                _set(data, str(key.value).strip(), _value(value.value))
            except json.JSONDecodeError:
                problem(main.title, value.coordinate, "ข้อความ json: อ่านไม่ได้")
            where[str(key.value).strip()] = f"{main.title}!{value.coordinate}"
    rows_of: dict[str, list[Any]] = {}
    ids_of: dict[str, dict[str, Any]] = {}
    table_paths = {p for p, _ in sheets if p != MAIN}
    for sheet_path, sheet in sorted(((p, s) for p, s in sheets if p != MAIN), key=lambda ps: ps[0].count(".")):
        header = [c.value for c in sheet[1]]
        keys = []
        for cell, title in zip(sheet[1], header):
            match = _HEADER_KEY.search(str(title or ""))
            if title in (None, ""):
                keys.append(None)
            elif match:
                keys.append(match.group(1).strip())
            else:
                problem(sheet.title, cell.coordinate, f"ไม่รู้จักคอลัมน์ '{title}' (หัวคอลัมน์ต้องมีชื่อช่องข้อมูลใน [ ])")
                keys.append(None)
        rows = rows_of.setdefault(sheet_path, [])
        for row in sheet.iter_rows(min_row=2):
            item: dict[str, Any] = {}
            cells_at: dict[str, str] = {}
            for key, cell in zip(keys, row):
                if key is None or cell.value in (None, ""):
                    continue
                try:
                    _set(item, key, _value(cell.value))
                except json.JSONDecodeError:
                    problem(sheet.title, cell.coordinate, "ข้อความ json: อ่านไม่ได้")
                cells_at[key] = f"{sheet.title}!{cell.coordinate}"
            if not item:
                continue
            row_id = item.pop(ROW, None)
            parent = item.pop(PARENT, None)
            nested = sheet_path.rsplit(".", 1)[0] in table_paths if "." in sheet_path else False
            if nested and parent is None:
                problem(sheet.title, f"A{row[0].row}", "ต้องระบุว่าอยู่ใต้แถวที่เท่าใด (คอลัมน์ 'อยู่ใต้แถวที่')")
                continue
            if not nested:
                target = _get_list(data, sheet_path)
                base = f"{sheet_path}[{len(target)}]"
            else:
                parent_path, field = sheet_path.rsplit(".", 1)
                owner_row = ids_of.get(parent_path, {}).get(str(parent).strip())
                if owner_row is None:
                    sheet_cell = cells_at.get(PARENT, f"{sheet.title}!A{row[0].row}")
                    title, cell_ref = sheet_cell.split("!", 1)
                    problem(title, cell_ref, f"ไม่มีแถวที่ {parent} ในแผ่นงาน '{_sheet_title(parent_path)}'")
                    continue
                owner, owner_base = owner_row
                target = owner.setdefault(field, [])
                base = f"{owner_base}.{field}[{len(target)}]"
            target.append(item)
            rows.append((item, base))
            ids_of.setdefault(sheet_path, {})[str(row_id if row_id is not None else len(rows)).strip()] = (item, base)
            for key, at in cells_at.items():
                where[f"{base}.{key}"] = at
            where.setdefault(base, f"{sheet.title}!A{row[0].row}")
    if problems:
        raise DataValidationError(problems)
    return data, where


def locate(problems: list[Problem], where: Mapping[str, str], file: str) -> list[Problem]:
    """Give each validation problem the sheet and cell its field came from."""
    located = []
    for p in problems:
        path = p.location.path or ""
        probe = path
        while probe and probe not in where:
            probe = re.sub(r"(\.[^.\[\]]+|\[\d+\])$", "", probe)
        cell = where.get(probe)
        text = f"{cell} ({path})" if cell else path
        located.append(Problem(Location(file, text or None), p.message))
    return located


def kind_of(data: Mapping[str, Any]) -> type[BaseModel] | None:
    return KINDS.get(data.get("kind")) if isinstance(data, Mapping) else None


def period_text(value: Any) -> str:  # pragma: no cover - kept for symmetry with period_to_data
    return format_period(_period_of(period_to_data(value)), digits="arabic")
