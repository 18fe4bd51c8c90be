"""The annual report's own parts, read back as data: the year comparison table (this year
against last year per indicator, with its average and level rows) and the strengths
lists that follow it (best, above the threshold, below it).

Both are recognised by their words: the comparison table by its headings (a tool, an
indicator, two fiscal years, a change column, as the vocabulary has them), the
strengths lists by the annual report preset's own sentences. What is typed is kept as
typed — change words, averages, levels and lists — so that ``check`` finds what the
source gets wrong; a table or list that does not fit stays free text.
"""
from __future__ import annotations

import re
from typing import Any

from ..thai import parse_number, to_arabic_digits
from .reader import Cell, Paragraph, Table, squeeze
from .vocabulary import VOCABULARY, heading_key

__all__ = ["strengths_of", "year_comparison_of"]

_YEAR = re.compile(r"^(?:ปี(?:งบประมาณ)?\s*)?(?:พ\.ศ\.\s*)?(25\d\d)$")
_NUMBERED = re.compile(r"^(\d{1,2})\.\s*(.+)$")


def _text(cell: Cell) -> str:
    return "" if cell.covered else squeeze(" ".join(cell.paragraphs))


def _year(heading: str) -> int | None:
    match = _YEAR.match(to_arabic_digits(squeeze(heading)))
    return int(match.group(1)) if match else None


def _row_word(text: str, which: str) -> bool:
    key = heading_key(text)
    return any(key == heading_key(word) for word in VOCABULARY.data["year_comparison"][which])


def year_comparison_of(table: Table) -> dict[str, Any] | None:
    """*table* as a ``year_comparison`` block, or None when it is not one (or a row does not fit)."""
    if len(table.rows) < 3 or table.columns < 4:
        return None
    headings = [_text(c) for c in table.rows[0]]
    fields: list[str | None] = []
    years: list[int] = []
    for heading in headings:
        year = _year(heading)
        if year is not None:
            fields.append("previous" if not years else "current")
            years.append(year)
            continue
        match = VOCABULARY.column(heading)
        fields.append(match[0] if match else None)
    if len(years) != 2 or years[1] != years[0] + 1 or "indicator" not in fields:
        return None
    if any(f not in ("tool", "indicator", "previous", "current", "change") for f in fields):
        return None
    index = {f: i for i, f in enumerate(fields) if f}
    tools: list[dict[str, Any]] = []
    average: list[str] | None = None
    level: list[str] | None = None
    for row in table.rows[1:]:
        cells = {f: _text(row[i]) for f, i in index.items()}
        if not any(cells.values()):
            continue
        if _row_word(cells["indicator"], "average") and not cells.get("tool"):
            average = [cells["previous"], cells["current"]]
            continue
        if _row_word(cells["indicator"], "level") and not cells.get("tool"):
            level = [cells["previous"], cells["current"]]
            continue
        if average is not None or level is not None:
            return None  # -- an indicator after the average rows: not the comparison as known --
        tool_cell = row[index["tool"]] if "tool" in index else None
        if tool_cell is not None and not tool_cell.covered and cells["tool"]:
            tools.append({"tool": cells["tool"], "indicators": []})
        elif not tools:
            if "tool" in index:
                return None
            tools.append({"tool": "", "indicators": []})
        line: dict[str, Any] = {}
        numbered = _NUMBERED.match(to_arabic_digits(cells["indicator"]))
        if numbered:
            line["number"] = int(numbered.group(1))
            line["indicator"] = cells["indicator"][cells["indicator"].index(".") + 1:].strip()
        else:
            line["indicator"] = cells["indicator"]
        for which in ("previous", "current"):
            try:
                parse_number(cells[which])
            except ValueError:
                return None
            line[which] = cells[which]
        if "change" in index:
            if not cells["change"]:
                return None
            line["change"] = cells["change"]
        tools[-1]["indicators"].append(line)
    if not tools or any(not group["indicators"] for group in tools) or "change" not in index:
        return None
    out: dict[str, Any] = {"previous_year": years[0], "current_year": years[1], "tools": tools}
    if average is not None:
        out["average"] = average
    if level is not None:
        out["level"] = level
    from ..presets import load_preset

    preset = load_preset("annual_report").year_comparison_columns
    values = {"${previous_year}": str(years[0]), "${current_year}": str(years[1])}
    default = [values.get(c["heading"], c["heading"]) for c in preset]
    keys = [f or "" for f in fields]
    if [to_arabic_digits(h) for h in headings] != default or keys != [c["key"] for c in preset]:
        out["columns"] = [{"key": k, "heading": h if k not in ("previous", "current") else
                           "${previous_year}" if k == "previous" else "${current_year}"}
                          for k, h in zip(keys, headings)]
    widths = [w for w in table.widths_cm]
    if "columns" in out and all(w is not None and 0.2 <= w <= 30 for w in widths):
        for column, width in zip(out["columns"], widths):
            column["width_cm"] = width
    return {"year_comparison": out}


def _pattern(template: str) -> re.Pattern[str]:
    """A preset sentence ("{n}) จุดแข็ง : … {threshold} คะแนน คือ") as a pattern of its fields."""
    out = ""
    for literal, name in re.findall(r"([^{]*)(?:\{(\w+)\})?", template):
        if literal[:1].isspace():
            out += r"\s*"
        out += r"\s*".join(re.escape(part) for part in literal.split())
        if literal[-1:].isspace():
            out += r"\s*"
        if name == "indicator":
            out += r"(?P<indicator>.+)"
        elif name == "threshold":
            out += r"(?P<threshold>\d+(?:\.\d+)?)"
        elif name:
            out += rf"(?P<{name}>\d+)"
    return re.compile(out + "$")


def strengths_of(paragraphs: list[Paragraph]) -> tuple[dict[str, Any], int] | None:
    """The ``strengths`` block the paragraphs from the first on hold, and how many of them it is."""
    from ..presets import load_preset

    labels = load_preset("annual_report").strengths
    heads = {key: _pattern(labels[key]) for key in ("best", "above", "below")}
    item = _pattern(labels["item"])
    out: dict[str, Any] = {}
    used = 0
    lines = [(p, to_arabic_digits(squeeze(line))) for p in paragraphs for line in p.lines]
    position = 0
    start: int | None = None
    for offset, key in enumerate(("best", "above", "below")):
        if position >= len(lines):
            return None
        match = heads[key].match(lines[position][1])
        if not match:
            return None
        n = int(match.group("n"))
        if start is None:
            start = n
        if n != start + offset:
            return None
        if "threshold" in match.groupdict():
            threshold = match.group("threshold")
            if out.setdefault("threshold", threshold) != threshold:
                return None
        position += 1
        numbers: list[int] = []
        while position < len(lines):
            found = item.match(lines[position][1])
            if not found or int(found.group("n")) != n or int(found.group("m")) != len(numbers) + 1:
                break
            numbers.append(int(found.group("number")))
            position += 1
        out[key] = numbers
    # -- the lines taken must be whole paragraphs --
    count = 0
    taken = 0
    for paragraph in paragraphs:
        if taken >= position:
            break
        taken += len(paragraph.lines)
        count += 1
    if taken != position:
        return None
    used = count
    assert start is not None
    out["start"] = start
    if "threshold" in out:
        out["threshold"] = int(out["threshold"]) if out["threshold"].isdigit() else out["threshold"]
    return {"strengths": out}, used
