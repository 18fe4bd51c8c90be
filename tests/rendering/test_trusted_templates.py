"""The bundled templates render outside the sandbox (``compiled_template`` trusts them, and
only them): the same bytes as in the sandbox, for every sample and every part."""
from __future__ import annotations

import copy
import shutil
import warnings
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ita_docs.errors import ItaDocsWarning
from ita_docs.io import load
from ita_docs.rendering import render_bytes
from ita_docs.rendering.compiled import CompiledTemplate, compiled_template
from ita_docs.rendering.document import finish_package
from ita_docs.rendering.templates import bundled_template
from ita_docs.rendering.views import build_view

from tests.test_fuzz import FUZZ, PLAN, PROGRESS, paragraphs, text

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = sorted((ROOT / "samples").glob("*.yaml"))


def _both(document) -> list[bytes]:
    """*document* rendered with its bundled template compiled sandboxed, then trusted."""
    path = bundled_template(document.kind)
    outputs = []
    for trusted in (False, True):
        compiled = CompiledTemplate(path, trusted=trusted)
        view, specs = build_view(document)
        package = compiled.render(view)
        finish_package(package, document, compiled, view, specs)
        outputs.append(package.to_bytes())
    return outputs


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.stem)
def test_sandboxed_and_trusted_give_the_same_bytes(sample: Path) -> None:
    document = load(sample)
    outputs = _both(document)
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


#: Text that looks like template syntax too: data is never template code, in either environment.
jinja_like = st.sampled_from(["{{ x }}", "{% for a in b %}", "{#", "}}", "{%p if 1 %}", "__class__", "&<>"])
mixed = st.one_of(text, st.builds("".join, st.lists(st.one_of(text, jinja_like), min_size=1, max_size=4)))


@FUZZ
@given(title=mixed, method=paragraphs, place=mixed, digits=st.sampled_from(["thai", "arabic"]))
def test_fuzzed_plans_render_the_same_in_both(title, method, place, digits):
    data = copy.deepcopy(PLAN)
    data["measures"][0].update(title=title, method=method)
    data["meeting"]["place"] = place
    data["digits"] = digits
    sandboxed, trusted = _both(load(data))
    assert sandboxed == trusted


@FUZZ
@given(result=paragraphs, suggestion=st.lists(mixed, min_size=1, max_size=3), title=mixed)
def test_fuzzed_progress_reports_render_the_same_in_both(result, suggestion, title):
    data = copy.deepcopy(PROGRESS)
    data["tables"][1]["measures"][0].update(title=title, result=result, suggestion=suggestion)
    sandboxed, trusted = _both(load(data))
    assert sandboxed == trusted
