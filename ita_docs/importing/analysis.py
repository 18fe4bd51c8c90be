"""The analysis report's own tables, read back as data: the indicator table (tool | number |
indicator | score, the tool's cell over its rows) and each topic's table of questions
(number | title | tool | question | score | remark, number and title over the topic's
rows, tool and remark over the tool's).

A column's field comes from the vocabulary (``columns`` and, for the topic tables,
``topic_columns``); a table whose columns or rows do not fit raises
:class:`~ita_docs.importing.tables.NotThatTable` and stays a free table.
"""
from __future__ import annotations

from decimal import Decimal
from typing import Any

from ..thai import parse_number, to_arabic_digits
from .reader import Cell, Table, squeeze
from .tables import NotThatTable, TableShape, checked_score, column_data
from .vocabulary import VOCABULARY, heading_key

__all__ = ["indicators_of", "topic_of"]

_INDICATOR_FIELDS = ("tool", "number", "indicator", "score")
_TOPIC_FIELDS = ("number", "title", "tool", "question", "score", "remark")


def _text(cell: Cell) -> str:
    return "" if cell.covered else squeeze(" ".join(cell.paragraphs))


def _score(cell: Cell) -> str:
    return checked_score(_text(cell), cell.where or "ช่องคะแนน")


def indicators_of(table: Table, shape: TableShape) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The ``indicators`` groups (per tool) of an analysis report's indicator table, and its columns."""
    fields = [c.field for c in shape.columns]
    if sorted(f or "" for f in fields) != sorted(_INDICATOR_FIELDS):
        raise NotThatTable("ไม่ใช่ตารางตัวชี้วัด (แบบ | ลำดับ | ตัวชี้วัด | คะแนน)")
    index = {f: i for i, f in enumerate(fields) if f}
    groups: list[dict[str, Any]] = []
    for row in shape.body:
        if not any(_text(c) for c in row):
            continue
        tool = _text(row[index["tool"]])
        if tool and (not groups or groups[-1]["tool"] != tool):
            groups.append({"tool": tool, "indicators": []})
        elif not groups:
            raise NotThatTable(f"{row[index['tool']].where or 'ช่องแบบ'}: ตัวชี้วัดก่อนชื่อเครื่องมือ")
        number = to_arabic_digits(_text(row[index["number"]])).rstrip(".")
        if not number.isdigit() or int(number) < 1:
            raise NotThatTable(f"{row[index['number']].where or 'ช่องลำดับ'}: ลำดับ {number!r} ไม่ใช่ตัวเลข")
        if _text(row[index["number"]]) != str(int(number)) and \
                to_arabic_digits(_text(row[index["number"]])) != str(int(number)):
            raise NotThatTable(f"{row[index['number']].where or 'ช่องลำดับ'}: ลำดับเขียนต่างจากที่สร้างได้")
        indicator = _text(row[index["indicator"]])
        if not indicator:
            raise NotThatTable(f"{row[index['indicator']].where or 'ช่องตัวชี้วัด'}: ไม่มีชื่อตัวชี้วัด")
        groups[-1]["indicators"].append({"number": int(number), "indicator": indicator,
                                         "score": _score(row[index["score"]])})
    if not groups:
        raise NotThatTable("ตารางตัวชี้วัดไม่มีแถว")
    return groups, column_data(shape, [f or "" for f in fields])


def _topic_field(heading: str) -> str | None:
    key = heading_key(heading)
    for field, variants in VOCABULARY.data["topic_columns"].items():
        if any(key == heading_key(v) or (len(heading_key(v)) >= 6 and key.startswith(heading_key(v)))
               for v in variants):
            return str(field)
    match = VOCABULARY.column(heading)
    return match[0] if match and match[0] in ("number", "tool", "score") else None


def _is_score(text: str) -> bool:
    try:
        value = parse_number(text)
    except ValueError:
        return False
    return isinstance(value, Decimal | int) and 0 <= value <= 100


def _aligned(row: list[Cell], index: dict[str, int], prefix: str, notes: list[str] | None) -> list[Cell]:
    """*row* with its question and score under their headings when they came out of line (typed,
    or cut over the page, under other columns: "ข้อ o2" under the title, its score under the
    question) and the row holds nothing else; any other row as it is."""
    question, score = row[index["question"]], row[index["score"]]
    if _text(question).startswith(prefix.strip()) and _text(score):
        return row
    typed = [c for c in row if _text(c)]
    if len(typed) != 2 or typed == [question, score] or not _text(typed[0]).startswith(prefix.strip()) \
            or not _text(typed[0])[len(prefix.strip()):].strip() or not _is_score(_text(typed[1])):
        return row
    out = [Cell([], covered=c.covered, where=c.where) for c in row]
    out[index["question"]], out[index["score"]] = typed
    if notes is not None:
        notes.append(f"{typed[0].where or 'แถว'}: ข้อคำถาม {_text(typed[0])!r} และคะแนน {_text(typed[1])!r} "
                     "อยู่ผิดคอลัมน์ อ่านตามหัวคอลัมน์")
    return out


def topic_of(table: Table, shape: TableShape, prefix: str, notes: list[str] | None = None) -> dict[str, Any]:
    """A ``topics`` entry (without its heading) of an analysis report's question table: its number,
    title, columns and questions by tool (*prefix*: the question cells' word before the code).
    A table without number and title (the topic's table continued on the next page under a
    header typed again) has them None. A row whose question and score came out of line is read
    by its headings (and said in *notes*)."""
    fields = [_topic_field(c.heading) for c in shape.columns]
    if sorted(f or "" for f in fields) != sorted(_TOPIC_FIELDS):
        raise NotThatTable("ไม่ใช่ตารางข้อคำถาม (ลำดับ | หัวข้อ | เครื่องมือ | ข้อคำถาม | คะแนน | ข้อบกพร่อง)")
    index = {f: i for i, f in enumerate(fields) if f}
    number = title = None
    tools: list[dict[str, Any]] = []
    for row in shape.body:
        if not any(_text(c) for c in row):
            continue
        row = _aligned(row, index, prefix, notes)
        for field in ("number", "title"):
            text = _text(row[index[field]])
            if not text:
                continue
            if field == "number":
                if number is not None and text != number:
                    raise NotThatTable(f"{row[index[field]].where or 'ช่องลำดับ'}: หนึ่งตารางมีหลายหัวข้อ")
                number = text
            else:
                if title is not None and text != title:
                    raise NotThatTable(f"{row[index[field]].where or 'ช่องหัวข้อ'}: หนึ่งตารางมีหลายหัวข้อ")
                title = text
        tool = _text(row[index["tool"]])
        if tool and (not tools or tools[-1]["tool"] != tool):
            tools.append({"tool": tool, "questions": [], "remark": []})
        elif not tools:
            raise NotThatTable(f"{row[index['tool']].where or 'ช่องเครื่องมือ'}: ข้อคำถามก่อนชื่อเครื่องมือ")
        remark_cell = row[index["remark"]]
        remark = [] if remark_cell.covered else list(remark_cell.paragraphs)
        if remark:
            if tools[-1]["remark"] and tools[-1]["remark"] != remark:
                raise NotThatTable(f"{remark_cell.where or 'ช่องข้อบกพร่อง'}: เครื่องมือเดียวมีข้อบกพร่องหลายช่อง")
            tools[-1]["remark"] = remark
        question = _text(row[index["question"]])
        if not question.startswith(prefix.strip()) or not question[len(prefix.strip()):].strip():
            raise NotThatTable(f"{row[index['question']].where or 'ช่องข้อคำถาม'}: "
                               f"ข้อคำถาม {question!r} ไม่ขึ้นต้นด้วย {prefix.strip()!r}")
        tools[-1]["questions"].append({"code": question[len(prefix.strip()):].strip(),
                                       "score": _score(row[index["score"]])})
    if not tools:
        raise NotThatTable("ตารางข้อคำถามไม่มีข้อคำถาม")
    if (number is None) != (title is None):
        raise NotThatTable("ตารางข้อคำถามมีลำดับหรือหัวข้ออย่างใดอย่างหนึ่ง")
    return {"number": number, "title": title, "columns": column_data(shape, [f or "" for f in fields]),
            "tools": tools}
