"""Limits every data file is read under, and how a place in a data file is written.

A place is written as the model's problems write it — a field path such as
``measures[3].period`` — followed by the line (and column) in the file, counted from 1.
"""
from __future__ import annotations

from collections.abc import Iterable

from ..model.base import loc_path

__all__ = ["MAX_DEPTH", "MAX_FILE_BYTES", "MAX_VALUES", "field_path", "twice", "where"]

#: Largest data file read, in bytes.
MAX_FILE_BYTES = 20 * 1024 * 1024
#: Deepest nesting of lists and mappings a data file may have; the deepest document kind
#: needs fewer than ten levels, so this only stops files made to exhaust the reader.
MAX_DEPTH = 100
#: Most values (scalars, lists, mappings; YAML aliases counted as what they stand for) a
#: data file may hold: a plan of 40,000 measures holds some 700,000, and the model's work,
#: and its list of problems, grow with this count (a few nested YAML aliases can stand
#: for billions of values: "billion laughs").
MAX_VALUES = 1_000_000


_LONGEST_PATH = 12


def field_path(parts: Iterable[str | int]) -> str:
    """The field path of a sequence of keys and list indexes.

    >>> field_path(["measures", 3, "period"])
    'measures[3].period'
    >>> field_path([0, "title"])
    '[0].title'
    >>> field_path([])
    ''
    >>> field_path(["a"] + [0] * 20)
    'a[0][0][0][0][0][0][0][0][0][0][0]…'
    """
    parts = list(parts)
    if len(parts) > _LONGEST_PATH:  # -- a path down a nesting bomb: its start says where --
        return loc_path(parts[:_LONGEST_PATH]) + "…"
    return loc_path(parts)


def where(line: int, column: int | None = None, path: str = "") -> str:
    """A place in a file: the field path if known, then the line (and column), from 1.

    >>> where(12, 5, "measures[0].title")
    'measures[0].title บรรทัด 12 คอลัมน์ 5'
    >>> where(3)
    'บรรทัด 3'
    """
    place = f"บรรทัด {line}" if column is None else f"บรรทัด {line} คอลัมน์ {column}"
    return f"{path} {place}" if path else place


def twice(first: tuple[int, int], second: tuple[int, int]) -> str:
    """Where a key was written twice, from its two (line, column) places, counted from 1.

    >>> twice((3, 5), (9, 5))
    'บรรทัด 3 และบรรทัด 9'
    >>> twice((4, 8), (4, 14))
    'บรรทัด 4 คอลัมน์ 8 และคอลัมน์ 14'
    """
    if first[0] == second[0]:
        return f"บรรทัด {first[0]} คอลัมน์ {first[1]} และคอลัมน์ {second[1]}"
    return f"บรรทัด {first[0]} และบรรทัด {second[0]}"
