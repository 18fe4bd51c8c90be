"""Fill ``${name}`` placeholders of preset and override texts from the document's data."""
from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from ...errors import InputError, Location

__all__ = ["document_values", "fill", "fill_lines"]

_PLACEHOLDER = re.compile(r"\$\{(\w+(?:\.\w+)*)\}")


def fill(text: str, values: Mapping[str, str | None], *, where: str) -> str:
    """Replace each ``${name}`` in *text*; a name unknown or without data is an error.

    >>> fill("ปีงบประมาณ ${fiscal_year}", {"fiscal_year": "2566"}, where="title")
    'ปีงบประมาณ 2566'
    """
    def replace(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in values:
            raise InputError(
                f"ไม่รู้จักตัวแปร ${{{name}}} (ที่ใช้ได้: {', '.join(sorted(values))})",
                location=Location(path=where),
            )
        value = values[name]
        if value is None:
            raise InputError(
                f"ข้อความใช้ ${{{name}}} แต่ไม่มีข้อมูลนี้ ให้เพิ่มข้อมูล หรือเขียนข้อความเองใน {where}",
                location=Location(path=where),
            )
        return value

    return _PLACEHOLDER.sub(replace, text)


def fill_lines(lines: Sequence[str], values: Mapping[str, str | None], *, where: str) -> list[str]:
    """:func:`fill` each line; an error names the line (``cover[1]``)."""
    return [fill(line, values, where=f"{where}[{index}]") for index, line in enumerate(lines)]


def document_values(document: Any) -> dict[str, str | None]:
    """The placeholder values every document offers: organisation and fiscal years."""
    org = document.organisation
    values: dict[str, str | None] = {
        "org_name": org.name,
        "org_full_name": org.full_name,
        "district": org.district,
        "province": org.province,
    }
    year = getattr(document, "fiscal_year", None)
    if year is not None:
        values.update(fiscal_year=str(year), previous_year=str(year - 1), next_year=str(year + 1))
    return values
