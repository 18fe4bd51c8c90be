"""Read a .docx into an ordered list of paragraphs and tables, as a clerk sees them.

What Word keeps apart comes together here: text boxes (``w:txbxContent``, once, not
again from their VML fallback) become paragraphs after the paragraph that anchors them;
content controls (``w:sdt``) are read through; a page break is an item of its own; a
table's merged cells are resolved (a horizontal merge is one cell over its columns, the
cells under a vertical merge are marked as covered, so no text appears twice); a table
inside a cell gives its cells' paragraphs to that cell; the paragraphs of headers and
footers come first, once each, without the page numbers. Two tables with only empty
paragraphs or a page break between them (or the first one's caption typed again) and the
same header are one table continued on the next page: they are joined, the repeated header
left out; so is a table after a page break with the grid of the one before and no header,
when the one before has header rows Word repeats (Word cuts a table so). The header may
be typed again a little differently or in another column order: the cells are aligned by
their headings, and what differs is reported. A first row on the new page that only
repeats a cell over a group of rows, or carries on a cell broken over the page, goes to
that cell.

Text is read as typed: the joiners ita-docs puts between Thai words are removed
(:func:`ita_docs.rendering.linebreak.strip_joiners`), a line break inside a paragraph
splits it into lines.
"""
from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from lxml import etree

from ..rendering.linebreak import strip_joiners
from .vocabulary import heading_key

__all__ = ["Cell", "PageBreak", "Paragraph", "SourceDocument", "Table", "document_lines", "read_docx_bytes", "squeeze"]

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_TWIPS_PER_CM = 567.0


def _w(tag: str) -> str:
    """A tag of the WordprocessingML namespace in Clark notation (``{ns}p``)."""
    return f"{{{_W}}}{tag}"


@dataclass
class Paragraph:
    """A paragraph of the body (or a text box, a header or footer): its lines, style and alignment."""

    text: str
    style: str = ""
    align: str = ""
    bold: bool = False
    where: str = ""
    #: Where the paragraph came from: body, textbox, header.
    origin: str = "body"

    @property
    def lines(self) -> list[str]:
        """The paragraph's lines (a line break splits it), empty ones left out."""
        return [line for line in self.text.split("\n") if line.strip()]


@dataclass
class PageBreak:
    """A page break (a ``w:br w:type="page"`` or a paragraph's ``pageBreakBefore``)."""

    where: str = ""


@dataclass
class Cell:
    """A table cell: its paragraphs' text, the grid columns it spans, and whether a merge covers it."""

    paragraphs: list[str]
    span: int = 1
    #: True for a cell under a vertical merge or a grid column inside a horizontal one: no text of its own.
    covered: bool = False
    where: str = ""

    @property
    def text(self) -> str:
        return "\n".join(self.paragraphs)


@dataclass
class Table:
    """A table: rows of grid cells (one per grid column), the header rows Word repeats, the column widths."""

    rows: list[list[Cell]]
    widths_cm: list[float | None]
    repeated_header_rows: int = 0
    where: str = ""
    #: Tables joined into this one (continued after a page break), by where they were.
    joined: list[str] = field(default_factory=list)
    #: Where each joined table's rows begin in :attr:`rows`.
    breaks: list[int] = field(default_factory=list)

    @property
    def columns(self) -> int:
        return len(self.widths_cm)

    def row_texts(self, index: int) -> list[str]:
        return [" ".join(c.paragraphs) for c in self.rows[index]]


Item = Paragraph | PageBreak | Table


@dataclass
class SourceDocument:
    """What a .docx holds, in reading order, and what was left out (page-number lines)."""

    items: list[Item]
    ignored: list[str] = field(default_factory=list)


def _clean(text: str) -> str:
    return strip_joiners(text).replace("\u200b", "").replace("\r", "")


def _run_text(element: etree._Element) -> Iterator[str | None]:
    """The text of a paragraph's runs in order; None for a page break. Text boxes are skipped."""
    for node in element.iter():
        tag = node.tag
        if tag == _w("txbxContent") or (isinstance(tag, str) and tag == f"{{{_MC}}}Fallback"):
            continue
        if _inside(node, element, (_w("txbxContent"), f"{{{_MC}}}Fallback")):
            continue
        if tag == _w("t"):
            yield node.text or ""
        elif tag == _w("tab"):
            parent = node.getparent()
            if parent is not None and parent.tag == _w("r"):
                yield "\t"
        elif tag in (_w("br"), _w("cr")):
            if node.get(_w("type")) == "page":
                yield None
            else:
                yield "\n"
        elif tag == _w("noBreakHyphen"):
            yield "-"
        elif tag == _w("sym"):
            char = node.get(_w("char"))
            if char:
                try:
                    code = int(char, 16)
                    yield chr(code - 0xF000 if code >= 0xF000 else code)
                except ValueError:
                    pass


def _on(properties: etree._Element | None, tag: str) -> bool:
    """Whether the on/off property *tag* (``w:b``, ``w:tblHeader`` …) is set in *properties*."""
    node = properties.find(_w(tag)) if properties is not None else None
    return node is not None and (node.get(_w("val")) or "true") not in ("0", "false", "off")


def _inside(node: etree._Element, top: etree._Element, tags: tuple[str, ...]) -> bool:
    parent = node.getparent()
    while parent is not None and parent is not top:
        if parent.tag in tags:
            return True
        parent = parent.getparent()
    return False


def _text_boxes(element: etree._Element) -> list[etree._Element]:
    """The text boxes anchored in *element* (not those of a VML fallback, not nested ones)."""
    boxes = []
    for box in element.iter(_w("txbxContent")):
        if _inside(box, element, (f"{{{_MC}}}Fallback",)):
            continue
        if _inside(box, element, (_w("txbxContent"),)):
            continue
        boxes.append(box)
    return boxes


def _has_page_field(paragraph: etree._Element) -> bool:
    for simple in paragraph.iter(_w("fldSimple")):
        if "PAGE" in (simple.get(_w("instr")) or "").upper().split():
            return True
    for instr in paragraph.iter(_w("instrText")):
        words = (instr.text or "").upper().split()
        if "PAGE" in words or "NUMPAGES" in words:
            return True
    return False


class _Reader:
    def __init__(self, styles: dict[str, str]) -> None:
        self.styles = styles
        self.items: list[Item] = []
        self.ignored: list[str] = []
        self.paragraph_count = 0
        self.table_count = 0

    def style_of(self, paragraph: etree._Element) -> tuple[str, str, bool]:
        ppr = paragraph.find(_w("pPr"))
        style = align = ""
        if ppr is not None:
            node = ppr.find(_w("pStyle"))
            if node is not None:
                style_id = node.get(_w("val")) or ""
                style = self.styles.get(style_id, style_id)
            jc = ppr.find(_w("jc"))
            if jc is not None:
                align = jc.get(_w("val")) or ""
        bold = False
        runs = [r for r in paragraph.iter(_w("r")) if "".join(t.text or "" for t in r.iter(_w("t"))).strip()]
        if runs:
            bold = all(_on(r.find(_w("rPr")), "b") for r in runs)
        return style, align, bold

    def paragraph(self, element: etree._Element, origin: str = "body") -> None:
        self.paragraph_count += 1
        where = f"ย่อหน้าที่ {self.paragraph_count}" if origin == "body" else f"{origin} ย่อหน้าที่ {self.paragraph_count}"
        ppr = element.find(_w("pPr"))
        if _on(ppr, "pageBreakBefore"):
            self.items.append(PageBreak(where))
        style, align, bold = self.style_of(element)
        pieces: list[str] = []
        for piece in _run_text(element):
            if piece is None:
                if "".join(pieces).strip():
                    self.items.append(Paragraph(_clean("".join(pieces)), style, align, bold, where, origin))
                pieces = []
                self.items.append(PageBreak(where))
            else:
                pieces.append(piece)
        self.items.append(Paragraph(_clean("".join(pieces)), style, align, bold, where, origin))
        for box in _text_boxes(element):
            for child in self.blocks(box):
                self.block(child, "textbox")

    def blocks(self, parent: etree._Element) -> Iterator[etree._Element]:
        """The paragraphs and tables under *parent*, through content controls and custom XML."""
        for child in parent:
            if child.tag in (_w("p"), _w("tbl")):
                yield child
            elif child.tag in (_w("sdt"),):
                content = child.find(_w("sdtContent"))
                if content is not None:
                    yield from self.blocks(content)
            elif child.tag in (_w("customXml"), _w("ins"), _w("smartTag")):
                yield from self.blocks(child)

    def block(self, element: etree._Element, origin: str = "body") -> None:
        if element.tag == _w("p"):
            self.paragraph(element, origin)
        else:
            self.items.append(self.table(element))

    def cell_paragraphs(self, cell: etree._Element) -> list[str]:
        out: list[str] = []
        for child in self.blocks(cell):
            if child.tag == _w("p"):
                text = _clean("".join(p for p in _run_text(child) if p is not None))
                out.extend(line for line in text.split("\n") if line.strip())
                for box in _text_boxes(child):
                    for inner in self.blocks(box):
                        if inner.tag == _w("p"):
                            inner_text = _clean("".join(p for p in _run_text(inner) if p is not None))
                            out.extend(line for line in inner_text.split("\n") if line.strip())
            else:  # -- a nested table: its cells' paragraphs, row by row --
                nested = self.table(child, count=False)
                for row in nested.rows:
                    for inner_cell in row:
                        if not inner_cell.covered:
                            out.extend(inner_cell.paragraphs)
        return out

    def table(self, element: etree._Element, count: bool = True) -> Table:
        if count:
            self.table_count += 1
        number = self.table_count
        grid = element.find(_w("tblGrid"))
        widths: list[float | None] = []
        if grid is not None:
            for col in grid.findall(_w("gridCol")):
                value = col.get(_w("w"))
                try:
                    widths.append(round(int(float(value)) / _TWIPS_PER_CM, 2) if value else None)
                except ValueError:
                    widths.append(None)
        rows: list[list[Cell]] = []
        raw_merges: list[list[str | None]] = []
        repeated = 0
        header_run = True
        for r, tr in enumerate(element.iter(_w("tr"))):
            if _inside(tr, element, (_w("tc"),)):
                continue  # -- rows of a nested table --
            trpr = tr.find(_w("trPr"))
            is_header = _on(trpr, "tblHeader")
            if is_header and header_run:
                repeated += 1
            else:
                header_run = False
            row: list[Cell] = []
            merges: list[str | None] = []
            before = 0
            grid_before = trpr.find(_w("gridBefore")) if trpr is not None else None
            if grid_before is not None:
                value = grid_before.get(_w("val")) or "0"
                before = int(value) if value.isdigit() else 0
            for _ in range(before):
                row.append(Cell([], 1, covered=True))
                merges.append(None)
            for tc in tr:
                if tc.tag == _w("sdt"):
                    content = tc.find(_w("sdtContent"))
                    tcs = content.findall(_w("tc")) if content is not None else []
                elif tc.tag == _w("tc"):
                    tcs = [tc]
                else:
                    continue
                for cell in tcs:
                    tcpr = cell.find(_w("tcPr"))
                    span = 1
                    vmerge: str | None = None
                    if tcpr is not None:
                        node = tcpr.find(_w("gridSpan"))
                        if node is not None:
                            try:
                                span = max(1, int(node.get(_w("val")) or 1))
                            except ValueError:
                                span = 1
                        node = tcpr.find(_w("vMerge"))
                        if node is not None:
                            vmerge = node.get(_w("val")) or "continue"
                    where = f"ตารางที่ {number} แถวที่ {r + 1} ช่องที่ {len(row) + 1}"
                    paragraphs = self.cell_paragraphs(cell)
                    row.append(Cell(paragraphs, span, covered=False, where=where))
                    merges.append(vmerge)
                    for _ in range(span - 1):
                        row.append(Cell([], 1, covered=True, where=where))
                        merges.append(None)
            rows.append(row)
            raw_merges.append(merges)
        width = max([len(widths)] + [len(row) for row in rows])
        widths += [None] * (width - len(widths))
        for row, merges in zip(rows, raw_merges):
            while len(row) < width:
                row.append(Cell([], 1, covered=True))
                merges.append(None)
            for index, merge in enumerate(merges):
                if merge == "continue" and not row[index].paragraphs:
                    row[index].covered = True  # -- under a vertical merge: the text is the first cell's --
        return Table(rows, widths, repeated, f"ตารางที่ {number}")


def _style_names(styles_xml: bytes | None) -> dict[str, str]:
    """Style ids by their names' ids: ``Heading1`` for a style named "heading 1"."""
    if not styles_xml:
        return {}
    root = etree.fromstring(styles_xml)
    names = {}
    for style in root.iter(_w("style")):
        style_id = style.get(_w("styleId")) or ""
        name = style.find(_w("name"))
        label = (name.get(_w("val")) if name is not None else None) or style_id
        names[style_id] = label.replace(" ", "").lower()
    return names


def _header_footer_parts(parts: dict[str, bytes]) -> list[bytes]:
    """The headers' and footers' XML, in the order the document's relationships list them."""
    rels = parts.get("word/_rels/document.xml.rels")
    if not rels:
        return []
    out = []
    for rel in etree.fromstring(rels).iter(f"{{{_REL}}}Relationship"):
        kind = (rel.get("Type") or "").rsplit("/", 1)[-1]
        if kind in ("header", "footer"):
            target = (rel.get("Target") or "").lstrip("/")
            name = target if target.startswith("word/") else f"word/{target}"
            if name in parts:
                out.append(parts[name])
    return out


#: How alike two headings must be (difflib's ratio of their texts without spaces) to be one
#: heading typed a little differently on the next page ("ข้อคำถาม" / "ข้อความ": 0.8).
_ALIKE = 0.75


def _alike(first: str, second: str) -> bool:
    """Whether *second* is the heading *first* typed again: the same text, or nearly.

    >>> _alike("ข้อคำถาม", "ข้อ คำถาม"), _alike("ข้อคำถาม", "ข้อความ"), _alike("คะแนน", "หมายเหตุ")
    (True, True, False)
    """
    a, b = heading_key(first), heading_key(second)
    return a == b or (bool(a) and bool(b) and SequenceMatcher(None, a, b).ratio() >= _ALIKE)


def _continued_columns(first: Table, second: Table) -> list[int] | None:
    """Whether *second* is *first* continued on the next page, its header typed again: for each
    grid column of *first*, the column of *second* under the same heading (cells are aligned by
    their headings, so a header typed in another order or a little differently still joins);
    None when *second* is another table.

    The headings must pair off one to one, each with one alike, at least half of them (and two)
    typed the same; a header over several rows, or a piece with merged cells, must keep its
    columns in order.
    """
    if first.columns != second.columns or not first.rows or not second.rows:
        return None
    head = max(1, first.repeated_header_rows)
    if len(second.rows) <= head or len(first.rows) < head:
        return None
    a = [[heading_key(t) for t in first.row_texts(i)] for i in range(head)]
    b = [[heading_key(t) for t in second.row_texts(i)] for i in range(head)]
    if sum(1 for key in a[0] if key) < 2:
        return None
    if a == b:
        return list(range(first.columns))
    spans = any(c.span > 1 for row in second.rows for c in row)
    order: list[int | None] = [None] * first.columns
    if head == 1 and not spans:
        used: set[int] = set()
        for exact in (True, False):
            for i, key in enumerate(a[0]):
                if order[i] is not None:
                    continue
                # -- the same column first, then any other under the same (or a like) heading --
                for j in [i, *range(first.columns)]:
                    if j not in used and (b[0][j] == key if exact else _alike(key, b[0][j])):
                        order[i] = j
                        used.add(j)
                        break
    elif all(_alike(x, y) for r in range(head) for x, y in zip(a[r], b[r])):
        order = list(range(first.columns))
    if any(j is None for j in order):
        return None
    same = sum(1 for i, j in enumerate(order) if j is not None and a[0][i] == b[0][j] and a[0][i])
    if same < 2 or 2 * same < sum(1 for key in a[0] if key):
        return None
    return [j for j in order if j is not None]


def _caption(items: list[Item], k: int) -> str | None:
    """The text of the paragraph just above the table at ``items[k]`` (empty ones skipped), if any."""
    k -= 1
    while k >= 0 and isinstance(items[k], (Paragraph, PageBreak)):
        item = items[k]
        if isinstance(item, Paragraph) and item.text.strip():
            return squeeze(item.text)
        k -= 1
    return None


def _rows_above(rows: list[list[Cell]], column: int) -> tuple[Cell | None, int]:
    """The last cell with text in *column* of *rows*, and how many rows with text elsewhere lie
    under it with nothing of their own in that column (a cell over a group of rows: > 0)."""
    under = 0
    for row in reversed(rows):
        cell = row[column]
        if not cell.covered and cell.paragraphs:
            return cell, under
        if any(c.paragraphs for c in row if not c.covered):
            under += 1
    return None, 0


def _carry_over(rows: list[list[Cell]], piece: list[list[Cell]], where: str) -> list[str]:
    """The first row of a continued piece, when it holds only what goes on from the page before:
    a cell over a group of rows (a topic, a tool's remark) typed again is left out, a text under
    such a cell where its rows' own cells are empty is that cell's text running on (a cell broken
    over the page). Changes the cells in place; returns what was left out, for the report."""
    first = next((row for row in piece if any(c.paragraphs for c in row if not c.covered)), None)
    if first is None or not rows:
        return []
    above = [_rows_above(rows, c) for c in range(len(first))]
    last = next((row for row in reversed(rows) if any(c.paragraphs for c in row if not c.covered)), None)
    if last is None:
        return []
    texts = [c for c in range(len(first)) if not first[c].covered and first[c].paragraphs]
    own = [c for c in range(len(first)) if above[c][0] is last[c] and above[c][1] == 0]
    if not texts or not own or any(c in texts for c in own) or \
            any(above[c][0] is None or above[c][1] == 0 for c in texts):
        return []
    left_out = []
    for c in texts:
        owner, cell = above[c][0], first[c]
        assert owner is not None
        if heading_key(cell.text) == heading_key(owner.text):  # -- spaces aside: Thai is typed with and without --
            left_out.append(f"{where}: ข้อความที่พิมพ์ซ้ำในตารางต่อหน้า {squeeze(cell.text)!r}")
        else:
            owner.paragraphs.extend(cell.paragraphs)
        cell.paragraphs = []
    return left_out


def _goes_on_without_header(first: Table, second: Table) -> bool:
    """Whether *second*, after a page break, is *first* cut there without its header (Word
    keeps the header rows it repeats in the first part when a table is cut in two): *first*
    has rows Word repeats and *second* none, the same grid, and a first row that is not
    the header typed again."""
    if first.columns != second.columns or not first.repeated_header_rows or second.repeated_header_rows \
            or not second.rows or len(first.rows) <= first.repeated_header_rows:
        return False
    if any(a is None or b is None or abs(a - b) > 0.05 for a, b in zip(first.widths_cm, second.widths_cm)):
        return False
    header, top = first.row_texts(0), second.row_texts(0)
    return sum(1 for h in header if heading_key(h)) >= 2 and \
        not all(_alike(a, b) for a, b in zip(header, top) if heading_key(a))


def _join_continued(items: list[Item]) -> tuple[list[Item], list[str]]:
    """Join a table continued after a page break back to the one before: its header typed again
    (maybe a little differently or in another order, maybe under its caption typed again), or
    not typed at all (see :func:`_goes_on_without_header`); and what was left out, for the report."""
    out: list[Item] = []
    left_out: list[str] = []
    for item in items:
        if isinstance(item, Table):
            k = len(out) - 1
            repeated: str | None = None
            page_break = False
            while k >= 0 and (isinstance(out[k], PageBreak) or isinstance(out[k], Paragraph)):
                between = out[k]
                if isinstance(between, Paragraph) and between.text.strip():
                    if repeated is not None:
                        break
                    repeated = squeeze(between.text)
                page_break = page_break or isinstance(between, PageBreak)
                k -= 1
            previous = out[k] if k >= 0 else None
            if not isinstance(previous, Table):
                out.append(item)
                continue
            head = max(1, previous.repeated_header_rows)
            order = _continued_columns(previous, item)
            if order is not None and repeated is not None and repeated != _caption(out, k):
                order = None
            if order is None and page_break and repeated is None and _goes_on_without_header(previous, item):
                order, head = list(range(previous.columns)), 0
            if order is None:
                out.append(item)
                continue
            piece = [[row[j] for j in order] for row in item.rows[head:]]
            if order != list(range(len(order))):
                left_out.append(f"{item.where}: คอลัมน์เรียงต่างจากตารางก่อน อ่านตามหัวคอลัมน์")
            for r in range(head):
                for i, j in enumerate(order):
                    typed, first = item.row_texts(r)[j], previous.row_texts(r)[i]
                    if heading_key(typed) != heading_key(first):
                        left_out.append(f"{item.where}: หัวคอลัมน์ที่พิมพ์ซ้ำต่างจากตารางก่อน "
                                        f"{squeeze(typed)!r} (อ่านเป็น {squeeze(first)!r})")
            if repeated is not None:
                left_out.append(f"{item.where}: ชื่อตารางที่พิมพ์ซ้ำเหนือตารางต่อหน้า {repeated!r}")
            left_out += _carry_over(previous.rows[max(1, previous.repeated_header_rows):], piece, item.where)
            previous.breaks.append(len(previous.rows))
            previous.rows.extend(piece)
            previous.joined.append(item.where)
            del out[k + 1:]
            continue
        out.append(item)
    return out, left_out


def read_docx_bytes(parts: dict[str, bytes]) -> SourceDocument:
    """The document in *parts* (a .docx's entries by name) as paragraphs, page breaks and tables."""
    body_xml = parts.get("word/document.xml")
    if body_xml is None:
        raise ValueError("word/document.xml")
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    root = etree.parse(io.BytesIO(body_xml), parser).getroot()
    reader = _Reader(_style_names(parts.get("word/styles.xml")))
    seen: set[str] = set()
    for xml in _header_footer_parts(parts):
        part = etree.parse(io.BytesIO(xml), parser).getroot()
        for element in reader.blocks(part):
            if element.tag == _w("p") and _has_page_field(element):
                text = _clean("".join(p for p in _run_text(element) if p is not None)).strip()
                if text:
                    reader.ignored.append(f"หัวกระดาษ/ท้ายกระดาษ: เลขหน้า {text!r}")
                continue
            before = len(reader.items)
            reader.block(element, "header")
            added = reader.items[before:]
            key = repr([getattr(a, "text", None) or getattr(a, "rows", None) for a in added])
            if key in seen or not any(isinstance(a, Table) or (isinstance(a, Paragraph) and a.text.strip())
                                      for a in added):
                del reader.items[before:]
            seen.add(key)
    body = root.find(_w("body"))
    if body is not None:
        for element in reader.blocks(body):
            reader.block(element)
    items, left_out = _join_continued(reader.items)
    return SourceDocument(items, reader.ignored + left_out)


def document_lines(document: SourceDocument) -> list[str]:
    """Every text of *document* in order: paragraph lines and cell paragraphs, whitespace squeezed."""
    out: list[str] = []
    for item in document.items:
        if isinstance(item, Paragraph):
            out.extend(squeeze(line) for line in item.lines)
        elif isinstance(item, Table):
            for row in item.rows:
                for cell in row:
                    if not cell.covered:
                        out.extend(squeeze(p) for p in cell.paragraphs if p.strip())
    return [line for line in out if line]


def squeeze(text: str) -> str:
    """*text* with runs of white space as one space, and none at either end."""
    return " ".join(text.split())


