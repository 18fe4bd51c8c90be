"""The bad-input corpus (tests/bad_inputs/): a correct document or a located Thai error, never a traceback."""
from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
import yaml
from lxml import etree

from ita_docs.cli import main
from ita_docs.rendering.linebreak import strip_joiners

CORPUS = Path(__file__).resolve().parent / "bad_inputs"
CASES = yaml.safe_load((CORPUS / "cases.yaml").read_text(encoding="utf-8"))


def test_the_corpus_is_large_enough():
    assert len(CASES) >= 50
    assert {Path(c["file"]).suffix for c in CASES} == {".yaml", ".json", ".xlsx"}


def _valid_docx(path: Path) -> str:
    import docx

    with zipfile.ZipFile(path) as package:
        for name in package.namelist():
            if name.endswith(".xml"):
                etree.fromstring(package.read(name))  # -- every part is well-formed XML --
    document = docx.Document(str(path))
    texts = [p.text for p in document.paragraphs]
    texts += [c.text for t in document.tables for r in t.rows for c in r.cells]
    return strip_joiners("\n".join(texts))


@pytest.mark.parametrize("case", CASES, ids=[c["file"] for c in CASES])
def test_case(case, tmp_path, capsys):
    source = CORPUS / case["file"]
    out = tmp_path / "out.docx"
    status = main(["render", str(source), "-o", str(out)])
    err = capsys.readouterr().err
    assert "Traceback" not in err
    if "error" in case:
        expected = case["error"]
        assert status == 2, err
        assert not out.exists()
        lines = err.strip().splitlines()
        assert lines and all(line.startswith("Error: ") for line in lines), err
        assert all(str(source) in line for line in lines), "every message names the file"
        assert any(expected["message"] in line and (expected["where"] or "") in line for line in lines), err
    else:
        assert status in (0, 1), err
        text = _valid_docx(out)
        for snippet in case["ok"]["text"]:
            assert snippet in text


@pytest.mark.parametrize("name", ["case-billion-laughs.yaml", "case-xlsx-truncated.xlsx", "case-non-utf8.yaml"])
def test_no_traceback_from_the_real_command(name, tmp_path):
    result = subprocess.run([sys.executable, "-m", "ita_docs", "render", str(CORPUS / name), "-o",
                             str(tmp_path / "x.docx")], capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    assert result.stderr.startswith("Error: ") and "Traceback" not in result.stderr
