"""What a table of the Word file is: its header rows, what each column holds, and its rows as data.

A column's field comes from its heading through the vocabulary; a heading the
vocabulary does not know is an extra column under its own heading. A measures table
becomes measures (number, title, method …, extras), a score table indicator scores;
any other table, or one whose rows do not fit, is a free table cell by cell.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from ..thai import parse_number, to_arabic_digits
from .reader import Cell, Table
from .vocabulary import VOCABULARY

__all__ = ["ColumnMatch", "TableShape", "checked_score", "column_data", "free_table", "measures_of", "scores_of", "shape_of"]


@dataclass(frozen=True)
class ColumnMatch:
    """One grid column: its heading, the field it holds (None: an extra column) and the variant matched."""

    heading: str
    field: str | None
    variant: str | None
    width_cm: float | None


@dataclass
class TableShape:
    """A table's header rows and columns, and the kind the columns make it (None: a free table)."""

    header_rows: int
    columns: list[ColumnMatch]
    kind: str | None
    body: list[list[Cell]] = field(default_factory=list)


def _header_rows(table: Table) -> int:
    """How many rows the header has: those Word repeats, or the first, and a second one when
    the first has a cell spanning columns with sub-headings under it (a header split over two rows)."""
    count = max(1, table.repeated_header_rows)
    if count == 1 and len(table.rows) > 2:
        first, second = table.rows[0], table.rows[1]
        spans = [i for i, c in enumerate(first) if not c.covered and c.span > 1 and c.span < table.columns]
        if spans and all(second[i].paragraphs for i in spans) and \
                all(second[i].covered or not first[i].paragraphs or first[i].span > 1
                    for i in range(table.columns) if not first[i].covered and first[i].span == 1):
            count = 2
    return min(count, len(table.rows))


def _headings(table: Table, header_rows: int) -> list[str]:
    """Each grid column's heading: the texts of the header cells over it, top to bottom."""
    headings = []
    for col in range(table.columns):
        parts: list[str] = []
        for r in range(header_rows):
            cell = table.rows[r][col]
            owner = cell
            if cell.covered:
                # -- the cell spanning over this column from the left, if any --
                k = col
                while k > 0 and table.rows[r][k].covered:
                    k -= 1
                left = table.rows[r][k]
                owner = left if not left.covered and k + left.span > col else cell
            text = " ".join(owner.paragraphs).strip()
            if text and (not parts or parts[-1] != text):
                parts.append(text)
        headings.append(join_heading(parts))
    return headings


_THAI = re.compile("[\u0e01-\u0e5b]")


def join_heading(parts: list[str]) -> str:
    """A heading typed over two header rows as one: Thai runs on without a space (Thai puts
    none between words), other text gets one.

    >>> join_heading(["มาตรการที่", "ดำเนินการ"]), join_heading(["งบประมาณ", "(บาท)"])
    ('มาตรการที่ดำเนินการ', 'งบประมาณ (บาท)')
    """
    out = ""
    for part in parts:
        if out and not (_THAI.match(out[-1]) and _THAI.match(part[0])):
            out += " "
        out += part
    return out


def _width(value: float | None) -> float | None:
    return value if value is not None and 0.2 <= value <= 30 else None


def shape_of(table: Table) -> TableShape:
    """The header rows, columns and kind of *table*."""
    header = _header_rows(table)
    headings = _headings(table, header)
    columns = []
    for heading, width in zip(headings, table.widths_cm):
        match = VOCABULARY.column(heading)
        columns.append(ColumnMatch(heading, match[0] if match else None, match[1] if match else None, _width(width)))
    fields = [c.field for c in columns]
    kind = None
    for candidate in VOCABULARY.tables:
        if all(f in fields for f in candidate.needs) and any(f in fields for f in candidate.any_of):
            kind = candidate.name
            break
    return TableShape(header, columns, kind, table.rows[header:])


def _is_empty(row: list[Cell]) -> bool:
    return not any(c.paragraphs for c in row if not c.covered)


def _spans_all(row: list[Cell]) -> bool:
    owners = [c for c in row if not c.covered]
    return len(owners) == 1 and owners[0].span > 1


def column_data(shape: TableShape, keys: Sequence[str | None] | None = None) -> list[dict[str, Any]]:
    """The columns of *shape* as data file columns: each one's key (from *keys*, else the field
    it holds), heading, and width where the file gave one.

    >>> shape = TableShape(1, [ColumnMatch("คะแนน", "score", "คะแนน", 2.5), ColumnMatch("หมายเหตุ", None, None, None)],
    ...                    None)
    >>> column_data(shape, ["score", "note"])
    [{'key': 'score', 'heading': 'คะแนน', 'width_cm': 2.5}, {'key': 'note', 'heading': 'หมายเหตุ'}]
    >>> [c["key"] for c in column_data(shape)]
    ['score', None]
    """
    columns = []
    for key, column in zip(keys if keys is not None else [c.field for c in shape.columns], shape.columns):
        entry: dict[str, Any] = {"key": key, "heading": column.heading}
        if column.width_cm is not None:
            entry["width_cm"] = column.width_cm
        columns.append(entry)
    return columns


def free_table(table: Table, shape: TableShape | None = None) -> dict[str, Any]:
    """*table* as a free table block: its header rows the columns' headings (a heading over two
    rows joined), the other rows cell by cell."""
    head = table.rows[0] if table.rows else []
    header_rows = shape.header_rows if shape is not None else 1
    out_columns = []
    for index in range(table.columns):
        cell = head[index] if index < len(head) else Cell([])
        heading = "" if cell.covered else "\n".join(cell.paragraphs)
        if shape is not None and header_rows > 1:
            heading = shape.columns[index].heading if not cell.covered or cell.span == 1 else ""
        column: dict[str, Any] = {"key": f"c{index + 1}", "heading": heading}
        width = _width(table.widths_cm[index])
        if width is not None:
            column["width_cm"] = width
        out_columns.append(column)
    rows = [[[] if c.covered else list(c.paragraphs) for c in row] for row in table.rows[header_rows:]
            if not _is_empty(row)]
    return {"table": {"columns": out_columns, "rows": rows}}


class NotThatTable(ValueError):
    """The rows do not fit the kind the headings say: the table stays a free table (the reason says why)."""


def checked_score(text: str, where: str | None) -> str:
    """*text*, a score typed in the cell at *where*; :class:`NotThatTable` unless it is a number 0–100.

    >>> checked_score("๙๗.๐๗", "T1!B2")
    '๙๗.๐๗'
    >>> checked_score("ดี", "T1!B2")
    Traceback (most recent call last):
    ...
    ita_docs.importing.tables.NotThatTable: T1!B2: คะแนน 'ดี' ไม่ใช่ตัวเลข
    """
    try:
        value = parse_number(text)
    except ValueError:
        raise NotThatTable(f"{where}: คะแนน {text!r} ไม่ใช่ตัวเลข") from None
    if not isinstance(value, Decimal | int) or not 0 <= value <= 100:
        raise NotThatTable(f"{where}: คะแนน {text!r} ไม่อยู่ระหว่าง 0–100")
    return text


def _strip_marker(lines: list[str]) -> list[str] | None:
    """Responsible units written one a line, each after a marker ("-กองคลัง"): without the marker."""
    if len(lines) <= 1:
        return lines
    for marker in ("-",):
        if all(line.startswith(marker) for line in lines):
            return [line[len(marker):] for line in lines]
    return None


def measures_of(table: Table, shape: TableShape) -> tuple[list[dict[str, Any]], list[dict[str, Any]], str]:
    """The measures of a measures table, its columns (keys, headings, widths) and the number format.

    Raises :class:`NotThatTable` when a row does not fit (a group row over every column,
    a title over several paragraphs, numbers written two ways …).
    """
    keys: list[str] = []
    used: set[str] = set()
    has_number = any(c.field == "number" for c in shape.columns)
    measure_fields = {"measure", "number", "method", "responsible", "period", "followup", "result", "suggestion"}
    for index, column in enumerate(shape.columns):
        key = column.field
        if key == "measure" and has_number:
            key = "title"
        if key is None or key in used or key not in measure_fields:
            base = key if key is not None and key not in measure_fields else f"column_{index + 1}"
            key = base if base not in used else f"{base}_{index + 1}"
        used.add(key)
        keys.append(key)
    columns = column_data(shape, keys)
    extra_keys = {k for k in keys if k not in measure_fields | {"title"}}
    measures: list[dict[str, Any]] = []
    formats: set[str] = set()
    for r, row in enumerate(shape.body):
        if _is_empty(row):
            continue
        if _spans_all(row):
            raise NotThatTable(f"แถวที่ {shape.header_rows + r + 1} เป็นแถวหัวกลุ่มที่คร่อมทุกคอลัมน์")
        measure: dict[str, Any] = {}
        extra: dict[str, list[str]] = {}
        title_cell = next((cell for key, cell in zip(keys, row) if key in ("measure", "title")), None)
        if measures and title_cell is not None and not title_cell.paragraphs:
            _continue_measure(measures[-1], keys, row, extra_keys)  # -- the measure's cell merged down --
            continue
        if measures and title_cell is not None and not has_number and "number" in measures[-1] \
                and not title_cell.covered and VOCABULARY.measure_number("\n".join(title_cell.paragraphs)) is None:
            # -- numbered measures, and a row without a number: the measure's row continued on the next page --
            measures[-1]["title"] += "\n" + "\n".join(title_cell.paragraphs)
            _continue_measure(measures[-1], keys, row, extra_keys)
            continue
        for key, cell in zip(keys, row):
            paragraphs = [] if cell.covered else list(cell.paragraphs)
            if key in ("measure", "title"):
                if not paragraphs:
                    raise NotThatTable(f"{cell.where or 'ช่องมาตรการ'}: ไม่มีชื่อมาตรการ")
                text = "\n".join(paragraphs)  # -- a title over several lines keeps them --
                if key == "measure":
                    number = VOCABULARY.measure_number(text)
                    if number is not None:
                        measure["number"], fmt, text = number
                        formats.add(fmt)
                    else:
                        formats.add("")
                measure["title"] = text
            elif key == "number":
                digits = to_arabic_digits(" ".join(paragraphs)).strip()
                match = re.fullmatch(r"(\d{1,3})(\.?)", digits)
                if not match:
                    raise NotThatTable(f"{cell.where}: ลำดับ {' '.join(paragraphs)!r} ไม่ใช่ตัวเลข")
                measure["number"] = int(match.group(1))
                formats.add("{n}" + match.group(2))
            elif key == "responsible":
                lines = _strip_marker(paragraphs)
                if lines is None:
                    raise NotThatTable(f"{cell.where}: ผู้รับผิดชอบหลายบรรทัดที่ไม่มีเครื่องหมาย -")
                measure["responsible"] = lines
            elif key == "period":
                if len(paragraphs) > 1:
                    raise NotThatTable(f"{cell.where}: ระยะเวลามีหลายย่อหน้า")
                measure["period"] = paragraphs[0] if paragraphs else ""
            elif key in extra_keys:
                extra[key] = paragraphs
            else:
                measure[key] = paragraphs
        if "title" not in measure or not measure["title"].strip():
            raise NotThatTable(f"แถวที่ {shape.header_rows + r + 1}: ไม่มีชื่อมาตรการ")
        if extra:
            measure["extra"] = extra
        measures.append(measure)
    if not measures:
        raise NotThatTable("ไม่มีแถวมาตรการ")
    if len(formats) > 1:
        raise NotThatTable(f"เลขลำดับมาตรการเขียนหลายแบบ ({', '.join(sorted(map(repr, formats)))})")
    numbers = [m.get("number") for m in measures]
    if len(set(numbers)) != len(numbers) and any(n is not None for n in numbers):
        raise NotThatTable("เลขลำดับมาตรการซ้ำกัน")
    fmt = formats.pop() if formats else ""
    return measures, columns, fmt


def _continue_measure(measure: dict[str, Any], keys: list[str], row: list[Cell], extra_keys: set[str]) -> None:
    """A row under a measure whose title cell is merged down (or left empty): its cells go on the measure's."""
    for key, cell in zip(keys, row):
        paragraphs = [] if cell.covered else list(cell.paragraphs)
        if not paragraphs or key in ("measure", "title", "number"):
            continue
        if key == "period":
            if measure.get("period"):
                raise NotThatTable(f"{cell.where}: มาตรการเดียวมีระยะเวลาหลายช่อง")
            measure["period"] = " ".join(paragraphs)
        elif key in extra_keys:
            measure.setdefault("extra", {}).setdefault(key, []).extend(paragraphs)
        else:
            measure.setdefault(key, []).extend(paragraphs)


_LEADING_NUMBER = re.compile(r"^(?:ตัวชี้วัดที่\s*)?[0-9๐-๙]{1,2}(?:\.[0-9๐-๙]{1,2})?\.?\s*")


def scores_of(table: Table, shape: TableShape) -> list[dict[str, Any]]:
    """Indicator scores of a score table: (tool, number, indicator, score) per row with a score."""
    index = {c.field: i for i, c in reversed(list(enumerate(shape.columns))) if c.field}
    out = []
    tool = None
    for row in shape.body:
        if _is_empty(row):
            continue
        if _spans_all(row):
            tool = " ".join(next(c for c in row if not c.covered).paragraphs)
            continue
        if "tool" in index and not row[index["tool"]].covered and row[index["tool"]].paragraphs:
            tool = " ".join(row[index["tool"]].paragraphs)
        indicator = " ".join(row[index["indicator"]].paragraphs).strip()
        score_text = " ".join(row[index["score"]].paragraphs).strip()
        if not indicator or not score_text:
            continue
        try:
            score = parse_number(score_text)
        except ValueError:
            continue
        if not isinstance(score, Decimal | int) or not 0 <= score <= 100:
            continue
        number = None
        leading = _LEADING_NUMBER.match(indicator)
        name = indicator[leading.end():] if leading and leading.end() < len(indicator) else indicator
        if "number" in index:
            digits = to_arabic_digits(" ".join(row[index["number"]].paragraphs)).strip().rstrip(".")
            number = int(digits) if digits.isdigit() else None
        out.append({"tool": tool, "number": number, "indicator": name, "score": str(score)})
    return out


_NUMBER_SPACE = re.compile(r"^([0-9๐-๙]{1,2})\s+(\S.*)$")


def analysis_of(table: Table, shape: TableShape) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The ``analysis`` groups of a plan's analysis table (indicator | score | issues, a row over
    every column naming each tool, or a tool column) and its columns.

    Raises :class:`NotThatTable` when a row does not fit.
    """
    fields = [c.field for c in shape.columns]
    if not {"indicator", "score", "issues"} <= set(fields) or \
            any(f not in ("indicator", "score", "issues", "tool", "number") for f in fields):
        raise NotThatTable("ไม่ใช่ตารางวิเคราะห์ (ตัวชี้วัด | คะแนน | ประเด็นที่ต้องแก้ไข)")
    if len(set(fields)) != len(fields):
        raise NotThatTable("ตารางวิเคราะห์มีคอลัมน์ซ้ำ")
    index = {f: i for i, f in enumerate(fields) if f}
    groups: list[dict[str, Any]] = []
    for r, row in enumerate(shape.body):
        if _is_empty(row):
            continue
        owners = [c for c in row if not c.covered and c.paragraphs]
        if _spans_all(row) or ("tool" not in index and len(owners) == 1 and owners[0] is row[0]
                               and not row[index["score"]].paragraphs):
            # -- a group row: merged over the row, or typed in its first cell with the others left empty --
            groups.append({"tool": " ".join(owners[0].paragraphs), "rows": []})
            continue
        if "tool" in index and not row[index["tool"]].covered and row[index["tool"]].paragraphs:
            tool = " ".join(row[index["tool"]].paragraphs)
            if not groups or groups[-1]["tool"] != tool:
                groups.append({"tool": tool, "rows": []})
        if not groups:
            raise NotThatTable(f"แถวที่ {shape.header_rows + r + 1}: ตัวชี้วัดก่อนแถวชื่อเครื่องมือ")
        cell = row[index["indicator"]]
        if cell.covered or len(cell.paragraphs) != 1:
            raise NotThatTable(f"{cell.where or 'ช่องตัวชี้วัด'}: ชื่อตัวชี้วัดต้องเป็นย่อหน้าเดียว")
        entry: dict[str, Any] = {"indicator": cell.paragraphs[0]}
        numbered = _NUMBER_SPACE.match(cell.paragraphs[0])
        if "number" in index:
            digits = to_arabic_digits(" ".join(row[index["number"]].paragraphs)).strip()
            if not digits.isdigit():
                raise NotThatTable(f"{row[index['number']].where}: ลำดับ {digits!r} ไม่ใช่ตัวเลข")
            entry["number"] = int(digits)
        elif numbered:
            entry["number"] = int(to_arabic_digits(numbered.group(1)))
            entry["indicator"] = numbered.group(2)
        score = " ".join(row[index["score"]].paragraphs).strip()
        if score:
            entry["score"] = checked_score(score, row[index["score"]].where)
        entry["issues"] = list(row[index["issues"]].paragraphs)
        groups[-1]["rows"].append(entry)
    if not groups or any(not g["rows"] for g in groups):
        raise NotThatTable("ตารางวิเคราะห์ไม่มีแถวตัวชี้วัด")
    return groups, column_data(shape)
