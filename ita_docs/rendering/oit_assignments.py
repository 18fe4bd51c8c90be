"""The view of the OIT responsibility table."""
from __future__ import annotations

from typing import Any

from ..model import Column, OitAssignments
from ..presets import load_preset
from .blocks import BlockWriter
from .placeholders import document_values, fill_lines
from .tables import TableLayoutSpec

__all__ = ["build_view", "write"]


def write(table: OitAssignments, writer: BlockWriter) -> None:
    """Lay out the OIT table as blocks: title lines, then code / title / responsible rows."""
    preset = load_preset("oit_assignments")
    values = document_values(table)
    title = table.title if table.title is not None else preset["title"]
    writer.paragraphs("title", fill_lines(title, values, where="title"))
    columns = table.columns or [Column.model_validate(c) for c in preset["columns"]]
    writer.table(columns, [{"cells": [[item.code], [item.title], list(item.responsible)]}
                           for item in table.items], aligns=("center", "left", "left"))


def build_view(table: OitAssignments) -> tuple[dict[str, Any], list[TableLayoutSpec]]:
    """Return the template context of *table* and the layouts of its tables."""
    preset = load_preset("oit_assignments")
    writer = BlockWriter(table.digits)
    write(table, writer)
    return writer.view(page_prefix=preset["page_prefix"], page_suffix=preset["page_suffix"])
