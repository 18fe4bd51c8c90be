"""Lay out the typed parts every kind accepts: signature, score table, score history."""
from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from ...model.parts import ScoreHistory, ScoreTable, Signature
from ...presets import load_preset
from ...scoring import change
from ...thai import format_date
from ..formats import format_number
from .columns import Cells, check_columns, pick, span, table_columns
from .placeholders import fill

if TYPE_CHECKING:
    from .blocks import BlockWriter

__all__ = ["level_text", "write_score_history", "write_score_table", "write_signature"]

Values = Mapping[str, "str | None"]


def _fill(text: str, values: Values, where: str) -> str:
    return fill(text, values, where=where) if "${" in text else text


def write_signature(writer: BlockWriter, signature: Signature, values: Values, at: str) -> None:
    """The date line, room to sign, then ``(name)`` and the position lines centred under it."""
    writer.keep_last_with_next()
    if signature.date is not None:
        date = format_date(signature.date, signature.date_style, digits=writer.digits)
        writer.paragraphs("signature_date", [_fill(signature.date_prefix, values, f"{at}.date_prefix") + date])
    writer.paragraphs("signature", [""] * signature.space_lines + [
        f"({_fill(signature.name, values, f'{at}.name')})",
        *(_fill(line, values, f"{at}.position[{i}]") for i, line in enumerate(signature.position))])


def _heading_and_intro(writer: BlockWriter, part: ScoreTable | ScoreHistory, values: Values, at: str) -> None:
    if part.heading:
        writer.heading(_fill(part.heading, values, f"{at}.heading"), part.heading_level)
    writer.paragraphs("body", [_fill(p, values, f"{at}.intro[{i}]") for i, p in enumerate(part.intro)])


def _cell(value: object) -> list[str]:
    return [] if value is None else [str(value)]


def write_score_table(writer: BlockWriter, table: ScoreTable, values: Values, at: str) -> None:
    """Indicators and scores grouped by tool, the tool's cell merged over its rows."""
    tools = table.tools or []
    columns = table_columns(table.columns, load_preset("parts").score_table_columns, where=f"{at}.columns")
    check_columns(columns, {"tool", "number", "indicator", "score"},
                  (row.row_extras for tool in tools for row in tool.indicators), where=f"{at}.columns",
                  extras_where=f"{at}.tools")
    rows: list[Cells] = []
    merges = []
    for tool in tools:
        start = len(rows)
        for row in tool.indicators:
            rows.append({"tool": [tool.tool], "number": _cell(row.number), "indicator": [row.indicator],
                         "score": _cell(row.score), **row.row_extras})
        merges += span(rows, start, len(tool.indicators), ["tool"], columns)
    _heading_and_intro(writer, table, values, at)
    aligns = tuple("left" if c.key == "indicator" or c.key not in ("tool", "number", "score") else "center"
                   for c in columns)
    writer.table(columns, pick(rows, columns), aligns=aligns, merges=merges)


def level_text(level: str | None, name: str | None, level_format: str) -> str:
    """A level as letters, a named level, or both in *level_format*.

    >>> level_text("AA", "ผ่าน", "({name}) ระดับ {level}")
    '(ผ่าน) ระดับ AA'
    >>> level_text("A", None, "({name}) ระดับ {level}"), level_text(None, "ผ่าน", "")
    ('A', 'ผ่าน')
    """
    if level and name:
        return format_number(level_format, name=name, level=level)
    return level or name or ""


def write_score_history(writer: BlockWriter, history: ScoreHistory, values: Values, at: str) -> None:
    """A row per year: its score, level, and the change from the year before."""
    preset = load_preset("parts")
    columns = table_columns(history.columns, preset.score_history_columns, where=f"{at}.columns")
    check_columns(columns, {"year", "score", "level", "change"}, (y.row_extras for y in history.years),
                  where=f"{at}.columns", extras_where=f"{at}.years")
    rows: list[Cells] = []
    previous = None
    for year in history.years:
        moved = "" if previous is None or year.score is None else \
            change(previous, year.score, preset.change_words).word
        rows.append({"year": [str(year.year)], "score": _cell(year.score),
                     "level": [level_text(year.level, year.level_name, history.level_format)],
                     "change": [moved], **year.row_extras})
        previous = year.score if year.score is not None else previous
    _heading_and_intro(writer, history, values, at)
    writer.table(columns, pick(rows, columns),
                 aligns=tuple("center" if c.key in ("year", "score", "level", "change") else "left" for c in columns))
