"""The per-question analysis of last year's result and the action plan (satengnok)."""
from __future__ import annotations

from typing import Literal

from pydantic import Field

from .base import Model
from .blocks import Block, SectionBlock
from .common import Column, DocumentBase
from .types import FiscalYear, Lines, Paragraphs, Score, Text, Whole

__all__ = [
    "Action",
    "ActionStep",
    "AnalysisReport",
    "IndicatorLine",
    "QuestionScore",
    "ToolIndicators",
    "ToolQuestions",
    "Topic",
]


class IndicatorLine(Model):
    """An indicator's number, name and score."""

    number: Whole = Field(ge=1)
    indicator: Text
    score: Score


class ToolIndicators(Model):
    """The indicators of one tool (IIT, EIT or OIT); the tool's cell spans its rows."""

    tool: Text
    indicators: list[IndicatorLine] = Field(min_length=1)


class QuestionScore(Model):
    """A question's code as the assessment names it (i1, e11, o15 …) and its score."""

    code: Text = Field(min_length=1)
    score: Score


class ToolQuestions(Model):
    """The questions of one tool within a topic, with one remark for all of them."""

    tool: Text
    questions: list[QuestionScore] = Field(min_length=1)
    remark: Paragraphs = []


class Topic(Model):
    """One 'ประเด็น': its heading, and a table of its questions grouped by tool."""

    heading: Text
    number: Text
    title: Text
    columns: list[Column] | None = Field(None, min_length=1)
    tools: list[ToolQuestions] = Field(min_length=1)


class ActionStep(Model):
    """One row of the action table: approach, who, steps, when."""

    approach: Paragraphs = []
    responsible: Paragraphs = []
    steps: Paragraphs = []
    period: Paragraphs = []


class Action(Model):
    """How one topic's analysis is put into practice; the topic's cell spans its rows."""

    topic: Text
    rows: list[ActionStep] = Field(min_length=1)


class AnalysisReport(DocumentBase):
    """Analysis of the ITA result per indicator and per question, and what follows from it.

    In order: ``cover`` (its own page), ``title`` lines, ``summary``, the indicator
    table, part 1 (``topics``), part 2 (``actions``), then ``after`` (free blocks,
    e.g. part 3 on constraints).
    """

    kind: Literal["analysis_report"]
    fiscal_year: FiscalYear
    cover: Lines = []
    title: Lines = []
    summary: Paragraphs = []
    indicator_columns: list[Column] | None = Field(None, min_length=1)
    indicators: list[ToolIndicators] = []
    topics_heading: Text | None = None
    topic_columns: list[Column] | None = Field(None, min_length=1)
    topics: list[Topic] = []
    actions_heading: Text | None = None
    action_columns: list[Column] | None = Field(None, min_length=1)
    actions: list[Action] = []
    after: list[Block] = []
    sections: list[SectionBlock] | None = None
