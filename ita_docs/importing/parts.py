"""A Word file holding more than one document (a progress report, then the committee order,
then the OIT table, each from a new page) read as the parts of a ``combined`` document.

The file is cut at its page breaks; a page run that is an OIT table (codes O1 … in its
first column, under its title lines) becomes an ``oit_assignments`` part, a run that opens
with an order's heading (คำสั่ง …, ที่ …, เรื่อง …) and ends with its signature a
``committee_order`` part. What does not read as such a part stays with the part before
it, as its free sections, so nothing of the source is lost.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from .reader import PageBreak, Paragraph, SourceDocument, Table, squeeze
from .vocabulary import VOCABULARY

__all__ = ["Segment", "oit_part", "order_part", "segments_of"]

_CODE = re.compile(r"^[OoОо0๐]\s*[0-9๐-๙]{1,2}$")


@dataclass
class Segment:
    """A run of pages: its items (the page breaks before it left out) and the part it reads as."""

    items: list[Any]
    part: dict[str, Any] | None = None
    what: str = ""


def _pages(source: SourceDocument) -> list[list[Any]]:
    pages: list[list[Any]] = [[]]
    for item in source.items:
        if isinstance(item, PageBreak):
            pages.append([])
        else:
            pages[-1].append(item)
    return pages


def _texts(items: list[Any]) -> list[str]:
    return [squeeze(line) for item in items if isinstance(item, Paragraph) for line in item.lines]


def oit_part(items: list[Any]) -> dict[str, Any] | None:
    """*items* (title lines, then one table of OIT codes) as an ``oit_assignments`` part, or None."""
    tables = [i for i in items if isinstance(i, Table)]
    if len(tables) != 1 or not isinstance(items[-1], Table):
        return None
    table = tables[0]
    if table.columns != 3 or len(table.rows) < 3:
        return None
    head = [squeeze(" ".join(c.paragraphs)) for c in table.rows[0]]
    fields = [VOCABULARY.oit_column(h) for h in head]
    if fields != ["code", "title", "responsible"]:
        return None
    rows = []
    for row in table.rows[1:]:
        if any(c.covered or c.span != 1 for c in row):
            return None
        code, title, responsible = (list(c.paragraphs) for c in row)
        if not code and not title and not responsible:
            continue
        if len(code) != 1 or not _CODE.match(code[0].strip()) or len(title) != 1:
            return None
        rows.append({"code": code[0].strip(), "title": title[0], "responsible": responsible})
    if not rows:
        return None
    part: dict[str, Any] = {"kind": "oit_assignments", "title": _texts(items[:-1]), "items": rows}
    columns: list[dict[str, Any]] = [{"key": f, "heading": h} for f, h in zip(fields, head)]
    widths = table.widths_cm
    if all(w is not None and 0.2 <= w <= 30 for w in widths):
        for column, width in zip(columns, widths):
            column["width_cm"] = width
    part["columns"] = columns
    return part


def order_part(items: list[Any]) -> dict[str, Any] | None:  # noqa: ARG001 - not read as data yet
    """*items* as a ``committee_order`` part: not read as data yet (stays free text)."""
    return None


def _is_order(items: list[Any]) -> bool:
    texts = [t for t in _texts(items) if t]
    return bool(texts) and "".join(texts[0].split()).startswith("คำสั่ง") and any(
        "".join(t.split()).startswith("เรื่อง") for t in texts[:6])


def segments_of(source: SourceDocument) -> list[Segment]:
    """The runs of pages of *source*: the first part's, then each OIT table or order that reads
    as a part of its own (an order or a table that does not stays in the run before it)."""
    segments: list[Segment] = []
    for page in _pages(source):
        body = [i for i in page if not (isinstance(i, Paragraph) and not i.text.strip())]
        part = what = None
        if segments and body:
            part = oit_part(body)
            what = "oit_assignments" if part is not None else None
            if part is None and _is_order(body):
                part = order_part(body)
                what = "committee_order" if part is not None else None
        if part is not None and what is not None:
            segments.append(Segment(page, part, what))
        elif segments and segments[-1].part is None:
            segments[-1].items += [PageBreak(), *page]
        else:
            segments.append(Segment(page))
    return segments
