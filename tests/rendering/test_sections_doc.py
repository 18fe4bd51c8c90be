"""Every worked example of docs/sections.md renders, and changes its sample's layout."""
from __future__ import annotations

import re

import pytest
import yaml

from ita_docs.io import load
from tests.conftest import ROOT, sample_data
from tests.rendering.test_sections import _lines

DOC = ROOT / "docs" / "sections.md"
EXAMPLES = re.findall(r"```yaml\n# sample: ([^\n]+)\n(.*?)```", DOC.read_text(encoding="utf-8"), re.S)


def _data(sample: str) -> dict:
    stem, *kind = sample.split()
    data = sample_data(stem)
    if kind:  # -- one part of a combined sample, as a document of its own --
        part = next(p for p in data["parts"] if p["kind"] == kind[0])
        data = {**part, "organisation": data["organisation"], "digits": data.get("digits", "thai")}
    return data


def test_the_doc_has_an_example_of_every_kind_with_sections():
    kinds = {_data(sample).get("kind") for sample, _ in EXAMPLES}
    assert kinds == {"measures_plan", "progress_report", "analysis_report", "annual_report",
                     "committee_order", "oit_assignments"}


@pytest.mark.parametrize(("sample", "text"), EXAMPLES, ids=[s for s, _ in EXAMPLES])
def test_a_worked_example_renders(sample, text):
    data = _data(sample)
    laid_out = load({**data, **yaml.safe_load(text)})
    assert laid_out.sections is not None
    assert _lines(laid_out) and _lines(laid_out) != _lines(load(data))
