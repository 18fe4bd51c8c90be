"""The digit form a PDF is converted with comes from the caller that rendered the document; only a
.docx given by path alone has it read back from the file. The LibreOffice profile is written with
its namespace declared in the file, not registered process-wide."""
from __future__ import annotations

import copy
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
import yaml

from ita_docs.cli import main
from ita_docs.errors import ItaDocsError
from ita_docs.rendering import pdf as pdfmod
from tests.conftest import NONGMUANG

OOR = "http://openoffice.org/2001/registry"


def _no_reading_back(monkeypatch):
    def read(docx):
        raise AssertionError(f"digits read back from {docx}")
    monkeypatch.setattr(pdfmod, "document_digits", read)


def test_the_profile_leaves_the_namespace_registry_alone(tmp_path):
    before = dict(ET._namespace_map)
    pdfmod._write_profile(tmp_path, "thai")
    assert ET._namespace_map == before
    text = (tmp_path / "user" / "registrymodifications.xcu").read_text(encoding="utf-8")
    assert f'xmlns:oor="{OOR}"' in text and 'oor:name="CTLTextNumerals"' in text and "ns0" not in text


def test_the_profile_setting_joins_those_libreoffice_wrote(tmp_path):
    xcu = tmp_path / "user" / "registrymodifications.xcu"
    xcu.parent.mkdir(parents=True)
    xcu.write_text(f'<?xml version="1.0" encoding="UTF-8"?><oor:items xmlns:oor="{OOR}">'
                   '<item oor:path="/x"><prop oor:name="A" oor:op="fuse"><value>1</value></prop></item></oor:items>',
                   encoding="utf-8")
    pdfmod._write_profile(tmp_path, "arabic")
    props = [(p.get(f"{{{OOR}}}name"), p.findtext("value")) for p in ET.parse(xcu).getroot().iter("prop")]
    assert props == [("A", "1"), ("CTLTextNumerals", "0")]


def test_given_digits_are_used_and_the_file_still_passes_the_zip_guard(tmp_path, monkeypatch, nongmuang_docx):
    _no_reading_back(monkeypatch)
    assert pdfmod._digits_of(nongmuang_docx, "arabic") == "arabic"
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"not a zip")
    with pytest.raises(ItaDocsError):
        pdfmod._digits_of(broken, "thai")


def test_a_docx_given_alone_has_its_digits_read(nongmuang_docx):
    assert pdfmod._digits_of(nongmuang_docx, None) == "thai"


class _Stream:
    """Stands in for PdfStream: records what the batch hands in."""

    def __init__(self, *args, **kwargs):
        self.added: list[tuple[Path, str | None]] = []
        _Stream.last = self

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def expect(self, documents):
        pass

    def add(self, docx, digits=None):
        self.added.append((docx, digits))

    def results(self):
        return [docx.with_suffix(".pdf") for docx, _ in self.added]

    def close(self):
        pass


def test_a_batch_hands_each_document_s_digits_to_its_pdf(tmp_path, monkeypatch, nongmuang_data):
    from ita_docs.batch import render_many

    monkeypatch.setattr(pdfmod, "PdfStream", _Stream)
    arabic = copy.deepcopy(nongmuang_data)
    arabic["digits"], arabic["organisation"]["name"] = "arabic", "เทศบาลตำบลอื่น"
    source = tmp_path / "two.yaml"
    source.write_text(yaml.safe_dump([nongmuang_data, arabic], allow_unicode=True), encoding="utf-8")
    results = render_many([source], tmp_path / "out", pdf=True)
    assert [r.error for r in results] == [None, None]
    assert [digits for _, digits in _Stream.last.added] == ["thai", "arabic"]


def test_render_pdf_passes_the_document_s_digits(tmp_path, monkeypatch, plan_data):
    seen = []

    def to_pdf(docx, out, *, overwrite=False, pdf_a=False, pool=None, digits=None):
        seen.append(digits)
        return Path(out)

    monkeypatch.setattr(pdfmod, "to_pdf", to_pdf)
    plan_data["digits"] = "arabic"
    data = tmp_path / "plan.yaml"
    data.write_text(yaml.safe_dump(plan_data, allow_unicode=True), encoding="utf-8")
    assert main(["render", str(data), "-o", str(tmp_path / "plan.docx"), "--pdf"]) == 0
    assert main(["render", str(NONGMUANG), "-o", str(tmp_path / "n.docx"), "--pdf"]) == 0
    assert seen == ["arabic", "thai"]


def test_the_web_pool_converts_each_digit_form_with_its_own(tmp_path, monkeypatch):
    from ita_docs.web.pdfpool import PdfPool

    calls = []

    def convert_to_pdf(files, out_dir=None, *, overwrite=False, pdf_a=False, pool=None, digits=None):
        calls.append(([Path(f).name for f in files], digits))
        return [Path(f).with_suffix(".pdf") for f in files]

    monkeypatch.setattr(pdfmod, "convert_to_pdf", convert_to_pdf)
    pool = PdfPool(1, wait_seconds=5, gather_seconds=0)
    try:
        assert pool.convert(tmp_path / "a.docx", "arabic") == tmp_path / "a.pdf"
        pool.convert(tmp_path / "b.docx")
    finally:
        pool.close()
    assert calls == [(["a.docx"], "arabic"), (["b.docx"], None)]
