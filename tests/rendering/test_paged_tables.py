"""Long tables cut for the PDF: the cuts (element trees), and a real 300-measure plan in LibreOffice."""
from __future__ import annotations

import io
import zipfile

import pytest
from lxml import etree

from ita_docs import load, render_bytes, to_pdf
from ita_docs.rendering import paged_tables
from ita_docs.rendering.oxml import qn
from tests import pdfcheck
from tests.conftest import sample_data


def plan(measures: int) -> bytes:
    data = sample_data("nongmuang-2566-measures")
    base = data["measures"]
    data["measures"] = [dict(base[i % len(base)], number=i + 1, title=f"{base[i % len(base)]['title']} ({i + 1})")
                        for i in range(measures)]
    return render_bytes(load(data))


def body(docx: bytes) -> etree._Element:
    with zipfile.ZipFile(io.BytesIO(docx)) as zf:
        return etree.fromstring(zf.read("word/document.xml")).find(qn("w:body"))


def tables(docx: bytes) -> list[etree._Element]:
    return body(docx).findall(qn("w:tbl"))


def body_rows(tbl: etree._Element) -> int:
    return sum(1 for tr in tbl.findall(qn("w:tr")) if tr.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is None)


@pytest.fixture(scope="module")
def long_plan() -> bytes:
    return plan(paged_tables.LONG_TABLE_ROWS + 45)


def test_only_a_table_over_the_limit_is_long(long_plan):
    assert paged_tables.long_table_count(long_plan) == 1
    assert paged_tables.long_table_count(plan(10)) == 0


def test_the_measuring_copy_cuts_the_long_table_into_short_ones_with_their_header(long_plan):
    before, after = tables(long_plan), tables(paged_tables.measure_copy(long_plan))
    rows = paged_tables.LONG_TABLE_ROWS + 45
    assert len(after) == len(before) - 1 + -(-rows // paged_tables.MEASURE_ROWS)
    cut = after[len(before) - 1:]
    assert [body_rows(t) for t in cut] == [min(paged_tables.MEASURE_ROWS, rows - i)
                                          for i in range(0, rows, paged_tables.MEASURE_ROWS)]
    assert all(t.find(qn("w:tr")).find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None for t in cut)
    # -- never two tables side by side: Word and LibreOffice would draw them as one --
    kids = list(body(paged_tables.measure_copy(long_plan)))
    assert not [a for a, b in zip(kids, kids[1:]) if a.tag == b.tag == qn("w:tbl")]


def test_the_final_copy_starts_each_part_on_a_new_page(long_plan):
    final = paged_tables.final_copy(long_plan, [[0, 3, 9]])
    cut = tables(final)[-3:]
    assert [body_rows(t) for t in cut] == [3, 6, paged_tables.LONG_TABLE_ROWS + 45 - 9]
    for tbl in cut[1:]:
        gap = tbl.getprevious()
        assert gap.find(f".//{qn('w:br')}").get(qn("w:type")) == "page"
    assert all(tr.find(f"{qn('w:trPr')}/{qn('w:cantSplit')}") is not None
               for t in cut for tr in t.findall(qn("w:tr")))


def _is_header(row: str) -> bool:
    return row.startswith("มาตรการ/") and "ติดตามผล" in row


@pytest.mark.slow
def test_a_300_measure_plan_has_its_header_at_the_top_of_every_page_and_nowhere_else(tmp_path, monkeypatch):
    from tests.rendering.test_pdf import _needs_libreoffice

    _needs_libreoffice()
    monkeypatch.setattr(paged_tables, "LONG_TABLE_ROWS", 150)  # -- the cut, at a size the test can afford --
    docx = tmp_path / "plan300.docx"
    docx.write_bytes(plan(300))
    assert len(tables(docx.read_bytes())) == 3  # -- the Word document keeps one measures table --
    pages = pdfcheck.pdf_pages(to_pdf(docx))
    where = [[k for k, row in enumerate(pdfcheck.rows(page)) if _is_header(row)] for page in pages]
    spanned = [i for i, found in enumerate(where) if found]
    first, last = spanned[0], spanned[-1]
    assert last - first > 100
    assert len(where[first]) == 1
    # -- row 0 is the page number "- ๒ -" --
    assert {i: where[i] for i in range(first + 1, last + 1) if where[i] != [1]} == {}
    text = "".join(page.text() for page in pages)
    assert "(300)" in text.replace("๓๐๐", "300") or "(๓๐๐)" in text
