#!/usr/bin/env python3
"""Write the strict reader's cases of the bad-input corpus (files ``yaml-*`` and ``json-*``).

Usage:  python tests/bad_inputs/make_strict_cases.py

Each case changes the measures_plan starter *as text*, the way a clerk would type it (a
value written bare, a key written twice, a file saved in another encoding), and its
expected outcome replaces the block after ``# -- strict reader --`` at the end of
cases.yaml (make_corpus.py writes the rest of that file).
"""
from __future__ import annotations

import io
import json
import sys
import zipfile
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(ROOT))

from ita_docs.thai import convert_digits  # noqa: E402

MARKER = "# -- strict reader --"
STARTER = (ROOT / "ita_docs" / "starters" / "measures_plan.yaml").read_text(encoding="utf-8")
FIRST_UNIT = "  responsible:\n  - กองคลัง\n"
CASES: list[dict] = []


def _changed(text: str, old: str, new: str) -> str:
    assert text.count(old) >= 1, old
    return text.replace(old, new, 1)


def _case(file: str, *, error: tuple[str, str] | None = None, text: list[str] | None = None) -> None:
    if error:
        CASES.append({"file": file, "error": {"where": error[0], "message": error[1]}})
    else:
        CASES.append({"file": file, "ok": {"text": text}})


def typed(name: str, old: str, new: str, *, error=None, text=None, base: str = STARTER) -> None:
    """A YAML case: the starter's text with *old* (first occurrence) replaced by *new*."""
    (HERE / f"{name}.yaml").write_text(_changed(base, old, new), encoding="utf-8")
    _case(f"{name}.yaml", error=error, text=text)


def raw(name: str, content: bytes, *, error=None, text=None) -> None:
    (HERE / name).write_bytes(content)
    _case(name, error=error, text=text)


def as_json(name: str, placeholder_path: tuple, literal: str, *, error=None, text=None) -> None:
    """A JSON case: the starter as JSON, with *literal* written as JSON text at *placeholder_path*."""
    data = yaml.safe_load(STARTER)
    target = data
    for key in placeholder_path[:-1]:
        target = target[key]
    target[placeholder_path[-1]] = "@@@"
    content = json.dumps(data, ensure_ascii=False, indent=1, default=str).replace('"@@@"', literal)
    (HERE / name).write_text(content, encoding="utf-8")
    _case(name, error=error, text=text)


def main() -> int:
    # -- a value typed bare stays the text typed, in the document's digits --
    for name, value in [("phone", "021234567"), ("octal", "010"), ("time", "9:30"), ("hex", "0x1F"),
                        ("float", "1e3"), ("date", "2566-03-16"), ("thai-digits", "๐๑๒")]:
        typed(f"yaml-text-{name}", FIRST_UNIT, f"  responsible:\n  - {value}\n",
              text=[convert_digits(value, "thai")])
    typed("yaml-text-bool-words", FIRST_UNIT, "  responsible:\n  - yes\n  - off\n  - On\n", text=["-yes", "-off", "-On"])
    typed("yaml-score-trailing-zero", "    score: '97.05'\n  - indicator: การเปิดเผยข้อมูล",
          "    score: 97.10\n  - indicator: การเปิดเผยข้อมูล", text=["๙๗.๑๐"])
    typed("yaml-date-be-unquoted", "  date: ๑๖ มีนาคม ๒๕๖๖\n", "  date: 2566-03-16\n", text=["๑๖ มีนาคม ๒๕๖๖"])
    typed("yaml-date-zero", "  date: ๑๖ มีนาคม ๒๕๖๖\n", "  date: 0\n", error=("meeting.date", "ไม่ใช่วันที่"))
    typed("yaml-score-nan", "  total_score: '97.07'\n", "  total_score: .nan\n",
          error=("previous_result.total_score", "ต้องเป็นตัวเลข"))
    typed("yaml-score-inf", "  total_score: '97.07'\n", "  total_score: .inf\n",
          error=("previous_result.total_score", "ต้องเป็นตัวเลข"))
    typed("yaml-null-title", "kind: measures_plan\n", "kind: measures_plan\ntitle: ~\nsubtitle:\n",
          text=["การใช้งบประมาณ"])
    period = "  period:\n    fiscal_year: 2566\n"
    anchored = _changed(STARTER, period, "  period: &whole_year\n    fiscal_year: 2566\n")
    typed("yaml-alias-reused", period, "  period: *whole_year\n", base=anchored, text=["การใช้ทรัพย์สินของราชการ"])
    # -- a key written twice: the first value would be lost --
    typed("yaml-duplicate-title", "  title: การใช้งบประมาณ\n", "  title: การใช้งบประมาณ\n  title: การใช้จ่าย\n",
          error=("measures[0].title บรรทัด", "ซ้ำกัน ที่บรรทัด"))
    typed("yaml-duplicate-organisation", "measures_table:\n",
          "organisation:\n  name: เทศบาลตำบลอื่น\nmeasures_table:\n",
          error=("organisation บรรทัด", "ช่อง organisation ซ้ำกัน"))
    typed("yaml-duplicate-in-flow", "  period:\n    fiscal_year: 2566\n", "  period: {fiscal_year: 2566, fiscal_year: 2567}\n",
          error=("measures[0].period.fiscal_year บรรทัด", "ซ้ำกัน"))
    # -- bounded: nesting, documents, tags, aliases --
    typed("yaml-deep-nesting", "  followup: รายงานผลการดำเนินการในการประชุมพนักงานและในที่ประชุมหัวหน้าส่วนราชการ\n- number: 2",
          "  followup: " + "[" * 10_000 + "]" * 10_000 + "\n- number: 2",
          error=("measures[0].followup", "ซ้อนกันลึกเกิน"))
    typed("yaml-two-documents", "measures_table:\n", "---\nmeasures_table:\n", error=("บรรทัด", "หลายชุด"))
    typed("yaml-python-tag", "  title: การใช้งบประมาณ\n", "  title: !!python/object/apply:os.system [echo hi]\n",
          error=("measures[0].title บรรทัด", "ไม่รองรับแท็ก"))
    typed("yaml-undefined-alias", "  period:\n    fiscal_year: 2566\n", "  period: *whole_year\n",
          error=("measures[0].period บรรทัด", "ไม่มี anchor"))
    # -- encodings --
    raw("yaml-utf8-bom.yaml", STARTER.encode("utf-8-sig"), text=["การใช้งบประมาณ"])
    raw("yaml-utf16-bom.yaml", STARTER.encode("utf-16"), text=["การใช้งบประมาณ"])
    raw("yaml-utf16-no-bom.yaml", STARTER.encode("utf-16-le"), error=("", "UTF-16 แต่ไม่มี BOM"))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        package.writestr("word/document.xml", "<w:document/>")
    raw("yaml-docx-renamed.yaml", buffer.getvalue(), error=("", "ไฟล์ zip"))
    # -- JSON the same --
    as_json("json-score-trailing-zero.json", ("previous_result", "indicators", 8, "score"), "97.10", text=["๙๗.๑๐"])
    as_json("json-text-number.json", ("measures", 0, "responsible", 0), "97.10", text=["๙๗.๑๐"])
    as_json("json-score-nan.json", ("previous_result", "total_score"), "NaN",
            error=("previous_result.total_score", "ต้องเป็นตัวเลข"))
    as_json("json-date-integer.json", ("meeting", "date"), "0", error=("meeting.date", "ไม่ใช่วันที่"))
    as_json("json-duplicate-key.json", ("measures", 0, "title"), '"การใช้งบประมาณ", "title": "การใช้จ่าย"',
            error=("measures[0].title บรรทัด", "ซ้ำกัน ที่บรรทัด"))
    as_json("json-deep-nesting.json", ("measures", 0, "followup"), "[" * 10_000 + "]" * 10_000,
            error=("measures[0].followup", "ซ้อนกันลึกเกิน"))
    raw("json-utf16-bom.json", json.dumps(yaml.safe_load(STARTER), ensure_ascii=False).encode("utf-16"),
        text=["การใช้งบประมาณ"])

    cases = HERE / "cases.yaml"
    before = cases.read_text(encoding="utf-8").split(MARKER)[0].rstrip("\n")
    block = yaml.safe_dump(CASES, allow_unicode=True, sort_keys=False, width=1000)
    cases.write_text(f"{before}\n{MARKER}\n{block}", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
