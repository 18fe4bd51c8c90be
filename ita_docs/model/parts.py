"""Typed parts any document may carry among its blocks: a signature, a score table, a score history.

::

    - signature: {date: 2567-03-15, name: นายสมชาย ใจดี, position: นายกเทศมนตรีตำบลบ้านใหม่}
    - score_table: {columns: [...], tools: [{tool: IIT, indicators: [{indicator: …, score: 95.2}]}]}
    - score_history: {years: [{year: 2565, score: 88.1, level: A, level_name: ผ่าน}, …]}

Rows of these tables, like an OIT item, may carry keys of their own (``url: …``): a
column with that key shows them, and a key no column shows is an error, so nothing
typed is lost.
"""
from __future__ import annotations

from typing import Any

from pydantic import ConfigDict, Field, TypeAdapter, model_validator

from .base import Model
from .common import Column
from .types import FiscalYear, Lines, Paragraphs, Score, Text, ThaiDate, Whole, read_flag

__all__ = [
    "OpenRow",
    "ScoreHistory",
    "ScoreHistoryBlock",
    "ScoreTable",
    "ScoreTableBlock",
    "ScoreTool",
    "ScoredIndicator",
    "Signature",
    "SignatureBlock",
    "YearResult",
    "options",
]

_PARAGRAPHS: TypeAdapter[list[str]] = TypeAdapter(Paragraphs)


class OpenRow(Model):
    """A table row that may carry keys of its own, each text or paragraphs (``row_extras``)."""

    model_config = ConfigDict(extra="allow", frozen=True)

    @model_validator(mode="after")
    def _clean_extras(self) -> OpenRow:
        for key, value in (self.model_extra or {}).items():
            self.model_extra[key] = _PARAGRAPHS.validate_python(value)  # type: ignore[index]
        return self

    @property
    def row_extras(self) -> dict[str, list[str]]:
        """The row's own keys and their paragraphs."""
        return dict(self.model_extra or {})


class Signature(Model):
    """Who signs, as Thai official documents lay it out.

    The date line (``ประกาศ ณ วันที่ …``) stands indented on the right half of the page,
    ``space_lines`` empty lines leave room to sign, then ``(name)`` and the position
    lines are centred under the signature.
    """

    date: ThaiDate | None = None
    date_prefix: Text = "ประกาศ ณ วันที่ "
    date_style: Text = "long"
    name: Text = Field(min_length=1)
    position: Lines = []
    space_lines: Whole = Field(2, ge=0, le=6)


class SignatureBlock(Model):
    signature: Signature


class ScoredIndicator(OpenRow):
    """An indicator and its score (its number, if the table shows one)."""

    number: Whole | None = Field(None, ge=0)
    indicator: Text = Field(min_length=1)
    score: Score | None = None


class ScoreTool(Model):
    """The indicators of one tool; the tool's cell spans their rows."""

    tool: Text
    indicators: list[ScoredIndicator] = Field(min_length=1)


class ScoreTable(Model):
    """A score table grouped by tool (เครื่องมือ | ตัวชี้วัด | คะแนน) under an optional heading.

    In a measures plan, ``tools`` left out are last year's indicator scores, grouped by
    the tool each belongs to in that year's framework.
    """

    heading: Text | None = None
    heading_level: Whole = Field(2, ge=1, le=3)
    intro: Paragraphs = []
    columns: list[Column] | None = Field(None, min_length=1)
    tools: list[ScoreTool] | None = None


class ScoreTableBlock(Model):
    score_table: ScoreTable


class YearResult(OpenRow):
    """One year's result: score, and a level as letters (AA), a named level (ผ่าน) or both."""

    year: FiscalYear
    score: Score | None = None
    level: Text | None = None
    level_name: Text | None = None


class ScoreHistory(Model):
    """A year per row: score, level, change from the year before (``columns`` keys:
    year, score, level, change, and any key of the rows).

    ``level_format`` writes a year that has both a level and a named level.
    """

    heading: Text | None = None
    heading_level: Whole = Field(2, ge=1, le=3)
    intro: Paragraphs = []
    columns: list[Column] | None = Field(None, min_length=1)
    level_format: Text = "({name}) ระดับ {level}"
    years: list[YearResult] = Field(min_length=1)


class ScoreHistoryBlock(Model):
    score_history: ScoreHistory


def options(value: Any) -> Any:
    """``part: true`` (or nothing after the colon) means the part with its defaults."""
    value = read_flag(value)  # -- the strict reader gives "true" as typed --
    return {} if value is True or value is None else value
