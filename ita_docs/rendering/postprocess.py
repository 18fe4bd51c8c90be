"""Changes made to a rendered document through its XML elements (python-docx's lxml tree).

docxtpl renders text; what depends on the document's settings and cannot be written
as a Jinja tag in a Word-valid template is set here: the font, the page-number digits,
and the widths and alignment of data-driven tables.
"""
from __future__ import annotations

import copy
import re
from collections.abc import Callable, Iterable

from lxml import etree

from ..errors import Location, TemplateError
from ..thai.digits import ADDRESS_PATTERN
from .oxml import el, find_elements, first_child, get_or_add, grid_span, parent_of, qn, set_run_fonts
from .tables import TableLayoutSpec

__all__ = [
    "ADDRESS_MARKS",
    "URL_KINDS",
    "apply_font",
    "apply_page_number_format",
    "apply_table_layouts",
    "apply_update_fields",
    "ensure_cell_paragraphs",
    "link_addresses",
    "separate_tables",
]

# -- elements the schema places after the one we add (CT_PPr, CT_SectPr) --
_AFTER_JC = ("w:textDirection", "w:textAlignment", "w:textboxTightWrap", "w:outlineLvl", "w:divId",
             "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange")
_AFTER_PGNUMTYPE = ("w:cols", "w:formProt", "w:vAlign", "w:noEndnote", "w:titlePg", "w:textDirection",
                    "w:bidi", "w:rtlGutter", "w:docGrid", "w:printerSettings", "w:sectPrChange")

# -- CT_TblPr's children after w:tblBorders --
_AFTER_TBLBORDERS = ("w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook", "w:tblCaption", "w:tblDescription",
                     "w:tblPrChange")
#: The sides of ``<w:tblBorders>``, in schema order.
_TABLE_SIDES = ("top", "left", "bottom", "right", "insideH", "insideV")

_AFTER_VMERGE = ("w:tcBorders", "w:shd", "w:noWrap", "w:tcMar", "w:textDirection", "w:tcFitText",
                 "w:vAlign", "w:hideMark")

#: w:pgNumType/@w:fmt per digit form.
PAGE_NUMBER_FORMATS = {"thai": "thaiNumbers", "arabic": "decimal"}


def apply_font(styles: etree._Element, font: str) -> None:
    """Name *font* in every ``<w:rFonts>`` of the styles part (docDefaults and each style)."""
    for rpr in styles.iter(qn("w:rPr")):
        if rpr.find(qn("w:rFonts")) is not None or parent_of(rpr).tag == qn("w:rPrDefault"):
            set_run_fonts(rpr, font)


def apply_page_number_format(body: etree._Element, digits: str) -> None:
    """Set ``<w:pgNumType w:fmt>`` of every section to the document's digit form."""
    for sect in body.iter(qn("w:sectPr")):
        get_or_add(sect, "w:pgNumType", before=_AFTER_PGNUMTYPE).set(qn("w:fmt"), PAGE_NUMBER_FORMATS[digits])


def _cell_text(tc: etree._Element) -> str:
    return "".join(t.text or "" for t in tc.iter(qn("w:t"))).strip()


_TCPR, _TCW = qn("w:tcPr"), qn("w:tcW")
_P, _PPR, _JC = qn("w:p"), qn("w:pPr"), qn("w:jc")
_W_VAL, _W_VAL_W, _W_TYPE = qn("w:val"), qn("w:w"), qn("w:type")


def _set_width(tc: etree._Element, twips: int) -> None:
    """Set a cell's own width where it declares one; otherwise the grid gives it."""
    tcpr = first_child(tc, _TCPR)
    tcw = first_child(tcpr, _TCW) if tcpr is not None else None
    if tcw is not None:
        tcw.set(_W_VAL_W, str(twips))
        tcw.set(_W_TYPE, "dxa")


def _set_alignment(tc: etree._Element, align: str) -> None:
    for p in tc.iter(_P):
        ppr = first_child(p, _PPR)
        if ppr is None:
            ppr = get_or_add(p, "w:pPr", first=True)
        jc = first_child(ppr, _JC)
        if jc is None:
            jc = get_or_add(ppr, "w:jc", before=_AFTER_JC)
        jc.set(_W_VAL, align)


def _apply_merges(rows: list[etree._Element], merges: Iterable[tuple[int, int, int]]) -> None:
    for first, column, count in merges:
        for offset in range(count):
            cells = rows[first + offset].findall(qn("w:tc"))
            tcpr = get_or_add(cells[column], "w:tcPr", first=True)
            merge = get_or_add(tcpr, "w:vMerge", before=_AFTER_VMERGE)
            if offset == 0:
                merge.set(qn("w:val"), "restart")


def _apply_layout(tbl: etree._Element, spec: TableLayoutSpec) -> None:
    grid = tbl.find(qn("w:tblGrid"))
    if grid is None:  # -- the schema requires one --
        raise TemplateError("ตารางในแม่แบบไม่มี w:tblGrid (ความกว้างคอลัมน์)", location=Location(path="word/document.xml"))
    for col in list(grid):
        grid.remove(col)
    for width in spec.widths_twips:
        grid.append(el("w:gridCol", w=width))
    tblw = tbl.find(f"{qn('w:tblPr')}/{qn('w:tblW')}")
    if tblw is not None:
        tblw.set(qn("w:w"), str(sum(spec.widths_twips)))
        tblw.set(qn("w:type"), "dxa")
    # -- cells declare their own width only in some templates (not the bundled ones) --
    widths = next(tbl.iter(_TCW), None) is not None
    aligned = any(a != "left" for a in spec.aligns)
    for index, tr in enumerate(tbl.findall(qn("w:tr"))):
        if not widths and not (aligned and index > 0):
            continue
        column = 0
        for tc in tr.findall(qn("w:tc")):
            span = grid_span(tc)
            if widths:
                _set_width(tc, sum(spec.widths_twips[column:column + span]))
            if index > 0 and span == 1 and column < len(spec.aligns) and spec.aligns[column] != "left":
                _set_alignment(tc, spec.aligns[column])
            column += span
    _apply_merges(tbl.findall(qn("w:tr"))[1:], spec.merges)
    if not spec.borders:
        _remove_borders(tbl)


def _remove_borders(tbl: etree._Element) -> None:
    """``<w:tblBorders>`` of *tbl* with every side ``none``, over its table style's lines."""
    tblpr = get_or_add(tbl, "w:tblPr", first=True)
    borders = get_or_add(tblpr, "w:tblBorders", before=_AFTER_TBLBORDERS)
    for child in list(borders):
        borders.remove(child)
    for side in _TABLE_SIDES:
        borders.append(el(f"w:{side}", val="none", sz=0, space=0, color="auto"))


def apply_table_layouts(body: etree._Element, specs: Iterable[TableLayoutSpec]) -> None:
    """Give each table whose header row reads as a spec's headings that spec's widths.

    Tables are recognised by their header text, so a clerk's restyled template with
    tables moved or added still gets the right widths.
    """
    waiting: dict[tuple[str, ...], list[TableLayoutSpec]] = {}
    for spec in specs:
        waiting.setdefault(spec.headings, []).append(spec)
    for tbl in body.iter(qn("w:tbl")):
        first = tbl.find(qn("w:tr"))
        if first is None:
            continue
        queue = waiting.get(tuple(_cell_text(tc) for tc in first.findall(qn("w:tc"))))
        if queue:  # -- tables with the same headers take their specs in document order --
            _apply_layout(tbl, queue.pop(0))
        else:
            _fit_grid(tbl)


def _fit_grid(tbl: etree._Element) -> None:
    """A table whose rows have more or fewer columns than its grid (column loops) gets an
    even grid of the same total width, as docxtpl's table fix does."""
    grid = tbl.find(qn("w:tblGrid"))
    if grid is None:
        return
    columns = max((sum(grid_span(tc) for tc in tr.findall(qn("w:tc"))) for tr in tbl.findall(qn("w:tr"))), default=0)
    if columns == 0 or columns == len(grid):
        return
    total = sum(int(float(c.get(_W_VAL_W) or 0)) for c in grid) or 9000
    for col in list(grid):
        grid.remove(col)
    for _ in range(columns):
        grid.append(el("w:gridCol", w=total // columns))


def ensure_cell_paragraphs(body: etree._Element) -> None:
    """Give every ``<w:tc>`` at least one ``<w:p>``: Word refuses a cell without one."""
    for tc in find_elements(body, "//w:tc[not(w:p)]"):
        tc.append(el("w:p"))


def separate_tables(body: etree._Element) -> int:
    """Put an empty ``<w:p>`` between two ``<w:tbl>`` that follow each other.

    Word and LibreOffice draw adjacent tables as one, so the first table's header rows
    would repeat over the second's. Any template gets this, custom ones included.
    Returns the number of paragraphs added.
    """
    added = 0
    tbl = qn("w:tbl")
    for table in list(body.iter(tbl)):
        following = table.getnext()
        if following is not None and following.tag == tbl:
            table.addnext(el("w:p"))
            added += 1
    return added


def apply_update_fields(settings: etree._Element) -> None:
    """Ask Word to refresh fields (the table of contents) when the document opens."""
    get_or_add(settings, "w:updateFields", first=True).set(qn("w:val"), "true")


#: How an address found in text becomes a link target; file names stay plain text.
URL_KINDS: tuple[tuple[re.Pattern[str], Callable[[str], str]], ...] = (
    (re.compile(r"(?:https?|ftp)://", re.I), lambda text: text),
    (re.compile(r"[^@\s]+@[^@\s]+$"), lambda text: f"mailto:{text}"),
    (re.compile(r"www\.|[\w-]+(?:\.[\w-]+)*\.(?:go|ac|or|co|in|mi|net)\.th", re.I),
     lambda text: f"http://{text}"),
)
_TRAILING = ".,;:)]}\"'”’"


def _target(address: str) -> str | None:
    for pattern, make in URL_KINDS:
        if pattern.match(address):
            return make(address)
    return None


def _single_child_runs(run: etree._Element) -> list[etree._Element]:
    """Split a run holding several w:t/w:br/w:tab into runs of one child each."""
    rpr = run.find(qn("w:rPr"))
    children = [c for c in run if c.tag != qn("w:rPr")]
    if len(children) <= 1:
        return [run]
    runs = []
    for child in children:
        new = el("w:r", copy.deepcopy(rpr) if rpr is not None else None, child)
        runs.append(new)
    for new in runs:
        run.addprevious(new)
    parent_of(run).remove(run)
    return runs


def _text_run(rpr: etree._Element | None, text: str, *, style: str | None = None) -> etree._Element:
    props = copy.deepcopy(rpr) if rpr is not None else el("w:rPr")
    if style:
        get_or_add(props, "w:rStyle", first=True).set(qn("w:val"), style)
    return el("w:r", props if len(props) else None, el("w:t", text, xml_space="preserve"))


#: What a text holding an address has somewhere (link_addresses looks no further without it).
ADDRESS_MARKS = ("://", "www.", "@", ".th")
_ADDRESS_MARK = re.compile("|".join(re.escape(mark) for mark in ADDRESS_MARKS))


def _runs_with_address_marks(body: etree._Element) -> list[etree._Element]:
    """Runs outside hyperlinks whose text may hold an address (a plain loop: 2-3x an XPath)."""
    runs: dict[etree._Element, None] = {}
    run_tag, hyperlink_tag = qn("w:r"), qn("w:hyperlink")
    for t in body.iter(qn("w:t")):
        text = t.text
        if text and _ADDRESS_MARK.search(text):
            run = t.getparent()
            if run is not None and run.tag == run_tag and parent_of(run).tag != hyperlink_tag:
                runs[run] = None
    return list(runs)


def link_addresses(body: etree._Element, relate: Callable[[str], str]) -> int:
    """Make each URL and e-mail address in the text a clickable ``<w:hyperlink>``.

    *relate* takes a target and returns the relationship id of an external hyperlink.
    The text itself is unchanged. Returns the number of links made.
    """
    made = 0
    for run in _runs_with_address_marks(body):
        texts = [t.text or "" for t in run.iter(qn("w:t"))]
        if not any(ADDRESS_PATTERN.search(t) for t in texts):
            continue
        for part in _single_child_runs(run):
            t = part.find(qn("w:t"))
            if t is None or not t.text:
                continue
            rpr = part.find(qn("w:rPr"))
            pieces: list[etree._Element] = []
            last = 0
            for match in ADDRESS_PATTERN.finditer(t.text):
                address = match.group(0).rstrip(_TRAILING)
                target = _target(address)
                if target is None:
                    continue
                start = match.start()
                if start > last:
                    pieces.append(_text_run(rpr, t.text[last:start]))
                link = el("w:hyperlink", _text_run(rpr, address, style="Hyperlink"), r_id=relate(target))
                link.set(qn("w:history"), "1")
                pieces.append(link)
                last = start + len(address)
                made += 1
            if not pieces:
                continue
            if last < len(t.text):
                pieces.append(_text_run(rpr, t.text[last:]))
            for piece in pieces:
                part.addprevious(piece)
            parent_of(part).remove(part)
    return made
