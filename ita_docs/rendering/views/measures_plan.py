"""Lay out a measures plan: its sections in order, the plan's own parts among the free blocks.

The sections are the data's ``sections``, else the preset's sequence. What is
particular to the plan: its figures (``${total_score}`` …), its named texts and
headings, the assessment sections, and its tables (ranking, remarks, analysis,
measures, and a score table of last year's indicators).
"""
from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from pydantic import TypeAdapter

from ...computed import previous_result_figures
from ...errors import InputError, Location
from ...framework import load_framework
from ...model import MeasuresPlan, Section
from ...model.measures_plan import (
    AnalysisTableBlock,
    AssessmentBlock,
    MeasuresTableBlock,
    PlanBlock,
    RankingTableBlock,
    RemarksBlock,
    TextBlock,
)
from ...model.parts import ScoreTableBlock, ScoreTool
from ...presets import MeasuresPlanPreset, load_preset, plain
from ...thai import format_date
from .blocks import BlockWriter
from .columns import Cells, check_columns, pick, table_columns
from .measure_tables import write_measures
from .parts import level_text
from .placeholders import fill

__all__ = ["default_sections", "write"]

Values = dict[str, "str | None"]


def _score(value: Decimal | None) -> str:
    # -- printed as the data writes it: "100" stays "100", "100.00" stays "100.00" --
    return "" if value is None else str(value)


def _overrides(given: dict[str, Any], defaults: Mapping[str, Any], field: str) -> dict[str, Any]:
    unknown = sorted(set(given) - set(defaults))
    if unknown:
        raise InputError(
            f"ไม่รู้จักหัวข้อ {', '.join(unknown)} (ที่มี: {', '.join(defaults)})",
            location=Location(path=f"{field}.{unknown[0]}"),
        )
    return {**defaults, **given}


def _values(plan: MeasuresPlan, preset: MeasuresPlanPreset) -> Values:
    """The placeholder values: the plan's figures, then its title, subtitle and headings."""
    result = plan.previous_result
    scores = [i.score for i in result.indicators]
    meeting = plan.meeting
    total, level = result.total_score, result.level
    if total is None or level is None:  # -- left out: computed with last year's framework --
        figures = previous_result_figures(result)
        total = figures.total if total is None else total
        level = figures.level if level is None else level
    org = plan.organisation
    values: Values = {
        "org_name": org.name,
        "org_full_name": org.full_name,
        "district": org.district,
        "province": org.province,
        "fiscal_year": str(plan.fiscal_year),
        "previous_year": str(result.fiscal_year),
        "next_year": str(plan.fiscal_year + 1),
        "total_score": _score(total),
        "level": level_text(level, result.level_name, result.level_format),
        "highest_score": _score(max(scores)),
        "lowest_score": _score(min(scores)),
        "indicator_count": str(len(result.indicators)),
        "meeting_title": meeting.title if meeting else None,
        "meeting_date": format_date(meeting.date, "medium", digits=plan.digits) if meeting else None,
        "meeting_place": meeting.place if meeting else None,
        "meeting_attendees": meeting.attendees if meeting else None,
        "meeting_at": (f" ณ {meeting.place}" if meeting.place else "") if meeting else None,
        "meeting_with": (f" โดยมี{meeting.attendees}" if meeting.attendees else "") if meeting else None,
    }
    values["title"] = fill(plan.title if plan.title is not None else preset.title, values, where="title")
    values["subtitle"] = fill(plan.subtitle if plan.subtitle is not None else preset.subtitle, values,
                              where="subtitle")
    for key, text in _overrides(plan.headings, preset.headings, "headings").items():
        values[f"headings.{key}"] = fill(text, values, where=f"headings.{key}")
    return values


_SECTIONS: TypeAdapter[list[Any]] = TypeAdapter(list[PlanBlock])


def default_sections() -> list[Any]:
    """The preset's sequence of sections, as blocks."""
    return _SECTIONS.validate_python(plain(load_preset("measures_plan").sections))


def _texts(plan: MeasuresPlan, preset: MeasuresPlanPreset) -> dict[str, list[str]]:
    texts = _overrides(plan.texts, {**preset.texts, "reporting": None}, "texts")
    texts["reporting"] = plan.reporting if plan.reporting is not None else \
        plan.texts.get("reporting", preset.reporting)
    return {k: [v] if isinstance(v, str) else list(v) for k, v in texts.items()}


def _assessment(plan: MeasuresPlan, preset: MeasuresPlanPreset, writer: BlockWriter, values: Values) -> None:
    sections = plan.assessment if plan.assessment is not None else \
        [Section.model_validate(s) for s in plain(preset.assessment)]

    def walk(sections: list[Section], level: int, where: str) -> None:
        for i, section in enumerate(sections):
            at = f"{where}[{i}]"
            writer.heading(fill(section.heading, values, where=f"{at}.heading"), level)
            writer.paragraphs("body", [fill(p, values, where=f"{at}.paragraphs") for p in section.paragraphs])
            walk(section.subsections, min(level + 1, 3), f"{at}.subsections")

    walk(sections, 1, "assessment")


def _table_heading(writer: BlockWriter, heading: str | None, level: int, intro: list[str],
                   values: Values, at: str) -> None:
    if heading:
        writer.heading(fill(heading, values, where=f"{at}.heading"), level)
    writer.paragraphs("body", [fill(p, values, where=f"{at}.intro") for p in intro])


def _ranking(plan: MeasuresPlan, block: RankingTableBlock, preset: MeasuresPlanPreset, writer: BlockWriter,
             values: Values, at: str) -> None:
    part = block.ranking_table
    columns = table_columns(part.columns, preset.ranking_table["columns"], where=f"{at}.columns")
    check_columns(columns, {"rank", "indicator", "score"}, where=f"{at}.columns")
    ranked = sorted(plan.previous_result.indicators, key=lambda i: i.score, reverse=True)
    rows: list[Cells] = [{"rank": [str(n)], "indicator": [i.indicator], "score": [_score(i.score)]}
                         for n, i in enumerate(ranked, start=1)]
    _table_heading(writer, part.heading, part.heading_level, part.intro, values, at)
    writer.table(columns, pick(rows, columns), aligns=_aligns(columns, {"rank": "center", "score": "center"}))


def _remarks(plan: MeasuresPlan, block: RemarksBlock, writer: BlockWriter, values: Values, at: str) -> None:
    result = plan.previous_result
    if not (result.remarks or result.remarks_summary):
        return
    if block.remarks.heading:
        writer.heading(fill(block.remarks.heading, values, where=f"{at}.heading"), block.remarks.heading_level)
    writer.paragraphs("body", result.remarks_summary)
    lines = []
    for n, remark in enumerate(result.remarks, start=1):
        lines.append(f"{n}. {remark.text[0]}")
        lines.extend(remark.text[1:])
    writer.paragraphs("body", lines)


def _analysis(plan: MeasuresPlan, block: AnalysisTableBlock, preset: MeasuresPlanPreset, writer: BlockWriter,
              values: Values, at: str) -> None:
    """One group row per tool, then the tool's indicators: name, score, issues."""
    part = block.analysis_table
    columns = table_columns(part.columns, preset.analysis_table["columns"], where=f"{at}.columns")
    check_columns(columns, {"indicator", "number", "score", "issues", "tool"}, where=f"{at}.columns")
    scores = {i.indicator: i.score for i in plan.previous_result.indicators}
    rows: list[dict[str, Any]] = []
    for group in plan.analysis:
        rows.append({"group": group.tool})
        cells = []
        for row in group.rows:
            name = f"{row.number} {row.indicator}" if row.number is not None else row.indicator
            score = row.score if row.score is not None else scores.get(row.indicator)
            cells.append({"indicator": [name], "number": [] if row.number is None else [str(row.number)],
                          "score": [_score(score)], "issues": list(row.issues), "tool": [group.tool]})
        rows += pick(cells, columns)
    if not rows:
        return
    _table_heading(writer, part.heading, part.heading_level, part.intro, values, at)
    writer.table(columns, rows, aligns=_aligns(columns, {"score": "center", "number": "center"}))


def _aligns(columns: list[Any], defaults: dict[str, str]) -> tuple[str, ...]:
    return tuple(defaults.get(c.key, "left") for c in columns)


def _score_tools(plan: MeasuresPlan, at: str) -> list[ScoreTool]:
    """Last year's indicators grouped by the tool each belongs to in that year's framework."""
    result = plan.previous_result
    framework = load_framework(result.fiscal_year)
    groups: dict[str, list[dict[str, Any]]] = {}
    for index, line in enumerate(result.indicators):
        try:
            indicator = framework.indicator(line.indicator)
        except InputError as exc:
            raise InputError(str(exc), location=Location(path=f"previous_result.indicators[{index}]")) from None
        groups.setdefault(indicator.tool, []).append(
            {"number": indicator.number, "indicator": line.indicator, "score": line.score})
    names = {t.code: t.name for t in framework.tools.items}
    return [ScoreTool.model_validate({"tool": names.get(code, code), "indicators": sorted(
        rows, key=lambda r: r["number"])}) for code, rows in sorted(
        groups.items(), key=lambda kv: [t.code for t in framework.tools.items].index(kv[0]))]


def write(plan: MeasuresPlan, writer: BlockWriter) -> None:
    """Lay out *plan*'s sections as blocks."""
    preset = load_preset("measures_plan")
    values = _values(plan, preset)
    texts = _texts(plan, preset)
    writer.values.update(title=values["title"], subtitle=values["subtitle"])
    sections = plan.sections if plan.sections is not None else default_sections()
    where = "sections" if plan.sections is not None else "sections (ค่าตั้งต้น)"
    for index, block in enumerate(sections):
        at = f"{where}[{index}]"
        match block:
            case TextBlock(text=name, style=style):
                if name not in texts:
                    raise InputError(f"ไม่รู้จักข้อความ {name!r} (ที่มี: {', '.join(texts)})",
                                     location=Location(path=f"{at}.text"))
                writer.paragraphs(style, [fill(p, values, where=f"texts.{name}") for p in texts[name]])
            case AssessmentBlock():
                _assessment(plan, preset, writer, values)
            case RankingTableBlock():
                _ranking(plan, block, preset, writer, values, f"{at}.ranking_table")
            case RemarksBlock():
                _remarks(plan, block, writer, values, f"{at}.remarks")
            case AnalysisTableBlock():
                _analysis(plan, block, preset, writer, values, f"{at}.analysis_table")
            case MeasuresTableBlock(measures_table=part):
                layout = plan.measures_table
                _table_heading(writer, part.heading, part.heading_level, part.intro, values, f"{at}.measures_table")
                given = part.columns is not None or part.preset is not None
                write_measures(writer, plan.measures, layout=part if given else layout,
                               where=f"{at}.measures_table" if given else "measures_table",
                               preset=preset,
                               number_format=part.number_format or layout.number_format
                               or preset.measure_number_format, marker=preset.list_marker)
            case ScoreTableBlock(score_table=table) if table.tools is None:
                writer.free_block(ScoreTableBlock(score_table=table.model_copy(
                    update={"tools": _score_tools(plan, at)})), values, at)
            case _:
                writer.free_block(block, values, at)
