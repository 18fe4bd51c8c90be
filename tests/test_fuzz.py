"""Nothing lost, fuzzed: arbitrary Unicode in every text field arrives in its place.

Runs with a fixed seed and a bounded number of examples; for a longer run::

    ITA_FUZZ_EXAMPLES=2000 .venv/bin/python -m pytest tests/test_fuzz.py -p no:cacheprovider
"""
from __future__ import annotations

import copy
import io
import os
import shutil

import docx
import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from ita_docs import load
from ita_docs.rendering import render_bytes
from ita_docs.thai import clean_text, convert_digits
from tests.conftest import NONGMUANG, sample_data

EXAMPLES = int(os.environ.get("ITA_FUZZ_EXAMPLES", "25"))
# -- no shrinking in the bounded run: a failure is reported as found, quickly --
FUZZ = settings(max_examples=EXAMPLES, deadline=None, derandomize=True,
                phases=(Phase.explicit, Phase.reuse, Phase.generate) if EXAMPLES <= 100 else tuple(Phase),
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

# -- any character but surrogates; "${" is kept out: it starts a placeholder by design --
text = st.one_of(
    st.text(st.characters(exclude_categories=("Cs",)), min_size=1, max_size=60),
    st.text(st.characters(exclude_categories=("Cs",)), min_size=200, max_size=1500),
).filter(lambda s: "${" not in s and clean_text(s).strip())
paragraphs = st.lists(text, min_size=1, max_size=3)

PLAN = sample_data(NONGMUANG.stem)
PROGRESS = sample_data("krut-2566-progress")


def _expected_paragraphs(items: list[str], digits: str = "thai") -> str:
    """What a list of paragraphs becomes: a paragraph each, cleaned; a newline inside an
    item is a line break, which python-docx reads back as a newline too."""
    return "\n".join(convert_digits(clean_text(item), digits) for item in items)


def _tables(data: bytes):
    document = docx.Document(io.BytesIO(data))
    from ita_docs.rendering.linebreak import strip_joiners

    return document, [[[strip_joiners(c.text) for c in r.cells] for r in t.rows] for t in document.tables]


@FUZZ
@given(title=text, method=paragraphs, responsible=st.lists(text, min_size=1, max_size=2), followup=paragraphs,
       place=text)
def test_measures_plan_fields_arrive_in_their_cells(title, method, responsible, followup, place):
    data = copy.deepcopy(PLAN)
    measure = data["measures"][0]
    measure.update(title=title, method=method, responsible=responsible, followup=followup)
    data["meeting"]["place"] = place
    document, tables = _tables(render_bytes(load(data)))
    row = tables[2][1]
    assert row[0] == convert_digits(f"1 {clean_text(title)}", "thai")
    assert row[1] == _expected_paragraphs(method)
    assert row[4] == _expected_paragraphs(followup)
    units = [clean_text(u) for u in responsible]
    shown = [f"-{u}" for u in units] if len(units) > 1 else units
    assert row[2] == convert_digits("\n".join(shown), "thai")
    body = "\n".join(p.text for p in document.paragraphs)
    assert convert_digits(clean_text(place), "thai") in body


@FUZZ
@given(result=paragraphs, suggestion=paragraphs, title=text)
def test_progress_report_results_arrive_in_their_cells(result, suggestion, title):
    data = copy.deepcopy(PROGRESS)
    measure = data["tables"][1]["measures"][0]
    measure.update(title=title, result=result, suggestion=suggestion)
    _, tables = _tables(render_bytes(load(data)))
    row = tables[1][1]
    assert row[0] == convert_digits(f"2. {clean_text(title)}", "thai")
    assert row[4] == _expected_paragraphs(result)
    assert row[5] == _expected_paragraphs(suggestion)


addresses = st.builds(
    lambda host, number, user: [f"https://www.{host}.go.th/doc.php?id={number}", f"{user}{number}@{host}.go.th"],
    st.text("abcdefghijklmnopqrstuvwxyz", min_size=2, max_size=10),
    st.integers(min_value=0, max_value=10**9),
    st.text("abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=8),
)


@FUZZ
@given(address=addresses, before=text, after=text)
def test_digit_conversion_never_touches_addresses(address, before, after):
    url, email = address
    data = copy.deepcopy(PLAN)
    data["measures"][0]["method"] = [f"{before} {url} {after}", f"{email}"]
    _, tables = _tables(render_bytes(load(data)))
    cell = tables[2][1][1]
    assert url in cell and email in cell


@pytest.mark.slow
def test_fuzzed_documents_convert_with_libreoffice(tmp_path):
    """A few documents with hostile text, through a real LibreOffice."""
    if not shutil.which("soffice"):
        if os.environ.get("CI"):
            pytest.fail("LibreOffice must be installed in CI")
        pytest.skip("needs LibreOffice")
    from ita_docs.rendering.pdf import convert_to_pdf

    docs = []
    for index, seed_text in enumerate(["\u0000\u0007ก\u0e4d\u0e32\u200b" * 50, "😀" * 400 + "\u202e" + "ข" * 3000,
                                       "{{ x }} <w:p/> &amp; \t\u00a0" * 30]):
        data = copy.deepcopy(PLAN)
        data["measures"][0]["method"] = [seed_text]
        path = tmp_path / f"f{index}.docx"
        path.write_bytes(render_bytes(load(data)))
        docs.append(path)
    pdfs = convert_to_pdf(docs, tmp_path / "pdf")
    assert all(p.stat().st_size > 1000 for p in pdfs)
