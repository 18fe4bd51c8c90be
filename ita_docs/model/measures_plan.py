"""The measures plan (มาตรการส่งเสริมคุณธรรมและความโปร่งใส, OIT item O42 of 2566)."""
from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BeforeValidator, Field, model_validator

from .base import Model
from .blocks import BY_KEY, FreeBlock
from .common import Column, DocumentBase, Section, TableLayout
from .parts import options
from .types import FiscalYear, Lines, Paragraphs, PeriodField, Score, Text, ThaiDate, Whole

__all__ = [
    "AnalysisGroup",
    "AnalysisRow",
    "IndicatorScore",
    "Measure",
    "MeasuresLayout",
    "MeasuresPlan",
    "Meeting",
    "PlanBlock",
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
    the computed figure is reported. With ``level_name`` too, ``${level}`` writes both
    in ``level_format`` ("(ผ่าน) ระดับ AA").
    """

    fiscal_year: FiscalYear
    total_score: Score | None = None
    level: Text | None = None
    level_name: Text | None = Field(None, description="a named level (ผ่าน) beside letters (AA)")
    level_format: Text = "({name}) ระดับ {level}"
    indicators: list[IndicatorScore] = Field(min_length=1)
    remarks_summary: Paragraphs = []
    remarks: list[ToolRemark] = []


class AnalysisRow(Model):
    """One indicator in the analysis table: its score and what must be fixed."""

    indicator: Text = Field(min_length=1)
    number: Whole | None = Field(None, ge=0)
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
    place: Text | None = None
    attendees: Text | None = None


class Measure(Model):
    """One measure: what, how, who, when, and how it is followed up."""

    number: Whole | None = Field(None, ge=1)
    title: Text = Field(min_length=1)
    method: Paragraphs = []
    responsible: Lines = []
    period: PeriodField = Field("", validate_default=True)
    followup: Paragraphs = []
    extra: dict[str, Paragraphs] = {}


class MeasuresLayout(TableLayout):
    """The measures table's columns, and how a measure's number is written ("{n}. " → "๑. ")."""

    number_format: str | None = None


class TextBlock(Model):
    """One of the plan's named texts (``texts`` of the data, else of the preset)."""

    text: str = Field(min_length=1)
    style: Literal["body", "plain", "centered", "right", "signature"] = "body"


class AssessmentBlock(Model):
    """The plan's ``assessment`` sections (else the preset's): headings and paragraphs."""

    assessment: Literal[True]


class TablePart(Model):
    """A heading (shown with the table only), an introduction, and the table's columns."""

    heading: Text | None = None
    heading_level: Whole = Field(2, ge=1, le=3)
    intro: Paragraphs = []
    columns: list[Column] | None = Field(None, min_length=1)


class RankingTableBlock(Model):
    """Last year's indicators, highest score first."""

    ranking_table: Annotated[TablePart, BeforeValidator(options)]


class RemarksPart(Model):
    heading: Text | None = None
    heading_level: Whole = Field(2, ge=1, le=3)


class RemarksBlock(Model):
    """The assessor's remarks: the summary, then one numbered paragraph per tool."""

    remarks: Annotated[RemarksPart, BeforeValidator(options)]


class AnalysisTableBlock(Model):
    """The ``analysis`` groups: indicator, score and what must be fixed, per tool."""

    analysis_table: Annotated[TablePart, BeforeValidator(options)]


class MeasuresPart(MeasuresLayout):
    heading: Text | None = None
    heading_level: Whole = Field(1, ge=1, le=3)
    intro: Paragraphs = []


class MeasuresTableBlock(Model):
    """The measures; columns and number format from here, else ``measures_table``, else the preset."""

    measures_table: Annotated[MeasuresPart, BeforeValidator(options)]


#: A section of the measures plan: the free blocks and typed parts, and the plan's own parts.
PlanBlock = Annotated[
    FreeBlock | TextBlock | AssessmentBlock | RankingTableBlock | RemarksBlock | AnalysisTableBlock
    | MeasuresTableBlock,
    BY_KEY,
]


class MeasuresPlan(DocumentBase):
    """The yearly measures plan: last year's result analysed, and this year's measures.

    ``sections`` lays the plan out; left out, the preset's sequence is used, which
    shows ``title``, ``subtitle``, ``assessment``, ``headings.*``, ``texts.*`` and
    ``reporting`` where the reference document has them.
    """

    kind: Literal["measures_plan"]
    fiscal_year: FiscalYear
    title: Text | None = None
    subtitle: Text | None = None
    assessment: list[Section] | None = None
    previous_result: PreviousResult
    analysis: list[AnalysisGroup] = []
    meeting: Meeting | None = None
    measures: list[Measure] = Field(min_length=1)
    measures_table: MeasuresLayout = MeasuresLayout()
    reporting: Paragraphs | None = None
    headings: dict[str, Text] = {}
    texts: dict[str, Paragraphs] = {}
    sections: list[PlanBlock] | None = None

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
