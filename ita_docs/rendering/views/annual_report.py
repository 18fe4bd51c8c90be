"""The view of the annual report book: cover, foreword, contents, and content blocks."""
from __future__ import annotations

from typing import Any

from ...errors import InputError, Location
from ...framework import load_framework
from ...model.annual_report import (
    AnnualReport,
    IssuesBlock,
    MeasuresBlock,
    StrengthsBlock,
    TocBlock,
    YearComparison,
    YearComparisonBlock,
)
from ...model.blocks import HeadingBlock
from ...presets import AnnualReportPreset, load_preset
from ...computed import comparison_scores, strengths_lists, year_figures
from ...scoring import change
from ...thai import format_date
from . import progress_report
from .blocks import BlockWriter
from .columns import Cells, check_columns, pick, span, table_columns
from .placeholders import document_values, fill, fill_lines

__all__ = ["write"]


def _year_comparison(table: YearComparison, writer: BlockWriter, preset: AnnualReportPreset, where: str) -> None:
    years = {"previous_year": str(table.previous_year), "current_year": str(table.current_year)}
    columns = table_columns(table.columns, preset.year_comparison_columns, values=years,
                            where=f"{where}.columns")
    check_columns(columns, {"tool", "indicator", "previous", "current", "change"}, where=f"{where}.columns")
    rows: list[Cells] = []
    merges = []
    for group in table.tools:
        start = len(rows)
        for line in group.indicators:
            name = f"{line.number}. {line.indicator}" if line.number else line.indicator
            change_text = line.change or change(line.previous, line.current, preset.change_words).word
            rows.append({"tool": [group.tool], "indicator": [name], "previous": [str(line.previous)],
                         "current": [str(line.current)], "change": [change_text]})
        merges += span(rows, start, len(group.indicators), ["tool"], columns)
    computed = [year_figures(year, comparison_scores(table, which, f"{where}.tools"), f"{where}.tools")
                for which, year in (("previous", table.previous_year), ("current", table.current_year))]
    average = table.average or tuple(f.total for f in computed)
    level = table.level or tuple(f.level for f in computed)
    for label, (before, now) in ((preset.average_label, average), (preset.level_label, level)):
        rows.append({"indicator": [label], "previous": [str(before)], "current": [str(now)]})
    writer.table(columns, pick(rows, columns), merges=merges,
                 aligns=tuple("left" if c.key == "indicator" else "center" for c in columns))


def _first_comparison(report: AnnualReport, where: str) -> YearComparison:
    table = next((b.year_comparison for b in report.content if isinstance(b, YearComparisonBlock)), None)
    if table is None:
        raise InputError("จุดแข็งจุดอ่อนคำนวณจากตารางเปรียบเทียบคะแนน (year_comparison) ซึ่งไม่มีในเอกสาร",
                         location=Location(path=where))
    return table


def _strengths(report: AnnualReport, strengths: Any, writer: BlockWriter, preset: AnnualReportPreset, where: str) -> None:
    """Three numbered items — best, above the threshold, below it — each listing indicators."""
    table = _first_comparison(report, where)
    names = {}
    for group in table.tools:
        for line in group.indicators:
            number = line.number or load_framework(table.current_year).indicator(line.indicator).number
            names[number] = line.indicator
    best, above, below = strengths_lists(strengths, table, where)
    labels = preset.strengths
    threshold = str(strengths.threshold)
    for offset, (key, numbers) in enumerate((("best", strengths.best if strengths.best is not None else best),
                                             ("above", strengths.above if strengths.above is not None else above),
                                             ("below", strengths.below if strengths.below is not None else below))):
        n = strengths.start + offset
        writer.paragraphs("list1", [labels[key].format(n=n, threshold=threshold)])
        writer.paragraphs("list2", [labels["item"].format(n=n, m=m, number=number, indicator=names.get(number, "?"))
                                    for m, number in enumerate(numbers, start=1)])


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
    """Lay out *report*'s sections (default: cover, foreword, content)."""
    preset = load_preset("annual_report")
    values = document_values(report)
    values["published_month"] = (
        format_date(report.published_on, "month_year", digits=report.digits) if report.published_on else None)

    def foreword() -> None:
        if report.foreword is not None:
            writer.paragraphs("title", [report.foreword.heading])
            writer.paragraphs("body", report.foreword.paragraphs)
            writer.paragraphs("signature", report.foreword.signature)
            writer.page_break()

    writer.sections(report, {
        "cover": lambda: writer.cover(fill_lines(report.cover or [], values, where="cover")),
        "foreword": foreword,
        "content": lambda: _content(report, writer, preset, values),
    }, values)


def _content(report: AnnualReport, writer: BlockWriter, preset: AnnualReportPreset, values: dict[str, Any]) -> None:
    progress_preset = load_preset("progress_report")
    for index, block in enumerate(report.content):
        match block:
            case YearComparisonBlock(year_comparison=table):
                _year_comparison(table, writer, preset, f"content[{index}].year_comparison")
            case StrengthsBlock(strengths=strengths):
                _strengths(report, strengths, writer, preset, f"content[{index}].strengths")
            case MeasuresBlock(measures_table=table):
                progress_report.write_measure_table(writer, table, progress_preset, f"content[{index}].measures_table")
            case IssuesBlock(issues_table=table):
                progress_report.write_issues(writer, table, progress_preset, f"content[{index}].issues_table")
            case TocBlock(toc=toc):
                writer.toc(toc.title, toc.page_label, toc.levels, _toc_entries(report, toc.levels, values))
                writer.page_break()
            case HeadingBlock(heading=text, level=level):
                writer.heading(fill(text, values, where=f"content[{index}].heading"), level)
            case _:
                writer.free_block(block, values, f"content[{index}]")
