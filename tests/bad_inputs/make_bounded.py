#!/usr/bin/env python3
"""Write the ``bound-*`` cases of the bad-input corpus: number patterns typed in the data
that would reach into Python or build gigabytes, and a measure without a period.

Usage:  python tests/bad_inputs/make_bounded.py     (rewrites the bound-* files; prints their
        cases.yaml block, which goes at the end of cases.yaml under ``# -- bounded --``)
"""
from __future__ import annotations

import copy
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
STARTERS = HERE.parents[1] / "ita_docs" / "starters"
PLAN = yaml.safe_load((STARTERS / "measures_plan.yaml").read_text(encoding="utf-8"))
PROGRESS = yaml.safe_load((STARTERS / "progress_report.yaml").read_text(encoding="utf-8"))


def _with_list(numbering: str = "{n}.", sub_numbering: str = "{parent}.{n}") -> dict:
    data = copy.deepcopy(PROGRESS)
    data["before"] = [{"numbering": numbering, "sub_numbering": sub_numbering,
                       "list": [{"text": "ข้อหนึ่ง", "items": ["ข้อย่อย"]}]}]
    return data


def _number_format(pattern: str) -> dict:
    data = copy.deepcopy(PROGRESS)
    data["tables"][0]["number_format"] = pattern
    return data


def _without_period() -> dict:
    data = copy.deepcopy(PLAN)
    del data["measures"][0]["period"]
    return data


CASES = [
    ("bound-numbering-python.yaml", _with_list("{n.__class__.__mro__}"),
     {"error": {"where": "before[0].numbering", "message": "ใช้ได้เฉพาะ {n} ไม่ให้อ้างถึงส่วนย่อยของค่า"}}),
    ("bound-numbering-width.yaml", _with_list("{n:>999999999}"),
     {"error": {"where": "before[0].numbering", "message": "ความกว้างหรือทศนิยมเกิน 100 ตัวอักษร"}}),
    ("bound-numbering-conversion.yaml", _with_list("{n!r}"),
     {"error": {"where": "before[0].numbering", "message": "ไม่ให้ใช้ !r"}}),
    ("bound-sub-numbering-field.yaml", _with_list(sub_numbering="{parent}.{x}"),
     {"error": {"where": "before[0].sub_numbering", "message": "ใช้ได้เฉพาะ {parent} {n} ไม่มี {x}"}}),
    ("bound-numbering-brace.yaml", _with_list("{n"),
     {"error": {"where": "before[0].numbering", "message": "วงเล็บปีกกา { } ไม่ครบคู่"}}),
    ("bound-number-format-index.yaml", _number_format("{n[0]}"),
     {"error": {"where": "tables[0].number_format", "message": "ใช้ได้เฉพาะ {n}"}}),
    ("bound-number-format-ok.yaml", _number_format("ข้อ {n})"), {"ok": {"text": ["ข้อ ๑)"]}}),
    ("bound-numbering-ok.yaml", _with_list("({n:>2})", "{parent}-{n}"), {"ok": {"text": ["( ๑) ข้อหนึ่ง", "๑-๑ ข้อย่อย"]}}),
    ("bound-measure-without-period.yaml", _without_period(), {"ok": {"text": [PLAN["measures"][0]["title"]]}}),
]


def main() -> None:
    block = []
    for name, data, outcome in CASES:
        (HERE / name).write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
        block.append({"file": name, **outcome})
    print("# -- bounded --")
    print(yaml.safe_dump(block, allow_unicode=True, sort_keys=False), end="")


if __name__ == "__main__":
    main()
