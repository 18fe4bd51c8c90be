"""Lay out an analysis report: tables with tool (and topic) cells merged over their rows."""
from __future__ import annotations


from ...model import Column
from ...model.analysis_report import AnalysisReport, Topic
from ...presets import AnalysisReportPreset, load_preset
from .blocks import BlockWriter
from .columns import Cells, check_columns, pick, span, table_columns
from .placeholders import document_values, fill_lines

__all__ = ["write"]

_CENTRED = frozenset({"tool", "number", "score"})


def _aligns(columns: list[Column]) -> tuple[str, ...]:
    return tuple("center" if c.key in _CENTRED else "left" for c in columns)


def _write_indicators(report: AnalysisReport, writer: BlockWriter, preset: AnalysisReportPreset) -> None:
    columns = table_columns(report.indicator_columns, preset.indicator_columns, where="indicator_columns")
    check_columns(columns, {"tool", "number", "indicator", "score"}, where="indicator_columns")
    rows: list[Cells] = []
    merges = []
    for group in report.indicators:
        start = len(rows)
        rows += [{"tool": [group.tool], "number": [str(line.number)], "indicator": [line.indicator],
                  "score": [str(line.score)]} for line in group.indicators]
        merges += span(rows, start, len(group.indicators), ["tool"], columns)
    writer.table(columns, pick(rows, columns), aligns=_aligns(columns), merges=merges)


def _write_topic(topic: Topic, columns: list[Column], writer: BlockWriter, preset: AnalysisReportPreset) -> None:
    """One row per question; number and title span the topic, tool and remark span the tool."""
    rows: list[Cells] = []
    merges = []
    for tool in topic.tools:
        start = len(rows)
        rows += [{"number": [topic.number], "title": [topic.title], "tool": [tool.tool],
                  "question": [preset.question_prefix + question.code], "score": [str(question.score)],
                  "remark": list(tool.remark)} for question in tool.questions]
        merges += span(rows, start, len(tool.questions), ["tool", "remark"], columns)
    merges += span(rows, 0, len(rows), ["number", "title"], columns)
    writer.heading(topic.heading, 2)
    writer.table(columns, pick(rows, columns), aligns=_aligns(columns), merges=merges)


def _write_actions(report: AnalysisReport, writer: BlockWriter, preset: AnalysisReportPreset) -> None:
    columns = table_columns(report.action_columns, preset.action_columns, where="action_columns")
    check_columns(columns, {"topic", "approach", "responsible", "steps", "period"}, where="action_columns")
    rows: list[Cells] = []
    merges = []
    for action in report.actions:
        start = len(rows)
        rows += [{"topic": [action.topic], "approach": list(step.approach), "responsible": list(step.responsible),
                  "steps": list(step.steps), "period": list(step.period)} for step in action.rows]
        merges += span(rows, start, len(action.rows), ["topic"], columns)
    writer.table(columns, pick(rows, columns), merges=merges)


def write(report: AnalysisReport, writer: BlockWriter) -> None:
    """Lay out *report*'s sections (default: cover, title, summary, indicators, topics, actions, after)."""
    preset = load_preset("analysis_report")
    values = document_values(report)

    def indicators() -> None:
        if report.indicators:
            _write_indicators(report, writer, preset)

    def topics() -> None:
        writer.heading(report.topics_heading, 1)
        for index, topic in enumerate(report.topics):
            where = f"topics[{index}].columns" if topic.columns is not None else "topic_columns"
            columns = table_columns(topic.columns or report.topic_columns, preset.topic_columns, where=where)
            check_columns(columns, {"number", "title", "tool", "question", "score", "remark"}, where=where)
            _write_topic(topic, columns, writer, preset)

    def actions() -> None:
        writer.heading(report.actions_heading, 1)
        if report.actions:
            _write_actions(report, writer, preset)

    writer.sections(report, {
        "cover": lambda: writer.cover(fill_lines(report.cover or [], values, where="cover")),
        "title": lambda: writer.paragraphs("title", fill_lines(report.title, values, where="title")),
        "summary": lambda: writer.paragraphs("body", report.summary),
        "indicators": indicators,
        "topics": topics,
        "actions": actions,
        "after": lambda: writer.free(report.after, values, "after"),
    }, values)
