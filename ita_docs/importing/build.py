"""Put what the reader found into a document kind's data: its recognised parts, and
everything else as the kind's free sections in their order, so nothing is lost.

The data is checked by rendering it and reading the result back: a table whose
rendered text differs from the source's becomes a free table (the report says why),
and any text of the source that does not come back is a warning naming where it was.
"""
from __future__ import annotations

import io
import re
import warnings
import zipfile
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from ..errors import InputError, ItaDocsWarning, Location
from ..model import KINDS, DocumentBase
from ..thai import to_arabic_digits
from .reader import (
    PageBreak,
    Paragraph,
    SourceDocument,
    Table,
    document_lines,
    read_docx_bytes,
    squeeze,
)
from .analysis import indicators_of, topic_of
from .annual import strengths_of, year_comparison_of
from .parts import Segment, segments_of
from .recognise import digits_of, fiscal_year_of, organisation_of, previous_sentence
from .report import ImportReport, TableNote
from .tables import (
    analysis_of,
    NotThatTable,
    TableShape,
    free_table,
    measures_of,
    scores_of,
    shape_of,
)
from .vocabulary import VOCABULARY

__all__ = ["IMPORTED_KINDS", "build_document"]

#: The kinds a Word file is imported as.
IMPORTED_KINDS = ("measures_plan", "progress_report", "analysis_report", "annual_report", "combined")

#: Paragraph styles (by name, lower case, no spaces) and the free block each becomes.
_STYLES: dict[str, tuple[str, Any]] = {
    "title": ("paragraphs", "title"),
    "subtitle": ("paragraphs", "subtitle"),
    "covertitle": ("paragraphs", "cover"),
    "centered": ("paragraphs", "centered"),
    "right": ("paragraphs", "right"),
    "plaintext": ("paragraphs", "plain"),
    "signature": ("paragraphs", "signature"),
    "signaturedate": ("paragraphs", "right"),
    "heading1": ("heading", 1),
    "heading2": ("heading", 2),
    "heading3": ("heading", 3),
    "heading4": ("heading", 3),
}
_ALIGNS = {"center": "centered", "right": "right", "end": "right"}
#: How many paragraphs from the top the title lines may be.
_TITLE_LINES = 12


@dataclass
class _Plan:
    """Which tables are imported as what; the rest are free tables."""

    free: dict[int, str] = field(default_factory=dict)  # table index → why it stays free
    #: Texts left out on purpose: the header of a table continued after a page break, typed again.
    dropped: list[str] = field(default_factory=list)


def _paragraph_block(paragraph: Paragraph) -> tuple[str, Any]:
    style = _STYLES.get(paragraph.style)
    if style is not None:
        return style
    if paragraph.origin == "header":
        return "paragraphs", "plain"
    align = _ALIGNS.get(paragraph.align)
    if align:
        return "paragraphs", align
    return "paragraphs", "body"


class _Sections:
    """Free blocks in order, consecutive paragraphs of one style in one block."""

    def __init__(self) -> None:
        self.blocks: list[dict[str, Any]] = []

    def paragraph(self, paragraph: Paragraph) -> None:
        kind, value = _paragraph_block(paragraph)
        lines = [line for line in paragraph.lines]
        if not lines:
            return
        if kind == "heading":
            for line in lines:
                self.blocks.append({"heading": line, "level": value})
            return
        last = self.blocks[-1] if self.blocks else None
        if last is not None and "paragraphs" in last and last.get("style", "body") == value:
            last["paragraphs"].extend(lines)
        else:
            block: dict[str, Any] = {"paragraphs": list(lines)}
            if value != "body":
                block["style"] = value
            self.blocks.append(block)

    def page_break(self) -> None:
        if self.blocks and "page_break" not in self.blocks[-1]:
            self.blocks.append({"page_break": True})


def _title_lines(source: SourceDocument) -> list[str]:
    lines: list[str] = []
    for item in source.items:
        if isinstance(item, Table):
            if lines:
                break
            continue
        if isinstance(item, Paragraph) and item.origin in ("body", "textbox"):
            # -- a title typed in a text box is a title too (its paragraphs follow their anchor) --
            lines.extend(squeeze(line) for line in item.lines)
        if len(lines) >= _TITLE_LINES:
            break
    return lines


def _all_texts(source: SourceDocument) -> list[str]:
    return document_lines(source)


def _kind(source: SourceDocument, shapes: dict[int, TableShape], title: list[str]) -> tuple[str, str]:
    found = VOCABULARY.kind_of_title(title)
    lines = {"".join(line.split()) for line in document_lines(source)}
    book = [word for word in VOCABULARY.data["kinds"]["annual_report"] if word in lines]
    if book:
        return "annual_report", f"มีหัวข้อ {book[0]!r} อย่างหนังสือรายงาน"
    has_results = any(s.kind == "measures" and any(c.field in ("result", "suggestion") for c in s.columns)
                      for s in shapes.values())
    has_measures = any(s.kind == "measures" for s in shapes.values())
    if found is not None:
        kind, word = found
        if kind == "measures_plan" and has_results:
            return "progress_report", f"หัวเรื่องมีคำว่า {word!r} และตารางมีคอลัมน์ผลการดำเนินการ"
        return kind, f"หัวเรื่องมีคำว่า {word!r}"
    if has_results:
        return "progress_report", "ตารางมาตรการมีคอลัมน์ผลการดำเนินการ"
    if has_measures:
        return "measures_plan", "มีตารางมาตรการ"
    return "analysis_report", "ไม่พบคำที่บอกชนิดเอกสาร นำเข้าเป็นข้อความอิสระทั้งหมด"


def _indicators(shapes: dict[int, TableShape], tables: dict[int, Table], year: int) -> tuple[int, list[dict[str, Any]]] | None:
    """The first score table whose every indicator the year's framework knows: its index and scores."""
    from ..framework import load_framework

    try:
        framework = load_framework(year)
    except Exception:  # noqa: BLE001 - a year without a framework file: no scores to check against
        return None
    for index, shape in shapes.items():
        if shape.kind != "scores":
            continue
        rows = scores_of(tables[index], shape)
        if not rows:
            continue
        if all(_known(framework, row["indicator"]) for row in rows):
            return index, rows
    return None


def _known(framework: Any, name: str) -> bool:
    """Whether *framework* knows an indicator by *name* (or one of its variants)."""
    try:
        framework.indicator(name)
    except InputError:
        return False
    return True


def _assemble(source: SourceDocument, kind: str, plan: _Plan, report: ImportReport,
              base: dict[str, Any]) -> dict[str, Any]:
    """The data of *kind*: the free sections in order, the tables *plan* does not keep free as parts."""
    sections = _Sections()
    data = dict(base)
    tables = [item for item in source.items if isinstance(item, Table)]
    shapes = {i: shape_of(t) for i, t in enumerate(tables)}
    report.tables = []
    report.free = []
    measure_tables: list[dict[str, Any]] = []
    group_open = False
    group_end = 0  # -- len(sections.blocks) after the group's last table --
    table_index = -1
    compared = False  # -- a year comparison read as data: strengths lists may follow --
    topics = _Topics()
    skip = 0
    for position, item in enumerate(source.items):
        if skip:
            skip -= 1
            continue
        if isinstance(item, Paragraph) and compared and kind == "annual_report":
            run = []
            for following in source.items[position:]:
                if not isinstance(following, Paragraph):
                    break
                run.append(following)
            found = strengths_of(run)
            if found is not None:
                block, used = found
                sections.blocks.append(block)
                report.recognised.append(f"จุดแข็งจุดอ่อน (strengths) จาก{item.where or 'ย่อหน้า'} ({used} ย่อหน้า)")
                skip = used - 1
                continue
        if isinstance(item, Paragraph):
            before = len(sections.blocks)
            sections.paragraph(item)
            if len(sections.blocks) > before or (item.lines and sections.blocks):
                report.free.append(f"{item.where}: {squeeze(item.text)[:40]}")
            continue
        if isinstance(item, PageBreak):
            sections.page_break()
            continue
        table_index += 1
        shape = shapes[table_index]
        note = TableNote(item.where, "ตารางอิสระ", [(c.heading, c.field, c.variant) for c in shape.columns],
                         joined=list(item.joined))
        report.tables.append(note)
        if not item.rows:
            note.became = "ตารางว่าง (ไม่มีข้อความ)"
            continue
        why = plan.free.get(table_index)
        if kind == "annual_report" and why is None:
            comparison = year_comparison_of(item)
            if comparison is not None:
                sections.blocks.append(comparison)
                compared = True
                note.became = "ตารางเปรียบเทียบคะแนน (year_comparison)"
                continue
            if shape.kind == "measures":
                try:
                    measures, columns, fmt = measures_of(item, shape)
                except NotThatTable as exc:
                    why = plan.free[table_index] = str(exc)
                else:
                    own: dict[str, Any] = {"columns": columns, "number_format": fmt, "measures": measures}
                    own.update(_take_heading_and_intro(sections.blocks))
                    sections.blocks.append({"measures_table": own})
                    note.became = "ตารางมาตรการ (measures_table)"
                    continue
        if kind == "analysis_report" and why is None:
            became = _analysis_table(item, shape, data, sections, topics)
            if became is not None:
                note.became = became
                continue
        if kind == "measures_plan" and why is None and "analysis" not in data and \
                {"indicator", "score", "issues"} <= {c.field for c in shape.columns}:
            try:
                groups, columns = analysis_of(item, shape)
            except NotThatTable as exc:
                why = plan.free[table_index] = str(exc)
            else:
                data["analysis"] = groups
                sections.blocks.append({"analysis_table": {"columns": columns}})
                note.became = "ตารางวิเคราะห์ (analysis, sections: analysis_table)"
                continue
        if shape.kind == "measures" and why is None and kind in ("measures_plan", "progress_report"):
            try:
                measures, columns, fmt = measures_of(item, shape)
            except NotThatTable as exc:
                plan.free[table_index] = str(exc)
                why = str(exc)
            else:
                if kind == "measures_plan":
                    if "measures" in data:
                        why = plan.free[table_index] = "แผนมีตารางมาตรการได้ตารางเดียว"
                    else:
                        data["measures"] = measures
                        sections.blocks.append({"measures_table": {"columns": columns, "number_format": fmt}})
                        note.became = "ตารางมาตรการ (measures, sections: measures_table)"
                        continue
                else:
                    table: dict[str, Any] = {"columns": columns, "number_format": fmt, "measures": measures}
                    if not group_open and not measure_tables:
                        sections.blocks.append({"part": "tables"})
                        group_open = True
                    elif group_open:
                        between = sections.blocks[group_end:]
                        taken = _heading_and_intro(between)
                        if taken is None:
                            group_open = False
                            why = plan.free[table_index] = "มีเนื้อหาอื่นคั่นระหว่างตารางมาตรการ (ส่วน tables อยู่ที่เดียว)"
                        else:
                            del sections.blocks[group_end:]
                            table.update(taken)
                    else:
                        why = plan.free[table_index] = "มีเนื้อหาอื่นคั่นระหว่างตารางมาตรการ (ส่วน tables อยู่ที่เดียว)"
                    if why is None:
                        measure_tables.append(table)
                        group_end = len(sections.blocks)
                        note.became = f"ตารางมาตรการ tables[{len(measure_tables) - 1}]"
                        continue
        if why is not None:
            note.reason = why
        sections.blocks.append(free_table(item, shape))
    if kind == "progress_report":
        data["tables"] = measure_tables
    if kind == "annual_report":
        data["content"] = sections.blocks
    else:
        data["sections"] = sections.blocks
    plan.dropped = list(topics.dropped)
    return data


@dataclass
class _Topics:
    """The analysis report's topics read so far, and where their part ends in the free blocks."""

    end: int | None = None
    closed: bool = False
    #: Header texts of continued tables, typed again and not imported.
    dropped: list[str] = field(default_factory=list)


def _analysis_table(item: Table, shape: TableShape, data: dict[str, Any], sections: _Sections,
                    topics: _Topics) -> str | None:
    """An analysis report's indicator or topic table put into *data* (what it became), or None."""
    from ..presets import load_preset

    if "indicators" not in data:
        try:
            groups, columns = indicators_of(item, shape)
        except NotThatTable:
            pass
        else:
            data["indicators"], data["indicator_columns"] = groups, columns
            sections.blocks.append({"part": "indicators"})
            return "ตารางตัวชี้วัด (indicators, sections: part indicators)"
    if topics.closed:
        return None
    notes: list[str] = []
    try:
        topic = topic_of(item, shape, load_preset("analysis_report").question_prefix, notes)
    except NotThatTable:
        return None
    became = _topic_table(item, topic, data, sections, topics)
    if became is not None and notes:
        became += f"; {len(notes)} แถวอ่านตามหัวคอลัมน์ ({notes[0]}{' …' if len(notes) > 1 else ''})"
    return became


def _topic_table(item: Table, topic: dict[str, Any], data: dict[str, Any], sections: _Sections,
                 topics: _Topics) -> str | None:
    """*topic* (read from *item*) put into *data*: a topic of its own, or the last one continued; or None."""
    blocks = sections.blocks
    if topic["number"] is None:
        # -- the last topic's table continued after a page break, its header typed again --
        if topics.end is None or any("page_break" not in b for b in blocks[topics.end:]):
            return None
        last = data["topics"][-1]
        for tool in topic["tools"]:
            if last["tools"][-1]["tool"] == tool["tool"] and not tool["remark"]:
                last["tools"][-1]["questions"] += tool["questions"]
            else:
                last["tools"].append(tool)
        del blocks[topics.end:]
        header = [c["heading"] for c in topic["columns"]]
        topics.dropped.extend(header)
        return (f"ตารางข้อคำถาม topics[{len(data['topics']) - 1}] ต่อจากตารางก่อน "
                f"(หัวตารางที่พิมพ์ซ้ำไม่นำเข้า: {' | '.join(header)})")
    start = topics.end if topics.end is not None else len(blocks)
    between = [b for b in blocks[start:] if "page_break" not in b] if topics.end is not None else []
    heading = blocks[-1] if blocks else None
    if heading is not None and "heading" in heading:
        text = heading["heading"]
    elif heading is not None and "paragraphs" in heading and heading.get("style", "body") == "body" \
            and topics.end is None:
        text = heading["paragraphs"][-1]
        if len(heading["paragraphs"]) > 1:  # -- the heading typed as a body paragraph after others --
            heading["paragraphs"].pop()
            heading = {"paragraphs": [text]}
            blocks.append(heading)
    elif heading is not None and "paragraphs" in heading and len(heading["paragraphs"]) == 1 \
            and heading.get("style", "body") == "body":
        text = heading["paragraphs"][0]
    else:
        return None
    if topics.end is not None and (len(between) != 1 or between[0] is not heading):
        topics.closed = True  # -- other text between two topics: the topics part is in one place --
        return None
    blocks.pop()
    if topics.end is None:
        blocks.append({"part": "topics"})
        data["topics"] = []
    else:
        del blocks[topics.end:]
    data["topics"].append({"heading": text, **topic})
    topics.end = len(blocks)
    return f"ตารางข้อคำถาม topics[{len(data['topics']) - 1}]"


def _take_heading_and_intro(blocks: list[dict[str, Any]]) -> dict[str, Any]:
    """The heading (and the body paragraphs under it) just before a measures table of the
    annual report, taken off *blocks* as the table's own heading and introduction."""
    out: dict[str, Any] = {}
    tail = blocks[-2:] if len(blocks) >= 2 and "paragraphs" in blocks[-1] and \
        blocks[-1].get("style", "body") == "body" and "heading" in blocks[-2] else blocks[-1:]
    if not tail or "heading" not in tail[0]:
        return out
    out["heading"] = tail[0]["heading"]
    out["heading_level"] = tail[0]["level"]
    if len(tail) == 2:
        out["intro"] = tail[1]["paragraphs"]
    del blocks[-len(tail):]
    return out


def _heading_and_intro(blocks: list[dict[str, Any]]) -> dict[str, Any] | None:
    """Blocks between two measure tables as the second's heading and introduction, if they are only that."""
    out: dict[str, Any] = {}
    rest = [b for b in blocks if "page_break" not in b]
    if rest and "heading" in rest[0]:
        out["heading"] = rest[0]["heading"]
        out["heading_level"] = rest[0]["level"]
        rest = rest[1:]
    if len(rest) > 1:
        return None
    if rest:
        if "paragraphs" not in rest[0] or rest[0].get("style", "body") != "body":
            return None
        out["intro"] = rest[0]["paragraphs"]
    return out


def _validate(data: dict[str, Any]) -> DocumentBase:
    return KINDS[data["kind"]].from_data(data)


def _rendered(document: DocumentBase) -> SourceDocument:
    from ..rendering import render_bytes

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ItaDocsWarning)
        payload = render_bytes(document)
    with zipfile.ZipFile(io.BytesIO(payload)) as package:
        return read_docx_bytes({name: package.read(name) for name in package.namelist()})


def _shaped_lines(table: Table) -> list[str]:
    """A table's text: its columns' headings (one per column, however many header rows) and cells."""
    shape = shape_of(table)
    lines = [squeeze(c.heading) for c in shape.columns if c.heading.strip()]
    lines += [squeeze(p) for row in shape.body for cell in row if not cell.covered for p in cell.paragraphs]
    return [_number_as_held(to_arabic_digits(line)) for line in lines if line]


_PLAIN_NUMBER = re.compile(r"\d+(?:\.\d+)?")


def _number_as_held(line: str) -> str:
    """A cell that is only a number as the data holds it: a score typed "00.00" is held, and
    rendered, as 0.00 (leading zeros go; the digits after the point stay).

    >>> _number_as_held("00.00"), _number_as_held("95.50"), _number_as_held("ข้อ 1")
    ('0.00', '95.50', 'ข้อ 1')
    """
    return str(Decimal(line)) if _PLAIN_NUMBER.fullmatch(line) else line


def _table_lines(document: SourceDocument) -> list[Counter[str]]:
    return [Counter(_shaped_lines(item)) for item in document.items if isinstance(item, Table)]


def _texts(document: SourceDocument) -> Counter[str]:
    """Every text of *document* (digits as Arabic): paragraph lines and tables' headings and cells."""
    out: Counter[str] = Counter()
    for item in document.items:
        if isinstance(item, Paragraph):
            out.update(to_arabic_digits(squeeze(line)) for line in item.lines)
        elif isinstance(item, Table):
            out.update(_shaped_lines(item))
    return out


_LOST = "ข้อความนี้ไม่ถึงเอกสารที่สร้างจากข้อมูล"


def build_document(source: SourceDocument, *, kind: str | None, file: str,
                   render_check: bool = True) -> tuple[DocumentBase, ImportReport]:
    """The validated document *source* holds, and the report of how it was read."""
    if kind in (None, "combined"):
        segments = segments_of(source)
        if len(segments) > 1 and all(s.part is not None for s in segments[1:]):
            split = _split_document(source, segments, file=file, render_check=render_check)
            if split is not None:
                return split
    return _build_one(source, kind=kind, file=file, render_check=render_check)


def _split_document(source: SourceDocument, segments: list[Segment], *, file: str,
                    render_check: bool) -> tuple[DocumentBase, ImportReport] | None:
    """*source* as a ``combined`` document: the first run of pages as its first part, each
    other run (an OIT table, an order) as the part it reads as. None when text would be lost."""
    from ..io.writers import document_data

    first = SourceDocument(segments[0].items, source.ignored)
    document, report = _build_one(first, kind=None, file=file, render_check=render_check)
    data = document_data(document)
    parts = list(data["parts"]) if data["kind"] == "combined" else [data]
    for segment in segments[1:]:
        assert segment.part is not None
        parts.append(segment.part)
        for item in segment.items:
            if isinstance(item, Table):
                report.tables.append(TableNote(item.where, f"ตาราง OIT (parts[{len(parts) - 1}]: {segment.what})",
                                               [(h, f, None) for h, f in zip(
                                                   (c["heading"] for c in segment.part.get("columns", [])),
                                                   (c["key"] for c in segment.part.get("columns", [])))]))
        report.recognised.append(f"หน้าที่เริ่มด้วย {_first_text(segment.items)!r} เป็นส่วน "
                                 f"parts[{len(parts) - 1}] ({segment.what})")
    combined = _validate({"kind": "combined", **{k: data[k] for k in ("organisation", "digits", "fiscal_year")
                                                 if k in data}, "parts": parts})
    if render_check:
        lost = _texts(source) - _texts(_rendered(combined))
        if lost:
            return None
    report.kind = "combined"
    report.warnings = [w for w in report.warnings if not w.startswith(_LOST)]
    return combined, report


def _first_text(items: list[Any]) -> str:
    return next((squeeze(i.text)[:50] for i in items if isinstance(i, Paragraph) and i.text.strip()), "")


def _build_one(source: SourceDocument, *, kind: str | None, file: str,
               render_check: bool = True) -> tuple[DocumentBase, ImportReport]:
    """The validated document *source* holds (one kind, or one part and its free sections)."""
    report = ImportReport(source=file)
    report.ignored = list(source.ignored)
    title = _title_lines(source)
    texts = _all_texts(source)
    tables = {i: t for i, t in enumerate(item for item in source.items if isinstance(item, Table))}
    shapes = {i: shape_of(t) for i, t in tables.items()}
    if kind is not None and kind not in IMPORTED_KINDS:
        raise InputError(f"นำเข้าเป็นเอกสารชนิด {kind!r} ไม่ได้ (ที่นำเข้าได้: {', '.join(IMPORTED_KINDS)})",
                         location=Location(file))
    found_kind, reason = (kind, "ระบุด้วย --kind") if kind else _kind(source, shapes, title)
    # -- an order in the same file: a line that opens with คำสั่ง, and a line that appoints --
    opens = any("".join(t.split()).startswith("คำสั่ง") and len(t) < 80 for t in texts)
    orders = [w for w in VOCABULARY.data["kinds"]["committee_order"]
              if opens and any("".join(t.split()).startswith("เรื่อง" + "".join(w.split())) for t in texts)]
    combined = found_kind == "combined" or (kind is None and bool(orders) and found_kind != "committee_order")
    if found_kind == "combined":
        found_kind, reason = _kind(source, shapes, title)
        reason = f"ระบุด้วย --kind combined; ส่วนแรก: {reason}"
    elif combined:
        reason += f" และมีคำสั่ง ({orders[0]!r}) ในเอกสารเดียวกัน: เอกสารรวม (combined)"
    if found_kind not in IMPORTED_KINDS:
        report.warnings.append(f"เอกสารชนิด {found_kind} ยังนำเข้าเป็นข้อมูลเฉพาะชนิดไม่ได้ "
                               "นำเข้าเป็นรายงานการวิเคราะห์ (analysis_report) ที่มีแต่ข้อความอิสระ")
        reason += f" แต่ยังนำเข้าชนิด {found_kind} ไม่ได้"
        found_kind = "analysis_report"
    digits = digits_of(texts)
    org = organisation_of(title) or organisation_of(texts)
    year = fiscal_year_of(title) or fiscal_year_of(texts)
    if year is None:
        raise InputError("ไม่พบปีงบประมาณในหัวเรื่องของเอกสาร (เช่น ประจำปีงบประมาณ พ.ศ. ๒๕๖๖) "
                         "ให้เพิ่มบรรทัดนี้ในไฟล์ Word แล้วนำเข้าใหม่", location=Location(file))
    organisation: dict[str, Any]
    if org is None:
        organisation = {"name": "(ไม่พบชื่อหน่วยงาน)"}
        report.warnings.append("ไม่พบชื่อหน่วยงานในหัวเรื่อง: ใส่ organisation.name ในข้อมูลเอง")
    else:
        organisation = {"name": org.name, "type": org.type, "district": org.district, "province": org.province}
        organisation = {k: v for k, v in organisation.items() if v}
        report.recognised.append(f"หน่วยงาน {org.full_name if hasattr(org, 'full_name') else org.name} จาก {org.line!r}")
    report.recognised.append(f"ปีงบประมาณ {year[0]} จาก {year[1]!r}")
    base: dict[str, Any] = {"kind": found_kind, "digits": digits, "fiscal_year": year[0], "organisation": organisation}
    if found_kind == "measures_plan":
        scores = _indicators(shapes, tables, year[0] - 1)
        sentence = previous_sentence(texts)
        if scores is None or not any(s.kind == "measures" for s in shapes.values()):
            missing = "ตารางคะแนนตัวชี้วัดที่ตรงกับกรอบการประเมิน" if scores is None else "ตารางมาตรการ"
            report.warnings.append(f"ไม่พบ{missing} จึงนำเข้าเป็น "
                                   f"{'progress_report' if scores is not None or any(s.kind == 'measures' for s in shapes.values()) else 'analysis_report'}")
            found_kind = "progress_report" if any(s.kind == "measures" for s in shapes.values()) else "analysis_report"
            base["kind"] = found_kind
        else:
            index, rows = scores
            previous: dict[str, Any] = {"fiscal_year": year[0] - 1,
                                        "indicators": [{"indicator": r["indicator"], "score": r["score"]} for r in rows]}
            report.recognised.append(f"คะแนนตัวชี้วัดปี {year[0] - 1} จาก{tables[index].where} ({len(rows)} ตัวชี้วัด)")
            if sentence is not None:
                previous["total_score"] = str(sentence.total)
                if sentence.level:
                    previous["level"] = sentence.level
                report.recognised.append(f"ผลปีก่อน {sentence.total} ระดับ {sentence.level or '-'} จาก {sentence.text[:60]!r}")
            base["previous_result"] = previous
    report.kind, report.kind_reason = found_kind, reason
    report.organisation = organisation["name"]
    report.fiscal_year = year[0]
    report.digits = digits
    plan = _Plan()
    document = _fit(source, found_kind, plan, report, base)
    if render_check:
        for _ in range(len(tables) + 1):
            rendered = _rendered(document)
            got, want = _table_lines(rendered), _table_lines(source)
            wrong = [i for i, (a, b) in enumerate(zip(want, got)) if a != b and i not in plan.free]
            if len(got) != len(want) or not wrong:
                break
            for i in wrong:
                plan.free[i] = "ข้อความที่สร้างจากข้อมูลไม่ตรงกับตารางเดิม"
            document = _fit(source, found_kind, plan, report, base)
        lost = _texts(source) - _texts(_rendered(document)) - Counter(
            to_arabic_digits(squeeze(text)) for text in plan.dropped)
        report.ignored += [f"หัวตารางที่พิมพ์ซ้ำในตารางต่อหน้า: {text!r}" for text in plan.dropped]
        for text in lost:
            report.warnings.append(f"{_LOST}: {text[:80]!r}")
    if combined and getattr(document, "kind", None) in ("progress_report", "analysis_report"):
        from ..io.writers import document_data

        part = document_data(document)
        document = _validate({"kind": "combined", **{k: part[k] for k in ("organisation", "digits", "fiscal_year")
                                                     if k in part}, "parts": [part]})
        report.kind = "combined"
        report.recognised.append(f"ทั้งเอกสารเป็นส่วนเดียว (parts[0]: {part['kind']}); "
                                 "คำสั่งและตารางอื่นอยู่ในส่วนนั้นเป็นข้อความอิสระ")
    return document, report


def _fit(source: SourceDocument, kind: str, plan: _Plan, report: ImportReport,
         base: dict[str, Any]) -> DocumentBase:
    """The validated data of *kind*; a kind whose required parts are missing falls back to free sections."""
    data = _assemble(source, kind, plan, report, base)
    if kind == "progress_report" and not data.get("tables"):
        report.warnings.append("ไม่มีตารางมาตรการที่นำเข้าได้ จึงนำเข้าเป็น analysis_report ที่มีแต่ข้อความอิสระ")
        fallback = {k: v for k, v in base.items() if k != "previous_result"}
        fallback["kind"] = report.kind = "analysis_report"
        data = _assemble(source, "analysis_report", plan, report, fallback)
    if kind == "measures_plan" and "measures" not in data:
        report.warnings.append("ตารางมาตรการนำเข้าเป็นมาตรการไม่ได้ จึงนำเข้าเป็น analysis_report ที่มีแต่ข้อความอิสระ")
        fallback = {k: v for k, v in base.items() if k != "previous_result"}
        fallback["kind"] = report.kind = "analysis_report"
        data = _assemble(source, "analysis_report", plan, report, fallback)
    return _validate(data)


