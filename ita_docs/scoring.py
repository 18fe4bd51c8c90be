"""ITA scores computed from the framework: tool scores, total, level, change, strengths.

Decimal arithmetic throughout; totals are rounded half up to two places, as published.

>>> from decimal import Decimal as D
>>> from ita_docs.framework import load_framework
>>> fw = load_framework(2565)
>>> scores = {1: D("99.47"), 2: D("97.05"), 3: D("98.58"), 4: D("98.40"), 5: D("98.17"),
...           6: D("99.38"), 7: D("99.74"), 8: D("98.04"), 9: D("89.29"), 10: D("100")}
>>> total_score(scores, fw)
Decimal('97.07')
>>> level_of(total_score(scores, fw), tool_scores(scores, fw), fw)
'AA'
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from .errors import InputError
from .framework import Framework, LevelBand

__all__ = [
    "CHANGE_WORDS",
    "Change",
    "LevelQuestion",
    "change",
    "level_in",
    "level_of",
    "passes",
    "question_level",
    "ranked",
    "round_score",
    "split_by_threshold",
    "tool_scores",
    "total_score",
]

CENT = Decimal("0.01")
#: The word a report writes for a score that went up, down, or stayed.
CHANGE_WORDS = {"up": "เพิ่มขึ้น", "down": "ลดลง", "same": "คงที่"}


def round_score(value: Decimal) -> Decimal:
    """Round half up to two places.

    >>> round_score(Decimal("83.715")), round_score(Decimal("83.7132"))
    (Decimal('83.72'), Decimal('83.71'))
    """
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def tool_scores(scores: Mapping[int, Decimal], framework: Framework) -> dict[str, Decimal]:
    """Each tool's score: the mean of its indicators (unrounded); all ten are needed."""
    result = {}
    for tool in framework.tools.items:
        numbers = [i.number for i in framework.indicators.items if i.tool == tool.code]
        missing = [n for n in numbers if n not in scores]
        if missing:
            raise InputError(f"ขาดคะแนนตัวชี้วัดที่ {', '.join(map(str, missing))} จึงคำนวณคะแนน {tool.code} ไม่ได้")
        result[tool.code] = sum((Decimal(scores[n]) for n in numbers), Decimal(0)) / len(numbers)
    return result


def total_score(scores: Mapping[int, Decimal], framework: Framework) -> Decimal:
    """The overall score: tool scores weighted, rounded half up to two places."""
    tools = tool_scores(scores, framework)
    weights = {t.code: t.weight for t in framework.tools.items}
    return round_score(sum((tools[c] * weights[c] / 100 for c in tools), Decimal(0)))


def level_of(total: Decimal, tools: Mapping[str, Decimal] | None, framework: Framework) -> str:
    """The level of a total (and tool scores, for rules that need them) in that year's bands.

    >>> from ita_docs.framework import load_framework
    >>> fw = load_framework(2566)
    >>> level_of(Decimal("94.64"), {"IIT": Decimal(95), "EIT": Decimal("84.9"), "OIT": Decimal(99)}, fw)
    'ผ่าน'
    """
    return level_in(total, tools, framework.levels.bands)


def level_in(total: Decimal, tools: Mapping[str, Decimal] | None, bands: Sequence[LevelBand]) -> str:
    """The label of the first of *bands* that *total* (and, if the band asks, every tool) reaches."""
    for band in bands:
        if total < band.min:
            continue
        if band.each_tool_min is not None and (
                tools is None or any(round_score(s) < band.each_tool_min for s in tools.values())):
            continue
        return band.label
    return bands[-1].label


@dataclass(frozen=True)
class LevelQuestion:
    """Why a given level label is questioned: the label the year's confirmed rule gives
    (``expected``), or, for a label no document of the year prints, the labels they do."""

    expected: str | None
    labels: tuple[str, ...] = ()


def question_level(given: str, total: Decimal, tools: Mapping[str, Decimal] | None,
                   framework: Framework) -> LevelQuestion | None:
    """Whether a level label printed with *total* is questioned under the year's label schemes.

    Only a confirmed scheme's rule questions its labels; a label of an unconfirmed scheme is
    accepted as printed (FY2566 documents print "(ผ่าน) ระดับ AA" for 96.04, which the named
    rule that third-party code uses would call ผ่านดีเยี่ยม). A label of no scheme is questioned
    only where the year's schemes are complete.

    >>> from ita_docs.framework import load_framework
    >>> question_level("A", Decimal("97.07"), None, load_framework(2565))
    LevelQuestion(expected='AA', labels=())
    >>> question_level("ผ่าน", Decimal("96.04"), None, load_framework(2566)) is None
    True
    >>> question_level("ผ่านดี", Decimal("97.07"), None, load_framework(2565))
    LevelQuestion(expected=None, labels=('AA', 'A', 'B', 'C', 'D', 'E', 'F'))
    """
    label = given.strip()
    schemes = framework.levels.published()
    scheme = next((s for s in schemes if label in s.labels), None)
    if scheme is None:
        if not framework.levels.schemes_complete:
            return None
        return LevelQuestion(None, tuple(dict.fromkeys(lab for s in schemes for lab in s.labels)))
    if not scheme.confirmed:
        return None
    expected = level_in(Decimal(total), tools, scheme.bands)
    return None if expected == label else LevelQuestion(expected)


@dataclass(frozen=True)
class Change:
    word: str
    difference: Decimal


def change(previous: Decimal, current: Decimal, words: Mapping[str, str] = CHANGE_WORDS) -> Change:
    """The change word and difference between two scores.

    >>> change(Decimal("75.54"), Decimal("75.40"))
    Change(word='ลดลง', difference=Decimal('-0.14'))
    """
    difference = Decimal(current) - Decimal(previous)
    key = "up" if difference > 0 else "down" if difference < 0 else "same"
    return Change(words[key], difference)


def ranked(scores: Iterable[tuple[str, Decimal]]) -> list[tuple[int, str, Decimal]]:
    """(rank, name, score), highest first; equal scores share a rank.

    >>> ranked([("ก", Decimal(90)), ("ข", Decimal(95)), ("ค", Decimal(90))])
    [(1, 'ข', Decimal('95')), (2, 'ก', Decimal('90')), (2, 'ค', Decimal('90'))]
    """
    ordered = sorted(scores, key=lambda item: item[1], reverse=True)
    result, rank = [], 0
    for index, (name, score) in enumerate(ordered):
        if index == 0 or score != ordered[index - 1][1]:
            rank = index + 1
        result.append((rank, name, score))
    return result


def split_by_threshold(scores: Mapping[int, Decimal], threshold: Decimal = Decimal(80)) -> tuple[list[int], list[int]]:
    """Indicator numbers above the threshold (strengths) and below it (weaknesses).

    >>> split_by_threshold({1: Decimal("86.9"), 2: Decimal(80), 9: Decimal("47.13")})
    ([1], [9])
    """
    above = [n for n, s in sorted(scores.items()) if s > threshold]
    below = [n for n, s in sorted(scores.items()) if s < threshold]
    return above, below


def passes(score: Decimal, framework: Framework) -> bool:
    """Whether a question's or indicator's score reaches the year's pass mark (85).

    >>> from ita_docs.framework import load_framework
    >>> passes(Decimal("85.00"), load_framework(2566)), passes(Decimal("84.99"), load_framework(2566))
    (True, False)
    """
    return Decimal(score) >= framework.pass_mark.value
