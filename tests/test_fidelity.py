"""Golden checks: the sample against its reference document, with the shared tools."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.conftest import SHARED

TOOLS = SHARED / "tools"
SEEDS = SHARED / "seeds"

pytestmark = pytest.mark.skipif(not TOOLS.is_dir(), reason="../shared/tools is not beside this checkout")


def _tool(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, *args], capture_output=True, text=True, timeout=60)


def test_nongmuang_reproduces_its_reference(nongmuang_docx):
    result = _tool(str(TOOLS / "seed_fidelity.py"), str(SEEDS / "nongmuang-2566-measures.txt"),
                   str(nongmuang_docx), "--json")
    report = json.loads(result.stdout)
    # -- the one missing piece is the markdown-escaped '\*\*\*\*\*' line of the extraction --
    assert report["text_recall"] >= 0.99, report["missing"]
    assert report["cell_recall"] == 1.0, report["missing"]
    found, total = report["headers"].split("/")
    assert found == total and int(total) >= 6
    repeating, tables = report["repeat_headers"].split("/")
    assert repeating == tables == "3"
    assert report["digits_thai_share"]["generated"] == 1.0


def test_nongmuang_passes_the_thai_lint(nongmuang_docx):
    result = _tool(str(TOOLS / "thai_docx_lint.py"), str(nongmuang_docx), "--font", "TH SarabunPSK")
    assert result.stdout.strip().splitlines()[-1] == "0 problems", result.stdout
    assert result.returncode == 0
