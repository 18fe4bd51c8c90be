"""The view of a measures plan: every value the template shows, already formatted."""
from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

from ..computed import previous_result_figures
from ..errors import InputError, Location
from ..model import Column, MeasuresPlan, Section
from ..presets import load_preset
from ..thai import convert_digits, format_date
from .blocks import converted
from .measure_tables import measure_columns, measure_rows
from .placeholders import fill
from .tables import TableLayoutSpec, table_view

__all__ = ["build_view"]


def _score(value: Decimal | None) -> str:
    # -- printed as the data writes it: "100" stays "100", "100.00" stays "100.00" --
    return "" if value is None else str(value)


def _placeholder_values(plan: MeasuresPlan) -> dict[str, str | None]:
    result = plan.previous_result
    scores = [i.score for i in result.indicators]
    meeting = plan.meeting
    total, level = result.total_score, result.level
    if total is None or level is None:  # -- left out: computed with last year's framework --
        figures = previous_result_figures(result)
        total = figures.total if total is None else total
        level = figures.level if level is None else level
    return {
        "org_name": plan.organisation.name,
        "org_full_name": plan.organisation.full_name,
        "fiscal_year": str(plan.fiscal_year),
        "previous_year": str(result.fiscal_year),
        "total_score": _score(total),
        "level": level,
        "highest_score": _score(max(scores)),
        "lowest_score": _score(min(scores)),
        "indicator_count": str(len(result.indicators)),
        "meeting_title": meeting.title if meeting else None,
        "meeting_date": format_date(meeting.date, "medium", digits=plan.digits) if meeting else None,
        "meeting_place": meeting.place if meeting else None,
        "meeting_attendees": meeting.attendees if meeting else None,
    }


def _overrides(given: dict[str, Any], defaults: dict[str, Any], field: str) -> dict[str, Any]:
    unknown = sorted(set(given) - set(defaults))
    if unknown:
        raise InputError(
            f"ไม่รู้จักหัวข้อ {', '.join(unknown)} (ที่มี: {', '.join(defaults)})",
            location=Location(path=f"{field}.{unknown[0]}"),
        )
    return {**defaults, **given}


def _sections(sections: list[Section], fill_text: Callable[[str, str], str], where: str) -> list[dict[str, Any]]:
    return [
        {
            "heading": fill_text(s.heading, f"{where}[{i}].heading"),
            "paragraphs": [fill_text(p, f"{where}[{i}].paragraphs") for p in s.paragraphs],
            "subsections": _sections(s.subsections, fill_text, f"{where}[{i}].subsections"),
        }
        for i, s in enumerate(sections)
    ]


def build_view(plan: MeasuresPlan) -> tuple[dict[str, Any], list[TableLayoutSpec]]:
    """Return the template context of *plan* and the layouts of its tables."""
    preset = load_preset("measures_plan")
    values = _placeholder_values(plan)

    def fill_text(text: str, where: str) -> str:
        return fill(text, values, where=where)

    headings = _overrides(plan.headings, preset["headings"], "headings")
    texts = _overrides(plan.texts, preset["texts"], "texts")
    sections = plan.assessment if plan.assessment is not None else [
        Section.model_validate(s) for s in preset["assessment"]]
    reporting = plan.reporting if plan.reporting is not None else preset["reporting"]
    result = plan.previous_result

    ranked = sorted(result.indicators, key=lambda i: i.score, reverse=True)
    ranking_columns = [Column.model_validate(c) for c in preset["ranking_table"]["columns"]]
    ranking, ranking_spec = table_view(
        ranking_columns,
        [{"cells": [[str(n)], [i.indicator], [_score(i.score)]]} for n, i in enumerate(ranked, start=1)],
        aligns=("center", "left", "center"),
    )

    scores = {i.indicator: i.score for i in result.indicators}
    analysis_rows: list[dict[str, Any]] = []
    for group in plan.analysis:
        analysis_rows.append({"group": group.tool})
        for row in group.rows:
            name = f"{row.number} {row.indicator}" if row.number is not None else row.indicator
            score = row.score if row.score is not None else scores.get(row.indicator)
            analysis_rows.append({"cells": [[name], [_score(score)], list(row.issues)]})
    analysis_columns = [Column.model_validate(c) for c in preset["analysis_table"]["columns"]]
    analysis, analysis_spec = table_view(analysis_columns, analysis_rows, aligns=("left", "center", "left"))

    columns = measure_columns(plan.measures_table, preset["measures_table_presets"],
                              preset["measures_table_default"], plan.measures, "measures_table")
    measures, measures_spec = table_view(columns, measure_rows(
        plan.measures, columns, number_format=preset["measure_number_format"], marker=preset["list_marker"],
        digits=plan.digits))

    remarks = []
    for n, remark in enumerate(result.remarks, start=1):
        remarks.append(f"{n}. {remark.text[0]}")
        remarks.extend(remark.text[1:])

    view = {
        "title": fill_text(plan.title or preset["title"], "title"),
        "subtitle": fill_text(plan.subtitle or preset["subtitle"], "subtitle"),
        "assessment": _sections(sections, fill_text, "assessment"),
        "headings": {k: fill_text(v, f"headings.{k}") for k, v in headings.items()},
        "texts": {
            k: [fill_text(p, f"texts.{k}") for p in ([v] if isinstance(v, str) else v)]
            for k, v in texts.items()
        },
        "remarks_summary": list(result.remarks_summary),
        "remarks": remarks,
        "reporting": [fill_text(p, "reporting") for p in reporting],
        "tables": {"ranking": ranking, "analysis": analysis, "measures": measures},
    }
    view = converted(view, plan.digits)
    view["digits"] = plan.digits
    view["page_prefix"], view["page_suffix"] = preset["page_prefix"], preset["page_suffix"]
    specs = [
        TableLayoutSpec(tuple(convert_digits(h, plan.digits) for h in s.headings), s.widths_twips, s.aligns)
        for s in (ranking_spec, analysis_spec, measures_spec)
    ]
    return view, specs
