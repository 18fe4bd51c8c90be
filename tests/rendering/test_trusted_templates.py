"""The bundled templates render outside the sandbox (``compiled_template`` trusts them, and
only them): the same bytes as in the sandbox, for every sample and every part."""
from __future__ import annotations

import shutil
import warnings
from pathlib import Path

import pytest

from ita_docs.errors import ItaDocsWarning
from ita_docs.io import load
from ita_docs.rendering import render_bytes
from ita_docs.rendering.compiled import CompiledTemplate, compiled_template
from ita_docs.rendering.document import finish_package
from ita_docs.rendering.templates import bundled_template
from ita_docs.rendering.views import build_view

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = sorted((ROOT / "samples").glob("*.yaml"))


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.stem)
def test_sandboxed_and_trusted_give_the_same_bytes(sample: Path) -> None:
    document = load(sample)
    path = bundled_template(document.kind)
    outputs = []
    for trusted in (False, True):
        compiled = CompiledTemplate(path, trusted=trusted)
        view, specs = build_view(document)
        package = compiled.render(view)
        finish_package(package, document, compiled, view, specs)
        outputs.append(package.to_bytes())
    assert outputs[0] == outputs[1]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ItaDocsWarning)  # -- ronthong's figures typed as published --
        assert outputs[1] == render_bytes(document)  # -- what render uses: the trusted one --


def test_only_the_bundled_templates_are_trusted(tmp_path: Path) -> None:
    bundled = bundled_template("measures_plan")
    copy = tmp_path / "measures_plan.docx"
    shutil.copy(bundled, copy)
    assert compiled_template(bundled).trusted
    assert not compiled_template(copy).trusted
    (tmp_path / "templates").mkdir()
    shutil.copy(bundled, tmp_path / "templates" / "measures_plan.docx")
    assert not compiled_template(tmp_path / "templates" / "measures_plan.docx").trusted
