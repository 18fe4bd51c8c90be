"""The README's examples run as written (a renamed function must not leave them stale)."""
from __future__ import annotations

import re
import shutil

import pytest

from tests.conftest import ROOT


def _block(heading: str, language: str) -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split(f"\n## {heading}\n", 1)[1].split("\n## ", 1)[0]
    match = re.search(rf"```{language}\n(.*?)```", section, re.S)
    assert match, f"no {language} block under '{heading}'"
    return match.group(1)


@pytest.mark.slow
def test_the_python_api_example_runs(tmp_path, monkeypatch):
    if not shutil.which("soffice"):
        pytest.skip("the example converts to PDF: needs LibreOffice")
    shutil.copytree(ROOT / "samples", tmp_path / "samples")
    (tmp_path / "data").mkdir()
    shutil.copy(ROOT / "samples" / "krut-2566-progress.yaml", tmp_path / "data")
    monkeypatch.chdir(tmp_path)
    namespace: dict = {}
    exec(compile(_block("Python API", "python"), "README.md", "exec"), namespace)
    assert (tmp_path / "plan.docx").is_file() and (tmp_path / "plan.pdf").is_file()
    assert namespace["data"][:2] == b"PK"
    assert [r.error for r in namespace["results"]] == [None] and namespace["results"][0].pdf.is_file()


def test_the_command_line_section_names_every_command():
    from ita_docs.cli import _parser

    block = _block("Command line", "sh")
    commands = _parser()._subparsers._group_actions[0].choices  # -- argparse's own list --
    missing = [name for name in commands if f"ita-docs {name}" not in block and f"| {name}" not in block]
    assert not missing, f"README's command-line block leaves out {missing}"
