"""The command line: exit codes and exact messages, as a clerk sees them."""
from __future__ import annotations

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
