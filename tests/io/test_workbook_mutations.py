"""Generated careless edits of the samples' workbooks, cell by cell.

Each sample is written as a workbook (as ``ita-docs convert`` does), then changed the
way a clerk changes one: a cell blanked, a value moved one column right or one row
down, a row duplicated, a number retyped as text or under another number format, a
sheet renamed, a note typed in an unused column. Every mutant is loaded under a 10 s
alarm, and must either

* read, with every non-empty cell's displayed text found in the data (nothing
  dropped), the mutated cell's text among them exactly as displayed, and the document
  either valid or refused with located problems; or
* be refused with an :class:`~ita_docs.errors.ItaDocsError` whose every problem names
  a sheet and a cell (``มาตรการ!C7``).

The run draws a bounded sample of cells per sample and operation (a fixed seed);
``ITA_MUTATIONS_ALL=1`` runs every cell (about 15 minutes on two cores).
"""
from __future__ import annotations

import json
import os
import random
import re
import signal
import time
from collections import Counter
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook

from ita_docs import load, save
from ita_docs.errors import DataValidationError, ItaDocsError
from ita_docs.io.workbook import INSTRUCTIONS, JSON_PREFIX, read_workbook
from tests.conftest import SAMPLES

STEMS = ["nongmuang-2566-measures", "krut-2566-progress", "sanmaket-2565-progress",
         "satengnok-2566-analysis", "ronthong-2564-report"]
MAIN_TITLE = "เอกสาร"
SECONDS = 10
_CELL = re.compile(r"^[^!]+![A-Z]{1,3}[0-9]+(?: |$)")
_STRUCTURAL = ("[_row]", "[_parent]")
#: Cells drawn per sample and operation in the fast run.
FAST = {"blank": 8, "right": 6, "down": 6, "retype": 5, "format": 4, "duplicate": 2, "rename": 1, "note": 2}
#: Number formats a clerk may give a number, and how Excel displays an int under each.
FORMATS = {"0.00": lambda v: f"{v:.2f}", "#,##0": lambda v: f"{v:,}", "0": lambda v: str(v), "@": lambda v: str(v)}


class _Timeout(Exception):
    pass


def _alarm(signum, frame):
    raise _Timeout


def _display(cell) -> object:
    """What the cell shows (the test's own reading, for the formats this file sets)."""
    value = cell.value
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, int):
        return FORMATS.get(cell.number_format, str)(value)
    if isinstance(value, float):
        return f"{value:.2f}" if cell.number_format == "0.00" else f"{value:.15g}"
    if isinstance(value, str) and value.startswith(JSON_PREFIX):
        return json.loads(value[len(JSON_PREFIX):], parse_float=Decimal)
    return value


def _leaves(value, out: Counter) -> Counter:
    if isinstance(value, dict):
        for v in value.values():
            _leaves(v, out)
    elif isinstance(value, list):
        for v in value:
            _leaves(v, out)
    else:
        out[value if isinstance(value, bool) else str(value)] += 1
    return out


def _typed(sheet, cell) -> object:
    """The cell's displayed value if it is data (not a key, a header or a row number), else None."""
    value = _display(cell)
    if value is None or (isinstance(value, str) and not value.strip()) or cell.row == 1:
        return None
    if sheet.title == MAIN_TITLE and cell.column == 1:
        return None  # -- a key: it names the field --
    if str(sheet.cell(row=1, column=cell.column).value or "").endswith(_STRUCTURAL) and str(value).strip().isdigit():
        return None  # -- a row number: it places the row --
    return value


def _typed_cells(book) -> Counter:
    """The displayed value of every non-empty data cell."""
    found: Counter = Counter()
    for sheet in book.worksheets:
        if sheet.title != INSTRUCTIONS:
            for row in sheet.iter_rows(min_row=2):
                for cell in row:
                    if (value := _typed(sheet, cell)) is not None:
                        _leaves(value, found)
    return found


def _data_cells(book):
    return [(sheet.title, cell.coordinate) for sheet in book.worksheets if sheet.title != INSTRUCTIONS
            for row in sheet.iter_rows(min_row=2) for cell in row if cell.value not in (None, "")]


def _mutations(book, rng: random.Random, fast: bool):
    """(name, change(book) -> coordinates of the mutated cell or None)."""
    cells = _data_cells(book)
    numbers = [(t, c) for t, c in cells if isinstance(book[t][c].value, int) and not isinstance(book[t][c].value, bool)]
    numeric_text = [(t, c) for t, c in cells if isinstance(book[t][c].value, str)
                    and re.fullmatch(r"\d+\.\d\d", book[t][c].value)]

    def pick(pool, op):
        pool = list(pool)
        return rng.sample(pool, min(FAST[op], len(pool))) if fast else pool

    def blank(t, c):
        def change(b):
            b[t][c].value = None
        return f"blank {t}!{c}", change

    def shift(t, c, dr, dc, op):
        def change(b):
            cell = b[t][c]
            target = b[t].cell(row=cell.row + dr, column=cell.column + dc)
            target.value, cell.value = cell.value, None
            return (t, target.coordinate)
        return f"{op} {t}!{c}", change

    def retype(t, c):
        def change(b):
            cell = b[t][c]
            if isinstance(cell.value, int):
                cell.value = str(cell.value)
            else:
                cell.value, cell.number_format = float(cell.value), "0.00"
            return (t, c)
        return f"retype {t}!{c}", change

    def reformat(t, c, fmt):
        def change(b):
            b[t][c].number_format = fmt
            return (t, c)
        return f"format {fmt} {t}!{c}", change

    def duplicate(t, row):
        def change(b):
            sheet = b[t]
            end = sheet.max_row + 1
            for cell in sheet[row]:
                sheet.cell(row=end, column=cell.column, value=cell.value)
        return f"duplicate {t} row {row}", change

    def rename(t):
        def change(b):
            b[t].title = f"{t}ใหม่"
        return f"rename {t}", change

    def note(t, row):
        def change(b):
            sheet = b[t]
            cell = sheet.cell(row=row, column=sheet.max_column + 2, value="หมายเหตุ: ตรวจอีกครั้ง")
            return (t, cell.coordinate)
        return f"note {t} row {row}", change

    yield from (blank(t, c) for t, c in pick(cells, "blank"))
    yield from (shift(t, c, 0, 1, "right") for t, c in pick(cells, "right"))
    yield from (shift(t, c, 1, 0, "down") for t, c in pick(cells, "down"))
    yield from (retype(t, c) for t, c in pick(numbers + numeric_text, "retype"))
    yield from (reformat(t, c, rng.choice(sorted(FORMATS))) for t, c in pick(numbers, "format"))
    rows = sorted({(t, int(re.sub(r"[A-Z]+", "", c))) for t, c in cells})
    yield from (duplicate(t, r) for t, r in pick(rows, "duplicate"))
    yield from (rename(t) for t in pick(sorted({t for t, _ in cells}), "rename"))
    yield from (note(t, r) for t, r in pick(rows, "note"))


def _check(mutant: Path, mutated) -> str:
    """Load *mutant* under the alarm; the outcome, or an AssertionError."""
    start = time.monotonic()
    previous = signal.signal(signal.SIGALRM, _alarm)
    signal.alarm(SECONDS)
    try:
        try:
            data, _ = read_workbook(mutant)
        except ItaDocsError as exc:
            problems = exc.problems if isinstance(exc, DataValidationError) else [exc]
            for p in problems:
                assert p.location.file == str(mutant)
                assert p.location.path and _CELL.match(p.location.path), f"not located at a cell: {p}"
            return "refused"
        book = load_workbook(mutant, data_only=True)
        typed = _typed_cells(book)
        assert _leaves(data, Counter()) == typed, (
            f"cells and data differ: lost {typed - _leaves(data, Counter())}, "
            f"gained {_leaves(data, Counter()) - typed}")
        if mutated:
            sheet = book[mutated[0]]
            shown = _typed(sheet, sheet[mutated[1]])
            assert shown is None or _leaves(shown, Counter()) <= typed
        try:
            load(mutant)
        except DataValidationError as exc:
            for p in exc.problems:
                assert p.location.path and _CELL.match(p.location.path), f"not located at a cell: {p}"
            return "invalid"
        return "read"
    except _Timeout:
        raise AssertionError(f"no result within {SECONDS} s") from None
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
        assert time.monotonic() - start < SECONDS


@pytest.fixture(scope="module")
def workbooks(tmp_path_factory):
    folder = tmp_path_factory.mktemp("mutations")
    return {stem: save(load(SAMPLES / f"{stem}.yaml"), folder / f"{stem}.xlsx") for stem in STEMS}


def _run(workbooks, stem, tmp_path, fast):
    source = workbooks[stem]
    outcomes: Counter = Counter()
    names = [name for name, _ in _mutations(load_workbook(source), random.Random(stem), fast)]
    assert len(names) >= (10 if fast else 50)
    for index, (name, change) in enumerate(_mutations(load_workbook(source), random.Random(stem), fast)):
        book = load_workbook(source)
        mutated = change(book)
        mutant = tmp_path / f"m{index}.xlsx"
        book.save(mutant)
        try:
            outcomes[_check(mutant, mutated)] += 1
        except AssertionError as exc:
            raise AssertionError(f"{stem}: {name}: {exc}") from None
    return outcomes


@pytest.mark.parametrize("stem", STEMS)
def test_careless_edits_are_read_exactly_or_refused_at_a_cell(workbooks, stem, tmp_path):
    outcomes = _run(workbooks, stem, tmp_path, fast=True)
    assert outcomes["refused"] > 0   # -- the corpus holds edits that must be refused --


@pytest.mark.slow
@pytest.mark.skipif(not os.environ.get("ITA_MUTATIONS_ALL"), reason="every cell: set ITA_MUTATIONS_ALL=1")
@pytest.mark.parametrize("stem", STEMS)
def test_every_cell_of_every_sample_survives_every_edit(workbooks, stem, tmp_path):
    _run(workbooks, stem, tmp_path, fast=False)


def test_an_untouched_workbook_reads_every_cell(workbooks, tmp_path):
    assert _check(workbooks["krut-2566-progress"], None) == "read"
