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

from ..model.committee_order import MEMBER_KEYS
from ..thai import to_arabic_digits
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


_MEMBER = re.compile(r"^(\d{1,3})\)\s*(?P<name>[^\t]+?)\s*\t\s*ตำแหน่ง\s*(?P<position>[^\t]+?)\s*\t\s*(?P<role>.+)$")
_DUTY = re.compile(r"^(\d{1,2})\)\s*(?P<text>.+)$")
_SUB_DUTY = re.compile(r"^(\d{1,2})\.(\d{1,2})\s+(?P<text>.+)$")


def _table_members(table: Table) -> tuple[list[str], list[dict[str, Any]] | None] | None:
    """An order's member table (a row each: "๑) name", "ตำแหน่ง position", role) as the member
    lines of the ``lines`` layout, and its columns if its first row has headings (None when
    that row is empty, as the preset's columns); None when *table* is not one."""
    if table.columns != len(MEMBER_KEYS) or len(table.rows) < 2:
        return None
    if any(c.covered or c.span != 1 or len(c.paragraphs) > 1 for row in table.rows for c in row):
        return None
    head, *rows = [[squeeze(" ".join(c.paragraphs)) for c in row] for row in table.rows]
    if _MEMBER.match(to_arabic_digits("\t".join(head))):
        head, rows = ["", "", ""], [head, *rows]  # -- no heading row: the first member's --
    lines = ["\t".join(row) for row in rows]
    if not all(_MEMBER.match(to_arabic_digits(line)) for line in lines):
        return None
    if not any(head):
        return lines, None
    columns: list[dict[str, Any]] = [{"key": k, "heading": h} for k, h in zip(MEMBER_KEYS, head)]
    if all(w is not None and 0.2 <= w <= 30 for w in table.widths_cm):
        for column, width in zip(columns, table.widths_cm):
            column["width_cm"] = width
    return lines, columns


def _centered(paragraph: Paragraph) -> bool:
    return paragraph.style in ("centered", "title") or paragraph.align == "center"


def order_part(items: list[Any]) -> dict[str, Any] | None:
    """*items* (an order's page: คำสั่ง …, ที่ …, เรื่อง …, preamble, members, duties,
    closing, signature) as a ``committee_order`` part, or None when a paragraph does not fit."""
    from ..presets import load_preset
    from ..thai import parse_date

    preset = load_preset("committee_order")
    paragraphs = [i for i in items if isinstance(i, Paragraph) and i.text.strip()]
    tables = [(at, i) for at, i in enumerate(items) if isinstance(i, Table)]
    # -- the members may be the rows of one table (member_layout: table) between the paragraphs --
    table_members = _table_members(tables[0][1]) if len(tables) == 1 else None
    if table_members is not None:
        table_at = tables[0][0]
        member_lines, table_columns = table_members
        items = [*items[:table_at], *(Paragraph(line) for line in member_lines), *items[table_at + 1:]]
        paragraphs = [i for i in items if isinstance(i, Paragraph) and i.text.strip()]
    if len(paragraphs) != len(items) or len(paragraphs) < 8:
        return None
    texts = ["\t".join(squeeze(piece) for piece in p.text.split("\t")) for p in paragraphs]
    plain = [to_arabic_digits(squeeze(p.text)) for p in paragraphs]
    part: dict[str, Any] = {"kind": "committee_order", "issuer": texts[0]}
    at = 1
    if not plain[at].startswith(preset.number_prefix.strip()):
        return None
    part["number"] = squeeze(texts[at][len(preset.number_prefix.strip()):])
    at += 1
    subject_prefix = preset.subject_prefix.strip()
    if not plain[at].startswith(subject_prefix):
        return None
    subject = [squeeze(texts[at][len(subject_prefix):])]
    at += 1
    while at < len(paragraphs) and _centered(paragraphs[at]):
        subject.append(texts[at])
        at += 1
    part["subject"] = subject
    preamble = []
    while at < len(paragraphs) and not _MEMBER.match(to_arabic_digits(texts[at])):
        preamble.append(texts[at])
        at += 1
    part["preamble"] = preamble
    members: list[dict[str, str]] = []
    while at < len(paragraphs) and (found := _MEMBER.match(to_arabic_digits(texts[at]))):
        if int(found.group(1)) != len(members) + 1:
            return None
        members.append({k: squeeze(texts[at].split("\t")[i] if k != "name" else
                                   texts[at].split("\t")[0].split(")", 1)[1])
                        for i, k in enumerate(("name", "position", "role"))})
        members[-1]["position"] = squeeze(members[-1]["position"].removeprefix(preset.member_position_prefix.strip()))
        at += 1
    if not members:
        return None
    part["members"] = members
    if table_members is not None:
        if table_columns is None:
            part["member_layout"] = "table"
        else:
            part["member_columns"] = table_columns
    # -- the signature: the last four lines (สั่ง ณ วันที่ …, a blank, (name), position) --
    signature = [i for i, p in enumerate(paragraphs) if plain[i].startswith(preset.signed_prefix.strip())]
    if len(signature) != 1 or signature[0] != len(paragraphs) - 3:
        return None
    end = signature[0]
    try:
        part["signed_on"] = parse_date(squeeze(texts[end][len(preset.signed_prefix.strip()):])).isoformat()
    except ValueError:
        return None
    name = texts[end + 1]
    if not (name.startswith("(") and name.endswith(")")):
        return None
    part["signer"] = {"name": squeeze(name[1:-1]), "position": texts[end + 2]}
    rest = list(range(at, end))
    if rest and _DUTY.match(to_arabic_digits(texts[rest[-1]])) is None:
        part["closing"] = texts[rest.pop()]
    if rest and _DUTY.match(to_arabic_digits(texts[rest[0]])) is None:
        part["duties_intro"] = texts[rest.pop(0)]
    duties: list[dict[str, Any]] = []
    for i in rest:
        line = to_arabic_digits(texts[i])
        sub = _SUB_DUTY.match(line)
        if sub and duties and int(sub.group(1)) == len(duties) and int(sub.group(2)) == len(duties[-1]["items"]) + 1:
            duties[-1]["items"].append(texts[i].split(None, 1)[1])
            continue
        duty = _DUTY.match(line)
        if duty is None or int(duty.group(1)) != len(duties) + 1:
            return None
        duties.append({"text": squeeze(texts[i].split(")", 1)[1]), "items": []})
    part["duties"] = [d if d["items"] else d["text"] for d in duties]
    return part


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
