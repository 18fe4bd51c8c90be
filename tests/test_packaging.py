"""A plain (non-editable) install of the wheel finds its templates and renders the sample."""
from __future__ import annotations

import subprocess
import sys

import pytest

from tests.conftest import NONGMUANG, ROOT

pytestmark = pytest.mark.slow


def _run(*args, cwd=None):
    return subprocess.run([str(a) for a in args], cwd=cwd, check=True, capture_output=True, text=True, timeout=600)


def test_wheel_renders_outside_the_source_tree(tmp_path):
    dist = tmp_path / "dist"
    _run(sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", dist, ROOT)
    wheel = next(dist.glob("ita_docs-*.whl"))
    import zipfile

    assert "ita_docs/templates/measures_plan.docx" in zipfile.ZipFile(wheel).namelist()
    venv = tmp_path / "venv"
    _run(sys.executable, "-m", "venv", venv)
    _run(venv / "bin" / "pip", "install", "-q", wheel)
    work = tmp_path / "elsewhere"
    work.mkdir()
    result = _run(venv / "bin" / "ita-docs", "render", NONGMUANG, "-o", "plan.docx", cwd=work)
    assert "plan.docx" in result.stdout
    where = _run(venv / "bin" / "python", "-c",
                 "from ita_docs.rendering.templates import bundled_template as b; print(b('measures_plan'))",
                 cwd=work).stdout
    assert str(venv) in where and "site-packages" in where
    assert (work / "plan.docx").read_bytes()[:2] == b"PK"
