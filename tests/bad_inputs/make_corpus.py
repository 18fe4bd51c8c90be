#!/usr/bin/env python3
"""Write the bad-input corpus: files a careless or hostile user might hand ita-docs.

Usage:  python tests/bad_inputs/make_corpus.py       (rewrites the files and cases.yaml)

Each case is a file and its expected outcome, in cases.yaml: either ``error`` (exit 2,
the location and a word of the Thai message) or ``ok`` (exit 0 or 1, a document that
opens, and text it must hold). tests/test_bad_inputs.py runs them all.
"""
from __future__ import annotations

import copy
import io
import json
import sys
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(ROOT))

BASE = yaml.safe_load((ROOT / "ita_docs" / "starters" / "measures_plan.yaml").read_text(encoding="utf-8"))
PROGRESS = yaml.safe_load((ROOT / "ita_docs" / "starters" / "progress_report.yaml").read_text(encoding="utf-8"))
CASES: list[dict] = []


def _set(data, path, value):
    keys = path.split("/")
    for key in keys[:-1]:
        data = data[int(key)] if isinstance(data, list) else data[key]
    last = keys[-1]
    if value is KeyError:
        del data[int(last) if isinstance(data, list) else last]
    elif isinstance(data, list):
        data[int(last)] = value
    else:
        data[last] = value


def plan(name, changes, *, error=None, where=None, text=None, fmt="yaml", base=BASE):
    data = copy.deepcopy(base)
    for path, value in changes:
        _set(data, path, value)
    file = f"{name}.{fmt}"
    if fmt == "json":
        (HERE / file).write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    else:
        (HERE / file).write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    CASES.append(_case(file, error, where, text))


def raw(name, content: bytes, *, error=None, where=None, text=None):
    (HERE / name).write_bytes(content)
    CASES.append(_case(name, error, where, text))


def _case(file, error, where, text):
    case = {"file": file}
    if error is not None:
        case["error"] = {"where": where, "message": error}
    else:
        case["ok"] = {"text": text or []}
    return case


def workbook(name, change, *, error=None, where=None, text=None):
    from openpyxl import load_workbook

    from ita_docs.io import load
    from ita_docs.io.workbook import write_workbook

    buffer = io.BytesIO()
    write_workbook(load(copy.deepcopy(BASE))).save(buffer)
    book = load_workbook(io.BytesIO(buffer.getvalue()))
    change(book)
    out = io.BytesIO()
    book.save(out)
    raw(f"{name}.xlsx", out.getvalue(), error=error, where=where, text=text)


def main() -> int:
    for old in HERE.glob("case-*"):
        old.unlink()
    # -- wrong types --
    plan("case-type-fiscal-year-text", [("fiscal_year", "สองห้าหกหก")], error="ต้องเป็นจำนวนเต็ม", where="fiscal_year")
    plan("case-type-measures-not-list", [("measures", "มาตรการเดียว")], error="ต้องเป็นรายการ", where="measures")
    plan("case-type-organisation-string", [("organisation", "เทศบาล")], error="ต้องเป็นกลุ่มข้อมูล", where="organisation")
    plan("case-type-score-list", [("previous_result/indicators/0/score", [1, 2])], error="ต้องเป็นตัวเลข",
         where="previous_result.indicators[0].score")
    plan("case-type-digits-number", [("digits", 5)], error="ต้องเป็นค่าใดค่าหนึ่ง", where="digits")
    plan("case-type-period-list", [("measures/0/period", [1, 2])], error="ระยะเวลาต้องเป็น", where="measures[0].period")
    plan("case-type-responsible-number", [("measures/0/responsible", 42)], text=["๔๒"])
    plan("case-type-json-wrong", [("measures/0/number", "หนึ่ง")], error="ต้องเป็นจำนวนเต็ม", where="measures[0].number",
         fmt="json")
    # -- missing required fields --
    plan("case-missing-organisation", [("organisation", KeyError)], error="ต้องกรอกข้อมูลนี้", where="organisation")
    plan("case-missing-fiscal-year", [("fiscal_year", KeyError)], error="ต้องกรอกข้อมูลนี้", where="fiscal_year")
    plan("case-missing-measure-title", [("measures/0/title", KeyError)], error="ต้องกรอกข้อมูลนี้",
         where="measures[0].title")
    plan("case-missing-kind", [("kind", KeyError)], error="ต้องระบุชนิดเอกสาร", where="kind")
    plan("case-missing-org-name", [("organisation/name", "")], error="ต้องไม่เว้นว่าง", where="organisation.name")
    # -- unknown fields --
    plan("case-unknown-measure-field", [("measures/0/owner", "กองคลัง")], error="ไม่รู้จักช่องข้อมูลนี้",
         where="measures[0].owner")
    plan("case-unknown-top-field", [("titel", "x")], error="ไม่รู้จักช่องข้อมูลนี้", where="titel")
    plan("case-unknown-kind", [("kind", "poem")], error="ไม่รู้จักชนิดเอกสาร", where="kind")
    plan("case-unknown-column", [("measures_table", {"columns": [{"key": "cost", "heading": "ค่าใช้จ่าย",
                                                                  "width_cm": 3}]})],
         error="ไม่รู้จักคอลัมน์", where="measures_table.columns[0].key")
    plan("case-extra-without-column", [("measures/0/extra", {"budget": "20,000"})], error="ไม่มีคอลัมน์แสดง",
         where="measures_table")
    # -- empty lists --
    plan("case-empty-measures", [("measures", [])], error="ต้องมีอย่างน้อย 1 รายการ", where="measures")
    plan("case-empty-indicators", [("previous_result/indicators", [])], error="ต้องมีอย่างน้อย 1 รายการ",
         where="previous_result.indicators")
    plan("case-empty-method", [("measures/0/method", [])], text=["การใช้งบประมาณ"])
    plan("case-empty-progress-tables", [("tables", [])], error="ต้องมีอย่างน้อย 1 รายการ", where="tables",
         base=PROGRESS)
    # -- impossible and mistaken dates --
    plan("case-date-31-feb", [("meeting/date", "31 ก.พ. 2566")], error="ไม่มีวันที่นี้", where="meeting.date")
    plan("case-date-29-feb-2566", [("meeting/date", "29 ก.พ. 2566")], error="ไม่มีวันที่นี้", where="meeting.date")
    plan("case-date-29-feb-2567", [("meeting/date", "29 ก.พ. 2567")], text=["๒๙ กุมภาพันธ์ ๒๕๖๗"])
    plan("case-date-iso-30-feb", [("meeting/date", "2023-02-30")], error="ไม่มีวันที่นี้", where="meeting.date")
    plan("case-date-converted-twice", [("meeting/date", "8 พฤศจิกายน 3105")], error="แปลงซ้ำ", where="meeting.date")
    plan("case-date-ce-year-thai-month", [("meeting/date", "16 มีนาคม 2023")], text=["๑๖ มีนาคม ๒๕๖๖"])
    plan("case-date-iso-be-year", [("meeting/date", "2566-03-16")], text=["๑๖ มีนาคม ๒๕๖๖"])
    plan("case-date-not-a-date", [("meeting/date", "เมื่อวานนี้")], error="ไม่ใช่วันที่", where="meeting.date")
    plan("case-period-end-before-start", [("measures/0/period", {"start": "2023-03-01", "end": "2023-01-01"})],
         error="ก่อนวันเริ่มต้น", where="measures[0].period")
    plan("case-quarter-5", [("measures/0/period", {"quarter": 5})], error="ไตรมาส", where="measures[0].period")
    # -- years --
    plan("case-ce-fiscal-year", [("fiscal_year", 2023)], error="ดูเป็นปี ค.ศ.", where="fiscal_year")
    plan("case-fiscal-year-far", [("fiscal_year", 2999)], error="ต้องไม่เกิน 2700", where="fiscal_year")
    plan("case-fiscal-year-ancient", [("fiscal_year", 1500)], error="ต้องไม่น้อยกว่า 2500", where="fiscal_year")
    plan("case-fiscal-year-thai-digits", [("fiscal_year", "๒๕๖๖")], text=["ปีงบประมาณ พ.ศ. ๒๕๖๖"])
    plan("case-no-framework-year", [("previous_result/fiscal_year", 2555), ("previous_result/level", KeyError)],
         error="ไม่มีข้อมูลกรอบการประเมิน", where="fiscal_year")
    # -- scores --
    plan("case-score-above-100", [("previous_result/indicators/0/score", "101")], error="ต้องไม่เกิน 100",
         where="previous_result.indicators[0].score")
    plan("case-score-negative", [("previous_result/indicators/1/score", -5)], error="ต้องไม่น้อยกว่า 0",
         where="previous_result.indicators[1].score")
    plan("case-score-thai-digits", [("previous_result/indicators/0/score", "๑๐๐.๐๐")], text=["๑๐๐.๐๐"])
    plan("case-score-thai-comma", [("previous_result/total_score", "๙๗,๐๗")], error="ต้องเป็นตัวเลข",
         where="previous_result.total_score")
    # -- text that must arrive as typed --
    plan("case-control-characters", [("measures/0/title", "งบ\u0001ประ\u0008มาณ\u000bบรรทัดใหม่")],
         text=["งบประมาณ\nบรรทัดใหม่"], fmt="json")
    plan("case-jinja-lookalike", [("measures/0/title", "{{ 7*7 }} {% for x in y %} {# c #} {_{ }_}")],
         text=["{{ ๗*๗ }} {% for x in y %} {# c #} {_{ }_}"])
    plan("case-xml-lookalike", [("measures/0/title", "<w:p><w:r>x</w:r></w:p> &amp; R&D <ก>")],
         text=["<w:p><w:r>x</w:r></w:p> &amp; R&D <ก>"])
    plan("case-ssti-in-data", [("measures/0/title", "{{ cycler.__init__.__globals__.os.popen('id').read() }}")],
         text=["{{ cycler.__init__.__globals__.os.popen('id').read() }}"])
    plan("case-placeholder-unknown", [("title", "แผน ${year}")], error="ไม่รู้จักตัวแปร", where="title")
    plan("case-long-cell", [("measures/0/method", "ก" * 50_000)], text=["ก" * 50_000])
    plan("case-rtl-and-emoji", [("measures/0/title", "العربية עברית 😀👍🏽 การใช้งบประมาณ")],
         text=["العربية עברית 😀👍🏽 การใช้งบประมาณ"])
    plan("case-combining-marks", [("measures/0/title", "ก\u0e4d\u0e32หนด e\u0301")], text=["กำหนด é"])
    plan("case-url-digits", [("measures/0/method", "ดู https://www.example.go.th/doc.php?id=13797 ข้อ 2")],
         text=["ดู https://www.example.go.th/doc.php?id=13797 ข้อ ๒"])
    plan("case-duplicate-measure-number", [("measures/1/number", 1)], error="ซ้ำกัน", where="")
    # -- files --
    raw("case-non-utf8.yaml", "kind: measures_plan\norganisation: {name: เทศบาล}\n".encode("tis-620"),
        error="UTF-8", where="")
    raw("case-yaml-syntax.yaml", b"kind: measures_plan\nmeasures: [\n", error="รูปแบบ YAML ผิด",
        where="บรรทัด")
    raw("case-yaml-control-char.yaml", b"kind: measures_plan\ntitle: a\x01b\n", error="อักขระที่ใช้",
        where="ตำแหน่งที่")
    raw("case-json-syntax.json", b'{"kind": "measures_plan",}', error="รูปแบบ JSON ผิด", where="บรรทัด 1")
    raw("case-json-top-list.json", b'["measures_plan"]', error="ต้องเป็นกลุ่มข้อมูล", where="")
    raw("case-empty-file.yaml", b"", error="ต้องเป็นกลุ่มข้อมูล", where="")
    laughs = ["kind: measures_plan", 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for prev, name in zip("abcdefgh", "bcdefghi"):
        laughs.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
    laughs.append("measures: *i")
    raw("case-billion-laughs.yaml", ("\n".join(laughs) + "\n").encode(), error="ขยายตัวเกิน", where="")
    raw("case-xlsx-not-zip.xlsx", b"this is not a workbook at all", error="Excel", where="")
    good = io.BytesIO()
    from ita_docs.io import load
    from ita_docs.io.workbook import write_workbook
    write_workbook(load(copy.deepcopy(BASE))).save(good)
    raw("case-xlsx-truncated.xlsx", good.getvalue()[: len(good.getvalue()) // 2], error="Excel", where="")
    # -- workbooks --
    workbook("case-xlsx-wrong-date", lambda b: _set_main(b, "meeting.date", "31 ก.พ. 2566"),
             error="ไม่มีวันที่นี้", where="เอกสาร!")
    workbook("case-xlsx-unknown-column", lambda b: b["มาตรการ"].cell(row=1, column=30, value="หมายเหตุ"),
             error="ไม่รู้จักคอลัมน์", where="มาตรการ!")
    workbook("case-xlsx-thai-digits-score", lambda b: b["คะแนนตัวชี้วัดปีก่อน"].__setitem__("C2", "๑๐๐.๐๐"),
             text=["๑๐๐.๐๐"])
    workbook("case-xlsx-bad-parent", lambda b: b["หัวข้อย่อย"].__setitem__("B2", 99),
             error="ไม่มีแถวที่ 99", where="หัวข้อย่อย!")
    workbook("case-xlsx-broken-json", lambda b: _set_main(b, "headings.recommendations", "json:{oops"),
             error="json", where="เอกสาร!")
    workbook("case-xlsx-score-text", lambda b: b["คะแนนตัวชี้วัดปีก่อน"].__setitem__("C3", "เก้าสิบ"),
             error="ต้องเป็นตัวเลข", where="คะแนนตัวชี้วัดปีก่อน!C3")
    (HERE / "cases.yaml").write_text(
        "# Expected outcome of each file in this folder (written by make_corpus.py).\n"
        + yaml.safe_dump(CASES, allow_unicode=True, sort_keys=False, width=120), encoding="utf-8")
    print(f"{len(CASES)} cases")
    return 0


def _set_main(book, key, value):
    sheet = book["เอกสาร"]
    for row in sheet.iter_rows(min_row=2):
        if row[0].value == key:
            row[1].value = value
            return
    sheet.append([key, value])


if __name__ == "__main__":
    sys.exit(main())
