"""The view of a progress report: blocks for the block template."""
from __future__ import annotations

from typing import Any

from ..model import Column
from ..model.progress_report import IssueTable, MeasureTable, ProgressReport
from ..presets import load_preset
from .blocks import BlockWriter
from .measure_tables import measure_columns, measure_rows
from .placeholders import document_values, fill_lines
from .tables import TableLayoutSpec

__all__ = ["build_view", "write", "write_issues", "write_measure_table"]


def write_measure_table(writer: BlockWriter, table: MeasureTable, preset: dict[str, Any], where: str,
                        *, digits: str) -> None:
    """Heading, introduction and the table of one group of measures."""
    writer.heading(table.heading, table.heading_level)
    writer.paragraphs("body", table.intro)
    columns = measure_columns(table, preset["measures_table_presets"], preset["measures_table_default"],
                              table.measures, where)
    writer.table(columns, measure_rows(table.measures, columns, number_format=table.number_format,
                                       marker=preset["list_marker"], digits=digits))


def write_issues(writer: BlockWriter, table: IssueTable, preset: dict[str, Any]) -> None:
    """Heading, introduction and the table of indicator issues."""
    writer.heading(table.heading, table.heading_level)
    writer.paragraphs("body", table.intro)
    columns = table.columns or [Column.model_validate(c) for c in preset["indicator_issue_columns"]]
    marker = preset["list_marker"]

    def cell(issue: Any, key: str) -> list[str]:
        value = getattr(issue, key)
        if key == "responsible" and len(value) > 1:
            return [f"{marker}{v}" for v in value]
        return [value] if isinstance(value, str) else list(value)

    writer.table(columns, [{"cells": [cell(i, c.key) for c in columns]} for i in table.issues])


def build_view(report: ProgressReport) -> tuple[dict[str, Any], list[TableLayoutSpec]]:
    """Return the template context of *report* and the layouts of its tables."""
    preset = load_preset("progress_report")
    writer = BlockWriter(report.digits)
    write(report, writer)
    return writer.view(page_prefix=preset["page_prefix"], page_suffix=preset["page_suffix"])


def write(report: ProgressReport, writer: BlockWriter) -> None:
    """Lay out *report* as blocks."""
    preset = load_preset("progress_report")
    values = document_values(report)
    writer.cover(fill_lines(report.cover or [], values, where="cover"))
    title = report.title if report.title is not None else preset["title"]
    writer.paragraphs("title", fill_lines(title, values, where="title"))
    intro = report.intro if report.intro is not None else preset["intro"]
    writer.paragraphs("body", fill_lines(intro, values, where="intro"))
    writer.free(report.before, values, "before")
    for index, table in enumerate(report.tables):
        write_measure_table(writer, table, preset, f"tables[{index}]", digits=report.digits)
    if report.indicator_issues is not None:
        write_issues(writer, report.indicator_issues, preset)
    writer.free(report.after, values, "after")
