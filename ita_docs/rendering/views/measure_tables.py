"""Tables of measures: which columns, and what each cell of a measure shows.

Shared by the measures plan and the progress report. A column's ``key`` names a field
of the measure (or of its ``extra``); the layout comes from the data or a preset.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Protocol

from ...errors import InputError, Location
from ...model import Column, Measure, PeriodStyle
from ...presets import MeasureTablesPreset
from ...thai import Digits, format_period
from ..formats import format_number
from .blocks import BlockWriter, Converted, converted
from .columns import check_columns

__all__ = ["Layout", "MEASURE_KEYS", "measure_cells", "measure_columns", "measure_rows", "preset_layout",
           "write_measures"]


class Layout(Protocol):
    """Where a table's columns come from: ``columns``, else the ``preset`` named
    (a :class:`~ita_docs.model.TableLayout`, or a table model with the same two fields)."""

    @property
    def preset(self) -> str | None: ...

    @property
    def columns(self) -> list[Column] | None: ...

#: What each known column key shows of a measure; ``number`` is filled in before.
_CELLS: dict[str, Callable[[Any, str, str], list[str]]] = {
    "measure": lambda m, number, marker: [f"{number}{m.title}"],
    "title": lambda m, number, marker: [m.title],
    "number": lambda m, number, marker: [number.strip()],
    "method": lambda m, number, marker: list(m.method),
    "responsible": lambda m, number, marker: [f"{marker}{r}" for r in m.responsible]
    if len(m.responsible) > 1 else list(m.responsible),
    "followup": lambda m, number, marker: list(m.followup),
    "result": lambda m, number, marker: list(getattr(m, "result", [])),
    "suggestion": lambda m, number, marker: list(getattr(m, "suggestion", [])),
}
MEASURE_KEYS = frozenset(_CELLS) | {"period"}


def preset_layout(preset: MeasureTablesPreset, name: str | None, where: str) -> list[Column]:
    """The columns of the measures-table layout *name* in a kind's *preset*
    (``measures_table_presets``; *name* None: ``measures_table_default``). A layout's old
    name (``measures_table_aliases``: the town whose document showed it) is accepted too.

    >>> from ita_docs.presets import load_preset
    >>> plan = load_preset("measures_plan")
    >>> [c.key for c in preset_layout(plan, "responsible_last", "measures_table")]
    ['measure', 'method', 'period', 'followup', 'responsible']
    >>> preset_layout(plan, "ronthong", "m") == preset_layout(plan, "responsible_last", "m")
    True
    """
    layouts = preset.measures_table_presets
    wanted = name or preset.measures_table_default
    wanted = preset.measures_table_aliases.get(wanted, wanted)
    if wanted not in layouts:
        raise InputError(f"ไม่รู้จักรูปแบบตาราง {name or wanted!r} (ที่มี: {', '.join(layouts)})",
                         location=Location(path=f"{where}.preset"))
    return [Column.model_validate(dict(c)) for c in layouts[wanted]]


def measure_columns(layout: Layout, preset: MeasureTablesPreset, measures: Sequence[Measure],
                    where: str) -> list[Column]:
    """The columns of a measures table (its own, else of the layout its ``preset`` names in
    the kind's *preset*); unknown keys and unshown extras are refused."""
    columns = layout.columns if layout.columns is not None else preset_layout(preset, layout.preset, where)
    check_columns(columns, MEASURE_KEYS, (m.extra for m in measures), where=f"{where}.columns", extras_where=where,
                  extra_field="extra")
    return columns


def write_measures(writer: BlockWriter, measures: Sequence[Measure], *, layout: Layout, where: str,
                   preset: MeasureTablesPreset, number_format: str, marker: str) -> None:
    """The table of *measures*: columns from *layout* (or the kind's *preset*), a row per measure."""
    columns = measure_columns(layout, preset, measures, where)
    writer.table(columns, measure_rows(measures, columns, number_format=number_format, marker=marker,
                                       digits=writer.digits, period_style=writer.period_style))


def measure_rows(measures: Sequence[Measure], columns: Sequence[Column], *,
                 number_format: str, marker: str, digits: Digits,
                 period_style: PeriodStyle | None = None) -> list[dict[str, Any]]:
    """The rows of a measures table, their text already in the document's digits."""
    style = period_style or PeriodStyle()
    return Converted(
        {"group": None, "cells": converted(measure_cells(m, m.number or n, columns, number_format=number_format,
                                                         marker=marker, digits=digits, period_style=style), digits)}
        for n, m in enumerate(measures, start=1)
    )


def measure_cells(measure: Measure, number: int, columns: Sequence[Column], *,
                  number_format: str, marker: str, digits: Digits,
                  period_style: PeriodStyle | None = None) -> list[list[str]]:
    """The cells of one measure's row, each a list of paragraphs."""
    style = period_style or PeriodStyle()
    prefix = format_number(number_format, n=number)
    cells = []
    for column in columns:
        if column.key == "period":
            cells.append([format_period(measure.period, digits=digits, dash=style.dash, year=style.year)])
        elif column.key in _CELLS:
            cells.append(_CELLS[column.key](measure, prefix, marker))
        else:
            cells.append(list(measure.extra.get(column.key, [])))
    return cells
