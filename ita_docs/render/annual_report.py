"""The view of the annual report book: cover, foreword, contents, and content blocks."""
from __future__ import annotations

from typing import Any

from ..model import Column
from ..model.annual_report import (
    AnnualReport,
    IssuesBlock,
    MeasuresBlock,
    TocBlock,
    YearComparison,
    YearComparisonBlock,
)
from ..model.blocks import HeadingBlock
from ..presets import load_preset
from ..thai import format_date
from . import progress_report
from .blocks import BlockWriter
from .placeholders import document_values, fill
from .tables import TableLayoutSpec

__all__ = ["build_view", "change_word", "write"]


def change_word(previous: Any, current: Any, words: dict[str, str]) -> str:
    """เพิ่มขึ้น / ลดลง / คงที่ from two scores.

    >>> change_word(75.54, 75.40, {"up": "เพิ่มขึ้น", "down": "ลดลง", "same": "คงที่"})
    'ลดลง'
    """
    if current > previous:
        return words["up"]
    return words["down"] if current < previous else words["same"]


def _year_comparison(table: YearComparison, writer: BlockWriter, preset: dict[str, Any]) -> None:
    years = {"previous_year": str(table.previous_year), "current_year": str(table.current_year)}
    columns = table.columns or [
        Column.model_validate({**c, "heading": fill(c["heading"], years, where="year_comparison.columns")})
        for c in preset["year_comparison_columns"]]
    rows, merges = [], []
    for group in table.tools:
        merges.append((len(rows), 0, len(group.indicators)))
        for index, line in enumerate(group.indicators):
            name = f"{line.number}. {line.indicator}" if line.number else line.indicator
            change = line.change or change_word(line.previous, line.current, preset["change_words"])
            rows.append({"cells": [[group.tool] if index == 0 else [], [name], [str(line.previous)],
                                   [str(line.current)], [change]]})
    if table.average:
        rows.append({"cells": [[], [preset["average_label"]], *([str(s)] for s in table.average), []]})
    if table.level:
        rows.append({"cells": [[], [preset["level_label"]], *([t] for t in table.level), []]})
    writer.table(columns, rows, aligns=("center", "left", "center", "center", "center"), merges=merges)


def _toc_entries(report: AnnualReport, levels: int, values: dict[str, Any]) -> list[tuple[int, str]]:
    """The headings a table of contents lists, in order: heading blocks and table headings."""
    entries = []
    for block in report.content:
        match block:
            case HeadingBlock(heading=text, level=level) if level <= levels:
                entries.append((level, fill(text, values, where="content")))
            case MeasuresBlock(measures_table=table) | IssuesBlock(issues_table=table) \
                    if table.heading and table.heading_level <= levels:
                entries.append((table.heading_level, table.heading))
    return entries


def write(report: AnnualReport, writer: BlockWriter) -> None:
    """Lay out *report* as blocks."""
    preset = load_preset("annual_report")
    values = document_values(report)
    values["published_month"] = (
        format_date(report.published_on, "month_year", digits=report.digits) if report.published_on else None)
    if report.cover:
        writer.paragraphs("cover", [fill(line, values, where="cover") for line in report.cover])
        writer.page_break()
    if report.foreword is not None:
        writer.paragraphs("title", [report.foreword.heading])
        writer.paragraphs("body", report.foreword.paragraphs)
        writer.paragraphs("signature", report.foreword.signature)
        writer.page_break()
    progress_preset = load_preset("progress_report")
    for index, block in enumerate(report.content):
        match block:
            case YearComparisonBlock(year_comparison=table):
                _year_comparison(table, writer, preset)
            case MeasuresBlock(measures_table=table):
                progress_report.write_measure_table(writer, table, progress_preset, f"content[{index}].measures_table",
                                                    digits=report.digits)
            case IssuesBlock(issues_table=table):
                progress_report.write_issues(writer, table, progress_preset)
            case TocBlock(toc=toc):
                writer.toc(toc.title, toc.page_label, toc.levels, _toc_entries(report, toc.levels, values))
                writer.page_break()
            case HeadingBlock(heading=text, level=level):
                writer.heading(fill(text, values, where=f"content[{index}].heading"), level)
            case _:
                writer.free([block])


def build_view(report: AnnualReport) -> tuple[dict[str, Any], list[TableLayoutSpec]]:
    """Return the template context of *report* and the layouts of its tables."""
    preset = load_preset("annual_report")
    writer = BlockWriter(report.digits)
    write(report, writer)
    return writer.view(page_prefix=preset["page_prefix"], page_suffix=preset["page_suffix"])
