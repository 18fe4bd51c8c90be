"""The view of an analysis report: tables with tool cells merged over their rows."""
from __future__ import annotations

from typing import Any

from ..model import Column
from ..model.analysis_report import AnalysisReport, Topic
from ..presets import load_preset
from .blocks import BlockWriter
from .placeholders import document_values, fill_lines
from .tables import TableLayoutSpec

__all__ = ["build_view", "write"]


def _columns(given: list[Column] | None, preset: dict[str, Any], key: str) -> list[Column]:
    return given or [Column.model_validate(c) for c in preset[key]]


def _write_indicators(report: AnalysisReport, writer: BlockWriter, preset: dict[str, Any]) -> None:
    rows, merges = [], []
    for group in report.indicators:
        merges.append((len(rows), 0, len(group.indicators)))
        for index, line in enumerate(group.indicators):
            rows.append({"cells": [[group.tool] if index == 0 else [], [str(line.number)],
                                   [line.indicator], [str(line.score)]]})
    writer.table(_columns(report.indicator_columns, preset, "indicator_columns"), rows,
                 aligns=("center", "center", "left", "center"), merges=merges)


def _write_topic(topic: Topic, columns: list[Column], writer: BlockWriter, preset: dict[str, Any]) -> None:
    """One row per question; number and title span the topic, tool and remark span the tool."""
    rows: list[dict[str, Any]] = []
    merges = []
    for tool in topic.tools:
        start = len(rows)
        for index, question in enumerate(tool.questions):
            first_of_topic = not rows
            rows.append({"cells": [
                [topic.number] if first_of_topic else [],
                [topic.title] if first_of_topic else [],
                [tool.tool] if index == 0 else [],
                [preset["question_prefix"] + question.code],
                [str(question.score)],
                list(tool.remark) if index == 0 else [],
            ]})
        merges += [(start, 2, len(tool.questions)), (start, 5, len(tool.questions))]
    merges += [(0, 0, len(rows)), (0, 1, len(rows))]
    writer.heading(topic.heading, 2)
    writer.table(columns, rows, aligns=("center", "left", "center", "left", "center", "left"), merges=merges)


def write(report: AnalysisReport, writer: BlockWriter) -> None:
    """Lay out *report* as blocks."""
    preset = load_preset("analysis_report")
    values = document_values(report)
    writer.cover(fill_lines(report.cover or [], values, where="cover"))
    writer.paragraphs("title", fill_lines(report.title, values, where="title"))
    writer.paragraphs("body", report.summary)
    if report.indicators:
        _write_indicators(report, writer, preset)
    writer.heading(report.topics_heading, 1)
    for topic in report.topics:
        _write_topic(topic, _columns(topic.columns or report.topic_columns, preset, "topic_columns"), writer, preset)
    writer.heading(report.actions_heading, 1)
    if report.actions:
        rows, merges = [], []
        for action in report.actions:
            merges.append((len(rows), 0, len(action.rows)))
            for index, step in enumerate(action.rows):
                rows.append({"cells": [[action.topic] if index == 0 else [], list(step.approach),
                                       list(step.responsible), list(step.steps), list(step.period)]})
        writer.table(_columns(report.action_columns, preset, "action_columns"), rows, merges=merges)
    writer.free(report.after, values, "after")


def build_view(report: AnalysisReport) -> tuple[dict[str, Any], list[TableLayoutSpec]]:
    """Return the template context of *report* and the layouts of its tables."""
    preset = load_preset("analysis_report")
    writer = BlockWriter(report.digits)
    write(report, writer)
    return writer.view(page_prefix=preset["page_prefix"], page_suffix=preset["page_suffix"])
