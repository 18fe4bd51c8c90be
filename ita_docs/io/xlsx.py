"""The cells of an .xlsx package's worksheets, read straight from its XML parts.

What :mod:`ita_docs.io.workbook` needs of a workbook is small: each worksheet's title,
its non-empty cells (value, type, number format, whether a formula has a computed
value) and its merged ranges. This module reads only the parts that hold them —
``[Content_Types].xml``, the workbook part and its relationships, ``xl/styles.xml``
(the number format of each cell style), the shared strings and the sheets — from one
open zip, and gives each cell as openpyxl's read-only, ``data_only`` parser did before
(the cell dictionaries of ``WorkSheetParser.parse_cell``), without openpyxl's object
model or its import (~0.2 s a process). ``tests/io/test_xlsx_differential.py`` compares
the two on samples, LibreOffice's files and generated cells.

Parsing follows openpyxl's: the parts it reads with ``lxml`` (content types, workbook,
relationships, styles, document properties) are read with the same safe ``lxml``
parser, the sheets and shared strings with the standard library's expat, so a damaged
part fails with the same exception. Large sheets are streamed, as openpyxl did, and so
is a sheet expat refuses, so that cells before the damage still count against the cell
budget first. openpyxl is still imported for what is rare: a merged range (refused by
the reader anyway) and an ISO date cell (``t="d"``).
"""
from __future__ import annotations

import posixpath
import re
import zipfile
from collections.abc import Callable, Iterator
from datetime import datetime, time, timedelta
from functools import lru_cache
from typing import IO, Any
from xml.etree import ElementTree

__all__ = ["BUILTIN_FORMATS", "Sheet", "column_letter", "from_excel", "is_date_format",
           "is_timedelta_format", "read_sheets"]

_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_ROW, _VALUE, _FORMULA, _INLINE, _TEXT, _RUN = (_MAIN + t for t in ("row", "v", "f", "is", "t", "r"))
_MERGES, _SHARED = _MAIN + "mergeCells", _MAIN + "si"
_DIMENSION, _DATA = _MAIN + "dimension", _MAIN + "sheetData"
_SIMPLE_RANGE = re.compile(r"[A-Z]{1,3}[1-9][0-9]*(:[A-Z]{1,3}[1-9][0-9]*)?")
_RELATION_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_SPREADSHEET = "application/vnd.openxmlformats-officedocument.spreadsheetml.%s.main+xml"
_MACRO = "application/vnd.ms-excel.%s.macroEnabled.main+xml"
#: The content types of a workbook part, in the order openpyxl looks for them.
_WORKBOOK_TYPES = (_MACRO % "template", _MACRO % "sheet", _SPREADSHEET % "template", _SPREADSHEET % "sheet")
_SHARED_STRINGS = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"
#: Sheets above this size (unpacked) are parsed as a stream, not as one tree.
STREAM_ABOVE = 4 * 1024 * 1024

#: Excel's built-in number formats by id (openpyxl's ``BUILTIN_FORMATS``; a test checks).
BUILTIN_FORMATS: dict[int, str] = {
    0: "General", 1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00",
    5: '"$"#,##0_);("$"#,##0)', 6: '"$"#,##0_);[Red]("$"#,##0)', 7: '"$"#,##0.00_);("$"#,##0.00)',
    8: '"$"#,##0.00_);[Red]("$"#,##0.00)', 9: "0%", 10: "0.00%", 11: "0.00E+00", 12: "# ?/?", 13: "# ??/??",
    14: "mm-dd-yy", 15: "d-mmm-yy", 16: "d-mmm", 17: "mmm-yy", 18: "h:mm AM/PM", 19: "h:mm:ss AM/PM",
    20: "h:mm", 21: "h:mm:ss", 22: "m/d/yy h:mm",
    37: "#,##0_);(#,##0)", 38: "#,##0_);[Red](#,##0)", 39: "#,##0.00_);(#,##0.00)", 40: "#,##0.00_);[Red](#,##0.00)",
    41: r'_(* #,##0_);_(* \(#,##0\);_(* "-"_);_(@_)', 42: r'_("$"* #,##0_);_("$"* \(#,##0\);_("$"* "-"_);_(@_)',
    43: r'_(* #,##0.00_);_(* \(#,##0.00\);_(* "-"??_);_(@_)',
    44: r'_("$"* #,##0.00_)_("$"* \(#,##0.00\)_("$"* "-"??_)_(@_)',
    45: "mm:ss", 46: "[h]:mm:ss", 47: "mmss.0", 48: "##0.0E+0", 49: "@",
}
_BUILTIN_IDS = {code: index for index, code in BUILTIN_FORMATS.items()}
_CUSTOM_FLOOR = 164
_LITERALS = re.compile(r'".*?"|\[(?!hh?\]|mm?\]|ss?\])[^\]]*\]')
_DATE_LETTER = re.compile(r"(?<![_\\])[dmhysDMHYS]")
_ELAPSED = re.compile(r"\[hh?\](:mm(:ss(\.0*)?)?)?|\[mm?\](:ss(\.0*)?)?|\[ss?\](\.0*)?", re.I)
_WINDOWS_EPOCH, _MAC_EPOCH = datetime(1899, 12, 30), datetime(1904, 1, 1)


#: A worksheet: its title, non-empty cells (row → column → cell) and merged ranges.
Sheet = tuple[str, dict[int, dict[int, dict[str, Any]]], list[str]]


def is_date_format(number_format: str | None) -> bool:
    """Whether a cell with *number_format* holds a date (openpyxl's rule).

    >>> is_date_format("d mmm yyyy"), is_date_format("0.00"), is_date_format('"day" 0')
    (True, False, False)
    """
    if number_format is None:
        return False
    return _DATE_LETTER.search(_LITERALS.sub("", number_format.split(";")[0])) is not None


def is_timedelta_format(number_format: str | None) -> bool:
    """Whether *number_format* shows elapsed time (``[h]:mm``).

    >>> is_timedelta_format("[h]:mm:ss"), is_timedelta_format("h:mm")
    (True, False)
    """
    return number_format is not None and _ELAPSED.search(number_format.split(";")[0]) is not None


def from_excel(value: float, epoch: datetime = _WINDOWS_EPOCH, elapsed: bool = False) -> datetime | time | timedelta:
    """The date, time or duration of an Excel serial number (openpyxl's ``from_excel``).

    >>> from_excel(44956), from_excel(0.5), from_excel(1.5, elapsed=True)
    (datetime.datetime(2023, 1, 30, 0, 0), datetime.time(12, 0), datetime.timedelta(days=1, seconds=43200))
    """
    if elapsed:
        span = timedelta(days=value)
        if span.microseconds:
            span = timedelta(seconds=span.total_seconds() // 1, microseconds=round(span.microseconds, -3))
        return span
    day, fraction = divmod(value, 1)
    diff = timedelta(milliseconds=round(fraction * 86400 * 1000))
    if 0 <= value < 1 and diff.days == 0:
        minutes, seconds = divmod(diff.seconds, 60)
        hours, minutes = divmod(minutes, 60)
        return time(hours, minutes, seconds, diff.microseconds)
    if 0 < value < 60 and epoch == _WINDOWS_EPOCH:
        day += 1
    return epoch + timedelta(days=day) + diff


def column_letter(column: int) -> str:
    """The letters of column *column* (1 → "A", 27 → "AA").

    >>> column_letter(1), column_letter(26), column_letter(27), column_letter(18278)
    ('A', 'Z', 'AA', 'ZZZ')
    """
    if not 1 <= column <= 18278:
        raise ValueError(f"Invalid column index {column}")
    letters = ""
    while column:
        column, remainder = divmod(column - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


@lru_cache(maxsize=1 << 16)
def _coordinate(text: str) -> tuple[int, int]:
    """Row and column of a cell reference, with openpyxl's ``coordinate_to_tuple`` errors."""
    index = next((i for i, char in enumerate(text) if char in "0123456789"), len(text) - 1)
    letters, digits = text[:index], text[index:]
    row = int(digits)
    column = 0
    error = f"'{letters}' is not a valid column name. Column names are from A to ZZZ"
    if len(letters) > 3:
        raise ValueError(error)
    for letter, power in zip(reversed(letters.upper()), (1, 26, 676)):
        if not ("A" <= letter <= "Z" and letter.isascii()):
            raise ValueError(error)
        column += (ord(letter) - 64) * power
    if not 0 < column < 18279:
        raise ValueError(error)
    return row, column


def _number(text: str) -> int | float:
    return float(text) if "." in text or "E" in text or "e" in text else int(text)


def _local(tag: Any) -> str:
    return tag.rpartition("}")[2] if isinstance(tag, str) else ""


def _text_content(element: Any) -> str:
    """The text of a ``<si>`` or ``<is>`` element as openpyxl's ``Text.content``: its last
    ``<t>``, then each run's last ``<t>``; phonetic runs left out."""
    plain: str | None = None
    runs: list[str] = []
    for child in element:
        name = _local(child.tag)
        if name == "t":
            plain = child.text
        elif name == "r":
            run: str | None = None
            for part in child:
                if _local(part.tag) == "t":
                    run = part.text
            if run is not None:
                runs.append(run)
    return (plain or "") + "".join(runs)


class _Package:
    """One open .xlsx: its parts read on demand, XML parsed as openpyxl parses each part."""

    def __init__(self, handle: IO[bytes]) -> None:
        from lxml import etree

        self.zip = zipfile.ZipFile(handle)
        self.names = set(self.zip.namelist())
        self._lxml = etree.XMLParser(resolve_entities=False)
        self._fromstring = etree.fromstring

    def xml(self, name: str) -> Any:
        """A part parsed as openpyxl's ``fromstring`` does (lxml, entities not resolved)."""
        return self._fromstring(self.zip.read(name), self._lxml)

    def rels(self, name: str) -> dict[str | None, tuple[str, str]]:
        """Relationship id → (type, target in the package) of the part *name*."""
        folder, base = posixpath.split(name)
        path = posixpath.join(folder, "_rels", f"{base}.rels")
        root = self.xml(path)
        found: dict[str | None, tuple[str, str]] = {}
        parent = posixpath.split(posixpath.dirname(path))[0]
        for element in root:
            if _local(element.tag) != "Relationship":
                continue
            kind, target = element.get("Type"), element.get("Target")
            if kind is None or target is None:  # -- openpyxl drops the whole list, with a warning --
                return {}
            if element.get("TargetMode") != "External":
                target = target[1:] if target.startswith("/") else posixpath.normpath(posixpath.join(parent, target))
            found[element.get("Id")] = (kind, target)
        return found


def _parts(package: _Package) -> tuple[str, str | None]:
    """The workbook part and the shared strings part, from ``[Content_Types].xml``."""
    overrides: list[tuple[str | None, str | None]] = []
    defaults: set[str | None] = set()
    for element in package.xml("[Content_Types].xml"):
        name = _local(element.tag)
        if name == "Override":
            overrides.append((element.get("ContentType"), element.get("PartName")))
        elif name == "Default":
            defaults.add(element.get("ContentType"))
    workbook = next((part for kind in _WORKBOOK_TYPES for ct, part in overrides if ct == kind), None)
    if workbook is None:
        if not defaults & set(_WORKBOOK_TYPES):
            raise OSError("File contains no valid workbook part")
        workbook = "/xl/workbook.xml"
    strings = next((part for ct, part in overrides if ct == _SHARED_STRINGS), None)
    return (workbook or "")[1:], strings[1:] if strings is not None else None


def _shared_strings(package: _Package, part: str | None) -> list[str]:
    if part is None:
        return []
    with package.zip.open(part) as source:
        root = ElementTree.parse(source).getroot()
    return [_text_content(si).replace("x005F_", "") for si in root.iter(_SHARED)]


def _styles(package: _Package) -> tuple[dict[int | str, str], set[int | str], set[int | str]]:
    """The number format of each cell style, and which styles openpyxl reads as dates and
    as durations — as ``_number_formats`` and ``apply_stylesheet`` made them before."""
    if "xl/styles.xml" not in package.names:
        return {0: "General"}, set(), set()
    root = package.xml("xl/styles.xml")
    custom: dict[int, str] = {}
    ids: list[int] = []
    for section in root:
        name = _local(section.tag)
        if name == "numFmts":  # -- the last of each section counts, as in openpyxl --
            custom = {}
            for item in section:
                if _local(item.tag) == "numFmt":
                    custom[int(item.get("numFmtId"))] = item.get("formatCode")
        elif name == "cellXfs":
            ids = [int(xf.get("numFmtId") or 0) for xf in section if _local(xf.tag) == "xf"]
    if not ids:  # -- no cell styles: openpyxl keeps its own single default --
        return {0: "General"}, set(), set()
    added: list[str] = []
    formats: dict[int | str, str] = {}
    dates: set[int | str] = set()
    elapsed: set[int | str] = set()
    for index, format_id in enumerate(ids):
        code: str | None
        if format_id in custom:
            code = custom[format_id]
            if code in _BUILTIN_IDS:
                format_id = _BUILTIN_IDS[code]
            else:
                if code not in added:
                    added.append(code)
                format_id = added.index(code) + _CUSTOM_FLOOR
        else:
            code = BUILTIN_FORMATS.get(format_id)
        if is_date_format(code):
            dates.add(index)
        if is_timedelta_format(code):
            elapsed.add(index)
        if format_id < _CUSTOM_FLOOR:
            formats[index] = BUILTIN_FORMATS.get(format_id, "General")
        else:
            own = format_id - _CUSTOM_FLOOR
            formats[index] = added[own] if own < len(added) else "General"
    return formats, dates, elapsed


def _workbook(root: Any) -> tuple[datetime, list[tuple[str | None, str | None]]]:
    """The date epoch of a parsed workbook part, and its sheets' names and relationship ids
    (each child of ``<sheets>`` is a sheet to openpyxl, which refuses one without an id
    number or with an unknown state)."""
    epoch = _WINDOWS_EPOCH
    entries: list[tuple[str | None, str | None]] = []
    for section in root:
        name = _local(section.tag)
        if name == "workbookPr":
            flag = section.get("date1904")
            epoch = _MAC_EPOCH if flag is not None and flag not in ("false", "f", "0") and flag else _WINDOWS_EPOCH
        elif name == "sheets":
            entries = []
            for sheet in section:
                number, state = sheet.get("sheetId"), sheet.get("state", "visible")
                try:
                    int(number)
                except (TypeError, ValueError):
                    raise TypeError("expected <class 'int'>") from None
                if state not in ("visible", "hidden", "veryHidden", "none"):
                    raise ValueError("Value must be one of {'visible', 'hidden', 'veryHidden'}")
                entries.append((sheet.get("name"), sheet.get(_RELATION_ID)))
    return epoch, entries


class _Cells:
    """The cell dictionaries of one sheet, as openpyxl's ``data_only`` parser gave them."""

    def __init__(self, strings: list[str], formats: dict[int | str, str], dates: set[int | str],
                 elapsed: set[int | str], epoch: datetime) -> None:
        self.strings, self.formats, self.dates, self.elapsed, self.epoch = strings, formats, dates, elapsed, epoch

    def rows(self, rows: Iterator[Any], budget: list[int],
             overflow: Callable[[], Exception]) -> dict[int, dict[int, dict[str, Any]]]:
        found: dict[int, dict[int, dict[str, Any]]] = {}
        row_number = 0
        for row in rows:
            number = row.get("r")
            if number is not None:
                try:
                    row_number = int(number)
                except ValueError:
                    as_float = float(number)
                    if not as_float.is_integer():
                        raise ValueError(f"{number} is not a valid row number") from None
                    row_number = int(as_float)
            else:
                row_number += 1
            column_number = 0
            parsed = []  # -- the whole row first, as openpyxl: its errors before the budget's --
            for element in row:
                cell = self.cell(element, row_number, column_number)
                column_number = cell["column"] if element.get("r") else column_number + 1
                parsed.append(cell)
            for cell in parsed:
                value = cell["value"]
                if (value is None or (isinstance(value, str) and not value.strip())) and not (
                        cell["formula"] and not cell["cached"]):
                    continue
                budget[0] -= 1
                if budget[0] < 0:
                    raise overflow()
                cell["number_format"] = self.formats.get(cell["style_id"], "General")
                found.setdefault(cell["row"], {})[cell["column"]] = cell
        return found

    def cell(self, element: Any, row_number: int, column_number: int) -> dict[str, Any]:
        typed = element.get("t", "n")
        coordinate = element.get("r")
        row, column = _coordinate(coordinate) if coordinate else (row_number, column_number + 1)
        formula = element.find(_FORMULA) is not None
        style = element.get("s", 0)
        if typed == "inlineStr" and not formula:
            child = element.find(_INLINE)
            text = None
            if child is not None:
                text = (child.findtext(_TEXT) or "") + "".join(run.findtext(_TEXT) or "" for run in child.iterfind(_RUN))
            return {"row": row, "column": column, "value": text, "data_type": "s",
                    "style_id": int(style) if style else 0, "formula": False, "cached": True,
                    "bad_date": False, "raw": None}
        if style:
            style = int(style)
        cached = element.findtext(_VALUE)
        data_type = typed
        value: Any = None if typed == "inlineStr" else (cached or None)
        if value is not None:
            if typed == "n":
                value = _number(value)
                if style in self.dates:
                    data_type = "d"
                    try:
                        value = from_excel(value, self.epoch, style in self.elapsed)
                    except (OverflowError, ValueError):
                        data_type, value = "e", "#VALUE!"
            elif typed == "s":
                value = self.strings[int(value)]
            elif typed == "b":
                value = bool(int(value))
            elif typed == "str":
                data_type = "s"
            elif typed == "d":
                from openpyxl.utils.datetime import from_ISO8601

                value = from_ISO8601(value)
        elif typed == "inlineStr":
            child = element.find(_INLINE)
            if child is not None:
                data_type, value = "s", _text_content(child)
        return {"row": row, "column": column, "value": value, "data_type": data_type, "style_id": style,
                "formula": formula, "cached": bool(cached) or (cached is not None and typed == "str")
                or typed == "inlineStr", "bad_date": typed != "e" and data_type == "e", "raw": cached}


def _merges(element: Any) -> list[str]:
    """The merged ranges of a ``<mergeCells>`` element, as openpyxl normalises them."""
    from openpyxl.worksheet.merge import MergeCells

    return [str(m.ref) for m in MergeCells.from_tree(element).mergeCell]


def _streamed(source: IO[bytes], merges: list[str]) -> Iterator[Any]:
    """The rows of a sheet as expat reaches them, each cleared once read (openpyxl's way)."""
    for _, element in ElementTree.iterparse(source):
        if element.tag == _ROW:
            yield element
            element.clear()
        elif element.tag == _MERGES:
            merges[:] = _merges(element)
            element.clear()


def read_sheets(handle: IO[bytes], skip: str, budget: int, overflow: Callable[[], Exception]) -> list[Sheet]:
    """Every worksheet of the .xlsx open in *handle* but the one titled *skip*, in order;
    more than *budget* non-empty cells in all raises ``overflow()``.

    Exceptions are those openpyxl raised on the same damage (zip, XML, missing parts).
    """
    package = _Package(handle)
    try:
        workbook_part, strings_part = _parts(package)
        strings = _shared_strings(package, strings_part)
        epoch, entries = _workbook(package.xml(workbook_part))
        for part in ("docProps/core.xml", "docProps/custom.xml"):
            if part in package.names:
                package.xml(part)
        if "xl/theme/theme1.xml" in package.names:
            package.zip.read("xl/theme/theme1.xml")
        formats, dates, elapsed = _styles(package)
        relations = package.rels(workbook_part) if any(rid for _, rid in entries) else {}
        worksheets: list[tuple[str, str]] = []
        for title, rid in entries:
            if not rid:
                continue
            kind, target = relations[rid]
            if target not in package.names:
                continue
            if "chartsheet" not in kind:
                folder, base = posixpath.split(target)
                if posixpath.join(folder, "_rels", f"{base}.rels") in package.names:
                    package.rels(target)
                if title is None:  # -- a read-only sheet keeps its name as written --
                    raise TypeError("expected <class 'str'>")
                worksheets.append((title, target))
        # -- every sheet is parsed before any cell is read: openpyxl read each sheet's head
        # when it opened the workbook, so damage there failed before any cell problem --
        trees: list[Any] = []
        for title, target in worksheets:
            tree = None
            if title == skip:
                _head(package, target)
            elif package.zip.getinfo(target).file_size <= STREAM_ABOVE:
                data = package.zip.read(target)
                try:
                    tree = ElementTree.fromstring(data)
                except ElementTree.ParseError:
                    _head(package, target)
                else:
                    if (dimension := next(tree.iter(_DIMENSION), None)) is not None:
                        _dimension(dimension)
            else:
                _head(package, target)
            trees.append(tree)
        cells = _Cells(strings, formats, dates, elapsed, epoch)
        left = [budget]
        sheets: list[Sheet] = []
        for (title, target), tree in zip(worksheets, trees):
            if title == skip:
                continue
            merges: list[str] = []
            if tree is not None:
                rows = _tree_rows(tree, cells, left, overflow, merges)
            else:  # -- large, or damaged past its head: streamed, cells before the damage first --
                with package.zip.open(target) as source:
                    rows = cells.rows(_streamed(source, merges), left, overflow)
            sheets.append((title, rows, merges))
        return sheets
    finally:
        package.zip.close()


def _dimension(element: Any) -> None:
    """Refuse a ``<dimension>`` whose range openpyxl cannot read (it read every sheet's)."""
    ref = element.get("ref")
    if ref is None or not _SIMPLE_RANGE.fullmatch(ref):
        from openpyxl.utils.cell import range_boundaries

        range_boundaries(ref)


def _head(package: _Package, target: str) -> None:
    """Parse a sheet that is not read as far as openpyxl did when it opened the workbook:
    16 KB at a time up to its ``<dimension>`` (or the end of ``<sheetData>``)."""
    parser: Any = ElementTree.XMLPullParser()
    with package.zip.open(target) as source:
        while chunk := source.read(16 * 1024):
            parser.feed(chunk)
            for _, element in parser.read_events():
                if element.tag == _DIMENSION:
                    _dimension(element)
                    return
                if element.tag == _DATA:
                    return
        parser.close()
        for _, element in parser.read_events():
            if element.tag == _DIMENSION:
                _dimension(element)
                return


def _tree_rows(root: Any, cells: _Cells, budget: list[int], overflow: Callable[[], Exception],
               merges: list[str]) -> dict[int, dict[int, dict[str, Any]]]:
    """The cells and merged ranges of a sheet parsed whole."""
    rows = cells.rows(root.iter(_ROW), budget, overflow)
    found = list(root.iter(_MERGES))
    if found:
        merges[:] = _merges(found[-1])
    return rows
