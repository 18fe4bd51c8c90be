"""The workbook reader (``ita_docs.io.xlsx``) against openpyxl's, cell for cell.

The oracle is the reader before issue 13 (``tests/io/openpyxl_oracle.py``: openpyxl's
read-only ``data_only`` parser). Both must give the same cells, merged ranges and
titles — or the same ReadError text and location — on every sample saved by openpyxl,
on workbooks LibreOffice saved again (shared strings, its own styles, computed formula
values: ``fixtures/``, and every sample when LibreOffice is installed), and on .xlsx
packages hypothesis writes part by part: cells of every type (numbers, shared and
inline strings, rich text, booleans, errors, ISO dates, formulas with and without a
cached value), number formats built in and custom (dates, durations, a custom code equal
to a built-in one), date1904, missing or odd cell references, merged ranges, and
damage (a part cut short, a bad index, a missing part).

``ITA_FUZZ_EXAMPLES=2000`` runs more generated packages.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import warnings
import zipfile
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape, quoteattr

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ita_docs import load
from ita_docs.errors import DataValidationError, ReadError
from ita_docs.io import save, workbook, xlsx
from tests.conftest import SAMPLES
from tests.io import openpyxl_oracle
from tests.io.xlsx_cells import cells_workbook

FIXTURES = Path(__file__).parent / "fixtures"
EXAMPLES = int(os.environ.get("ITA_FUZZ_EXAMPLES", "150"))
SAMPLE_FILES = sorted(SAMPLES.glob("*.yaml"))


def _outcome(read: Any, path: Path) -> Any:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # -- openpyxl's own warnings (no default style …) --
        try:
            return "read", read(path)
        except ReadError as exc:
            return "refused", str(exc), str(exc.location)


def assert_same_cells(path: Path) -> Any:
    """Both readers give the same sheets, or the same error; returns the outcome."""
    new = _outcome(workbook._sheets_of, path)
    assert new == _outcome(openpyxl_oracle._sheets_of, path)
    return new


def _read(path: Path) -> Any:
    try:
        return "read", workbook.read_workbook(path)
    except (ReadError, DataValidationError) as exc:
        return "refused", type(exc).__name__, str(exc)


def assert_same_reading(path: Path, monkeypatch: pytest.MonkeyPatch) -> Any:
    """read_workbook gives the same data and ``where`` map, or the same Thai problems,
    on the cells of either reader."""
    new = _read(path)
    with monkeypatch.context() as patch, warnings.catch_warnings():
        warnings.simplefilter("ignore")
        patch.setattr(workbook, "_sheets_of", openpyxl_oracle._sheets_of)
        old = _read(path)
    assert new == old
    return new


# -- workbooks ita-docs and LibreOffice write --------------------------------------------


@pytest.mark.parametrize("sample", SAMPLE_FILES, ids=lambda p: p.stem)
def test_each_sample_workbook_reads_as_openpyxl_read_it(sample, tmp_path, monkeypatch):
    path = tmp_path / f"{sample.stem}.xlsx"
    save(load(sample), path)
    assert assert_same_cells(path)[0] == "read"
    assert assert_same_reading(path, monkeypatch)[0] == "read"


@pytest.mark.parametrize("name", ["libreoffice-cells.xlsx", "libreoffice-nongmuang.xlsx"])
def test_libreoffice_workbooks_read_as_openpyxl_read_them(name, monkeypatch):
    path = FIXTURES / name
    assert "xl/sharedStrings.xml" in zipfile.ZipFile(path).namelist()
    assert assert_same_cells(path)[0] == "read"
    assert_same_reading(path, monkeypatch)


def test_the_cells_workbook_meets_each_cell_problem(tmp_path, monkeypatch):
    """The openpyxl-written cells workbook (formulas without values, dates, a merge …) is
    refused with the same Thai problems by both."""
    outcome = assert_same_reading(cells_workbook(tmp_path / "cells.xlsx"), monkeypatch)
    assert outcome[:2] == ("refused", "DataValidationError")
    for text in ("ไม่มีค่าที่คำนวณไว้", "ถูกผสาน", "เป็นเวลา", "0.00E+00", "นอกตาราง"):
        assert text in outcome[2]
    resaved = assert_same_reading(FIXTURES / "libreoffice-cells.xlsx", monkeypatch)
    assert "ค่าผิดพลาดจากสูตร #DIV/0!" in resaved[2] and "#N/A" in resaved[2]


@pytest.mark.slow
def test_every_sample_saved_again_by_libreoffice_reads_as_openpyxl_read_it(tmp_path, monkeypatch):
    soffice = shutil.which("soffice")
    if soffice is None:
        pytest.skip("needs LibreOffice Calc: sudo apt-get install libreoffice-calc-nogui")
    sources = [save(load(sample), tmp_path / f"{sample.stem}.xlsx") or tmp_path / f"{sample.stem}.xlsx"
               for sample in SAMPLE_FILES]
    sources.append(cells_workbook(tmp_path / "cells.xlsx"))
    subprocess.run([soffice, f"-env:UserInstallation=file://{tmp_path}/profile", "--headless", "--convert-to",
                    "xlsx:Calc MS Excel 2007 XML", "--outdir", str(tmp_path / "lo"), *map(str, sources)],
                   capture_output=True, timeout=300, check=True)
    for source in sources:
        resaved = tmp_path / "lo" / source.name
        assert assert_same_cells(resaved)[0] == "read"
        assert_same_reading(resaved, monkeypatch)


# -- packages written part by part -------------------------------------------------------

_MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_TYPES = {"workbook": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
          "sheet": "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml",
          "styles": "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml",
          "strings": "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"}
_SHEET_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet"
_FORMATS = [0, 1, 2, 4, 9, 10, 11, 14, 15, 17, 20, 22, 45, 46, 47, 49, 164, 165, 166, 167, 200]
_CUSTOM = ["d mmm yyyy", "0.00", "[h]:mm:ss", '"วันที่" d', "#,##0.000", "General", "[$-th-TH]d mmmm bbbb"]

_texts = st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=12) | st.sampled_from(
    ["", " ", "x005F_x", "ก\nข", "json:[1]", "=1"])
_numbers = st.one_of(st.integers(-10**6, 10**6).map(str), st.floats(allow_nan=False, allow_infinity=False).map(repr),
                     st.sampled_from(["1e5", "2.5E-3", "44956", "44956.5", "0.25", "-1", "1e400", "3000000", "1.0"]),
                     st.sampled_from(["44956", "44956", "44956", "abc", "", "nan"]))
_FAULTS = ["a1", "ZZZZ1", "B0", "7"]


@st.composite
def _runs(draw: Any) -> str:
    """The children of ``<si>`` or ``<is>``: plain text, rich-text runs, phonetic runs."""
    parts = []
    if draw(st.booleans()):
        parts.append(f"<t>{escape(draw(_texts))}</t>")
    for _ in range(draw(st.integers(0, 2))):
        inner = f"<t>{escape(draw(_texts))}</t>" if draw(st.booleans()) else "<t/>"
        parts.append(f"<r><rPr><b/></rPr>{inner}</r>")
    if draw(st.booleans()):
        parts.append(f"<rPh sb=\"0\" eb=\"1\"><t>{escape(draw(_texts))}</t></rPh>")
    return "".join(parts)


@st.composite
def _cell(draw: Any, row: int, column: int, strings: int, styles: int) -> str:
    kind = draw(st.sampled_from(["n", "s", "str", "b", "e", "inlineStr", "d", None]))
    fault = draw(st.integers(0, 19)) == 0
    reference = draw(st.sampled_from(_FAULTS)) if fault else f"{xlsx.column_letter(column)}{row}"
    reference = None if not fault and draw(st.integers(0, 3)) == 0 else reference
    attributes = f" r={quoteattr(reference)}" if reference is not None else ""
    attributes += f' t="{kind}"' if kind else ""
    style = draw(st.sampled_from([None, "", "0", *map(str, range(styles)), str(styles + 3)]))
    attributes += f' s="{style}"' if style is not None else ""
    formula = draw(st.sampled_from(["", "", "<f>1+1</f>", "<f/>"]))
    if kind in ("n", None):
        value = draw(_numbers)
    elif kind == "s":
        value = str(draw(st.integers(-1, strings + 1) if fault else st.integers(0, max(strings - 1, 0))))
    elif kind == "b":
        value = draw(st.sampled_from(["0", "1", "2", "x"] if fault else ["0", "1"]))
    elif kind == "e":
        value = draw(st.sampled_from(["#N/A", "#DIV/0!", "#VALUE!", "#REF!"]))
    elif kind == "d":
        value = draw(st.sampled_from(["2023-02-30", "x"] if fault else ["2023-01-30", "2023-01-30T13:05:00", "13:05:00"]))
    else:
        value = draw(_texts)
    body = formula
    if kind == "inlineStr":
        body += f"<is>{draw(_runs())}</is>" if draw(st.booleans()) else ""
        if draw(st.booleans()):
            body += f"<v>{escape(value)}</v>"
    elif draw(st.integers(0, 5)):
        body += f"<v>{escape(value)}</v>" if value or draw(st.booleans()) else "<v/>"
    return f"<c{attributes}>{body}</c>" if body else f"<c{attributes}/>"


@st.composite
def _sheet(draw: Any, strings: int, styles: int) -> str:
    rows = []
    number = 0
    for _ in range(draw(st.integers(0, 6))):
        number += draw(st.integers(1, 3))
        reference = draw(st.sampled_from([str(number), str(number), None, f"{number}.0", "2.5"]))
        cells = [draw(_cell(number, column, strings, styles)) for column in range(1, draw(st.integers(0, 5)) + 1)]
        attributes = f' r="{reference}"' if reference is not None else ""
        rows.append(f"<row{attributes}>{''.join(cells)}</row>")
    merges = draw(st.sampled_from(["", "", '<mergeCells count="1"><mergeCell ref="A1:B2"/></mergeCells>',
                                   '<mergeCells><mergeCell ref="c3"/><mergeCell ref="$A$5:$C$6"/></mergeCells>']))
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="{_MAIN_NS}" '
            f'xmlns:r="{_R_NS}"><sheetData>{"".join(rows)}</sheetData>{merges}</worksheet>')


@st.composite
def packages(draw: Any) -> dict[str, bytes]:
    """The parts of an .xlsx package, maybe damaged."""
    strings = [draw(_runs()) for _ in range(draw(st.integers(0, 4)))]
    custom = {164 + i: code for i, code in enumerate(draw(st.lists(st.sampled_from(_CUSTOM), max_size=4)))}
    styles = draw(st.lists(st.sampled_from(_FORMATS), min_size=0, max_size=6))
    titles = draw(st.lists(st.sampled_from(["เอกสาร", "มาตรการ", "คำแนะนำ", "Sheet", "sheet", "ก/ข", ""]),
                           min_size=1, max_size=4))
    parts: dict[str, str] = {}
    overrides = [("/xl/workbook.xml", "workbook"), ("/xl/styles.xml", "styles")]
    sheets, rels = [], []
    for index, title in enumerate(titles, start=1):
        parts[f"xl/worksheets/sheet{index}.xml"] = draw(_sheet(len(strings), len(styles)))
        overrides.append((f"/xl/worksheets/sheet{index}.xml", "sheet"))
        sheets.append(f'<sheet name={quoteattr(title)} sheetId="{index}" r:id="rId{index}"/>')
        rels.append(f'<Relationship Id="rId{index}" Type="{_SHEET_REL}" Target="worksheets/sheet{index}.xml"/>')
    if strings or draw(st.booleans()):
        overrides.append(("/xl/sharedStrings.xml", "strings"))
        parts["xl/sharedStrings.xml"] = (f'<sst xmlns="{_MAIN_NS}" count="{len(strings)}">'
                                         + "".join(f"<si>{s}</si>" for s in strings) + "</sst>")
    date1904 = draw(st.sampled_from(["", ' date1904="1"', ' date1904="false"', ' date1904="true"']))
    parts["xl/workbook.xml"] = (f'<workbook xmlns="{_MAIN_NS}" xmlns:r="{_R_NS}"><workbookPr{date1904}/>'
                                f'<sheets>{"".join(sheets)}</sheets></workbook>')
    parts["xl/_rels/workbook.xml.rels"] = ('<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
                                           f'relationships">{"".join(rels)}</Relationships>')
    formats = "".join(f'<numFmt numFmtId="{i}" formatCode={quoteattr(c)}/>' for i, c in custom.items())
    xfs = "".join(f'<xf numFmtId="{i}" fontId="0" fillId="0" borderId="0" xfId="0"/>' for i in styles)
    parts["xl/styles.xml"] = (f'<styleSheet xmlns="{_MAIN_NS}"><numFmts count="{len(custom)}">{formats}</numFmts>'
                              '<fonts count="1"><font/></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills>'
                              '<borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" '
                              f'fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs>{xfs}</cellXfs>'
                              '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
                              '</styleSheet>')
    parts["[Content_Types].xml"] = (
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="xml" ContentType="application/xml"/>'
        + "".join(f'<Override PartName="{name}" ContentType="{_TYPES[kind]}"/>' for name, kind in overrides)
        + "</Types>")
    encoded = {name: text.encode() for name, text in parts.items()}
    damage = draw(st.sampled_from(["none"] * 9 + ["cut", "drop", "junk"]))
    victim = draw(st.sampled_from(sorted(encoded)))
    if damage == "cut":
        encoded[victim] = encoded[victim][:draw(st.integers(0, len(encoded[victim])))]
    elif damage == "drop":
        del encoded[victim]
    elif damage == "junk":
        encoded[victim] = encoded[victim].replace(b"><", b">&bad;<", 1)
    return encoded


def _write(parts: dict[str, bytes], path: Path) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in parts.items():
            package.writestr(name, data)
    return path


@settings(max_examples=EXAMPLES, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                 HealthCheck.data_too_large])
@given(parts=packages())
def test_generated_packages_read_as_openpyxl_read_them(parts, tmp_path):
    assert_same_cells(_write(parts, tmp_path / "g.xlsx"))


def test_the_generator_reaches_cells_and_errors(tmp_path):
    """The generated packages are not all refused, and not all read: both paths are compared."""
    seen: set[str] = set()

    @settings(max_examples=120, deadline=None, derandomize=True,
              suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
    @given(parts=packages())
    def probe(parts: dict[str, bytes]) -> None:
        outcome = assert_same_cells(_write(parts, tmp_path / "p.xlsx"))
        seen.add(outcome[0])
        if outcome[0] == "read":
            seen.update(cell["data_type"] for _, rows, _ in outcome[1] for row in rows.values()
                        for cell in row.values())

    probe()
    assert {"read", "refused", "s", "n", "d"} <= seen and seen & {"e", "b"}


def test_the_cell_budget_is_spent_as_before(tmp_path, monkeypatch):
    path = tmp_path / "many.xlsx"
    save(load(SAMPLE_FILES[0]), path)
    cells = sum(len(row) for _, rows, _ in workbook._sheets_of(path) for row in rows.values())
    for budget in (cells - 1, cells):
        monkeypatch.setattr(workbook, "MAX_CELLS", budget)
        monkeypatch.setattr(openpyxl_oracle, "MAX_CELLS", budget)
        assert assert_same_cells(path)[0] == ("refused" if budget < cells else "read")


def test_a_large_sheet_is_streamed_with_the_same_cells(tmp_path, monkeypatch):
    path = tmp_path / "big.xlsx"
    save(load(SAMPLE_FILES[0]), path)
    whole = workbook._sheets_of(path)
    monkeypatch.setattr(xlsx, "STREAM_ABOVE", 0)
    assert workbook._sheets_of(path) == whole


# -- what the module copies from openpyxl ---------------------------------------------------


def test_the_copied_tables_and_rules_are_openpyxl_s():
    from openpyxl.styles import numbers
    from openpyxl.utils import get_column_letter

    assert xlsx.BUILTIN_FORMATS == numbers.BUILTIN_FORMATS
    codes = [*numbers.BUILTIN_FORMATS.values(), *_CUSTOM, "[hh]:mm", "[mm]:ss", "[ss].00", '"d"0', r"\d0",
             "_d0", "[Red]0", "yyyy;@", "0;d", None]
    assert [xlsx.is_date_format(c) for c in codes] == [numbers.is_date_format(c) for c in codes]
    assert [xlsx.is_timedelta_format(c) for c in codes] == [numbers.is_timedelta_format(c) for c in codes]
    assert all(xlsx.column_letter(i) == get_column_letter(i) for i in range(1, 18279))


@given(serial=st.floats(-1e6, 3e6, allow_nan=False) | st.integers(-10**6, 3 * 10**6), elapsed=st.booleans(),
       mac=st.booleans())
@settings(max_examples=300, deadline=None, derandomize=True)
def test_serial_numbers_convert_as_openpyxl_converts_them(serial, elapsed, mac):
    from openpyxl.utils.datetime import MAC_EPOCH, WINDOWS_EPOCH, from_excel

    epoch = MAC_EPOCH if mac else WINDOWS_EPOCH

    def convert(function: Any, **flag: bool) -> Any:
        try:
            return function(serial, epoch, **flag)
        except (OverflowError, ValueError) as exc:
            return type(exc)

    assert convert(xlsx.from_excel, elapsed=elapsed) == convert(from_excel, timedelta=elapsed)


@pytest.mark.parametrize("reference", ["A1", "ZZZ1048576", "AB12", "a1", "ZZZZ1", "A", "1", "A0", "$A$1", "ß1",
                                       "Aß1", "A1B", "A 1", "A-1", "A١"])
def test_cell_references_parse_as_openpyxl_parses_them(reference):
    from openpyxl.utils.cell import coordinate_to_tuple

    def parse(function: Any) -> Any:
        try:
            return function(reference)
        except ValueError as exc:
            return type(exc), str(exc)

    assert parse(xlsx._coordinate) == parse(coordinate_to_tuple)
