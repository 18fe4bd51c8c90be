"""PDF output: LibreOffice set-up (always), and the layout read back from real PDFs (slow)."""
from __future__ import annotations

import copy
import os
import shutil
import zipfile
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest

from ita_docs import OutputExistsError, render, to_pdf, to_thai_digits
from ita_docs.rendering import paged_tables
from ita_docs.rendering import pdf as pdfmod
from ita_docs.rendering.pdf import PdfError, convert_to_pdf, document_digits, find_soffice
from tests import pdfcheck
from tests.conftest import NONGMUANG

HAVE_TOOLS = bool(shutil.which("soffice") and shutil.which("pdftotext") and shutil.which("pdffonts"))


def _needs_libreoffice():
    if not HAVE_TOOLS:
        if os.environ.get("CI"):
            pytest.fail("LibreOffice and poppler-utils must be installed in CI (.ci/run installs them)")
        pytest.skip("needs LibreOffice and poppler-utils: sudo apt-get install libreoffice-writer-nogui poppler-utils")


# -- without LibreOffice ---------------------------------------------------------------
def test_missing_libreoffice_is_a_clear_error(monkeypatch, tmp_path):
    monkeypatch.setenv("ITA_DOCS_SOFFICE", str(tmp_path / "no-soffice"))
    with pytest.raises(PdfError, match="ติดตั้ง LibreOffice"):
        find_soffice()
    monkeypatch.delenv("ITA_DOCS_SOFFICE")
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(PdfError, match="apt-get install libreoffice-writer-nogui"):
        find_soffice()


def test_digit_form_is_read_from_the_document(tmp_path, plan_data, nongmuang_docx):
    assert document_digits(nongmuang_docx) == "thai"
    plan_data["digits"] = "arabic"
    assert document_digits(render(plan_data, tmp_path / "a.docx")) == "arabic"


@pytest.mark.parametrize(("digits", "value"), [("thai", "3"), ("arabic", "0")])
def test_private_profile_sets_digit_shapes(tmp_path, digits, value):
    pdfmod._write_profile(tmp_path, digits)
    xcu = ET.parse(tmp_path / "user" / "registrymodifications.xcu").getroot()
    prop = next(xcu.iter("prop"))
    assert prop.get("{http://openoffice.org/2001/registry}name") == "CTLTextNumerals"
    assert prop.find("value").text == value


def test_private_fontconfig_maps_th_sarabun_to_bundled_fonts(tmp_path):
    conf = ET.parse(pdfmod._write_fontconfig(tmp_path)).getroot()
    fonts_dir = Path(conf.find("dir").text)
    assert sorted(p.name for p in fonts_dir.glob("*.ttf")) == [
        "RatchakanText-Bold.ttf", "RatchakanText-BoldItalic.ttf", "RatchakanText-Italic.ttf",
        "RatchakanText-Regular.ttf"]
    mapped = {m.find("test/string").text: m.find("edit/string").text for m in conf.iter("match")}
    assert mapped["TH SarabunPSK"] == mapped["TH Sarabun New"] == "Ratchakan Text"


def test_existing_pdf_is_kept(tmp_path, nongmuang_docx):
    docx = tmp_path / "p.docx"
    shutil.copyfile(nongmuang_docx, docx)
    (tmp_path / "p.pdf").write_text("edited")
    with pytest.raises(OutputExistsError):
        convert_to_pdf([docx])
    assert (tmp_path / "p.pdf").read_text() == "edited"


# -- with LibreOffice ------------------------------------------------------------------
@pytest.fixture(scope="module")
def nongmuang_pdf(nongmuang_docx, tmp_path_factory):
    _needs_libreoffice()
    return to_pdf(nongmuang_docx, tmp_path_factory.mktemp("pdf") / "nongmuang.pdf")


@pytest.fixture(scope="module")
def pages(nongmuang_pdf):
    return pdfcheck.pdf_pages(nongmuang_pdf)


@pytest.mark.slow
def test_only_the_bundled_faces_are_embedded(nongmuang_pdf):
    fonts = pdfcheck.embedded_fonts(nongmuang_pdf)
    assert {name.split("+")[-1] for name, _ in fonts} == {"RatchakanText-Regular", "RatchakanText-Bold"}
    assert all(embedded for _, embedded in fonts)


@pytest.mark.slow
def test_pages_are_a4(pages):
    assert {(round(p.width), round(p.height)) for p in pages} == {(595, 842)}


@pytest.mark.slow
def test_page_numbers_centred_at_the_top_from_page_two(pages, nongmuang_pdf):
    text_centre = (85.05 + 595.3 - 56.7) / 2  # between the 3 cm left and 2 cm right margins
    assert not pages[0].lines[0].text.startswith("-")
    for number, page in enumerate(pages[1:], start=2):
        top = page.lines[0]
        assert top.text == f"-{to_thai_digits(str(number))}-", (number, top)  # -- the text layer says ๒ too --
        assert top.y_min < 60
        assert abs((top.x_min + top.x_max) / 2 - text_centre) < 3
    from pypdf import PdfReader

    header = PdfReader(str(nongmuang_pdf)).pages[1].extract_text().splitlines()[0]
    assert header.replace(" ", "") == "-๒-"  # drawn with the Thai digit glyph


@pytest.mark.slow
@pytest.mark.parametrize(
    # -- text without upper vowels: poppler extracts Thai marks out of order ("วิธกีาร") --
    ("header", "next_heading"),
    [("มาตรการ/", "๕."), ("คะแนนประเด็น", "๔.")],
)
def test_continued_tables_start_with_their_header(pages, header, next_heading):
    first = next(i for i, p in enumerate(pages) if any(header in r for r in pdfcheck.rows(p)))
    last = next(i for i, p in enumerate(pages) if any(r.startswith(next_heading) for r in pdfcheck.rows(p)))
    assert last > first, "the table should run over more than one page"
    if pdfcheck.rows(pages[last])[1].startswith(next_heading):
        last -= 1  # -- the table ended with the page before the next heading's --
    assert last > first, "the table should run over more than one page"
    for page in pages[first + 1:last + 1]:
        assert header in pdfcheck.rows(page)[1], pdfcheck.rows(page)[:2]


@pytest.mark.slow
def test_body_text_has_the_size_of_th_sarabunpsk_16pt(nongmuang_pdf):
    # -- TH SarabunPSK's ก is 0.397 em high (fonts/README.md): 6.35 pt at 16 pt --
    assert pdfcheck.glyph_height_pt(nongmuang_pdf, "ก") == pytest.approx(0.397 * 16, rel=0.05)


@pytest.mark.slow
def test_body_text_keeps_thai_digits(pages):
    text = "".join(p.text() for p in pages)
    assert "๙๗.๐๗" in text and "๒๕๖๖" in text


@pytest.mark.slow
def test_arabic_document_and_batch_conversion(tmp_path, plan_data, monkeypatch):
    """Two documents of each digit form convert in one call; page counts grow with rows."""
    _needs_libreoffice()
    monkeypatch.setattr(paged_tables, "LONG_TABLE_ROWS", 150)
    base = plan_data["measures"]
    sizes = (200, 400, 1000)  # -- all over the 150 rows from which the PDF copy is cut here --
    docs = []
    for n in sizes:
        data = copy.deepcopy(plan_data)
        data["measures"] = [dict(copy.deepcopy(base[i % len(base)]), number=i + 1) for i in range(n)]
        docs.append(render(data, tmp_path / f"plan{n}.docx"))
    plan_data["digits"] = "arabic"
    docs.append(render(plan_data, tmp_path / "arabic.docx"))
    pdfs = convert_to_pdf(docs, tmp_path / "pdf")
    counts = [len(pdfcheck.pdf_pages(p)) for p in pdfs[:3]]
    per_row = (counts[1] - counts[0]) / (sizes[1] - sizes[0])
    assert counts[2] - counts[0] == pytest.approx(per_row * (sizes[2] - sizes[0]), rel=0.05), counts
    arabic = pdfcheck.pdf_pages(pdfs[3])
    assert arabic[1].lines[0].text == "-2-"
    assert "97.07" in "".join(p.text() for p in arabic)
    assert not set("๐๑๒๓๔๕๖๗๘๙") & set("".join(p.text() for p in arabic))
    with zipfile.ZipFile(docs[3]) as zf:  # the .docx itself is not changed by conversion
        assert b"decimal" in zf.read("word/document.xml")


@pytest.mark.slow
def test_pdf_is_tagged_by_default(nongmuang_pdf):
    from pypdf import PdfReader

    catalog = PdfReader(str(nongmuang_pdf)).trailer["/Root"]
    assert "/StructTreeRoot" in catalog
    assert catalog["/MarkInfo"]["/Marked"]


def _pdfa_id(pdf) -> dict[str, str]:
    """The PDF/A identification (part, conformance) in the PDF's XMP metadata."""
    import re

    from pypdf import PdfReader

    xmp = PdfReader(str(pdf)).xmp_metadata
    text = xmp.stream.get_data().decode("utf-8") if xmp is not None else ""
    return dict(re.findall(r"pdfaid:(part|conformance)(?:>|=\")\s*([^<\"\s]+)", text))


@pytest.mark.slow
def test_pdf_a_declares_pdf_a_2b_and_embeds_every_font(nongmuang_docx, tmp_path):
    _needs_libreoffice()
    assert _pdfa_id(to_pdf(nongmuang_docx, tmp_path / "plain.pdf")) == {}
    archived = to_pdf(nongmuang_docx, tmp_path / "archive.pdf", pdf_a=True)
    assert _pdfa_id(archived) == {"part": "2", "conformance": "B"}
    assert all(embedded for _, embedded in pdfcheck.embedded_fonts(archived))


@pytest.mark.slow
def test_pdf_a_passes_the_own_pdf_a_2b_checks_and_plain_pdf_does_not(nongmuang_docx, tmp_path):
    from ita_docs.rendering.pdfa_check import pdf_a_2b_problems

    _needs_libreoffice()
    assert pdf_a_2b_problems(to_pdf(nongmuang_docx, tmp_path / "archive.pdf", pdf_a=True)) == []
    plain = pdf_a_2b_problems(to_pdf(nongmuang_docx, tmp_path / "plain.pdf"))
    assert any("2/B" in problem for problem in plain) and any("OutputIntent" in problem for problem in plain)


@pytest.mark.slow
def test_the_command_writes_pdf_a_when_asked(tmp_path):
    from ita_docs.cli import main

    _needs_libreoffice()
    assert main(["render", str(NONGMUANG), "-o", str(tmp_path / "plan.docx"), "--pdf-a"]) == 0
    assert _pdfa_id(tmp_path / "plan.pdf") == {"part": "2", "conformance": "B"}


@pytest.mark.slow
def test_one_worker_converts_both_digit_forms_without_starting_again(tmp_path, plan_data, nongmuang_docx):
    """A worker sets its CTLTextNumerals per file: Thai, Arabic, Thai on one worker, each
    with its own page numbers, and the pool started one worker (it started a new one for
    each change of form before)."""
    _needs_libreoffice()
    plan_data["digits"] = "arabic"
    arabic = render(plan_data, tmp_path / "arabic.docx")
    with pdfmod.LibreOfficePool(1) as pool:
        pdfs = [to_pdf(docx, tmp_path / f"{index}.pdf", pool=pool)
                for index, docx in enumerate([nongmuang_docx, arabic, nongmuang_docx])]
        assert pool.started == 1
    pages = [pdfcheck.pdf_pages(pdf) for pdf in pdfs]
    assert [p[1].lines[0].text for p in pages] == ["-๒-", "-2-", "-๒-"]
    assert not set("๐๑๒๓๔๕๖๗๘๙") & set("".join(p.text() for p in pages[1]))
