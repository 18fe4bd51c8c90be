"""The yearly cycle: a follow-up report from a plan, and next year's document from this one."""
from __future__ import annotations

import re
from datetime import date
from typing import Any

from pydantic import BaseModel

from .consistency import document_texts
from .errors import InputError, Location, Problem
from .model import DocumentBase, MeasuresPlan, ProgressReport
from .thai import DateRange, FiscalYearPeriod, MonthRange, QuarterPeriod, to_arabic_digits

__all__ = ["followup", "next_year"]

#: The layout of a follow-up made from a plan (presets/progress_report.yaml): the plan's
#: columns, then result and suggestion.
FOLLOWUP_LAYOUT = "results_and_suggestions"


def followup(plan: DocumentBase) -> ProgressReport:
    """A progress report skeleton: the plan's organisation, year and measures, results empty.

    >>> from ita_docs import load
    >>> report = followup(load("samples/nongmuang-2566-measures.yaml"))
    >>> report.fiscal_year, len(report.tables[0].measures), report.tables[0].measures[0].result
    (2566, 8, [])
    """
    if not isinstance(plan, MeasuresPlan):
        raise InputError(f"สร้างรายงานผลได้จากแผนมาตรการ (measures_plan) เท่านั้น ไม่ใช่ {plan.kind}",
                         location=Location(path="kind"))
    measures = [
        {"number": m.number or n, "title": m.title, "method": list(m.method), "responsible": list(m.responsible),
         "period": m.period, "result": [], "suggestion": []}
        for n, m in enumerate(plan.measures, start=1)
    ]
    return ProgressReport.model_validate({
        "kind": "progress_report", "digits": plan.digits, "font": plan.font, "period_style": plan.period_style,
        "organisation": plan.organisation, "fiscal_year": plan.fiscal_year,
        "tables": [{"preset": FOLLOWUP_LAYOUT, "measures": measures}],
    })


def _later(value: date) -> date:
    try:
        return value.replace(year=value.year + 1)
    except ValueError:  # 29 February
        return value.replace(year=value.year + 1, day=28)


#: Fields holding a fiscal (or comparison) year, moved on with the dates.
_YEAR_FIELDS = frozenset({"fiscal_year", "previous_year", "current_year"})


def _moved(value: Any, field: str | None = None) -> Any:
    """*value* as plain data (models as dicts, all the way down) with every date, period
    and year field moved one year on; *field* is the name *value* stands under."""
    match value:
        case int() if field in _YEAR_FIELDS and not isinstance(value, bool):
            return value + 1
        case FiscalYearPeriod(year):
            return FiscalYearPeriod(year + 1)
        case QuarterPeriod(quarter, year):
            return QuarterPeriod(quarter, None if year is None else year + 1)
        case DateRange(start, end):
            return DateRange(_later(start), _later(end))
        case MonthRange(start, end):
            return MonthRange(_later(start), _later(end))
        case date():
            return _later(value)
        case BaseModel():
            return {name: _moved(getattr(value, name), name) for name in type(value).model_fields}
        case list() | tuple():
            return [_moved(v) for v in value]
        case dict():
            return {k: _moved(v, k) for k, v in value.items()}
    return value


def next_year(document: DocumentBase) -> tuple[DocumentBase, list[Problem]]:
    """Next year's document, and the places in its text that still name the old years.

    Fiscal years, dates and periods move one year on. Free text is not rewritten: each
    mention of this or last year there is listed for the clerk to review.
    """
    year = getattr(document, "fiscal_year", None)
    if year is None:
        raise InputError("เอกสารนี้ไม่มีปีงบประมาณ (fiscal_year) จึงเลื่อนปีไม่ได้", location=Location(path="fiscal_year"))
    moved = type(document).model_validate(_moved(document))
    old = {str(year), str(year - 1), str(year % 100)}
    review = []
    for path, text in document_texts(moved):
        found = sorted({y for y in re.findall(r"\d{4}|\d{2}", to_arabic_digits(text)) if y in old})
        if found:
            review.append(Problem(Location(path=path),
                                  f"ข้อความยังกล่าวถึงปี {', '.join(found)}: ตรวจว่าต้องเปลี่ยนเป็นปีใหม่หรือไม่",
                                  kind="review"))
    if isinstance(moved, MeasuresPlan):
        review.insert(0, Problem(Location(path="previous_result"),
                                 f"ใส่ผลการประเมิน ITA ปี {year} แทนคะแนนของปี {year - 1}", kind="review"))
    return moved, review
