"""Lay out the OIT responsibility table: title lines, then a row per item."""
from __future__ import annotations

from ...model import OitAssignments
from ...presets import load_preset
from .blocks import BlockWriter
from .columns import check_columns, pick, table_columns
from .placeholders import document_values, fill_lines

__all__ = ["write"]


def _table(table: OitAssignments, writer: BlockWriter) -> None:
    """Code / title / responsible, and any key the items carry (``url``), in the chosen columns."""
    columns = table_columns(table.columns, load_preset("oit_assignments").columns, where="columns")
    check_columns(columns, {"code", "title", "responsible"}, (item.row_extras for item in table.items),
                  where="columns" if table.columns is not None else "columns (ค่าตั้งต้น)", extras_where="items")
    rows = [{"code": [item.code], "title": [item.title], "responsible": list(item.responsible), **item.row_extras}
            for item in table.items]
    writer.table(columns, pick(rows, columns), aligns=tuple("center" if c.key == "code" else "left" for c in columns))


def write(table: OitAssignments, writer: BlockWriter) -> None:
    """Lay out the OIT document's sections (default: title, table)."""
    preset = load_preset("oit_assignments")
    values = document_values(table)
    writer.sections(table, {
        "title": lambda: writer.paragraphs("title", fill_lines(
            table.title if table.title is not None else preset.title, values, where="title")),
        "table": lambda: _table(table, writer),
    }, values)
