"""Every sample's PDF: no Thai word cut into a non-word, at most 1 % of Thai breaks inside a word.

Counted by ``../shared/tools/pdf_thai_breaks.py`` (skipped where the shared tools, pdfplumber,
PyThaiNLP or LibreOffice are absent). ``bench/thai_breaks.py`` prints the same figures.
"""
from __future__ import annotations

import importlib.util
import json
import shutil
import subprocess
import sys
import warnings

import pytest

from ita_docs import ItaDocsWarning, render
from tests.conftest import SAMPLES, SHARED

TOOL = SHARED / "tools" / "pdf_thai_breaks.py"
_TOOLS_READY = TOOL.is_file() and all(importlib.util.find_spec(m) for m in ("pdfplumber", "pythainlp"))

_STEMS = sorted(p.stem for p in SAMPLES.glob("*.yaml"))


@pytest.mark.slow
@pytest.mark.skipif(not _TOOLS_READY, reason="needs ../shared/tools/pdf_thai_breaks.py, pdfplumber and pythainlp")
@pytest.mark.skipif(shutil.which("soffice") is None, reason="needs LibreOffice (soffice)")
@pytest.mark.parametrize("stem", _STEMS)
def test_pdf_cuts_no_thai_word(tmp_path, stem):
    """split == 0 and mid_word <= 1 % of thai_breaks on the sample's PDF, as rendered (widths from content)."""
    from ita_docs.rendering.pdf import convert_to_pdf

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ItaDocsWarning)
        out = render(SAMPLES / f"{stem}.yaml", tmp_path / f"{stem}.docx")
    (pdf,) = convert_to_pdf([out])
    done = subprocess.run([sys.executable, str(TOOL), str(pdf), "--json"], capture_output=True, text=True,
                          timeout=600, check=True)
    figures = json.loads(done.stdout)
    assert figures["split"] == 0, figures["items"]
    assert figures["mid_word"] <= 0.01 * figures["thai_breaks"], figures["items"]
