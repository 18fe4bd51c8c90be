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


#: What the wheel may hold, besides ita_docs/**/*.py and its metadata: the package's data files,
#: the built templates and fonts, and the fonts' licence. No font sources, no build scripts.
ALLOWED = (
    r"ita_docs/(.+/)?[^/]+\.py",
    r"ita_docs/py\.typed",
    r"ita_docs/(framework|presets|starters)/[^/]+\.yaml",
    r"ita_docs/io/labels\.yaml",
    r"ita_docs/importing/vocabulary\.yaml",
    r"ita_docs/web/kinds\.yaml",
    r"ita_docs/web/static/app\.(css|js)",
    r"ita_docs/web/templates/[a-z]+\.html",
    r"ita_docs/rendering/libreoffice/Module1\.xba",
    r"ita_docs/templates/[a-z_]+\.docx",
    r"ita_docs/templates/patched_sources\.json",
    r"ita_docs/fonts/RatchakanText-(Regular|Bold|Italic|BoldItalic)\.ttf",
    r"ita_docs/fonts/OFL\.txt",
    r"ita_docs/fonts/advances\.json",
    r"ita_docs-[^/]+\.dist-info/(METADATA|WHEEL|RECORD|entry_points\.txt)",
    r"ita_docs-[^/]+\.dist-info/licenses/fonts/source/OFL\.txt",
)


def test_the_wheel_holds_only_what_runs_and_declares_the_font_licence(tmp_path):
    import re
    import zipfile

    dist = tmp_path / "dist"
    _run(sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", dist, ROOT)
    wheel = zipfile.ZipFile(next(dist.glob("ita_docs-*.whl")))
    names = wheel.namelist()
    stray = [n for n in names if not any(re.fullmatch(pattern, n) for pattern in ALLOWED)]
    assert not stray, stray
    assert not [n for n in names if "build_" in n or "/source/" in n.replace(".dist-info/licenses/fonts/source/", "")]
    for needed in ("ita_docs/templates/measures_plan.docx", "ita_docs/templates/patched_sources.json",
                   "ita_docs/fonts/RatchakanText-Regular.ttf", "ita_docs/fonts/OFL.txt"):
        assert needed in names
    metadata = wheel.read(next(n for n in names if n.endswith(".dist-info/METADATA"))).decode("utf-8")
    assert "License-File: fonts/source/OFL.txt" in metadata
