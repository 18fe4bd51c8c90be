"""Line breaks LibreOffice keeps: none on an opening bracket before Thai, none inside the document's names.

LibreOffice 7.4 maps a break found in Thai text through a table of Thai character cells
that holds nothing at "(": a break there became 0 and the Thai word after the bracket was
cut at the column's edge (ronthong: ทุจริต (ปร|ะกอบด้วย). ``join_words`` moves such a break
to a Thai character; ``tests/rendering/test_thai_breaks_pdf.py`` measures the PDFs.
"""
from __future__ import annotations

import re
import warnings

import pytest
from lxml import etree

from ita_docs import ItaDocsWarning, load, render_bytes
from ita_docs.rendering.linebreak import (
    ADDRESS_BREAK, JOINER, _icu, document_words, join_words, strip_joiners)
from ita_docs.rendering.oxml import qn
from tests.conftest import SAMPLES, sample_data

needs_icu = pytest.mark.skipif(_icu() is None, reason="no ICU library on this machine")

#: An opening bracket, quote or dash directly before a Thai letter.
OPENER_THAI = re.compile("^[([{“‘\"'«\\-–—][\u0e01-\u0e4e]")


def pieces(joined: str) -> list[str]:
    """The pieces ICU's line breaker (LibreOffice's) makes of *joined*, joiners kept."""
    icu = _icu()
    assert icu is not None
    cuts = [0, *icu.breaks(joined), len(joined)]
    return [joined[a:b] for a, b in zip(cuts, cuts[1:])]


def opener_breaks(joined: str) -> list[str]:
    """The pieces after the first that open with a bracket, quote or dash before Thai."""
    return [piece for piece in pieces(joined)[1:] if OPENER_THAI.match(piece.lstrip(JOINER))]


@needs_icu
def test_the_check_sees_a_break_on_a_bracket():
    assert opener_breaks("การทุจริต (ประกอบด้วย") == ["(ประกอบ"]


@needs_icu
@pytest.mark.parametrize(("text", "held"), [
    ("ตัวชี้วัดการป้องกันการทุจริต (ประกอบด้วย ๒ ตัวชี้วัดย่อย", "ทุจริต (ประกอบด้วย "),
    ("ปีงบประมาณ พ.ศ. ๒๕๖๖ (รอบ ๖ เดือน)", "๒๕๖๖ (รอบ "),
    ("หัวข้อ OIT (ผู้รับผิดชอบ)", "หัวข้อ OIT (ผู้รับผิดชอบ)"),  # -- held back to a Thai word --
    ("ครบ 30 ก.ย. 2567 (มีการรายงาน)", "ก.ย. 2567 (มี"),
])
def test_the_bracket_is_held_to_the_word_before(text, held):
    joined = join_words(text, limit_cm=8.0)
    assert opener_breaks(joined) == []
    assert held in [strip_joiners(piece) for piece in pieces(joined)]
    assert strip_joiners(joined) == text


@needs_icu
def test_without_thai_before_it_the_break_goes_after_the_bracket():
    text = "(Integrity and Transparency Assessment) (ตามเอกสารแนบท้าย)"
    joined = join_words(text, limit_cm=5.0)
    assert "(" + ADDRESS_BREAK + "ตาม" in joined
    assert opener_breaks(joined) == []
    assert strip_joiners(joined) == text


@needs_icu
def test_too_wide_to_hold_the_break_goes_after_the_bracket():
    text = "งบประมาณ (บาท)"
    assert opener_breaks(join_words(text, limit_cm=1.5)) == []
    assert "(" + ADDRESS_BREAK + "บาท" in join_words(text, limit_cm=1.5)
    assert ADDRESS_BREAK not in join_words(text, limit_cm=5.0)  # -- it fits: held, no new break --


@needs_icu
def test_without_a_column_nothing_moves():
    """Column widths are measured on ``join_words(text)``: no limit, no held run to widen them."""
    text = "การทุจริต (ประกอบด้วย"
    assert strip_joiners(join_words(text)) == text
    assert [strip_joiners(p) for p in opener_breaks(join_words(text))] == ["(ประกอบด้วย"]


@needs_icu
def test_a_space_typed_inside_the_documents_name_is_no_break():
    extra = frozenset({"สะเตงนอก", "ยะลา"})
    text = "การประชุมผ่านส่วนราชการต่าง ๆ เทศบาลเมืองสะ เตงนอกจัดแผนพัฒนาบุคลากร"
    joined = join_words(text, limit_cm=5.0, extra=extra)
    assert "สะ เตงนอก" in [strip_joiners(piece) for piece in pieces(joined)]
    assert strip_joiners(joined) == text
    assert "ระยะ ลา" in strip_joiners(join_words("ระยะ ลา", limit_cm=5.0))  # -- shown as typed --


@needs_icu
@pytest.mark.parametrize("stem", sorted(p.stem for p in SAMPLES.glob("*.yaml")))
def test_no_sample_breaks_on_a_bracket_before_thai(stem):
    document = load(sample_data(stem))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ItaDocsWarning)  # -- published figures may contradict --
        body = etree.fromstring(_document_xml(render_bytes(document)))
    texts = [t.text for t in body.iter(qn("w:t")) if t.text]
    assert [piece for text in texts for piece in opener_breaks(text)] == []
    assert all(JOINER + " " not in text for text in texts)
    assert document_words(document) or stem.startswith("banmai")


def _document_xml(docx: bytes) -> bytes:
    import io
    import zipfile

    with zipfile.ZipFile(io.BytesIO(docx)) as archive:
        return archive.read("word/document.xml")
