"""PDF copies of very long tables, cut where their pages break, so LibreOffice converts them in linear time.

LibreOffice's layout time for one table grows with the square of the pages the table
spans (``bench/pdf_long_table.py``: 19 → 55 ms a page from 115 to 888 pages), while
tables of 100 rows convert in linear time. Cutting a table anywhere prints its header
rows mid-page, so the copy made for the PDF is cut in two passes:

1. **measure**: each long table is cut into tables of :data:`MEASURE_ROWS` body rows
   (short enough for LibreOffice to lay each out fast), each with the header rows and a
   one-point paragraph between; body rows may not split over pages. The header rows a
   cut adds mid-page take room, so no page of this pass holds more than the final page
   can hold.
2. **final**: the tagged PDF of pass 1 says on which page each row starts; the table is
   cut at those page starts, each part starting a new page with its own header rows.

So every page of a long table starts with its header rows and no header row prints
anywhere else; a page where pass 1 made a cut has a line or two more room at its foot
than one table would, and since a row no longer breaks over a page, such a table takes
about an eighth more pages. The .docx for Word keeps one table: only the PDF's copy is cut.
"""
from __future__ import annotations

import copy
import io
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from lxml import etree

from .oxml import el, get_or_add, parent_of, qn

if TYPE_CHECKING:  # -- pypdf is imported where a PDF is read --
    from pypdf.generic import DictionaryObject

__all__ = ["LONG_TABLE_ROWS", "MEASURE_ROWS", "final_copy", "long_table_count", "measure_copy", "row_pages"]

#: A table with more body rows than this is cut for the PDF. Below it one table converts
#: faster than the two passes (``bench/pdf_paged.py --one-table-up-to``, on a started
#: worker, measures plan rows: 300 rows 3.5 s against 5.7 s, 1,000 rows 19.5 s against
#: 17.7 s, 2,000 rows 69.7 s against 40.7 s; the two cross near 900) and keeps rows that
#: break over a page, as Word does (the cut's copy had 43 % more pages at 300 rows).
LONG_TABLE_ROWS = 600
#: Body rows per table in the measuring pass.
MEASURE_ROWS = 20
DOCUMENT = "word/document.xml"

_TBL, _TR, _TRPR = qn("w:tbl"), qn("w:tr"), qn("w:trPr")


def _read(docx: bytes) -> etree._Element:
    with zipfile.ZipFile(io.BytesIO(docx)) as zf:
        return etree.fromstring(zf.read(DOCUMENT))


def _write(docx: bytes, root: etree._Element) -> bytes:
    """*docx* with its document part replaced by *root*, every other entry as it was."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(docx)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == DOCUMENT:
                data = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
            target.writestr(info, data)
    return out.getvalue()


def _body_tables(root: etree._Element) -> list[etree._Element]:
    """The tables of the body that are not inside another table, in document order."""
    return [t for t in root.iter(_TBL) if not any(a.tag == _TBL for a in t.iterancestors())]


def _is_header(tr: etree._Element) -> bool:
    trpr = tr.find(_TRPR)
    return trpr is not None and trpr.find(qn("w:tblHeader")) is not None


def _split_rows(tbl: etree._Element) -> tuple[list[etree._Element], list[etree._Element]]:
    rows = tbl.findall(_TR)
    count = next((i for i, tr in enumerate(rows) if not _is_header(tr)), len(rows))
    return rows[:count], rows[count:]


def _long(tbl: etree._Element) -> bool:
    return len(_split_rows(tbl)[1]) > LONG_TABLE_ROWS


def _measure_starts(tbl: etree._Element) -> range:
    """The body rows at which the measuring pass starts a new table."""
    return range(0, len(_split_rows(tbl)[1]), MEASURE_ROWS)


def long_table_count(docx: bytes) -> int:
    """How many tables of *docx* are long enough to be cut for the PDF."""
    return sum(1 for t in _body_tables(_read(docx)) if _long(t))


def _gap(page_break: bool) -> etree._Element:
    """A one-point paragraph: keeps two tables apart (else they are drawn as one), or starts a page."""
    ppr = el("w:pPr", el("w:spacing", before=0, after=0, line=20, lineRule="exact"),
             el("w:rPr", el("w:sz", val=2), el("w:szCs", val=2)))
    return el("w:p", ppr, el("w:r", el("w:br", type="page")) if page_break else None)


def _cant_split(tr: etree._Element) -> etree._Element:
    trpr = tr.find(_TRPR)
    if trpr is None:
        trpr = el("w:trPr")
        tr.insert(next((i for i, c in enumerate(tr) if c.tag == qn("w:tblPrEx")), -1) + 1, trpr)
    get_or_add(trpr, "w:cantSplit", first=True)
    return tr


def _restart_merges(first: etree._Element) -> None:
    """A part's first row restarts the vertical merges it continues."""
    for merge in first.iter(qn("w:vMerge")):
        merge.set(qn("w:val"), "restart")


def _cut(tbl: etree._Element, starts: Sequence[int], *, new_page: bool) -> None:
    """Replace *tbl* by tables whose body rows begin at the body-row indexes *starts*."""
    header, body = _split_rows(tbl)
    props = [c for c in tbl if c.tag != _TR]
    pieces = []
    bounds = [*starts, len(body)]
    for start, end in zip(bounds, bounds[1:]):
        if end <= start:
            continue
        rows = [_cant_split(tr) for tr in body[start:end]]
        _restart_merges(rows[0])
        pieces.append(el("w:tbl", *(copy.deepcopy(c) for c in props), *(copy.deepcopy(h) for h in header), *rows))
    for index, piece in enumerate(pieces):
        if index:
            tbl.addprevious(_gap(page_break=new_page))
        tbl.addprevious(piece)
    parent_of(tbl).remove(tbl)


def measure_copy(docx: bytes) -> bytes:
    """The measuring pass: every long table cut into tables of :data:`MEASURE_ROWS` body rows."""
    root = _read(docx)
    for tbl in _body_tables(root):
        if _long(tbl):
            _cut(tbl, _measure_starts(tbl), new_page=False)
    return _write(docx, root)


def final_copy(docx: bytes, starts: Sequence[Sequence[int]]) -> bytes:
    """The final copy: long table *i* cut at the body rows ``starts[i]``, each part on a new page."""
    root = _read(docx)
    long_tables = [t for t in _body_tables(root) if _long(t)]
    for tbl, cuts in zip(long_tables, starts, strict=True):
        _cut(tbl, cuts, new_page=True)
    return _write(docx, root)


def row_pages(pdf: Path, docx: bytes) -> list[list[int]]:
    """From the tagged PDF of :func:`measure_copy` (*docx* the original), the body rows of
    each long table at which a new page starts.

    Raises :class:`ValueError` when the PDF's table structure does not match the document.
    """
    from pypdf import PdfReader
    from pypdf.generic import DictionaryObject

    reader = PdfReader(str(pdf))
    page_of = {ref.idnum: number for number, page in enumerate(reader.pages)
               if (ref := page.indirect_reference) is not None}
    tables: list[list[int | None]] = []

    def walk(node: object, inside_table: bool) -> None:
        element = _structure_element(node)
        if element is None:
            return
        kind = element.get("/S")
        if kind == "/Table" and not inside_table:
            rows: list[int | None] = []
            for child in _kids(element):
                row = _structure_element(child)
                if row is not None and row.get("/S") == "/TR" and not _header_row(row):
                    page = row.get("/Pg")
                    rows.append(page_of.get(page.idnum) if page is not None else None)
            tables.append(rows)
            return
        for child in _kids(element):
            walk(child, inside_table or kind == "/Table")

    catalog = reader.trailer["/Root"]
    if not isinstance(catalog, DictionaryObject):
        raise ValueError("the PDF has no document catalog")
    walk(catalog["/StructTreeRoot"], False)
    original = _body_tables(_read(docx))
    expected = sum(len(_measure_starts(t)) if _long(t) else 1 for t in original)
    if len(tables) != expected:
        raise ValueError(f"the PDF has {len(tables)} tables, the measuring copy {expected}")
    cursor = 0
    result = []
    for tbl in original:
        body = _split_rows(tbl)[1]
        if not _long(tbl):
            cursor += 1
            continue
        pages: list[int | None] = []
        for start in _measure_starts(tbl):
            rows = tables[cursor]
            if len(rows) != len(body[start:start + MEASURE_ROWS]):
                raise ValueError("a table of the PDF has another number of rows than the document")
            pages.extend(rows)
            cursor += 1
        result.append([0] + [i for i in range(1, len(pages))
                             if None not in (pages[i], pages[i - 1]) and pages[i] != pages[i - 1]])
    return result


def _structure_element(node: object) -> DictionaryObject | None:
    """*node* of the PDF's structure tree, its reference followed, when it is a dictionary
    (a structure element; the others are marked-content numbers)."""
    from pypdf.generic import DictionaryObject, PdfObject

    if isinstance(node, PdfObject):
        node = node.get_object()
    return node if isinstance(node, DictionaryObject) else None


def _header_row(tr: DictionaryObject) -> bool:
    """A row of header cells (``/TH``): the header rows, printed again on every page."""
    cells = [_structure_element(c) for c in _kids(tr)]
    return bool(cells) and all(c is not None and c.get("/S") == "/TH" for c in cells)


def _kids(node: DictionaryObject) -> list[object]:
    kids = node.get("/K")
    if kids is None:
        return []
    return list(kids) if isinstance(kids, list) else [kids]
