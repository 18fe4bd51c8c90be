"""An order's member table read back as the order's members (importing/parts.py)."""
from __future__ import annotations

import pytest

from ita_docs.importing.parts import _table_members
from ita_docs.importing.reader import Cell, Table

MEMBERS = [["๑) นายก ข", "ตำแหน่ง นายกเทศมนตรี", "ประธานคณะทำงาน"],
           ["๒) นางค ง", "ตำแหน่ง ปลัดเทศบาล", "เลขานุการ"]]


def _table(rows: list[list[str]], widths: list[float | None] | None = None) -> Table:
    return Table([[Cell([t] if t else []) for t in row] for row in rows], widths or [None, None, None])


def test_an_empty_first_row_is_the_presets_columns():
    lines, columns = _table_members(_table([["", "", ""], *MEMBERS]))
    assert lines == ["๑) นายก ข\tตำแหน่ง นายกเทศมนตรี\tประธานคณะทำงาน", "๒) นางค ง\tตำแหน่ง ปลัดเทศบาล\tเลขานุการ"]
    assert columns is None


def test_a_table_without_a_heading_row_keeps_every_member():
    lines, columns = _table_members(_table(MEMBERS))
    assert len(lines) == 2 and columns is None


def test_headings_and_widths_become_the_member_columns():
    _, columns = _table_members(_table([["ชื่อ", "ตำแหน่ง", "หน้าที่"], *MEMBERS], [6.0, 6.0, 4.0]))
    assert columns == [{"key": "name", "heading": "ชื่อ", "width_cm": 6.0},
                       {"key": "position", "heading": "ตำแหน่ง", "width_cm": 6.0},
                       {"key": "role", "heading": "หน้าที่", "width_cm": 4.0}]


@pytest.mark.parametrize("rows", [
    [["", "", ""], ["นายก ข", "นายกเทศมนตรี", "ประธาน"]],  # -- not numbered, no ตำแหน่ง --
    [["", ""], ["๑) นายก ข", "ตำแหน่ง นายก"]],             # -- two columns --
])
def test_other_tables_are_not_member_tables(rows):
    assert _table_members(Table([[Cell([t]) for t in r] for r in rows], [None] * len(rows[0]))) is None
