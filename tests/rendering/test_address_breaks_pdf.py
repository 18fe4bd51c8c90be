"""URLs and e-mail addresses in narrow columns break only after ``/ . - @`` on the PDF's page."""
from __future__ import annotations

import pytest

from ita_docs import load, render_bytes, to_pdf
from ita_docs.thai.digits import ADDRESS_PATTERN
from tests import pdfcheck
from tests.conftest import SAMPLES, sample_data

SAMPLE = "banmai-2567-measures"  # links and an e-mail in a 3.6 cm column


def line_breaks_inside(address: str, lines: list[str]) -> list[str]:
    """Each ``before|after`` cut of *address* between two consecutive lines."""
    cuts = []
    for upper, lower in zip(lines, lines[1:]):
        for k in range(1, len(address)):
            rest = address[k:k + len(lower)]
            if upper.endswith(address[:k]) and lower.startswith(rest) and min(k, len(rest)) >= 2:
                cuts.append(f"{address[:k]}|{address[k:]}")
    return cuts


def test_the_check_sees_a_cut():
    assert line_breaks_inside("https://www.a.go.th/ita", ["ที่ https://www.a.go.t", "h/ita"]) == [
        "https://www.a.go.t|h/ita"]


@pytest.mark.slow
def test_addresses_break_only_after_a_separator(tmp_path):
    text = (SAMPLES / f"{SAMPLE}.yaml").read_text(encoding="utf-8")
    addresses = sorted({m.group(0).rstrip(".,)") for m in ADDRESS_PATTERN.finditer(text)})
    assert len(addresses) >= 3
    docx = tmp_path / f"{SAMPLE}.docx"
    docx.write_bytes(render_bytes(load(sample_data(SAMPLE))))
    pages = pdfcheck.pdf_pages(to_pdf(docx))
    lines = [line.text for page in pages for line in page.lines]
    cuts = [cut for address in addresses for cut in line_breaks_inside(address, lines)]
    assert cuts, "no address broke over two lines: the sample no longer tests this"
    assert [cut for cut in cuts if cut.split("|")[0][-1] not in "/.-@"] == []
