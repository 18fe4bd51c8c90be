"""Figures a document can leave out, computed from its scores and the ITA framework.

The views print the given figure when there is one and the computed figure otherwise;
:mod:`ita_docs.consistency` reports where the two differ.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from types import MappingProxyType

from .errors import InputError, Location
from .framework import load_framework
from .model.annual_report import Strengths, YearComparison
from .model.measures_plan import PreviousResult
from .scoring import level_of, split_by_threshold, tool_scores, total_score

__all__ = ["YearFigures", "comparison_scores", "previous_result_figures", "strengths_lists", "year_figures"]


@dataclass(frozen=True)
class YearFigures:
    """The computed tool scores, total and level of one year's indicator scores."""

    tools: Mapping[str, Decimal]
    total: Decimal
    level: str


def year_figures(fiscal_year: int, scores: dict[int, Decimal], where: str) -> YearFigures:
    """Total and level of *scores* (indicator number → score) under that year's framework.

    Computed once for the same year and scores (as typed: ``97.10`` is not ``97.1``), so
    the consistency check and the view that prints the figures share the work.
    """
    figures = _year_figures(fiscal_year, tuple((number, str(score)) for number, score in scores.items()))
    if isinstance(figures, str):
        raise InputError(figures, location=Location(path=where))
    return figures


@lru_cache(maxsize=256)
def _year_figures(fiscal_year: int, scores: tuple[tuple[int, str], ...]) -> YearFigures | str:
    """The figures, or the message of the error the scores give under the framework."""
    framework = load_framework(fiscal_year)
    typed = {number: Decimal(score) for number, score in scores}
    try:
        tools = tool_scores(typed, framework)
    except InputError as exc:
        return exc.message
    total = total_score(typed, framework)
    return YearFigures(MappingProxyType(tools), total, level_of(total, tools, framework))


def _numbered(fiscal_year: int, named: list[tuple[int | None, str, Decimal]], where: str) -> dict[int, Decimal]:
    framework = load_framework(fiscal_year)
    scores = {}
    for number, name, score in named:
        try:
            key = number if number is not None else framework.indicator(name).number
        except InputError as exc:
            raise InputError(exc.message, location=Location(path=where)) from None
        scores[key] = score
    return scores


def previous_result_figures(result: PreviousResult) -> YearFigures:
    """The computed total and level of last year's result."""
    where = "previous_result.indicators"
    scores = _numbered(result.fiscal_year, [(None, i.indicator, i.score) for i in result.indicators], where)
    return year_figures(result.fiscal_year, scores, where)


def comparison_scores(table: YearComparison, which: str, where: str) -> dict[int, Decimal]:
    """Indicator number → score of one year ("previous" or "current") of a comparison."""
    year = table.previous_year if which == "previous" else table.current_year
    named = [(line.number, line.indicator, getattr(line, which)) for group in table.tools for line in group.indicators]
    return _numbered(year, named, where)


def strengths_lists(strengths: Strengths, table: YearComparison, where: str) -> tuple[list[int], list[int], list[int]]:
    """The computed best, above-threshold and below-threshold indicator numbers."""
    scores = comparison_scores(table, "current", where)
    best = max(scores.values())
    above, below = split_by_threshold(scores, Decimal(strengths.threshold))
    return [n for n, s in sorted(scores.items()) if s == best], above, below
