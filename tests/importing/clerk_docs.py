"""Word files made the way a clerk makes them, for the importer's tests — with python-docx only.

No ita-docs template and no ita-docs code: each document is typed from a text in
``fixtures/`` (cleaned copies of ``../shared/seeds/*.txt``, see ``fixtures/README.md``)
into python-docx's own blank document, in another font and size than ita-docs uses,
tables as real Word tables with widths of their own. A :class:`Layout` says how the
clerk laid it out: header rows repeated or not, a table continued after a page break as
a second table with the same header, merged cells (vertical and horizontal), a header
split over two rows, empty rows, a nested table, the title in a text box, a header with
a page number and a footer line, digits in either form, measure numbers "๑." / "1." /
"(๑)", "-" lines inside cells.

Each :class:`Case` writes a .docx and the reference text it must reproduce, in the
format ``../shared/tools/seed_fidelity.py`` reads (tables as tab-separated lines, a
cell's paragraphs as ``<p>…</p>``). :func:`resave_with_libreoffice` re-saves a set of
them through LibreOffice, as a clerk's "Save as .docx" from LibreOffice would.

``python -m tests.importing.clerk_docs OUT_DIR`` writes every case into OUT_DIR;
``python -m tests.importing.clerk_docs --refresh-fixtures`` re-cleans the fixtures from
``../shared/seeds`` (the fix-ups of :data:`FIXUPS` included).
"""
from __future__ import annotations

import html
import itertools
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Literal

from lxml import etree

__all__ = [
    "CASES",
    "Case",
    "Layout",
    "Paragraph",
    "Table",
    "build_docx",
    "clean_seed",
    "norm",
    "parse_reference",
    "resave_with_libreoffice",
    "serialize",
    "source_pieces",
]

HERE = Path(__file__).resolve().parent
FIXTURES = HERE / "fixtures"
SEEDS = HERE.parents[2] / "shared" / "seeds"

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
WP_NS = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"
WPS_NS = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
V_NS = "urn:schemas-microsoft-com:vml"

THAI_DIGITS = "๐๑๒๓๔๕๖๗๘๙"
TO_ARABIC = str.maketrans({d: str(i) for i, d in enumerate(THAI_DIGITS)})
TO_THAI = str.maketrans({str(i): d for i, d in enumerate(THAI_DIGITS)})


def _w(tag: str) -> str:
    return f"{{{W_NS}}}{tag}"


# ------------------------------------------------------------------ the text model
@dataclass
class Paragraph:
    """A body line: its text and how the clerk set it."""

    text: str
    bold: bool = False
    center: bool = False
    indent: int = 0


@dataclass
class Table:
    """A table: rows of cells, each cell a list of its paragraphs; ``header`` rows on top."""

    rows: list[list[list[str]]]
    header: int = 1
    #: -- rows where a piece of the source began after a page break (its header repeated) --
    breaks: list[int] = field(default_factory=list)

    @property
    def width(self) -> int:
        return max(len(r) for r in self.rows)


Block = Paragraph | Table

_TABLE_LINE = re.compile(r"^[-\s]*\|(.*)\|\s*$")
_SEPARATOR = re.compile(r"[-\s:]*")
_CELL_PARAGRAPH = re.compile(r"<p>(.*?)</p>", re.DOTALL)


def _cells(line: str) -> list[str] | None:
    pipe = _TABLE_LINE.match(line.strip())
    if "\t" not in line and not pipe:
        return None
    return [c.strip() for c in (pipe.group(1).split("|") if pipe else line.split("\t"))]


def _cell_paragraphs(cell: str) -> list[str]:
    """A reference cell as the paragraphs a clerk typed into it."""
    found = _CELL_PARAGRAPH.findall(cell)
    parts = found if found else [cell]
    out: list[str] = []
    for part in parts:
        out.extend(_split_list(html.unescape(part).strip()))
    return [p for p in out if p] or [""]


_BULLET_SPLIT = re.compile(r"(?:(?<=\s)|^)(?=[■❖•]\s?)|(?<=\s)(?=-\S)")


def _split_list(text: str) -> list[str]:
    """One line of a PDF extraction that holds a whole list ("๑. … ๒. …", "-a -b", "■ a ■ b")
    as the list's own lines: numbers split only in sequence (๑, ๒, ๓ …), so "พ.ศ. ๒๕๖๖" stays."""
    lines = [p.strip() for p in _BULLET_SPLIT.split(text) if p.strip()]
    out: list[str] = []
    for line in lines:
        out.extend(_split_numbered(line))
    return out


def _split_numbered(text: str) -> list[str]:
    first = re.match(r"([๑1])\.", text)
    if not first:
        return [text]
    thai = first.group(1) == "๑"
    pieces, start, n = [], 0, 2
    while True:
        mark = (str(n).translate(TO_THAI) if thai else str(n)) + "."
        at = text.find(" " + mark, start + 1)
        if at < 0:
            break
        pieces.append(text[start:at].strip())
        start, n = at + 1, n + 1
    pieces.append(text[start:].strip())
    return pieces


def parse_reference(text: str) -> list[Block]:
    """A reference text as blocks. Pieces of a table separated only by blank lines are one
    table: a piece that repeats the header (a page break in the source) loses the repeat and
    its row is remembered in ``breaks``; a piece under another header stays a table of its own."""
    blocks: list[Block] = []
    table: Table | None = None
    blank_since_table = False
    for raw in text.splitlines():
        line = raw.rstrip(" \r")
        cells = _cells(line)
        if cells is not None:
            if all(_SEPARATOR.fullmatch(c) for c in cells):
                continue
            row = [_cell_paragraphs(c) for c in cells]
            if table is not None and blank_since_table:
                if _same_row(row, table.rows[0]):
                    table.breaks.append(len(table.rows))
                    blank_since_table = False
                    continue
                if len(row) == table.width and not _looks_like_header(cells):
                    table.breaks.append(len(table.rows))
                else:
                    table = None
            if table is None:
                table = Table([])
                blocks.append(table)
            table.rows.append(row)
            blank_since_table = False
        elif line.strip():
            table = None
            blocks.append(_paragraph(line))
        elif table is not None:
            blank_since_table = True
    for block in blocks:
        if isinstance(block, Table):
            width = block.width
            for row in block.rows:
                row.extend([[""]] * (width - len(row)))
            if re.match(r"^\(?[๐-๙0-9]", block.rows[0][0][0]):
                block.header = 0  # -- a list laid out as a table (members), no header row --
    return blocks


def _same_row(a: list[list[str]], b: list[list[str]]) -> bool:
    return [norm(" ".join(c)) for c in a] == [norm(" ".join(c)) for c in b]


_HEADER_WORDS = ("มาตรการ", "หัวข้อ", "ตัวชี้วัด", "ลำดับ", "ข้อ", "คะแนน", "เครื่องมือ", "แบบ", "อันดับ")


def _looks_like_header(cells: Sequence[str]) -> bool:
    first = next((c for c in cells if c.strip()), "")
    return any(first.startswith(w) for w in _HEADER_WORDS) and not re.match(r"[๐-๙0-9]", first)


def _paragraph(line: str) -> Paragraph:
    indent = len(line) - len(line.lstrip(" "))
    text = html.unescape(line.strip())
    return Paragraph(text, indent=min(indent, 3))


def serialize(blocks: Iterable[Block]) -> str:
    """Blocks back into the reference format: a table's rows tab-separated, a cell's
    paragraphs as ``<p>…</p>``, a blank line between blocks."""
    out: list[str] = []
    for block in blocks:
        if isinstance(block, Paragraph):
            out.append(block.text)
        else:
            rows = []
            for row in block.rows:
                rows.append("\t".join(c[0] if len(c) == 1 else " ".join(f"<p>{p}</p>" for p in c)
                                      for c in row))
            out.append("\n".join(rows))
    return "\n\n".join(out) + "\n"


# ------------------------------------------------------------------ cleaning the seeds
#: Per seed, the defects of the PDF extraction a clerk's own file does not have: (old, new);
#: new "" drops the line when old is a whole line.
FIXUPS: dict[str, list[tuple[str, str]]] = {
    "sanmaket-2565-progress": [
        ("นายदनุวัส", "นายดนุวัส"),  # -- mis-decoded by the extraction --
        ("โดยให้คณะทำงาน...", ""),   # -- a truncated duplicate of the next line --
        ("๙- ๙", ""),               # -- the signature, read as text --
    ],
}

_PAGE_NUMBER = re.compile(r"^-\s*[๐-๙0-9]+\s*-$")


def clean_seed(stem: str, text: str) -> str:
    """A seed as the text its clerk typed: no markdown (``**``, ``#``, ``\\*``, ``- `` before
    list lines), no typed page numbers "-๒-", pipe tables as tab lines, HTML lists as ``<p>``."""
    lines: list[str] = []
    fixups = FIXUPS.get(stem, [])
    for raw in text.splitlines():
        line = raw.rstrip(" \r\u00a0")
        for old, new in fixups:
            if new == "" and line.strip() == old:
                line = "\x00"
            else:
                line = line.replace(old, new)
        if line == "\x00" or _PAGE_NUMBER.match(line.strip()):
            continue
        line = line.replace("**", "").replace("\\*", "*")
        line = re.sub(r"^#{1,6}\s*", "", line)
        line = re.sub(r"<(ul|ol)[^>]*>|</(ul|ol)>", " ", line)
        line = re.sub(r"<a [^>]*>(.*?)</a>", r"\1", line)
        line = line.replace("<li>", "<p>").replace("</li>", "</p>")
        pipe = _TABLE_LINE.match(line.strip())
        if pipe:
            cells = [c.strip() for c in pipe.group(1).split("|")]
            if all(_SEPARATOR.fullmatch(c) for c in cells):
                continue
            line = "\t".join(cells)
        elif "\t" not in line:
            line = re.sub(r"^(\s*)-\s+(?=[๐-๙0-9(])", r"\1", line)
            if not line.strip():
                line = ""
        lines.append(line)
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip("\n") + "\n"


def refresh_fixtures(seeds: Path = SEEDS, fixtures: Path = FIXTURES) -> list[Path]:
    """Write ``fixtures/<stem>.txt`` for every seed, cleaned by :func:`clean_seed`."""
    written = []
    for seed in sorted(seeds.glob("*.txt")):
        target = fixtures / seed.name
        target.write_text(clean_seed(seed.stem, seed.read_text(encoding="utf-8")), encoding="utf-8")
        written.append(target)
    return written


# ------------------------------------------------------------------ layouts
Digits = Literal["as-typed", "arabic", "thai", "mixed"]
Numbers = Literal["as-typed", "arabic-dot", "paren"]


@dataclass(frozen=True)
class Layout:
    """How a clerk laid the document out in Word."""

    font: str = "TH SarabunPSK"
    body_pt: float = 16
    table_pt: float = 14
    repeat_header: bool = True
    #: -- each piece of a table after a page break as a table of its own, its header repeated --
    continued: bool = False
    merge_down: bool = False        # -- a cell merged down over the empty cells below it --
    merge_same: bool = False        # -- equal cells one under another merged into one --
    merge_across: bool = False      # -- a group row's only text merged over the whole row --
    header_two_rows: bool = False   # -- long headings split over two header rows --
    empty_rows: bool = False
    nested_table: bool = False      # -- a cell's list typed as a small table inside the cell --
    text_box_title: bool = False    # -- the title lines in a text box --
    header_footer: bool = False     # -- "- PAGE -" in the header, a footer line --
    digits: Digits = "as-typed"
    numbers: Numbers = "as-typed"
    cell_bullets: bool = False      # -- numbered lines inside cells typed as "-" lines --
    widths: Literal["content", "equal"] = "content"
    landscape: bool = False


@dataclass(frozen=True)
class Case:
    """One test document: a fixture text, the layout it is typed in, the kind it is."""

    name: str
    fixture: str
    kind: str
    layout: Layout = Layout()

    def blocks(self) -> list[Block]:
        text = (FIXTURES / f"{self.fixture}.txt").read_text(encoding="utf-8")
        return transform(parse_reference(text), self.layout)

    def write(self, directory: Path) -> tuple[Path, Path]:
        """Write ``<name>.docx`` and its reference ``<name>.txt`` into *directory*."""
        blocks = self.blocks()
        reference = directory / f"{self.name}.txt"
        reference.write_text(serialize(blocks), encoding="utf-8")
        docx = directory / f"{self.name}.docx"
        build_docx(blocks, self.layout, docx)
        return docx, reference


# ------------------------------------------------------------------ text transforms
_MEASURE_HEAD = ("มาตรการ", "หัวข้อ")
_LEADING_NUMBER = re.compile(r"^\(?([๐-๙0-9]{1,2})\)?[.)]?\s*")


def transform(blocks: list[Block], layout: Layout) -> list[Block]:
    """The text changes of *layout* (digits, measure numbers, "-" lines, equal cells left
    out under a merge), applied so that the document and its reference agree."""
    out: list[Block] = []
    for block in blocks:
        if isinstance(block, Paragraph):
            out.append(replace(block, text=_digits(block.text, layout.digits, in_table=False)))
            continue
        rows = [[[_digits(p, layout.digits, in_table=True) for p in cell] for cell in row] for row in block.rows]
        head = block.rows[0][0][0] if block.rows and block.rows[0] else ""
        if layout.numbers != "as-typed" and head.startswith(_MEASURE_HEAD):
            for row in rows[block.header:]:
                row[0][0] = _renumber(row[0][0], layout.numbers)
        if layout.cell_bullets:
            for row in rows[block.header:]:
                for cell in row[1:]:
                    if len(cell) > 1:
                        cell[:] = [_LEADING_NUMBER.sub("- ", p, count=1) if _LEADING_NUMBER.match(p) else p
                                   for p in cell]
        if layout.merge_same:
            for c in range(1, block.width):
                for r in range(len(rows) - 1, block.header, -1):
                    if rows[r][c] == rows[r - 1][c] and rows[r][c] != [""]:
                        rows[r][c] = ["\x00"]  # -- under a merge: written by build_docx as merged --
        out.append(Table(rows, block.header, list(block.breaks)))
    return out


def _digits(text: str, digits: Digits, *, in_table: bool) -> str:
    if digits == "arabic" or (digits == "mixed" and not in_table):
        return _outside_codes(text, TO_ARABIC)
    if digits == "thai":
        return _outside_codes(text, TO_THAI)
    return text


_CODE = re.compile(r"https?://\S+|www\.\S+|\b[A-Za-z][A-Za-z0-9]*[0-9]+\b")


def _outside_codes(text: str, table: dict[int, str]) -> str:
    """Digits changed outside addresses and codes such as "O12", "i25", "ITA2023"."""
    out, last = [], 0
    for m in _CODE.finditer(text):
        out.append(text[last:m.start()].translate(table))
        out.append(m.group(0))
        last = m.end()
    out.append(text[last:].translate(table))
    return "".join(out)


def _renumber(text: str, numbers: Numbers) -> str:
    m = re.match(r"^([๐-๙0-9]{1,2})[.)]?\s*(?=\S)", text)
    if not m:
        return text
    n = m.group(1)
    rest = text[m.end():]
    if numbers == "paren":
        return f"({n}) {rest}"
    return f"{n.translate(TO_ARABIC)}. {rest}"


# ------------------------------------------------------------------ writing the .docx
def _set_fonts(rpr: etree._Element, font: str, pt: float) -> None:
    fonts = rpr.find(_w("rFonts"))
    if fonts is None:
        fonts = etree.SubElement(rpr, _w("rFonts"))
    for attr in ("ascii", "hAnsi", "cs", "eastAsia"):
        fonts.set(_w(attr), font)
    for tag in ("sz", "szCs"):
        el = rpr.find(_w(tag))
        if el is None:
            el = etree.SubElement(rpr, _w(tag))
        el.set(_w("val"), str(int(pt * 2)))
    lang = rpr.find(_w("lang"))
    if lang is None:
        lang = etree.SubElement(rpr, _w("lang"))
    lang.set(_w("bidi"), "th-TH")


def _run(paragraph, text: str, pt: float, font: str, *, bold: bool = False):  # type: ignore[no-untyped-def]
    run = paragraph.add_run(text)
    _set_fonts(run._r.get_or_add_rPr(), font, pt)
    if bold:
        run.bold = True
        etree.SubElement(run._r.get_or_add_rPr(), _w("bCs"))
    return run


def build_docx(blocks: Sequence[Block], layout: Layout, path: Path) -> Path:
    """Type *blocks* into a new python-docx document laid out as *layout*; save it at *path*."""
    import docx
    from docx.enum.section import WD_SECTION  # noqa: F401 - python-docx's enums load its oxml
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
    from docx.shared import Cm, Pt

    document = docx.Document()
    section = document.sections[0]
    if layout.landscape:
        from docx.enum.section import WD_ORIENT

        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = Cm(29.7), Cm(21)
    else:
        section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.top_margin, section.bottom_margin = Cm(2.5), Cm(2)
    section.left_margin, section.right_margin = Cm(3), Cm(2)
    normal = document.styles["Normal"]
    _set_fonts(normal.element.get_or_add_rPr(), layout.font, layout.body_pt)
    normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.line_spacing = 1.0

    title_lines = _title_lines(blocks)
    body = list(blocks)
    if layout.text_box_title and title_lines:
        anchor = document.add_paragraph()
        _text_box(anchor, [b for b in body[:title_lines] if isinstance(b, Paragraph)], layout)
        body = body[title_lines:]
        title_lines = 0
    for index, block in enumerate(body):
        if isinstance(block, Paragraph):
            p = document.add_paragraph()
            centred = index < title_lines
            if centred:
                p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            elif block.indent:
                p.paragraph_format.left_indent = Cm(0.75 * block.indent)
            else:
                p.paragraph_format.first_line_indent = Cm(1.25) if len(block.text) > 80 else None
            _run(p, block.text, layout.body_pt, layout.font, bold=centred or _is_heading(block.text))
        else:
            pieces = _pieces(block) if layout.continued else [block]
            for number, piece in enumerate(pieces):
                if number:
                    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
                _table(document, piece, layout)
                if number == len(pieces) - 1:
                    document.add_paragraph()
    if layout.header_footer:
        _header_footer(document, blocks, layout)
    document.core_properties.author = "งานนิติการ"
    document.save(str(path))
    return path


def _title_lines(blocks: Sequence[Block]) -> int:
    """How many paragraphs open the document as its title: short lines before the first
    table or long paragraph."""
    n = 0
    for block in blocks:
        if not isinstance(block, Paragraph) or len(block.text) > 110:
            break
        n += 1
    return min(n, 8)


def _is_heading(text: str) -> bool:
    return len(text) < 110 and bool(re.match(r"^(ส่วนที่|ประเด็นที่|[๐-๙0-9]{1,2}\.\s?\S|คำนำ|สารบัญ|ภาคผนวก)", text))


def _pieces(table: Table) -> list[Table]:
    """A table cut where its source was cut by a page break, the header on every piece."""
    if not table.breaks:
        return [table]
    cuts = [table.header, *table.breaks, len(table.rows)]
    head = table.rows[: table.header]
    return [Table(head + table.rows[a:b], table.header) for a, b in itertools.pairwise(cuts) if b > a]


def _widths(table: Table, layout: Layout) -> list[float]:
    """Column widths in cm over 16 cm, from the length of what each column holds."""
    total = 24.7 if layout.landscape else 16.0
    n = table.width
    if layout.widths == "equal":
        return [total / n] * n
    least = min(1.7, total / n)
    weights = []
    for c in range(n):
        longest = max((len(" ".join(row[c])) for row in table.rows if c < len(row)), default=1)
        weights.append(min(longest, 60) ** 0.75)
    s = sum(weights)
    return [round(least + (total - least * n) * w / s, 2) for w in weights]


def _table(document, table: Table, layout: Layout) -> None:  # type: ignore[no-untyped-def]
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.shared import Cm

    rows = [list(r) for r in table.rows]
    header = table.header
    split = _split_header(rows[0]) if layout.header_two_rows and header == 1 else None
    if split is not None:
        rows = [split[0], split[1], *rows[1:]]
        header = 2
    empty_after: set[int] = set()
    if layout.empty_rows:
        body_rows = range(header, len(rows))
        empty_after = {r for r in body_rows if (r - header) % 3 == 2} | {len(rows) - 1}
    widths = _widths(Table(table.rows, table.header), layout)
    grid: list[list[list[str]] | None] = []
    for r, line in enumerate(rows):
        grid.append(line)
        if r in empty_after:
            grid.append(None)
            if r == len(rows) - 1:
                grid.append(None)
    word = document.add_table(rows=len(grid), cols=table.width)
    word.style = "Table Grid"
    word.autofit = False
    for c, width in enumerate(widths):
        for cell in word.columns[c].cells:
            cell.width = Cm(width)
    for column, width in zip(word._tbl.tblGrid.gridCol_lst, widths):
        column.w = Cm(width)
    nested_done = False
    for r, row in enumerate(grid):
        if r < header and layout.repeat_header:
            trpr = word.rows[r]._tr.get_or_add_trPr()
            trpr.append(OxmlElement("w:tblHeader"))
        if row is None:
            continue
        for c, paragraphs in enumerate(row):
            cell = word.cell(r, c)
            if paragraphs in (["\x00"], ["\x01"]):
                continue
            if (layout.nested_table and not nested_done and r >= header and c > 0 and len(paragraphs) >= 3
                    and table.width >= 4):
                _nested(cell, paragraphs, layout, widths[c])
                nested_done = True
                continue
            for i, text in enumerate(paragraphs):
                p = cell.paragraphs[0] if i == 0 else cell.add_paragraph()
                if r < header:
                    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
                _run(p, text, layout.table_pt, layout.font, bold=r < header)
    _merges(word, grid, header, layout, split is not None)


def _split_header(row: list[list[str]]) -> tuple[list[list[str]], list[list[str]]] | None:
    """The header as two rows: a long heading's words split over both, the other headings
    merged down over the two rows (marked ``\\x01`` for :func:`_merges`)."""
    top, bottom, split_any = [], [], False
    for cell in row:
        text = " ".join(cell)
        m = re.match(r"^(.+?)\s*(ดำเนินการ|ดำเนินงาน)$", text)
        if m and m.group(1).strip():
            top.append([m.group(1).strip()])
            bottom.append([m.group(2).strip()])
            split_any = True
        else:
            top.append(cell)
            bottom.append(["\x01"])
    return (top, bottom) if split_any else None


def _merges(word, grid: list[list[list[str]] | None], header: int, layout: Layout, split: bool) -> None:  # type: ignore[no-untyped-def]
    width = len(grid[0]) if grid and grid[0] is not None else 0
    if split:
        for c in range(width):
            if grid[1] is not None and grid[1][c] == ["\x01"]:
                word.cell(0, c).merge(word.cell(1, c))
    for c in range(width):
        r = header
        while r < len(grid):
            row = grid[r]
            if row is None or _blank(row[c]):
                r += 1
                continue
            end = r
            while end + 1 < len(grid) and grid[end + 1] is not None:
                below = grid[end + 1][c]  # type: ignore[index]
                same = layout.merge_same and below == ["\x00"]
                empty = layout.merge_down and _blank(below) and not _row_empty(grid[end + 1])
                if not (same or empty):
                    break
                end += 1
            if end > r:
                word.cell(r, c).merge(word.cell(end, c))
            r = end + 1
    if layout.merge_across:
        for r in range(header, len(grid)):
            row = grid[r]
            if row is not None and not _blank(row[0]) and all(_blank(x) for x in row[1:]) and width > 1:
                word.cell(r, 0).merge(word.cell(r, width - 1))


def _blank(cell: list[str]) -> bool:
    return all(not p.strip() for p in cell)


def _row_empty(row: list[list[str]] | None) -> bool:
    return row is None or all(_blank(c) for c in row)


def _nested(cell, paragraphs: list[str], layout: Layout, width: float) -> None:  # type: ignore[no-untyped-def]
    """The cell's list as a two-column table inside it: number | text."""
    from docx.shared import Cm

    cell.paragraphs[0].text = ""
    inner = cell.add_table(rows=len(paragraphs), cols=2)
    inner.style = "Table Grid"
    inner.autofit = False
    for column, w in zip(inner._tbl.tblGrid.gridCol_lst, (0.8, max(width - 1.2, 1))):
        column.w = Cm(w)
    for r, text in enumerate(paragraphs):
        m = re.match(r"^([-■❖•]|\(?[๐-๙0-9]{1,2}[.)]+)\s*(.*)$", text)
        number, rest = (m.group(1), m.group(2)) if m else ("", text)
        inner.cell(r, 0).width, inner.cell(r, 1).width = Cm(0.8), Cm(max(width - 1.2, 1))
        if number:
            _run(inner.cell(r, 0).paragraphs[0], number, layout.table_pt, layout.font)
        _run(inner.cell(r, 1).paragraphs[0], rest, layout.table_pt, layout.font)
    # -- python-docx leaves the cell's first paragraph empty above the table; a clerk too --


def _el(parent: etree._Element, ns: str, tag: str, **attrs: str) -> etree._Element:
    el = etree.SubElement(parent, f"{{{ns}}}{tag}")
    for key, value in attrs.items():
        el.set(key, value)
    return el


def _text_box(anchor, lines: Sequence[Paragraph], layout: Layout) -> None:  # type: ignore[no-untyped-def]
    """The title lines in an inline text box, written as Word writes one: a DrawingML shape
    (wps) with its VML fallback, the same text in both."""
    run = anchor.add_run()._r
    alternate = etree.SubElement(run, f"{{{MC_NS}}}AlternateContent",
                                 nsmap={"mc": MC_NS, "wps": WPS_NS, "wp": WP_NS, "a": A_NS, "v": V_NS})
    choice = _el(alternate, MC_NS, "Choice", Requires="wps")
    drawing = _el(choice, W_NS, "drawing")
    inline = _el(drawing, WP_NS, "inline", distT="0", distB="0", distL="0", distR="0")
    cx, cy = str(16 * 360000), str(int((len(lines) * 0.9 + 0.4) * 360000))
    _el(inline, WP_NS, "extent", cx=cx, cy=cy)
    _el(inline, WP_NS, "effectExtent", l="0", t="0", r="0", b="0")
    _el(inline, WP_NS, "docPr", id="1", name="Text Box 1")
    _el(inline, WP_NS, "cNvGraphicFramePr")
    graphic = _el(inline, A_NS, "graphic")
    data = _el(graphic, A_NS, "graphicData", uri=WPS_NS)
    wsp = _el(data, WPS_NS, "wsp")
    _el(wsp, WPS_NS, "cNvSpPr", txBox="1")
    sppr = _el(wsp, WPS_NS, "spPr")
    xfrm = _el(sppr, A_NS, "xfrm")
    _el(xfrm, A_NS, "off", x="0", y="0")
    _el(xfrm, A_NS, "ext", cx=cx, cy=cy)
    geometry = _el(sppr, A_NS, "prstGeom", prst="rect")
    _el(geometry, A_NS, "avLst")
    box = _el(wsp, WPS_NS, "txbx")
    _box_content(_el(box, W_NS, "txbxContent"), lines, layout)
    _el(wsp, WPS_NS, "bodyPr", rot="0", vert="horz", wrap="square", anchor="t")
    fallback = _el(alternate, MC_NS, "Fallback")
    pict = _el(fallback, W_NS, "pict")
    shape = _el(pict, V_NS, "shape", id="Text Box 1", type="#_x0000_t202",
                style="width:453.6pt;height:%.1fpt" % ((len(lines) * 0.9 + 0.4) * 28.35))
    textbox = _el(shape, V_NS, "textbox")
    _box_content(_el(textbox, W_NS, "txbxContent"), lines, layout)


def _box_content(content: etree._Element, lines: Sequence[Paragraph], layout: Layout) -> None:
    for line in lines:
        p = _el(content, W_NS, "p")
        ppr = _el(p, W_NS, "pPr")
        _el(ppr, W_NS, "jc").set(_w("val"), "center")
        r = _el(p, W_NS, "r")
        rpr = _el(r, W_NS, "rPr")
        _el(rpr, W_NS, "b")
        _el(rpr, W_NS, "bCs")
        _set_fonts(rpr, layout.font, layout.body_pt)
        t = _el(r, W_NS, "t")
        t.text = line.text
        t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")


def _header_footer(document, blocks: Sequence[Block], layout: Layout) -> None:  # type: ignore[no-untyped-def]
    """"- PAGE -" centred in the header from page 2 on (none on the first), and a footer
    line with the document's first title line on every page."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    section = document.sections[0]
    section.different_first_page_header_footer = True
    p = section.header.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _run(p, "- ", layout.body_pt, layout.font)
    _field(p, "PAGE", "๒", layout)
    _run(p, " -", layout.body_pt, layout.font)
    title = next((b.text for b in blocks if isinstance(b, Paragraph)), "")
    for footer in (section.footer, section.first_page_footer):
        f = footer.paragraphs[0]
        f.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        _run(f, f"{title} (ฉบับปรับปรุง)", layout.table_pt, layout.font)


def _field(paragraph, instruction: str, shown: str, layout: Layout) -> None:  # type: ignore[no-untyped-def]
    """A complex field as Word writes it: begin, instruction, separate, result, end."""
    for kind, text in (("begin", None), ("instr", f" {instruction} \\* MERGEFORMAT "), ("separate", None),
                       ("result", shown), ("end", None)):
        run = _run(paragraph, "", layout.body_pt, layout.font)._r
        if kind == "instr":
            el = _el(run, W_NS, "instrText")
            el.text = text
            el.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        elif kind == "result":
            _el(run, W_NS, "t").text = text
        else:
            _el(run, W_NS, "fldChar").set(_w("fldCharType"), kind)


# ------------------------------------------------------------------ reading a .docx back
BULLETS = re.compile(r"[■❖•●◦▪–—\-\u200b\u200c\u200d\u2060\ufeff\"“”‘’'`*#|]")
FOLD = str.maketrans({d: str(i) for i, d in enumerate(THAI_DIGITS)})


def norm(text: str) -> str:
    """Text compared as seed_fidelity.py compares it: no whitespace, bullets or markup,
    digits in one form, nikhahit + sara aa as sara am."""
    import unicodedata

    text = html.unescape(re.sub(r"<[^>]+>", " ", text))
    text = unicodedata.normalize("NFC", text).translate(FOLD).lower()
    text = text.replace("\u0e4d\u0e32", "\u0e33")
    text = BULLETS.sub("", text)
    return re.sub(r"\s+", "", text)


def _part_names(archive: zipfile.ZipFile) -> list[str]:
    names = archive.namelist()
    return ["word/document.xml", *sorted(n for n in names if re.fullmatch(r"word/(header|footer)\d*\.xml", n))]


def source_pieces(path: Path) -> list[tuple[str, str]]:
    """Every paragraph's text of a .docx — body, cells, nested tables, text boxes (once:
    the VML copy of a shape is skipped), headers and footers — without page-number fields;
    as (part, text), texts shorter than 3 compared characters left out."""
    pieces: list[tuple[str, str]] = []
    with zipfile.ZipFile(path) as archive:
        for name in _part_names(archive):
            root = etree.fromstring(archive.read(name))
            for p in root.iter(_w("p")):
                if any(a.tag == f"{{{MC_NS}}}Fallback" for a in p.iterancestors()):
                    continue
                text = _own_text(p)
                if len(norm(text)) >= 3:
                    pieces.append((name, text))
    return pieces


def _own_text(p: etree._Element) -> str:
    """The text of paragraph *p* itself (not of paragraphs in a text box inside it), a
    PAGE/NUMPAGES field's shown number left out."""
    parts: list[str] = []
    in_field_result = False
    page_field = False
    for el in p.iter(_w("t"), _w("tab"), _w("br"), _w("fldChar"), _w("instrText"), _w("fldSimple")):
        if next(el.iterancestors(_w("p"))) is not p:
            continue
        if el.tag == _w("fldChar"):
            kind = el.get(_w("fldCharType"))
            if kind == "begin":
                page_field = False
            elif kind == "separate":
                in_field_result = page_field
            elif kind == "end":
                in_field_result = page_field = False
        elif el.tag == _w("instrText"):
            page_field = page_field or bool(re.match(r"\s*(PAGE|NUMPAGES)\b", el.text or ""))
        elif el.tag == _w("t"):
            simple = next(el.iterancestors(_w("fldSimple")), None)
            if simple is not None and re.match(r"\s*(PAGE|NUMPAGES)\b", simple.get(_w("instr")) or ""):
                continue
            if not in_field_result:
                parts.append(el.text or "")
        else:
            parts.append(" ")
    return "".join(parts)


def docx_text(path: Path) -> str:
    """All the text of a .docx (body, headers, footers, text boxes), paragraphs spaced."""
    return " ".join(text for _, text in source_pieces(path))


# ------------------------------------------------------------------ LibreOffice
def resave_with_libreoffice(files: Sequence[Path], out_dir: Path, *, timeout: float = 600) -> list[Path]:
    """Each of *files* opened and saved again as .docx by LibreOffice (``soffice --headless
    --convert-to docx``), into *out_dir* under the same name; one LibreOffice run, with a
    profile of its own so that other LibreOffice runs on the machine do not interfere."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise FileNotFoundError("soffice")
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="clerk-lo-") as profile:
        command = [soffice, f"-env:UserInstallation={Path(profile).as_uri()}", "--headless", "--norestore",
                   "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(out_dir), *map(str, files)]
        subprocess.run(command, capture_output=True, timeout=timeout, check=False, start_new_session=True)
    out = [out_dir / f.name for f in files]
    missing = [p.name for p in out if not p.is_file()]
    if missing:
        raise RuntimeError(f"LibreOffice did not write {missing}")
    return out


# ------------------------------------------------------------------ the corpus
_SARABUN = Layout(font="TH SarabunPSK", body_pt=15, table_pt=14)
_ANGSANA = Layout(font="Angsana New", body_pt=16, table_pt=14)
_CORDIA = Layout(font="Cordia New", body_pt=16, table_pt=14, widths="equal")
_SARABUN_IT = Layout(font="TH SarabunIT๙", body_pt=16, table_pt=15, repeat_header=False)

CASES: tuple[Case, ...] = (
    # -- one per seed, as typed: one table per table, header repeated or not --
    Case("nongmuang", "nongmuang-2566-measures", "measures_plan", _ANGSANA),
    Case("krut", "krut-2566-progress", "progress_report", replace(_SARABUN, repeat_header=False)),
    Case("sanmaket", "sanmaket-2565-progress", "combined", _CORDIA),
    Case("satengnok", "satengnok-2566-analysis", "analysis_report", replace(_SARABUN, body_pt=14, table_pt=13)),
    Case("ronthong", "ronthong-2564-report", "annual_report", _SARABUN_IT),
    # -- the variants --
    Case("nongmuang-merged", "nongmuang-2566-measures", "measures_plan",
         replace(_ANGSANA, merge_across=True, merge_same=True)),
    Case("satengnok-merged", "satengnok-2566-analysis", "analysis_report",
         replace(_SARABUN, merge_down=True, merge_across=True)),
    Case("krut-merged", "krut-2566-progress", "progress_report", replace(_SARABUN, merge_down=True, merge_same=True)),
    Case("nongmuang-header2", "nongmuang-2566-measures", "measures_plan",
         replace(_ANGSANA, header_two_rows=True, continued=True)),
    Case("krut-header2", "krut-2566-progress", "progress_report", replace(_SARABUN, header_two_rows=True)),
    Case("krut-continued", "krut-2566-progress", "progress_report", replace(_SARABUN, continued=True)),
    Case("sanmaket-continued", "sanmaket-2565-progress", "combined",
         replace(_CORDIA, continued=True, repeat_header=False)),
    Case("krut-nested", "krut-2566-progress", "progress_report",
         replace(_SARABUN, nested_table=True, text_box_title=True, header_footer=True, landscape=True)),
    Case("nongmuang-arabic", "nongmuang-2566-measures", "measures_plan",
         replace(_ANGSANA, digits="arabic", numbers="arabic-dot", empty_rows=True)),
    Case("krut-paren", "krut-2566-progress", "progress_report",
         replace(_SARABUN, numbers="paren", cell_bullets=True, digits="mixed")),
    Case("satengnok-thai", "satengnok-2566-analysis", "analysis_report",
         replace(_SARABUN, digits="thai", header_footer=True, empty_rows=True)),
)


def write_all(directory: Path, cases: Iterable[Case] = CASES) -> Iterator[tuple[Case, Path, Path]]:
    """Write every case into *directory*; yield (case, docx, reference)."""
    directory.mkdir(parents=True, exist_ok=True)
    for case in cases:
        docx, reference = case.write(directory)
        yield case, docx, reference


def main(argv: Sequence[str]) -> int:
    if argv[:1] == ["--refresh-fixtures"]:
        for path in refresh_fixtures():
            print(path)
        return 0
    if len(argv) != 1:
        print(__doc__)
        return 2
    for case, docx, _ in write_all(Path(argv[0])):
        print(f"{case.name}\t{docx}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
