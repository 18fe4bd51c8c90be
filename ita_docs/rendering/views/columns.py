"""The columns of a data-driven table, and its rows' cells picked by column key.

Every kind's tables go through here: the columns come from the data or the preset,
each column's key must name something the rows carry (else an error naming the
column), a key the rows carry that no column shows is an error too (nothing typed is
lost), and a group's cells (a tool, a topic) are merged over the group's rows.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from ...errors import InputError, Location
from ...model import Column
from .placeholders import fill

__all__ = ["Cells", "check_columns", "pick", "span", "table_columns"]

#: One row's cells by column key, each a list of paragraphs.
Cells = dict[str, list[str]]


def table_columns(given: Sequence[Column] | None, default: Iterable[Mapping[str, Any]], *,
                  values: Mapping[str, str | None] | None = None, where: str) -> list[Column]:
    """The columns the data gives, else the preset's (their ``${name}`` headings filled from *values*).

    >>> [c.heading for c in table_columns(None, [{"key": "year", "heading": "${y}", "width_cm": 2}],
    ...                                   values={"y": "2566"}, where="t")]
    ['2566']
    """
    if given is not None:
        return list(given)
    columns = []
    for column in default:
        heading = column["heading"]
        if values is not None and "${" in heading:
            heading = fill(heading, values, where=where)
        columns.append(Column.model_validate({**column, "heading": heading}))
    return columns


def check_columns(columns: Sequence[Column], known: Iterable[str], extras: Iterable[Iterable[str]] = (), *,
                  where: str, extras_where: str | None = None, extra_field: str | None = None) -> None:
    """Refuse a column key nothing fills, and a row's own key that no column shows.

    *known* are the keys the table computes; *extras* the keys each row carries of its own,
    beside its fields or, named by *extra_field*, in one field of them (a measure's ``extra``);
    *where* is the path of the columns (``columns``, ``tables[0].columns``), *extras_where*
    where an unshown key is reported (else *where*).

    >>> check_columns([Column(key="url", heading="URL", width_cm=3)], {"code"}, [{"url"}], where="items")
    >>> check_columns([Column(key="url", heading="URL", width_cm=3)], {"code"}, [], where="columns")
    Traceback (most recent call last):
    ...
    ita_docs.errors.InputError: ...
    """
    carried = set().union(*map(set, extras))
    known = set(known)
    own = f"ชื่อที่อยู่ใน {extra_field} ของแถว" if extra_field else "ชื่อช่องที่อยู่ในแถวข้อมูล"
    for index, column in enumerate(columns):
        if column.key not in known | carried:
            raise InputError(
                f"ไม่รู้จักคอลัมน์ {column.key!r} (หัวคอลัมน์ {column.heading!r}) ซึ่งไม่มีข้อมูลใดเติมได้: "
                f"ใช้ {', '.join(sorted(known))} หรือ{own}",
                location=Location(path=f"{where}[{index}].key"),
            )
    unshown = sorted(carried - {c.key for c in columns})
    if unshown:
        named = f"{extra_field}.{unshown[0]}" if extra_field else unshown[0]
        raise InputError(
            f"ข้อมูล {named} ในแถวของตารางไม่มีคอลัมน์แสดง ให้เพิ่มคอลัมน์ key: {unshown[0]} "
            f"ใน {where} หรือลบข้อมูลนี้",
            location=Location(path=extras_where or where),
        )


def span(rows: list[Cells], start: int, count: int, keys: Iterable[str],
         columns: Sequence[Column]) -> list[tuple[int, int, int]]:
    """Merge the cells of *keys* over ``rows[start:start + count]``: the first keeps its text.

    Returns the merges (row, column, rows) of the keys the table shows.
    """
    keys = tuple(keys)
    for row in rows[start + 1:start + count]:
        for key in keys:
            row[key] = []
    index = {c.key: i for i, c in enumerate(columns)}
    return [(start, index[key], count) for key in keys if key in index]


def pick(rows: Iterable[Cells], columns: Sequence[Column]) -> list[dict[str, Any]]:
    """The table rows: each row's cells in column order (a key a row lacks is an empty cell)."""
    return [{"cells": [list(row.get(c.key, [])) for c in columns]} for row in rows]
