"""The README's "Start from last year's Word file" workflow, run as written: its commands,
in order, on last year's plan as a Word file (nongmuang 2566, rendered), with the edit
step done the way a clerk would — a measure's title changed in the data file."""
from __future__ import annotations

import re
import shlex
import subprocess
import sys
import warnings
from pathlib import Path

import yaml

from ita_docs import ItaDocsWarning, load, render_bytes
from tests.conftest import ROOT, SAMPLES
from tests.importing.docx_text import body_lines

SECTION = "## Start from last year's Word file"


def _commands() -> list[list[str]]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text[text.index(SECTION):]
    block = re.search(r"```sh\n(.*?)```", section, re.S)
    assert block is not None, "the section shows its commands in a sh block"
    lines = [line.split("#", 1)[0].strip() for line in block.group(1).splitlines()]
    return [shlex.split(line) for line in lines if line]


def test_the_readme_shows_import_next_year_edit_render() -> None:
    commands = _commands()
    assert [c[:2] for c in commands] == [["ita-docs", "import"], ["ita-docs", "next-year"], ["ita-docs", "render"]]
    section = (ROOT / "README.md").read_text(encoding="utf-8").split(SECTION, 1)[1]
    assert "edit" in section.split("```", 2)[1]


def test_the_readme_workflow_is_true(tmp_path: Path) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ItaDocsWarning)
        (tmp_path / "plan-2566.docx").write_bytes(render_bytes(load(SAMPLES / "nongmuang-2566-measures.yaml")))
    commands = _commands()
    for command in commands:
        if command[1] == "render":
            # -- the clerk's edit, between next-year and render --
            path = tmp_path / "plan-2567.yaml"
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
            data["measures"][0]["title"] = "มาตรการที่แก้ในปีใหม่"
            path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
        result = subprocess.run([sys.executable, "-m", "ita_docs", *command[1:]], cwd=tmp_path,
                                capture_output=True, text=True, timeout=300, check=False)
        assert result.returncode == 0, (command, result.stderr[-2000:])
    imported = load(tmp_path / "plan-2566.yaml")
    assert imported.kind == "measures_plan" and imported.fiscal_year == 2566 and len(imported.measures) == 8
    moved = load(tmp_path / "plan-2567.yaml")
    assert moved.fiscal_year == 2567 and moved.measures[0].title == "มาตรการที่แก้ในปีใหม่"
    lines = body_lines((tmp_path / "plan-2567.docx").read_bytes())
    assert any("มาตรการที่แก้ในปีใหม่" in line for line in lines)
    assert any("๒๕๖๗" in line for line in lines)
