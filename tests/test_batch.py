"""Batch rendering: one document per organisation, failures reported, names kept in the folder."""
from __future__ import annotations

import copy
import json
import subprocess

import pytest
import yaml

from ita_docs.batch import output_name, render_many
from ita_docs.cli import main
from ita_docs.errors import ItaDocsWarning
from tests.conftest import NONGMUANG, SAMPLES
from tests.rendering.test_pdf import _needs_libreoffice


@pytest.fixture
def folder_of_50(tmp_path, nongmuang_data):
    """50 data files, one of them broken."""
    folder = tmp_path / "in"
    folder.mkdir()
    for index in range(50):
        data = copy.deepcopy(nongmuang_data)
        data["organisation"]["name"] = f"เทศบาลตำบลทดสอบ{index}"
        if index == 17:
            data["measures"][0]["period"] = {"quarter": 9}
        (folder / f"d{index:02d}.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return sorted(folder.glob("*.yaml"))


def test_batch_of_50_with_one_broken(tmp_path, folder_of_50, capsys):
    out = tmp_path / "out"
    assert main(["batch", str(folder_of_50[0].parent), "-o", str(out), "--jobs", "2"]) == 1  # the folder
    assert len(list(out.glob("*.docx"))) == 49
    err = capsys.readouterr().err
    assert "d17.yaml" in err and "measures[0].period" in err and "ไตรมาส" in err
    assert "Traceback" not in err


def test_names_cannot_leave_the_output_folder(tmp_path, nongmuang_data):
    evil = []
    for name in ("../../x", "a/b", "..", "con", "ก\\ข:ค*?", "เทศบาลตำบลหนองม่วง", "เทศบาลตำบลหนองม่วง"):
        data = copy.deepcopy(nongmuang_data)
        data["organisation"]["name"] = name
        evil.append(data)
    results = render_many(evil, tmp_path / "out")
    outputs = [r.output for r in results]
    assert all(p is not None and p.parent == tmp_path / "out" for p in outputs)
    assert len(set(outputs)) == len(outputs)          # the two of the same name both kept
    assert outputs[-1].name == "เทศบาลตำบลหนองม่วง-2566-measures_plan-2.docx"
    assert not (tmp_path / "x-2566-measures_plan.docx").exists()


def _province_file(tmp_path, nongmuang_data):
    """One YAML file holding three documents (three organisations of one province)."""
    many = []
    for index in range(3):
        data = copy.deepcopy(nongmuang_data)
        data["organisation"]["name"] = f"อบต.ตัวอย่าง{index}"
        many.append(data)
    source = tmp_path / "province.yaml"
    source.write_text(yaml.safe_dump(many, allow_unicode=True), encoding="utf-8")
    return source


def test_a_file_holding_many_documents(tmp_path, nongmuang_data):
    source = _province_file(tmp_path, nongmuang_data)
    results = render_many([source], tmp_path / "out")
    assert [r.source for r in results] == [f"{source}[{i}]" for i in range(3)]
    assert all(r.output and r.output.exists() for r in results)


def test_output_name():
    from types import SimpleNamespace as N

    assert output_name(N(organisation=N(name="องค์การบริหารส่วนตำบลร่อนทอง"), fiscal_year=2564,
                         kind="annual_report")) == "องค์การบริหารส่วนตำบลร่อนทอง-2564-annual_report.docx"
    assert output_name(N(organisation=N(name="../"), fiscal_year=None, kind="committee_order")) \
        == "document-committee_order.docx"
    # -- letters and digits survive; only separators, reserved characters and controls go --
    assert output_name(N(organisation=N(name="อบต. Ban Xyz 12\x07a<b>"), fiscal_year=2567, kind="measures_plan")) \
        == "อบต. Ban Xyz 12_a_b-2567-measures_plan.docx"


def test_existing_documents_are_kept_without_force(tmp_path):
    first = render_many([NONGMUANG], tmp_path)
    again = render_many([NONGMUANG], tmp_path)
    assert first[0].output and again[0].error and "--force" in again[0].error.message
    assert render_many([NONGMUANG], tmp_path, overwrite=True)[0].output


def test_a_failed_pdf_conversion_counts_as_a_failure(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("ITA_DOCS_SOFFICE", str(tmp_path / "no-soffice"))
    assert main(["batch", str(NONGMUANG), "-o", str(tmp_path / "out"), "--pdf"]) == 1
    captured = capsys.readouterr()
    assert "แปลงเป็น PDF ไม่สำเร็จ" in captured.err and "LibreOffice" in captured.err
    assert "สร้างเอกสารแล้ว 1 ไฟล์" in captured.out         # the .docx is kept
    assert len(list((tmp_path / "out").glob("*.docx"))) == 1


@pytest.mark.slow
def test_batch_to_pdf_in_libreoffice_runs_side_by_side(tmp_path, nongmuang_data):
    _needs_libreoffice()
    many = []
    for suffix in "กขค":
        data = copy.deepcopy(nongmuang_data)
        data["organisation"]["name"] = f"เทศบาลตำบลทดสอบ{suffix}"
        many.append(data)
    results = render_many(many, tmp_path / "out", pdf=True, jobs=2)  # -- two LibreOffice runs --
    assert [r.error for r in results] == [None] * 3
    for suffix, result in zip("กขค", results):
        text = subprocess.run(["pdftotext", str(result.pdf), "-"], capture_output=True, text=True,
                              check=True).stdout
        assert f"เทศบาลตำบลทดสอบ{suffix}" in text


def test_contradicting_figures_are_reported_not_dropped(tmp_path, capsys):
    ronthong = SAMPLES / "ronthong-2564-report.yaml"
    with pytest.warns(ItaDocsWarning, match="ronthong-2564-report.yaml"):
        (result,) = render_many([ronthong], tmp_path / "lib")
    assert result.output and any("strengths.below" in w for w in result.warnings)
    assert main(["batch", str(ronthong), "-o", str(tmp_path / "cli")]) == 0   # every document written
    err = capsys.readouterr().err
    assert "Warning:" in err and "ronthong-2564-report.yaml" in err and "strengths.below" in err
    assert main(["batch", str(ronthong), "-o", str(tmp_path / "strict"), "--strict"]) == 1
    assert "strengths.below" in capsys.readouterr().err


def test_a_folder_stands_for_its_data_files(tmp_path, folder_of_50):
    folder = folder_of_50[0].parent
    (folder / "notes.txt").write_text("not data", encoding="utf-8")
    (folder / "~$d00.xlsx").write_bytes(b"Excel's lock file")
    results = render_many([folder], tmp_path / "out", jobs=2)
    assert [r.source for r in results] == [str(p) for p in folder_of_50]
    assert sum(1 for r in results if r.output) == 49


def test_a_list_entry_that_is_not_a_document_is_named(tmp_path, nongmuang_data):
    source = tmp_path / "province.json"
    source.write_text(json.dumps([nongmuang_data, "measures_plan"], ensure_ascii=False), encoding="utf-8")
    first, second = render_many([source], tmp_path / "out")
    assert first.output and second.output is None
    assert f"{source}: [1]" in str(second.error) and "กลุ่มข้อมูล" in str(second.error)


# -- a failure is a record (message, location, problems), printed and emitted from its fields ----


def _broken(tmp_path, nongmuang_data):
    """A file whose data breaks the schema twice, and a list file whose entry 1 is no document."""
    broken = copy.deepcopy(nongmuang_data)
    broken["fiscal_year"], broken["measures"][0]["period"] = "abc", {"quarter": 9}
    one = tmp_path / "broken.yaml"
    one.write_text(yaml.safe_dump(broken, allow_unicode=True), encoding="utf-8")
    many = tmp_path / "many.json"
    many.write_text(json.dumps([nongmuang_data, "measures_plan"], ensure_ascii=False), encoding="utf-8")
    return one, many


@pytest.mark.parametrize("jobs", [1, 2])  # -- in this process, and carried back from workers --
def test_a_failure_carries_each_problem_with_its_location(tmp_path, nongmuang_data, jobs):
    from ita_docs.batch import BatchError
    from ita_docs.errors import Location

    one, many = _broken(tmp_path, nongmuang_data)
    broken, _, entry = render_many([one, many], tmp_path / "out", jobs=jobs)
    assert isinstance(broken.error, BatchError)
    assert [p.location for p in broken.error.problems] == [Location(str(one), "fiscal_year"),
                                                           Location(str(one), "measures[0].period")]
    assert entry.error.problems[0].location == Location(str(many), "[1]")
    assert entry.error.names(str(many)) and not entry.error.names(str(one))


def test_a_write_failure_keeps_its_location(tmp_path):
    render_many([NONGMUANG], tmp_path)
    (again,) = render_many([NONGMUANG], tmp_path)
    assert again.error.problems == () and again.error.location.file == str(_plan_docx(tmp_path))
    assert str(again.error) == f"{again.error.message} ({_plan_docx(tmp_path)})"


def _plan_docx(folder):
    return folder / "เทศบาลตำบลหนองม่วง-2566-measures_plan.docx"


def test_batch_errors_print_as_before(tmp_path, nongmuang_data, capsys):
    # -- the source is named unless a location names its file already; one line a document --
    one, many = _broken(tmp_path, nongmuang_data)
    render_many([NONGMUANG], tmp_path / "out")
    assert main(["batch", str(NONGMUANG), str(one), str(many), "-o", str(tmp_path / "out"), "--jobs", "1"]) == 1
    assert capsys.readouterr().err.splitlines() == [
        f"Error: {NONGMUANG}: มีไฟล์นี้อยู่แล้ว (อาจมีผู้แก้ไขไว้) จึงไม่เขียนทับ ใช้ --force ถ้าต้องการเขียนทับ"
        f" ({_plan_docx(tmp_path / 'out')})",
        f"Error: {one}: fiscal_year: ต้องเป็นจำนวนเต็ม เช่น 3 หรือ ๓ ไม่ใช่ 'abc'"
        f" {one}: measures[0].period: ระยะเวลาไม่ถูกต้อง: ไตรมาสต้องเป็น 1 ถึง 4 ไม่ใช่ 9",
        f"Error: {many}: [1]: แต่ละรายการต้องเป็นกลุ่มข้อมูลแบบ ชื่อ: ค่า ที่มีช่อง kind",
    ]


def test_batch_json_errors_give_the_printed_message(tmp_path, nongmuang_data, capsys):
    one, many = _broken(tmp_path, nongmuang_data)
    assert main(["batch", str(one), str(many), "-o", str(tmp_path / "out"), "--jobs", "1", "--json"]) == 1
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    errors = [line for line in lines if line["event"] == "error"]
    assert errors == [
        {"event": "error", "source": str(one), "message": f"{one}: fiscal_year: ต้องเป็นจำนวนเต็ม เช่น 3 หรือ ๓ ไม่ใช่ 'abc'"
         f" {one}: measures[0].period: ระยะเวลาไม่ถูกต้อง: ไตรมาสต้องเป็น 1 ถึง 4 ไม่ใช่ 9"},
        {"event": "error", "source": f"{many}[1]", "message": f"{many}: [1]: แต่ละรายการต้องเป็นกลุ่มข้อมูลแบบ ชื่อ: ค่า ที่มีช่อง kind"},
    ]


# -- a batch always finishes the other documents; its processes are bounded ------------------


def _batch_command(*args: str):
    import subprocess
    import sys

    return subprocess.run([sys.executable, "-m", "ita_docs", "batch", *args], capture_output=True, text=True,
                          timeout=120)


def test_a_very_long_organisation_name_gives_a_legal_file_name(tmp_path, nongmuang_data):
    long = copy.deepcopy(nongmuang_data)
    long["organisation"]["name"] = "เทศบาลตำบล" + "ก" * 110          # -- 360 bytes in UTF-8 --
    without_period = copy.deepcopy(nongmuang_data)
    del without_period["measures"][0]["period"]
    without_period["organisation"]["name"] = "เทศบาลตำบลอื่น"
    sources = []
    for name, data in (("long", long), ("other", without_period)):
        sources.append(tmp_path / f"{name}.yaml")
        sources[-1].write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    result = _batch_command(*map(str, sources), "-o", str(tmp_path / "out"), "--jobs", "400")
    assert result.returncode == 0, result.stderr
    assert result.stdout.endswith(f"สร้างเอกสารแล้ว 2 ไฟล์ ใน {tmp_path / 'out'}\n")
    names = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert len(names) == 2 and all(len(n.encode("utf-8")) <= 255 for n in names)
    assert names[0].startswith("เทศบาลตำบลกก") and names[1] == "เทศบาลตำบลอื่น-2566-measures_plan.docx"


def test_a_batch_into_a_read_only_disk_reports_every_document_and_finishes(tmp_path):
    from tests.filesystems import small_disk

    with small_disk(tmp_path / "disk", read_only=True) as disk:
        result = _batch_command(str(NONGMUANG), str(SAMPLES / "krut-2566-progress.yaml"), "-o", str(disk))
        assert result.returncode == 1 and "Traceback" not in result.stderr
        errors = result.stderr.splitlines()
        assert len(errors) == 2 and all("เขียนไฟล์ไม่ได้: ดิสก์หรือโฟลเดอร์นี้อ่านได้อย่างเดียว" in e for e in errors)
        assert result.stdout.endswith("ไม่สำเร็จ 2 รายการ\n")


def test_never_more_processes_than_cores_or_documents():
    from ita_docs.batch import available_cores, worker_count

    assert worker_count(400, 2) == min(2, available_cores())
    assert worker_count(400, 10_000) == available_cores()
    assert worker_count(-3, 10) == 1


def test_progress_counts_each_document_of_a_list_file(tmp_path, nongmuang_data):
    listed = _province_file(tmp_path, nongmuang_data)
    calls: list[tuple[int, int]] = []
    results = render_many([listed, NONGMUANG], tmp_path / "out", jobs=2, progress=lambda d, t: calls.append((d, t)))
    assert calls == [(1, 4), (2, 4), (3, 4), (4, 4)]      # the total grows once the list is read
    assert [r.source for r in results] == [f"{listed}[{i}]" for i in range(3)] + [str(NONGMUANG)]


@pytest.mark.slow
def test_batch_pdfs_keep_each_documents_digits_when_the_workers_guessed_otherwise(tmp_path, nongmuang_data):
    _needs_libreoffice()
    thai = copy.deepcopy(nongmuang_data)
    thai["digits"] = "thai"  # -- the workers start for Thai digits, from the first input --
    arabic = copy.deepcopy(nongmuang_data)
    arabic["digits"] = "arabic"
    arabic["organisation"]["name"] = "เทศบาลตำบลทดสอบอารบิก"
    results = render_many([thai, arabic, thai | {"organisation": arabic["organisation"] | {"name": "ทต.ทดสอบ"}}],
                          tmp_path / "out", pdf=True, jobs=1)
    assert [r.error for r in results] == [None] * 3
    from tests import pdfcheck

    pages = [pdfcheck.pdf_pages(r.pdf) for r in results]
    assert [p[1].lines[0].text for p in pages] == ["-๒-", "-2-", "-๒-"]  # -- page numbers, text layer too --
    assert not set("๐๑๒๓๔๕๖๗๘๙") & set("".join(p.text() for p in pages[1]))
