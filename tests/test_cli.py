"""The command line: exit codes and exact messages, as a clerk sees them."""
from __future__ import annotations

import argparse
import subprocess
import sys

import pytest
import yaml

from ita_docs.cli import _parser, main
from tests.conftest import NONGMUANG


def test_render_writes_the_document(tmp_path, capsys):
    out = tmp_path / "plan.docx"
    assert main(["render", str(NONGMUANG), "-o", str(out)]) == 0
    assert capsys.readouterr().out == f"เขียนไฟล์แล้ว: {out}\n"
    assert out.read_bytes()[:2] == b"PK"


def test_render_refuses_to_overwrite(tmp_path, capsys):
    out = tmp_path / "plan.docx"
    out.write_text("edited")
    assert main(["render", str(NONGMUANG), "-o", str(out)]) == 2
    assert capsys.readouterr().err == (
        f"Error: มีไฟล์นี้อยู่แล้ว (อาจมีผู้แก้ไขไว้) จึงไม่เขียนทับ ใช้ --force ถ้าต้องการเขียนทับ ({out})\n"
    )
    assert out.read_text() == "edited"
    assert main(["render", str(NONGMUANG), "-o", str(out), "--force"]) == 0


def test_invalid_input_prints_each_problem_in_thai(tmp_path, capsys, plan_data):
    plan_data["fiscal_year"] = 2023
    plan_data["measures"][3]["period"] = {"quarter": 7}
    data = tmp_path / "plan.yaml"
    data.write_text(yaml.safe_dump(plan_data, allow_unicode=True), encoding="utf-8")
    assert main(["render", str(data), "-o", str(tmp_path / "o.docx")]) == 2
    assert capsys.readouterr().err.splitlines() == [
        f"Error: ปีต้องเป็นปี พ.ศ. (เช่น 2566) แต่ 2023 ดูเป็นปี ค.ศ. (พ.ศ. 2566) ({data}: fiscal_year)",
        f"Error: ระยะเวลาไม่ถูกต้อง: ไตรมาสต้องเป็น 1 ถึง 4 ไม่ใช่ 7 ({data}: measures[3].period)",
    ]
    assert not (tmp_path / "o.docx").exists()


def test_default_output_name(tmp_path, nongmuang_data):
    data = tmp_path / "แผน.yaml"
    data.write_text(yaml.safe_dump(nongmuang_data, allow_unicode=True), encoding="utf-8")
    assert main(["render", str(data)]) == 0
    assert (tmp_path / "แผน.docx").exists()


def test_no_traceback_from_the_real_command(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("kind: measures_plan\nfiscal_year: [\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "ita_docs", "render", str(bad)],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    assert result.stderr.startswith("Error: รูปแบบ YAML ผิด")
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("name", sorted(_parser()._subparsers._group_actions[0].choices))
def test_every_command_has_help_with_an_example(name, capsys):
    with pytest.raises(SystemExit) as info:
        main([name, "--help"])
    assert info.value.code == 0
    out = capsys.readouterr().out
    assert "Example: ita-docs " + name in out


# -- every output failure is a located error (exit 2, no traceback), as the real command shows it --


def _command(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "ita_docs", *args], capture_output=True, text=True, timeout=60)


def _render_to(out, *more: str) -> subprocess.CompletedProcess[str]:
    return _command("render", str(NONGMUANG), "-o", str(out), *more)


LONG_NAME = "ก" * 90 + ".docx"   # -- 275 bytes in UTF-8 --


@pytest.mark.parametrize(("make", "force", "message"), [
    (lambda t: t, "", "ที่นี่เป็นโฟลเดอร์ ไม่ใช่ไฟล์ ให้ระบุชื่อไฟล์ที่จะเขียน"),
    (lambda t: t, "--force", "ที่นี่เป็นโฟลเดอร์ ไม่ใช่ไฟล์ ให้ระบุชื่อไฟล์ที่จะเขียน"),
    (lambda t: t / LONG_NAME, "", "เขียนไฟล์ไม่ได้: ชื่อไฟล์ยาวเกินที่ระบบไฟล์รับได้ (ไม่เกิน 255 ไบต์) ให้ตั้งชื่อให้สั้นลง"),
    (lambda t: t / "data.yaml" / "x.docx", "", "เขียนไฟล์ไม่ได้: มีไฟล์ชื่อนี้อยู่แล้ว ในที่ที่ต้องเป็นโฟลเดอร์"),
    (lambda t: t / "data.yaml" / "a" / "x.docx", "", "เขียนไฟล์ไม่ได้: ส่วนหนึ่งของเส้นทางเป็นไฟล์ ไม่ใช่โฟลเดอร์"),
    (lambda t: "/dev/full", "--force", "ที่นี่ไม่ใช่ไฟล์ธรรมดา (เป็นอุปกรณ์หรือช่องทางพิเศษของระบบ) จึงไม่เขียนทับ"),
], ids=["directory", "directory-force", "name-too-long", "parent-is-a-file", "grandparent-is-a-file", "device"])
def test_an_output_that_cannot_be_written_is_located(tmp_path, make, force, message):
    (tmp_path / "data.yaml").write_text("x", encoding="utf-8")
    out = make(tmp_path)
    result = _render_to(out, *([force] if force else []))
    assert result.returncode == 2
    assert result.stderr == f"Error: {message} ({out})\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data.yaml"]   # -- nothing left behind --


def test_a_legal_name_is_not_made_too_long_by_the_temporary_file(tmp_path):
    out = tmp_path / ("a" * 245 + ".docx")     # -- 250 bytes: legal, and so is its temporary file --
    result = _render_to(out)
    assert result.returncode == 0, result.stderr
    assert [p.name for p in tmp_path.iterdir()] == [out.name]


@pytest.mark.parametrize(("read_only", "message"), [(True, "ดิสก์หรือโฟลเดอร์นี้อ่านได้อย่างเดียว เขียนไม่ได้"),
                                                    (False, "พื้นที่ดิสก์เต็ม")], ids=["read-only", "full"])
def test_a_read_only_or_full_disk_is_located(tmp_path, read_only, message):
    from tests.filesystems import small_disk

    with small_disk(tmp_path / "disk", read_only=read_only) as disk:
        result = _render_to(disk / "plan.docx")
        assert result.returncode == 2
        assert result.stderr == f"Error: เขียนไฟล์ไม่ได้: {message} ({disk / 'plan.docx'})\n"
        assert list(disk.iterdir()) == []


def test_the_output_may_not_be_the_input_even_with_force(tmp_path):
    data = tmp_path / "plan.yaml"
    data.write_bytes(NONGMUANG.read_bytes())
    message = "ไฟล์ผลลัพธ์เป็นไฟล์เดียวกับไฟล์ข้อมูล จะเขียนทับข้อมูลไม่ได้ ให้ตั้งชื่อไฟล์ผลลัพธ์อื่น"
    result = _command("render", str(data), "-o", str(data), "--force")
    assert (result.returncode, result.stderr) == (2, f"Error: {message} ({data})\n")
    result = _command("convert", str(data), str(tmp_path / "." / "plan.yaml"), "--force")
    assert (result.returncode, result.stderr) == (2, f"Error: {message} ({tmp_path / '.' / 'plan.yaml'})\n")
    assert data.read_bytes() == NONGMUANG.read_bytes()


def test_warnings_exit_0_unless_strict(tmp_path):
    from tests.conftest import SAMPLES

    ronthong = str(SAMPLES / "ronthong-2564-report.yaml")
    written = _command("render", ronthong, "-o", str(tmp_path / "a.docx"))
    assert written.returncode == 0 and written.stderr.startswith("Warning: ")
    strict = _command("render", ronthong, "-o", str(tmp_path / "b.docx"), "--strict")
    assert strict.returncode == 1 and strict.stderr == written.stderr
    assert (tmp_path / "b.docx").exists()


# -- the same output flag everywhere, kinds with choices, JSON lines for the tools that call us --


@pytest.mark.parametrize("words", [["template", "export"], ["template", "check"]])
def test_every_nested_command_has_help_with_an_example(words, capsys):
    with pytest.raises(SystemExit) as info:
        main([*words, "--help"])
    assert info.value.code == 0
    assert "Example: ita-docs " + " ".join(words) in capsys.readouterr().out


def test_the_kind_choices_are_the_models_kinds():
    from ita_docs.cli import KIND_NAMES
    from ita_docs.model import KINDS

    assert set(KIND_NAMES) == set(KINDS)


def test_an_unknown_kind_is_refused_with_the_choices(capsys):
    with pytest.raises(SystemExit) as info:
        main(["schema", "measures"])
    assert info.value.code == 2
    assert "invalid choice: 'measures'" in capsys.readouterr().err


def _json_lines(out: str) -> list[dict]:
    import json

    return [json.loads(line) for line in out.splitlines()]


def test_render_json_lists_the_written_file(tmp_path, capsys):
    out = tmp_path / "plan.docx"
    assert main(["render", str(NONGMUANG), "-o", str(out), "--json"]) == 0
    assert _json_lines(capsys.readouterr().out) == [{"event": "written", "path": str(out)}]


def test_check_json_gives_each_finding_with_its_location(tmp_path, capsys, plan_data):
    plan_data["organisation"]["name"] = "เทศบาลตำบลหนองม่วง"
    plan_data.setdefault("measures", [{}])[0]["title"] = "มาตรการของเทศบาลเมืองสงขลา"
    data = tmp_path / "plan.yaml"
    data.write_text(yaml.safe_dump(plan_data, allow_unicode=True), encoding="utf-8")
    status = main(["check", str(data), "--json"])
    lines = _json_lines(capsys.readouterr().out)
    assert status == 1 and lines
    assert all(line["event"] == "finding" and line["location"].startswith(str(data)) for line in lines)


def test_check_json_gives_an_error_as_a_line(tmp_path, capsys):
    bad = tmp_path / "bad.yaml"
    bad.write_text("title: [unclosed\n", encoding="utf-8")
    assert main(["check", str(bad), "--json"]) == 2
    [line] = _json_lines(capsys.readouterr().out)
    assert line["event"] == "error" and line["location"].startswith(str(bad))


def test_batch_json_lists_written_files_and_errors(tmp_path, capsys):
    bad = tmp_path / "bad.yaml"
    bad.write_text("title: [unclosed\n", encoding="utf-8")
    status = main(["batch", str(NONGMUANG), str(bad), "-o", str(tmp_path / "out"), "--json", "--jobs", "1"])
    lines = _json_lines(capsys.readouterr().out)
    assert status == 1
    assert [line["event"] for line in lines] == ["error", "written"]
    assert lines[0]["source"] == str(bad) and lines[1]["path"].endswith(".docx")
    assert (tmp_path / "out" / lines[1]["path"].rpartition("/")[2]).exists()


def test_convert_takes_o_and_the_old_positional_target(tmp_path, capsys):
    assert main(["convert", str(NONGMUANG), "-o", str(tmp_path / "a.json")]) == 0
    assert main(["convert", str(NONGMUANG), str(tmp_path / "b.json")]) == 0
    assert (tmp_path / "a.json").read_text(encoding="utf-8") == (tmp_path / "b.json").read_text(encoding="utf-8")
    assert main(["convert", str(NONGMUANG)]) == 2


def _subcommands(parser=None, words=()):
    parser = parser or _parser()
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield from _subcommands(sub, (*words, name))
            return
    yield words, parser


def test_every_command_that_writes_files_names_them_with_o():
    # -- check only reads; serve answers requests --
    for words, parser in _subcommands():
        options = {option for action in parser._actions for option in action.option_strings}
        if words not in (("check",), ("serve",), ("template", "check")):
            assert {"-o", "--output"} <= options, words


def test_pdf_takes_o_and_the_old_outdir():
    parser = _parser()
    assert parser.parse_args(["pdf", "a.docx", "-o", "d"]).outdir == parser.parse_args(
        ["pdf", "a.docx", "--outdir", "d"]).outdir



@pytest.mark.slow
def test_render_pdf_launches_libreoffice_before_it_renders(tmp_path, capsys, monkeypatch):
    """LibreOffice's start (about a second) overlaps reading and rendering the data."""
    import ita_docs.rendering
    from ita_docs.rendering.pdf import LibreOfficePool
    from tests import pdfcheck
    from tests.rendering.test_pdf import _needs_libreoffice

    _needs_libreoffice()
    events = []
    start, render = LibreOfficePool.start, ita_docs.rendering.render
    monkeypatch.setattr(LibreOfficePool, "start", lambda self, *a, **k: (events.append("launch"), start(self, *a, **k))[1])
    monkeypatch.setattr(ita_docs.rendering, "render", lambda *a, **k: (events.append("render"), render(*a, **k))[1])
    out = tmp_path / "plan.docx"
    assert main(["render", str(NONGMUANG), "-o", str(out), "--pdf"]) == 0
    assert events == ["launch", "render"]
    assert pdfcheck.pdf_pages(out.with_suffix(".pdf"))[1].lines[0].text == "-๒-"
