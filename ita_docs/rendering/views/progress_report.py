"""The view of a progress report: blocks for the block template."""
from __future__ import annotations

from typing import Any

from ...model.progress_report import IssueTable, MeasureTable, ProgressReport
from ...presets import ProgressReportPreset, load_preset
from .blocks import BlockWriter
from .columns import Cells, check_columns, pick, table_columns
from .measure_tables import write_measures
from .placeholders import document_values, fill_lines

__all__ = ["write", "write_issues", "write_measure_table"]


def write_measure_table(writer: BlockWriter, table: MeasureTable, preset: ProgressReportPreset, where: str) -> None:
    """Heading, introduction and the table of one group of measures."""
    writer.heading(table.heading, table.heading_level)
    writer.paragraphs("body", table.intro)
    write_measures(writer, table.measures, layout=table, where=where, preset=preset,
                   number_format=table.number_format, marker=preset.list_marker)


#: The fields an indicator issue's columns may show.
ISSUE_KEYS = frozenset({"indicator", "issue", "improvement", "result", "responsible"})


def write_issues(writer: BlockWriter, table: IssueTable, preset: ProgressReportPreset, where: str) -> None:
    """Heading, introduction and the table of indicator issues."""
    writer.heading(table.heading, table.heading_level)
    writer.paragraphs("body", table.intro)
    columns = table_columns(table.columns, preset.indicator_issue_columns, where=f"{where}.columns")
    check_columns(columns, ISSUE_KEYS, where=f"{where}.columns")
    marker = preset.list_marker

    def cells(issue: Any) -> Cells:
        row = {key: ([v] if isinstance(v := getattr(issue, key), str) else list(v)) for key in ISSUE_KEYS}
        if len(issue.responsible) > 1:
            row["responsible"] = [f"{marker}{v}" for v in issue.responsible]
        return row

    writer.table(columns, pick(map(cells, table.issues), columns))


def write(report: ProgressReport, writer: BlockWriter) -> None:
    """Lay out *report*'s sections as blocks (default: cover, title, intro, before, tables, issues, after)."""
    preset = load_preset("progress_report")
    values = document_values(report)

    def tables() -> None:
        for index, table in enumerate(report.tables):
            write_measure_table(writer, table, preset, f"tables[{index}]")

    def issues() -> None:
        if report.indicator_issues is not None:
            write_issues(writer, report.indicator_issues, preset, "indicator_issues")

    writer.sections(report, {
        "cover": lambda: writer.cover(fill_lines(report.cover or [], values, where="cover")),
        "title": lambda: writer.paragraphs("title", fill_lines(
            report.title if report.title is not None else preset.title, values, where="title")),
        "intro": lambda: writer.paragraphs("body", fill_lines(
            report.intro if report.intro is not None else preset.intro, values, where="intro")),
        "before": lambda: writer.free(report.before, values, "before"),
        "tables": tables,
        "indicator_issues": issues,
        "after": lambda: writer.free(report.after, values, "after"),
    }, values)
