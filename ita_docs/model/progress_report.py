"""The follow-up report on the measures (การดำเนินการตามมาตรการ…, OIT item O43 of 2566)."""
from __future__ import annotations

from typing import Literal

from pydantic import Field

from .base import Model
from .blocks import Block, SectionBlock
from .common import Column, DocumentBase
from .measures_plan import Measure
from .types import FiscalYear, Lines, Paragraphs, Text, Whole

__all__ = ["IndicatorIssue", "IssueTable", "MeasureTable", "ProgressMeasure", "ProgressReport"]


class ProgressMeasure(Measure):
    """A measure with what was done (may be empty, to be filled in later) and suggestions."""

    result: Paragraphs = []
    suggestion: Paragraphs = []


class MeasureTable(Model):
    """A table of measures under an optional heading and introduction.

    Columns come from ``columns`` or a named ``preset``; ``number_format`` writes each
    measure's number before its title ("{n}. " → "๑. ").
    """

    heading: Text | None = None
    heading_level: Whole = Field(1, ge=1, le=3)
    intro: Paragraphs = []
    preset: str | None = None
    columns: list[Column] | None = Field(None, min_length=1)
    number_format: str = "{n}. "
    measures: list[ProgressMeasure] = Field(min_length=1)


class IndicatorIssue(Model):
    """An indicator issue worked on beyond the measures (krut's second table)."""

    indicator: Text
    issue: Paragraphs = []
    improvement: Paragraphs = []
    result: Paragraphs = []
    responsible: Lines = []


class IssueTable(Model):
    heading: Text | None = None
    heading_level: Whole = Field(1, ge=1, le=3)
    intro: Paragraphs = []
    columns: list[Column] | None = Field(None, min_length=1)
    issues: list[IndicatorIssue] = Field(min_length=1)


class ProgressReport(DocumentBase):
    """What was done on each measure of the year's plan.

    Laid out in this order: ``cover`` (its own page), ``title`` lines, ``intro``,
    ``before`` (free blocks), the measure ``tables``, ``indicator_issues``, ``after``.
    """

    kind: Literal["progress_report"]
    fiscal_year: FiscalYear
    cover: Lines = []
    title: Lines | None = None
    intro: Paragraphs | None = None
    before: list[Block] = []
    tables: list[MeasureTable] = Field(min_length=1)
    indicator_issues: IssueTable | None = None
    after: list[Block] = []
    sections: list[SectionBlock] | None = None
