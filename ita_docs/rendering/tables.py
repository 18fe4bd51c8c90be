"""Data-driven tables: the view a template's table loops read, and the layout applied after."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ..model import Column
from .widths import column_widths

__all__ = ["TableLayoutSpec", "table_view"]

CM_TO_TWIPS = 1440 / 2.54


@dataclass(frozen=True)
class TableLayoutSpec:
    """What post-processing applies to a rendered table recognised by its header texts."""

    headings: tuple[str, ...]
    widths_twips: tuple[int, ...]
    aligns: tuple[str, ...]
    #: Vertical merges: (body row index, column index, number of rows).
    merges: tuple[tuple[int, int, int], ...] = ()
    #: False: no lines around or between the cells (columns that only align, as an order's members).
    borders: bool = True


def table_view(columns: Sequence[Column], rows: list[dict[str, Any]],
               aligns: Sequence[str] | None = None,
               merges: Sequence[tuple[int, int, int]] = (), *,
               borders: bool = True) -> tuple[dict[str, Any], TableLayoutSpec]:
    """The template data of a table, and the layout to apply once it is rendered.

    Each row is ``{"group": text}`` (one cell across the table) or ``{"cells": [[paragraph, …], …]}``;
    an empty cell gets one empty paragraph, since Word requires a paragraph in every cell.
    """
    for row in rows:
        if "cells" in row:
            row["cells"] = [cell or [""] for cell in row["cells"]]
            row.setdefault("group", None)
    # -- rows built in the document's digits stay a Converted list, which the final walk skips --
    view = {"columns": [{"heading": c.heading} for c in columns], "rows": rows}
    spec = TableLayoutSpec(
        headings=tuple(c.heading for c in columns),
        widths_twips=tuple(round(w * CM_TO_TWIPS) for w in column_widths(columns, rows)),
        # -- a column's own alignment over the kind's default for it --
        aligns=tuple(c.align or (aligns[i] if aligns and i < len(aligns) else "left")
                     for i, c in enumerate(columns)),
        merges=tuple(merges),
        borders=borders,
    )
    return view, spec
