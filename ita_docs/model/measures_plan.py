"""The measures plan (มาตรการส่งเสริมคุณธรรมและความโปร่งใส, OIT item O42 of 2566)."""
from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from .base import Model
from .common import DocumentBase, Section, TableLayout
from .types import FiscalYear, Lines, Paragraphs, PeriodField, Score, Text, ThaiDate

__all__ = [
    "AnalysisGroup",
    "AnalysisRow",
    "IndicatorScore",
    "Measure",
    "MeasuresPlan",
    "Meeting",
    "PreviousResult",
    "ToolRemark",
]


class IndicatorScore(Model):
    """The score of one ITA indicator."""

    indicator: Text = Field(min_length=1)
    score: Score


class ToolRemark(Model):
    """The assessor's remark on one tool (IIT, EIT or OIT)."""

    tool: Text
    text: Paragraphs = Field(min_length=1)


class PreviousResult(Model):
    """Last year's ITA result, which this year's measures answer.

    ``total_score`` and ``level`` may be left out: they are computed from the indicator
    scores with that year's framework. Given, they are printed, and a difference from
    the computed figure is reported.
    """

    fiscal_year: FiscalYear
    total_score: Score | None = None
    level: Text | None = None
    indicators: list[IndicatorScore] = Field(min_length=1)
    remarks_summary: Paragraphs = []
    remarks: list[ToolRemark] = []


class AnalysisRow(Model):
    """One indicator in the analysis table: its score and what must be fixed."""

    indicator: Text = Field(min_length=1)
    number: int | None = Field(None, ge=0)
    score: Score | None = None
    issues: Paragraphs = []


class AnalysisGroup(Model):
    """The analysis rows of one tool, under the tool's name."""

    tool: Text
    rows: list[AnalysisRow] = Field(min_length=1)


class Meeting(Model):
    """The meeting that decided the measures."""

    title: Text
    date: ThaiDate
    place: Text
    attendees: Text


class Measure(Model):
    """One measure: what, how, who, when, and how it is followed up."""

    number: int | None = Field(None, ge=1)
    title: Text = Field(min_length=1)
    method: Paragraphs = []
    responsible: Lines = []
    period: PeriodField = Field("", validate_default=True)
    followup: Paragraphs = []
    extra: dict[str, Paragraphs] = {}


class MeasuresPlan(DocumentBase):
    """The yearly measures plan: last year's result analysed, and this year's measures."""

    kind: Literal["measures_plan"]
    fiscal_year: FiscalYear
    title: Text | None = None
    subtitle: Text | None = None
    assessment: list[Section] | None = None
    previous_result: PreviousResult
    analysis: list[AnalysisGroup] = []
    meeting: Meeting | None = None
    measures: list[Measure] = Field(min_length=1)
    measures_table: TableLayout = TableLayout()
    reporting: Paragraphs | None = None
    headings: dict[str, Text] = {}
    texts: dict[str, Paragraphs] = {}

    @model_validator(mode="after")
    def _numbers_unique(self) -> MeasuresPlan:
        seen: dict[int, int] = {}
        for index, measure in enumerate(self.measures):
            if measure.number is None:
                continue
            if measure.number in seen:
                raise ValueError(
                    f"มาตรการลำดับที่ {measure.number} ซ้ำกัน: measures[{seen[measure.number]}] "
                    f"และ measures[{index}]"
                )
            seen[measure.number] = index
        return self
