"""The annual report book (รายงานการวิเคราะห์ผลการประเมิน … ประจำปี, ronthong 2564)."""
from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from .base import Model
from .blocks import BY_KEY, FreeBlock, SectionBlock
from .common import Column, DocumentBase
from .progress_report import IssueTable, MeasureTable
from .types import FiscalYear, Lines, Numbers, Pair, Paragraphs, Score, Text, ThaiDate, Whole

__all__ = [
    "AnnualReport",
    "Foreword",
    "Strengths",
    "TableOfContents",
    "ToolYearScores",
    "YearComparison",
    "YearScore",
]


class YearScore(Model):
    """An indicator's score last year and this year; the change word is computed if left out."""

    number: Whole | None = Field(None, ge=1)
    indicator: Text
    previous: Score
    current: Score
    change: Text | None = None


class ToolYearScores(Model):
    tool: Text
    indicators: list[YearScore] = Field(min_length=1)


class YearComparison(Model):
    """This year against last year per indicator, with the average and level rows."""

    previous_year: FiscalYear
    current_year: FiscalYear
    columns: list[Column] | None = Field(None, min_length=1)
    tools: list[ToolYearScores] = Field(min_length=1)
    average: Annotated[tuple[Score, Score], Pair] | None = None
    level: Annotated[tuple[Text, Text], Pair] | None = None


class YearComparisonBlock(Model):
    year_comparison: YearComparison


class MeasuresBlock(Model):
    measures_table: MeasureTable


class IssuesBlock(Model):
    issues_table: IssueTable


class Strengths(Model):
    """Strengths and weaknesses of the (first) year comparison's current scores.

    The lists name indicator numbers; left out, they are computed: ``best`` the highest,
    ``above`` those over ``threshold``, ``below`` those under it. ``start`` numbers the
    first of the three items.
    """

    threshold: Score = Field(80, validate_default=True)  # -- validated: a Decimal, as a given one is --
    start: Whole = Field(1, ge=1)
    best: Numbers | None = None
    above: Numbers | None = None
    below: Numbers | None = None


class StrengthsBlock(Model):
    strengths: Strengths


class TableOfContents(Model):
    """Where the table of contents goes; its entries are the level-1 (and 2) headings."""

    title: Text = "สารบัญ"
    page_label: Text = "หน้า"
    levels: Whole = Field(1, ge=1, le=2)


class TocBlock(Model):
    toc: TableOfContents


#: A block of the annual report: the free blocks and the report's own tables.
AnnualBlock = Annotated[
    FreeBlock | YearComparisonBlock | MeasuresBlock | IssuesBlock | TocBlock | StrengthsBlock, BY_KEY
]


class Foreword(Model):
    heading: Text = "คำนำ"
    paragraphs: Paragraphs = Field(min_length=1)
    signature: Lines = []


class AnnualReport(DocumentBase):
    """The report book: cover, foreword, table of contents, then content blocks.

    ``published_on`` gives the cover's month and year (``${published_month}``).
    """

    kind: Literal["annual_report"]
    fiscal_year: FiscalYear
    published_on: ThaiDate | None = None
    cover: Lines = []
    foreword: Foreword | None = None
    content: list[AnnualBlock] = Field(min_length=1)
    sections: list[SectionBlock] | None = None
