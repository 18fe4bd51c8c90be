"""Column widths from a table's content, measured with the bundled font.

A column whose ``width_cm`` the data leaves out gets a width from what it holds: at
least its longest unbreakable piece (a Thai word, see :mod:`.linebreak`, or a part of
an address), and its share of the rest of the text width after the way browsers lay
out automatic tables (a column gets more the longer its longest paragraph). Widths that
are given are kept; a word wider than its given column is an :class:`ItaDocsWarning`
naming the column, since the renderer must then cut it.

Text is measured by :mod:`.measure` (the bundled font's advances).
"""
from __future__ import annotations

import warnings
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from ..errors import ItaDocsWarning, Location
from ..model import Column
from .linebreak import unbreakable_pieces
from .measure import CELL_MARGIN_CM, TEXT_WIDTH_CM, text_width_cm

__all__ = [
    "CELL_MARGIN_CM",
    "NarrowColumnWarning",
    "TEXT_WIDTH_CM",
    "column_widths",
    "piece_width_cm",
    "text_width_cm",
]

#: Room kept beside the longest word: rounding in the renderer's layout, the cell border.
_SLACK_CM = 0.15


class NarrowColumnWarning(ItaDocsWarning):
    """A given column width is narrower than a word of the column: the word will be cut."""


def piece_width_cm(texts: Sequence[str], *, bold: bool = False) -> float:
    """Width of the widest unbreakable piece of *texts*, in cm (0 for none).

    >>> round(piece_width_cm(["ผู้รับผิดชอบ", "ก ข"]), 2) == round(text_width_cm("ผู้รับผิดชอบ"), 2)
    True
    """
    return max((_widest_piece_cm(t, bold) for t in texts), default=0.0)


@lru_cache(maxsize=16384)
def _widest_piece_cm(text: str, bold: bool) -> float:
    """Width of the widest unbreakable piece of one *text* (a pure function of it: cached,
    since the same cell texts recur across a batch's documents and ICU is asked once)."""
    return max((text_width_cm(p, bold=bold) for p in unbreakable_pieces(text)), default=0.0)


def _cell_texts(rows: list[dict[str, Any]], count: int) -> list[list[str]]:
    texts: list[list[str]] = [[] for _ in range(count)]
    for row in rows:
        for index, cell in enumerate(row.get("cells") or ()):
            if index < count:
                texts[index].extend(str(p) for p in cell if p)
    return texts


def column_widths(columns: Sequence[Column], rows: list[dict[str, Any]],
                  total_cm: float = TEXT_WIDTH_CM) -> tuple[float, ...]:
    """The width in cm of each column: as given, or computed from *rows* where ``width_cm`` is None.

    *rows* are :func:`~.tables.table_view` rows (``{"cells": [[paragraph, …], …]}``). The
    computed columns share what the given ones leave of *total_cm*; each gets at least
    its widest word.
    """
    texts = _cell_texts(rows, len(columns))
    least = [max(piece_width_cm(texts[i]), piece_width_cm([c.heading], bold=True)) + CELL_MARGIN_CM + _SLACK_CM
             for i, c in enumerate(columns)]
    for index, column in enumerate(columns):
        if column.width_cm is not None and least[index] - _SLACK_CM > column.width_cm + 0.005:
            _warn_narrow(index, column, least[index] - _SLACK_CM, texts[index])
    free = [i for i, c in enumerate(columns) if c.width_cm is None]
    widths = [c.width_cm or 0.0 for c in columns]
    if not free:
        return tuple(widths)
    room = total_cm - sum(widths)
    lines = [max([text_width_cm(t) for t in texts[i]] + [text_width_cm(columns[i].heading, bold=True)])
             + CELL_MARGIN_CM for i in range(len(columns))]
    for index, width in zip(free, _share([least[i] for i in free], [max(lines[i], least[i]) for i in free], room)):
        widths[index] = round(width, 2)
    return tuple(widths)


def _share(least: list[float], most: list[float], room: float) -> list[float]:
    """Widths between *least* and *most* (a line's length) that add up to *room*.

    >>> _share([1, 1], [1, 5], 4)  # the column with more text takes the rest
    [1.0, 3.0]
    >>> _share([1, 1], [2, 2], 6)  # everything fits: the rest shared as the text is
    [3.0, 3.0]
    >>> _share([3, 3], [9, 9], 4)  # too little room: the words still fit, the table is wider
    [3.0, 3.0]
    """
    spare = room - sum(least)
    if spare <= 0:
        return [float(w) for w in least]
    stretch = [m - w for m, w in zip(most, least)]
    if sum(stretch) >= spare:
        return [w + spare * s / sum(stretch) for w, s in zip(least, stretch)]
    extra = room - sum(most)
    return [m + extra * m / sum(most) for m in most]


def _warn_narrow(index: int, column: Column, needed: float, texts: list[str]) -> None:
    word = max((p for t in [column.heading, *texts] for p in unbreakable_pieces(t)),
               key=lambda p: text_width_cm(p, bold=p in unbreakable_pieces(column.heading)), default="")
    message = (f"คอลัมน์ \"{column.heading}\" ({column.key}) กว้าง {column.width_cm:g} ซม. แคบกว่าคำ \"{word}\" "
               f"(ต้องการอย่างน้อย {needed:.1f} ซม.) คำนี้จะถูกตัดกลางคำ: เพิ่ม width_cm หรือเว้นว่างให้คำนวณเอง")
    warnings.warn(NarrowColumnWarning(message, location=Location(path=f"columns[{index}].width_cm")), stacklevel=4)
