"""Issue 12's examples, one test each, run through the real command line as a clerk runs it.

The issue ("Nothing a clerk types is changed, lost or hangs the tool") lists some seventy
failures, each an example of a class. ``EXAMPLES`` holds every one as data: the example
in the issue's words → how it is run → what must happen. An example that already has such
a test elsewhere points to it (``Covered``: the test here checks that the pointer still
holds, and does not run it twice); every other one is run here (``Run``):

- the exit status: 0 written, 1 warnings with ``--strict`` or findings of ``check``, 2 refused;
- no traceback;
- a refusal is one ``Error:`` line, in Thai, naming the file and the place in it
  (line, field path, ``sheet!cell`` or zip entry);
- accepted input: every typed string is found in the .docx as typed (joiners stripped).

Each class has at least one example run in a child process (``python -m ita_docs``, at most
30 s); the others run ``ita_docs.cli.main`` in this process under a 30 s alarm.
"""
from __future__ import annotations

import contextlib
import io
import re
import signal
import subprocess
import sys
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from ita_docs.cli import main
from ita_docs.rendering.linebreak import strip_joiners
from tests.conftest import NONGMUANG, ROOT, SAMPLES, sample_data

TESTS = Path(__file__).resolve().parent
CORPUS = TESTS / "bad_inputs"
TEMPLATE = ROOT / "templates" / "measures_plan.docx"
SECONDS = 30
_THAI = re.compile(r"[\u0e00-\u0e7f]")
#: A Christian-era date or month the way Python prints one: 2023-12-31, 2024-10.
_ISO_CE = re.compile(r"(?<![0-9])(1[89]|20)[0-9]{2}-[01]?[0-9](?:-[0-3]?[0-9])?(?![0-9])")


# -- the table's rows -------------------------------------------------------------------------


@dataclass(frozen=True)
class Covered:
    """Already tested through the command line: *test* (under tests/) holds *needle*."""

    test: str
    needle: str


@dataclass(frozen=True)
class Command:
    """What a built case runs: the command's arguments, the file its messages must name,
    and the .docx to read back (if it is written)."""

    args: list[str]
    names: Path | None = None
    docx: Path | None = None


@dataclass(frozen=True)
class Run:
    """Run here: *make(tmp_path)* builds the input and the command; then the outcome is checked."""

    make: Callable[[Path], Command]
    status: int
    message: str = ""                 # -- in one Error:/Warning: line --
    where: str = ""                   # -- the place, in that same line --
    typed: tuple[str, ...] = ()       # -- found in the .docx as typed --
    absent: tuple[str, ...] = ()      # -- found in no message --
    child: bool = False               # -- a child process, not main() in this one --
    slow: bool = False


@dataclass(frozen=True)
class Example:
    id: str
    kind: str       # -- the issue's class --
    issue: str      # -- the example, in the issue's words --
    how: Covered | Run


def corpus(name: str) -> Covered:
    """A file of tests/bad_inputs/, run by tests/test_bad_inputs.py with its expected outcome."""
    return Covered("bad_inputs/cases.yaml", f"file: {name}")


# -- builders of inputs -------------------------------------------------------------------------


def _yaml_file(tmp: Path, data: dict, name: str = "data.yaml") -> Path:
    path = tmp / name
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def _render(source: Path, tmp: Path, *more: str, template: Path | None = None) -> Command:
    """``render SOURCE -o out.docx``; its messages name the template if one is given, else SOURCE."""
    out = tmp / "out.docx"
    extra = ["--template", str(template)] if template else []
    return Command(["render", str(source), "-o", str(out), *extra, *more], names=template or source, docx=out)


def _check(source: Path) -> Command:
    return Command(["check", str(source)], names=source)


def _workbook(tmp: Path, stem: str = "nongmuang-2566-measures") -> Path:
    from ita_docs import load, save

    return save(load(SAMPLES / f"{stem}.yaml"), tmp / "book.xlsx")


def _rewrite_zip(path: Path, edit: Callable[[str, bytes], bytes]) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(path) as zin, zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            zout.writestr(item, edit(item.filename, zin.read(item)))
    path.write_bytes(buffer.getvalue())


def float_of_17_digits(tmp: Path) -> Command:
    """A score cell holding 97.07 as Excel stores it: 97.070000000000001."""
    from openpyxl import load_workbook

    book_path = _workbook(tmp)
    book = load_workbook(book_path)
    book["คะแนนตัวชี้วัดปีก่อน"]["C2"].value = 97.07
    book.save(book_path)
    seen = []

    def edit(name: str, data: bytes) -> bytes:
        new = re.sub(rb"<v>97\.0[0-9]*</v>", b"<v>97.070000000000001</v>", data)
        seen.append(new != data)
        return new

    _rewrite_zip(book_path, edit)
    assert any(seen)
    return _render(book_path, tmp)


def number_format_width(tmp: Path) -> Command:
    data = yaml.safe_load((CORPUS / "bound-number-format-index.yaml").read_text(encoding="utf-8"))
    data["tables"][0]["number_format"] = "{n:>999999999}"
    return _render(_yaml_file(tmp, data), tmp)


def _template_package(tmp: Path, change: Callable[[dict[str, bytes]], None], name: str = "mine.docx",
                      method: int = zipfile.ZIP_DEFLATED) -> Path:
    with zipfile.ZipFile(TEMPLATE) as zin:
        parts = {info.filename: zin.read(info) for info in zin.infolist()}
    change(parts)
    target = tmp / name
    with zipfile.ZipFile(target, "w", method) as zout:
        for part, data in parts.items():
            zout.writestr(part, data)
    return target


def template_zip_bomb(tmp: Path) -> Command:
    bomb = _template_package(tmp, lambda parts: parts.update({"word/media/bomb.bin": b"\0" * (150 << 20)}))
    assert bomb.stat().st_size < 1 << 20
    return _render(NONGMUANG, tmp, template=bomb)


def docx_zip_bomb(tmp: Path) -> Command:
    from ita_docs import render

    docx = render(NONGMUANG, tmp / "plan.docx")
    bomb = tmp / "bomb.docx"
    with zipfile.ZipFile(docx) as zin, zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            zout.writestr(item, zin.read(item))
        with zout.open("word/media/bomb.bin", "w", force_zip64=True) as entry:
            block = b"\0" * (16 << 20)
            for _ in range(40):                              # -- 640 MB unpacked from ~0.7 MB --
                entry.write(block)
    return Command(["pdf", str(bomb), "-o", str(tmp / "pdf")], names=bomb)


def deep_json_cell(tmp: Path) -> Command:
    from openpyxl import load_workbook

    book_path = _workbook(tmp)
    book = load_workbook(book_path)
    book["เอกสาร"].append(["headings.notes", "json:" + "[" * 10_000 + "]" * 10_000])
    book.save(book_path)
    return _render(book_path, tmp)


def _stored_template(tmp: Path) -> Path:
    return _template_package(tmp, lambda parts: None, name="stored.docx", method=zipfile.ZIP_STORED)


def template_bad_crc(tmp: Path) -> Command:
    from tests.io.test_workbook_archive import _flip_a_byte

    bad = _stored_template(tmp)
    _flip_a_byte(bad, "word/styles.xml", b"w:style ")
    return _render(NONGMUANG, tmp, template=bad)


def template_deflate64(tmp: Path) -> Command:
    from tests.io.test_workbook_archive import _patch_method

    bad = _stored_template(tmp)
    _patch_method(bad, "word/styles.xml", 9)
    return _render(NONGMUANG, tmp, template=bad)


def template_encrypted(tmp: Path) -> Command:
    from tests.io.test_workbook_archive import _patch_method

    bad = _stored_template(tmp)
    _patch_method(bad, "word/styles.xml", 0x1, field=6)
    return _render(NONGMUANG, tmp, template=bad)


def tracking_pixel(tmp: Path) -> Command:
    from tests.rendering.test_bounded import _edit_xml, _tracking_pixel

    template = _template_package(tmp, lambda p: _edit_xml(p, "word/_rels/document.xml.rels", _tracking_pixel))
    return _render(NONGMUANG, tmp, template=template)


def large_plan(tmp: Path) -> Command:
    data = sample_data("banmai-2567-measures")       # -- nothing to find in it --
    del data["measures"]
    measures = "".join(f"- number: {i}\n  title: มาตรการส่งเสริมความโปร่งใส\n  responsible: [กองคลัง]\n"
                       f"  period: {{fiscal_year: 2567}}\n  extra: {{budget: '-'}}\n" for i in range(1, 40_001))
    path = tmp / "large.yaml"
    path.write_text(yaml.dump(data, Dumper=yaml.CSafeDumper, allow_unicode=True) + "measures:\n" + measures,
                    encoding="utf-8")
    return _check(path)


def _clean_2567(change: Callable[[dict], None]) -> Callable[[Path], Command]:
    """banmai's FY2567 plan (nothing to find in it) changed by *change*, checked."""
    def make(tmp: Path) -> Command:
        data = sample_data("banmai-2567-measures")
        change(data)
        return _check(_yaml_file(tmp, data))

    return make


def _set(path: str, value: object) -> Callable[[dict], None]:
    def change(data: dict) -> None:
        *parents, last = path.split(".")
        node = data
        for key in parents:
            node = node[int(key)] if key.isdigit() else node[key]
        node[int(last) if last.isdigit() else last] = value

    return change


def _typed_yaml(old: str, new: str) -> Callable[[Path], Command]:
    """The nongmuang sample's YAML text with *old* (once) typed as *new*, unquoted, rendered."""
    def make(tmp: Path) -> Command:
        text = NONGMUANG.read_text(encoding="utf-8")
        assert text.count(old) == 1
        path = tmp / "typed.yaml"
        path.write_text(text.replace(old, new), encoding="utf-8")
        return _render(path, tmp)

    return make


def number_cell_true(tmp: Path) -> Command:
    from openpyxl import load_workbook

    book_path = _workbook(tmp)
    book = load_workbook(book_path)
    book["มาตรการ"]["B2"].value = True
    book.save(book_path)
    return _render(book_path, tmp)


def _special_file(suffix: str, kind: str) -> Callable[[Path], Command]:
    """A data file name that is a named pipe nobody writes to, or the endless /dev/zero."""
    def make(tmp: Path) -> Command:
        import os

        path = tmp / f"data{suffix}"
        if kind == "fifo":
            os.mkfifo(path)
        else:
            path.symlink_to("/dev/zero")
        return _render(path, tmp)

    return make


def satengnok(tmp: Path) -> Command:  # noqa: ARG001
    return _check(SAMPLES / "satengnok-2566-analysis.yaml")


# -- the table ----------------------------------------------------------------------------------

CHANGED, HANGS, TRACEBACK, UNSAFE, UNCLEAR = ("typed text changed", "hangs and unbounded memory",
                                              "tracebacks", "accepted although broken or unsafe",
                                              "unclear or missed")

EXAMPLES = [
    # -- typed text silently changed --
    Example("phone", CHANGED, "a phone number 021234567 prints as ๔๕๓๖๖๙๕", corpus("yaml-text-phone.yaml")),
    Example("octal", CHANGED, "010 as ๘", corpus("yaml-text-octal.yaml")),
    Example("sexagesimal", CHANGED, "9:30 as ๕๗๐", corpus("yaml-text-time.yaml")),
    Example("hex", CHANGED, "0x1F as ๓๑", corpus("yaml-text-hex.yaml")),
    Example("score-trailing-zero", CHANGED, "a score 97.10 prints ๙๗.๑", corpus("yaml-score-trailing-zero.yaml")),
    Example("date-be-unquoted", CHANGED, "an unquoted date: 2566-03-16 prints พ.ศ. ๓๑๐๙",
            corpus("yaml-date-be-unquoted.yaml")),
    Example("date-zero", CHANGED, "date: 0 prints ๑ มกราคม ๒๕๑๓", corpus("yaml-date-zero.yaml")),
    Example("duplicate-title", CHANGED, "a second title: in a measure", corpus("yaml-duplicate-title.yaml")),
    Example("duplicate-organisation", CHANGED, "a second organisation: mapping",
            corpus("yaml-duplicate-organisation.yaml")),
    Example("duplicate-json-key", CHANGED, "a duplicate key in JSON", corpus("json-duplicate-key.json")),
    Example("workbook-duplicate-key", CHANGED, "two rows with the same key in a workbook",
            corpus("xlsx-duplicate-key.xlsx")),
    Example("workbook-value-without-key", CHANGED, "a value whose key cell is empty",
            corpus("xlsx-value-without-key.xlsx")),
    Example("workbook-note-unused-column", CHANGED, "a note in an unused column",
            corpus("xlsx-note-unused-column.xlsx")),
    Example("workbook-data-under-blank-header", CHANGED, "data under a blank header",
            corpus("xlsx-data-under-blank-header.xlsx")),
    Example("workbook-duplicate-header", CHANGED, "two columns with the same header",
            corpus("xlsx-duplicate-header.xlsx")),
    Example("workbook-merged-cell", CHANGED, "a merged cell over two rows", corpus("xlsx-merged-cells.xlsx")),
    Example("workbook-optional-header-moved", CHANGED, "an optional sheet whose header row moved down",
            corpus("xlsx-optional-header-moved-down.xlsx")),
    Example("workbook-format-0.00", CHANGED, "97.10 with format 0.00 → ๙๗.๑",
            corpus("xlsx-score-format-2-decimals.xlsx")),
    Example("workbook-17-digits", CHANGED, "97.07 stored as 97.070000000000001 → ๙๗.๐๗๐๐๐๐๐๐๐๐๐๐๐๑",
            Run(float_of_17_digits, 0, typed=("๙๗.๐๗",), absent=("๙๗.๐๗๐",), child=True)),
    # -- the same class, beyond the issue's examples: a number field given YAML 1.1's other integer forms --
    Example("whole-number-underscore", CHANGED, "(class) number: 1_0 printed as ๑๐ (YAML 1.1's 1_000, now "
            "read by pydantic's lax int)", Run(_typed_yaml("  - number: 2\n", "  - number: 1_0\n"), 2,
                                               "ต้องเป็นจำนวนเต็ม", "measures[1].number")),
    Example("whole-number-true", CHANGED, "(class) a TRUE cell (or JSON true) as a measure's number printed as ๑",
            Run(number_cell_true, 2, "ต้องเป็นจำนวนเต็ม", "มาตรการ!B2")),
    Example("whole-number-decimal", CHANGED, "(class) fiscal_year: 2566.0 read as 2566",
            Run(_typed_yaml("\nfiscal_year: 2566\n", "\nfiscal_year: 2566.0\n"), 2, "ต้องเป็นจำนวนเต็ม", "fiscal_year")),
    Example("whole-number-thai-digits", CHANGED, "(class) number: ๒ refused though input may use Thai digits anywhere",
            Run(_typed_yaml("  - number: 2\n", "  - number: ๒\n"), 0, typed=("๒ การใช้ทรัพย์สินของราชการ",))),
    Example("whole-number-5000-digits", UNCLEAR, "(class) a 5,000-digit number: Python's English 'Exceeds the "
            "limit (4300 digits)'", Run(_typed_yaml("  - number: 2\n", "  - number: " + "9" * 5000 + "\n"), 2,
                                        "จำนวนเต็มยาวเกิน 100 หลัก", "measures[1].number")),
    Example("quarter-5000-digits", UNCLEAR, "(class) a 5,000-digit quarter: the same English message",
            Run(_typed_yaml("[กองคลัง, สำนักปลัดเทศบาล]\n    period: {fiscal_year: 2566}\n",
                            "[กองคลัง, สำนักปลัดเทศบาล]\n    period: {quarter: " + "9" * 5000 + "}\n"),
                2, "ไตรมาสต้องเป็นเลข 1 ถึง 4", "measures[0].period")),
    Example("workbook-percent", CHANGED, "97.05 % → ๐.๙๗๐๕", corpus("xlsx-score-percent.xlsx")),
    Example("workbook-div0", CHANGED, "a #DIV/0! cell printed as text", corpus("xlsx-score-div0.xlsx")),
    Example("output-is-input", CHANGED, "-o equal to the input file with --force replaces the data file",
            Covered("test_cli.py", "def test_the_output_may_not_be_the_input_even_with_force")),
    # -- hangs and unbounded memory --
    Example("workbook-deleted-required-row", HANGS, "a workbook with a deleted required row never finishes",
            corpus("xlsx-deleted-required-row.xlsx")),
    Example("workbook-blank-required-row", HANGS, "a blank required row", corpus("xlsx-blank-required-value.xlsx")),
    Example("workbook-renamed-sheet", HANGS, "a renamed sheet", corpus("xlsx-renamed-sheet.xlsx")),
    Example("workbook-header-moved", HANGS, "a header row moved down", corpus("xlsx-header-moved-down.xlsx")),
    Example("workbook-key-other-case", HANGS, "a key in another case", corpus("xlsx-key-other-case.xlsx")),
    Example("template-nested-loops", HANGS, "custom templates: nested loops",
            Covered("rendering/test_bounded.py", '("nested-loops", ')),
    Example("template-lipsum", HANGS, "lipsum(10**6)", Covered("rendering/test_bounded.py", '("lipsum", ')),
    Example("template-repeat", HANGS, "'a' * 10**9", Covered("rendering/test_bounded.py", '("repeat", ')),
    Example("template-format-width", HANGS, "format widths ({n:>999999999}) in a template",
            Covered("rendering/test_bounded.py", '("format-width", ')),
    Example("numbering-format-width", HANGS, "format widths in data-given format strings (list numbering)",
            corpus("bound-numbering-width.yaml")),
    Example("table-number-format-width", HANGS, "… (table number formats)",
            Run(number_format_width, 2, "ความกว้างหรือทศนิยมเกิน 100 ตัวอักษร", "tables[0].number_format")),
    Example("template-zip-bomb", HANGS, "zip bombs are refused for templates",
            Run(template_zip_bomb, 2, "zip bomb", "word/media/bomb.bin", child=True)),
    Example("workbook-zip-bomb", HANGS, "… but not for workbooks (a 2.7 MB .xlsx → 2.6 GB)",
            corpus("xlsx-zip-bomb.xlsx")),
    Example("pdf-input-zip-bomb", HANGS, "… nor for ita-docs pdf inputs (3.0 GB)",
            Run(docx_zip_bomb, 2, "zip bomb", "word/media/bomb.bin", child=True)),
    Example("batch-jobs-400", HANGS, "batch --jobs 400 starts 400 processes for two inputs",
            Covered("test_batch.py", '"--jobs", "400"')),
    # -- tracebacks --
    # -- the same class, beyond the issue's examples: a data "file" that is no regular file --
    Example("input-fifo", HANGS, "(class) a data file that is a named pipe: the reader waits for ever",
            Run(_special_file(".yaml", "fifo"), 2, "ไม่ใช่ไฟล์ธรรมดา", child=True)),
    Example("input-dev-zero", HANGS, "(class) a data file that is /dev/zero: read without end",
            Run(_special_file(".json", "zero"), 2, "ไม่ใช่ไฟล์ธรรมดา", child=True)),
    Example("input-dev-zero-workbook", UNCLEAR, "(class) a workbook that is /dev/zero: 'not a folder'",
            Run(_special_file(".xlsx", "zero"), 2, "ไม่ใช่ไฟล์ธรรมดา")),
    Example("measure-without-period", TRACEBACK, "a measure without period",
            corpus("bound-measure-without-period.yaml")),
    Example("batch-measure-without-period", TRACEBACK, "… one such file aborts a whole batch",
            Covered("test_batch.py", 'del without_period["measures"][0]["period"]')),
    Example("yaml-deep-nesting", TRACEBACK, "10,000-level nesting in YAML", corpus("yaml-deep-nesting.yaml")),
    Example("json-deep-nesting", TRACEBACK, "… in JSON", corpus("json-deep-nesting.json")),
    Example("json-cell-deep-nesting", TRACEBACK, "… or a json: cell",
            Run(deep_json_cell, 2, "ซ้อนกันลึก", "เอกสาร!B", child=True)),
    Example("template-macro-recursion", TRACEBACK, "recursion in a template macro",
            Covered("rendering/test_bounded.py", '("macro-recursion", ')),
    Example("template-range", TRACEBACK, "range() over the sandbox's limit",
            Covered("rendering/test_bounded.py", '("range", ')),
    Example("template-bad-crc", TRACEBACK, "damaged template zips (bad CRC",
            Run(template_bad_crc, 2, "ส่วนประกอบเสีย", "word/styles.xml", child=True)),
    Example("template-deflate64", TRACEBACK, "… deflate64", Run(template_deflate64, 2, "deflate64", "word/styles.xml")),
    Example("template-encrypted", TRACEBACK, "… encrypted entry)",
            Run(template_encrypted, 2, "เข้ารหัส", "word/styles.xml")),
    Example("output-directory", TRACEBACK, "-o an existing directory",
            Covered("test_cli.py", 'ids=["directory", "directory-force"')),
    Example("output-read-only", TRACEBACK, "a read-only file system",
            Covered("test_cli.py", 'ids=["read-only", "full"]')),
    Example("output-full-disk", TRACEBACK, "a full disk", Covered("test_cli.py", '"พื้นที่ดิสก์เต็ม"')),
    Example("output-name-over-255", TRACEBACK, "a name over 255 bytes", Covered("test_cli.py", '"name-too-long"')),
    Example("output-name-245-and-temp", TRACEBACK, "a legal 245-byte name once the temp-file prefix is added",
            Covered("test_cli.py", "def test_a_legal_name_is_not_made_too_long_by_the_temporary_file")),
    Example("output-parent-is-a-file", TRACEBACK, "a parent that is a file",
            Covered("test_cli.py", '"parent-is-a-file"')),
    Example("batch-360-byte-name", TRACEBACK, "a batch whose organisation name makes a 360-byte file name",
            Covered("test_batch.py", "def test_a_very_long_organisation_name_gives_a_legal_file_name")),
    # -- accepted although broken or unsafe --
    Example("template-no-content-types", UNSAFE, "a template without [Content_Types].xml",
            Covered("rendering/test_bounded.py", '("no-content-types", ')),
    Example("template-docm", UNSAFE, "a .docm passes its macro content type into the output",
            Covered("rendering/test_bounded.py", '("docm", ')),
    Example("template-late-entity", UNSAFE, "entity declarations refused only in a part's first 4,096 bytes",
            Covered("rendering/test_bounded.py", '("late-entity", ')),
    Example("template-dot-dot-entry", UNSAFE, "zip entries named ../../x", Covered("rendering/test_bounded.py",
                                                                                 '("dot-dot", ')),
    Example("template-absolute-entry", UNSAFE, "… /abs/x", Covered("rendering/test_bounded.py", '("absolute", ')),
    Example("template-external-image", UNSAFE, "an external image URL (a tracking pixel) passes into every document",
            Run(tracking_pixel, 2, "https://tracker.example/p.png", "word/_rels/document.xml.rels", child=True)),
    Example("numbering-python-internals", UNSAFE, "numbering: '{n.__class__.__mro__}' prints Python internals",
            corpus("bound-numbering-python.yaml")),
    # -- unclear or missed --
    Example("score-nan", UNCLEAR, "English messages for NaN", corpus("yaml-score-nan.yaml")),
    Example("score-inf", UNCLEAR, "… inf scores", corpus("yaml-score-inf.yaml")),
    Example("date-integer", UNCLEAR, "… integer dates", corpus("json-date-integer.json")),
    Example("date-excel-serial", UNCLEAR, "… Excel date serials", corpus("xlsx-date-serial.xlsx")),
    Example("formula-without-value", UNCLEAR, "a formula without a cached value reported as an empty cell",
            corpus("xlsx-score-formula-no-value.xlsx")),
    Example("utf16-without-bom", UNCLEAR, "UTF-16 without a BOM reported as 'delete character #x0000'",
            corpus("yaml-utf16-no-bom.yaml")),
    Example("large-plan", UNCLEAR, "a legitimate 40,000-measure YAML refused as an alias bomb",
            Run(large_plan, 0, absent=("ขยายตัวเกิน",), slow=True)),
    Example("check-period-other-year", UNCLEAR, "check misses a period in another fiscal year",
            Run(_clean_2567(_set("measures.0.period", {"fiscal_year": 2568})), 1,
                "ระยะเวลาระบุปีงบประมาณ 2568 ในเอกสารปีงบประมาณ 2567", "measures[0].period", child=True)),
    Example("check-free-text-period", UNCLEAR, "… free-text periods ('ม.ค. 2568' in an FY2567 plan)",
            Run(_clean_2567(_set("measures.0.period", "ม.ค. 2568")), 1,
                "ระยะเวลา 'ม.ค. 2568' อยู่นอกปีงบประมาณ 2567", "measures[0].period")),
    Example("check-free-text-date", UNCLEAR, "… and years ('ม.ค. 2568' in text)",
            Run(_clean_2567(_set("measures.0.method", ["ประชุมคณะทำงาน ม.ค. 2568"])), 1,
                "'ม.ค. 2568' ซึ่งอยู่ในปีงบประมาณ 2568", "measures[0].method")),
    Example("check-year-3105", UNCLEAR, "… '3105' in text",
            Run(_clean_2567(_set("measures.0.method", ["ดำเนินการตามแผนปี 3105"])), 1,
                "'3105' อาจเป็นปี พ.ศ. 2562 ที่บวก 543 ซ้ำสองครั้ง", "measures[0].method")),
    Example("check-variant-cut-short", UNCLEAR, "check quotes a variant name cut short ('เทศบาลเมืองสระเตงนอ')",
            Run(satengnok, 1, "'เทศบาลเมืองสระเตงนอก'", absent=("'เทศบาลเมืองสระเตงนอ'",))),
    Example("render-refuses-what-check-passes", UNCLEAR, "render refuses what check passes (${meeting_title})",
            Covered("test_consistency.py", "def test_check_refuses_what_render_refuses")),
    Example("warnings-iso-dates", UNCLEAR, "warnings print ISO CE dates ('2024-10–2024-10') to a Thai clerk",
            Run(_clean_2567(_set("measures.0.period", {"start_month": "2024-10", "end_month": "2024-10"})), 1,
                "ระยะเวลา ตุลาคม 2567 อยู่นอกปีงบประมาณ 2567 (1 ต.ค. 2566 – 30 ก.ย. 2567)", "measures[0].period",
                absent=("2024-10",), child=True)),
]

RUN = [e for e in EXAMPLES if isinstance(e.how, Run)]
COVERED = [e for e in EXAMPLES if isinstance(e.how, Covered)]


def test_every_class_has_an_example_in_a_child_process():
    classes = {e.kind for e in EXAMPLES}
    assert classes == {CHANGED, HANGS, TRACEBACK, UNSAFE, UNCLEAR}
    assert {e.kind for e in RUN if e.how.child} == classes
    assert len({e.id for e in EXAMPLES}) == len(EXAMPLES) >= 70


@pytest.mark.parametrize("example", COVERED, ids=[e.id for e in COVERED])
def test_the_test_an_example_points_to_is_there(example):
    text = (TESTS / example.how.test).read_text(encoding="utf-8")
    assert text.count(example.how.needle) >= 1, f"{example.how.test} no longer tests {example.issue!r}"
    if example.how.test == "bad_inputs/cases.yaml":
        assert (CORPUS / example.how.needle.removeprefix("file: ")).is_file()


# -- running one --------------------------------------------------------------------------------


def _alarm(signum, frame):  # noqa: ARG001
    raise TimeoutError(f"ita-docs did not finish within {SECONDS} s")


def _run(command: Command, *, child: bool) -> tuple[int, str, str]:
    """(status, stdout, stderr) of ``ita-docs ARGS``."""
    if child:
        result = subprocess.run([sys.executable, "-m", "ita_docs", *command.args], capture_output=True,
                                text=True, timeout=SECONDS)
        return result.returncode, result.stdout, result.stderr
    out, err = io.StringIO(), io.StringIO()
    previous = signal.signal(signal.SIGALRM, _alarm)
    signal.alarm(SECONDS)
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            status = main(command.args)
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
    return status, out.getvalue(), err.getvalue()


def _docx_text(path: Path) -> str:
    import docx

    document = docx.Document(str(path))
    texts = [p.text for p in document.paragraphs]
    texts += [c.text for t in document.tables for r in t.rows for c in r.cells]
    for section in document.sections:
        texts += [p.text for p in section.header.paragraphs]
    return strip_joiners("\n".join(texts))


def _check_outcome(run: Run, command: Command, status: int, stdout: str, stderr: str) -> None:
    said = stdout + stderr
    assert "Traceback" not in said, said
    assert status == run.status, said
    lines = [line for line in said.splitlines() if line.startswith(("Error: ", "Warning: "))]
    if run.status == 2:
        errors = stderr.strip().splitlines()
        assert errors and all(line.startswith("Error: ") for line in errors), stderr
        assert all(_THAI.search(line) for line in errors), "every message is in Thai"
        if command.names is not None:
            assert all(str(command.names) in line for line in errors), "every message names the file"
        if command.docx is not None:
            assert not command.docx.exists()
    if run.message:
        hits = [line for line in lines if run.message in line and run.where in line]
        assert hits, said
        assert all(_THAI.search(line) for line in hits)
        if command.names is not None:
            assert all(str(command.names) in line for line in hits), "the message names the file"
    for line in lines:
        assert not _ISO_CE.search(line.split(" (")[0]), f"an ISO Christian-era date in {line!r}"
    for text in run.absent:
        assert text not in said, said
    if run.typed:
        assert command.docx is not None and command.docx.exists()
        text = _docx_text(command.docx)
        for typed in run.typed:
            assert typed in text, f"{typed!r} is not in the document as typed"
        for wrong in run.absent:
            assert wrong not in text


def _marks(example: Example) -> list[pytest.MarkDecorator]:
    return [pytest.mark.slow] if example.how.slow else []


@pytest.mark.parametrize("example", [pytest.param(e, id=e.id, marks=_marks(e)) for e in RUN])
def test_an_example_run_as_a_clerk_runs_it(example, tmp_path):
    run = example.how
    command = run.make(tmp_path)
    status, stdout, stderr = _run(command, child=run.child)
    _check_outcome(run, command, status, stdout, stderr)
    if run.status == 0 and "--strict" not in command.args and "Warning: " in stdout + stderr:
        # -- the same run with --strict: the warnings make it exit 1, and the document is still written --
        if command.docx is not None:
            command.docx.unlink()
        strict = Command([*command.args, "--strict"], command.names, command.docx)
        status, stdout, stderr = _run(strict, child=False)
        _check_outcome(Run(run.make, 1, run.message, run.where, run.typed, run.absent), strict, status, stdout,
                       stderr)

