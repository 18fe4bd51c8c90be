"""Checking custom templates, and refusing dangerous ones."""
from __future__ import annotations

import shutil
import subprocess
import zipfile

import pytest

from ita_docs import TemplateError, render
from ita_docs.cli import main
from ita_docs.rendering.linebreak import strip_joiners
from ita_docs.rendering.template_check import check_template
from tests.conftest import NONGMUANG, ROOT
from tests.rendering.test_templates import _first, _template_with

BUNDLED = ROOT / "templates" / "measures_plan.docx"


def test_the_bundled_templates_check_clean():
    for kind in ("measures_plan", "progress_report", "annual_report", "combined"):
        assert check_template(ROOT / "templates" / f"{kind}.docx", kind) == []


@pytest.mark.parametrize(
    ("old", "new", "level", "words"),
    [
        ("{{ block.title }}", "{{ block.title + }}", "error", "ผิดไวยากรณ์"),
        ("{{ block.title }}", "{{ block.title ", "error", "ไม่ครบคู่"),
        ("{{ block.title }}", "{{ mayor }}", "warning", "'mayor'"),
        ("for block in blocks", "for block in []", "warning", "ไม่ได้ใช้ตัวแปร 'blocks'"),
    ],
)
def test_problems_are_found_and_located(tmp_path, old, new, level, words):
    findings = check_template(_template_with(tmp_path, old, new), "measures_plan")
    assert any(f.kind == level and words in f.message for f in findings), findings
    if level == "error":
        assert all(f.location.path for f in findings)


def test_a_variable_in_the_document_properties_is_checked(tmp_path):
    import docx

    template = docx.Document(str(BUNDLED))
    template.core_properties.title = "{{ mayor }}"
    template.save(str(tmp_path / "mine.docx"))
    findings = check_template(tmp_path / "mine.docx", "measures_plan")
    assert any(f.kind == "warning" and "'mayor'" in f.message for f in findings), findings


def test_a_tag_split_over_runs_is_noted(tmp_path):
    split = '{{ block.ti</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">tle }}'
    findings = check_template(_template_with(tmp_path, "{{ block.title }}", split), "measures_plan")
    assert [f.kind for f in findings] == ["note"]
    assert "หลายช่วง" in findings[0].message
    out = render(NONGMUANG, tmp_path / "o.docx", template=_template_with(tmp_path, "{{ block.title }}", split))
    assert out.exists()


def test_cli_template_commands(tmp_path, capsys):
    mine = tmp_path / "mine.docx"
    assert main(["template", "export", "progress_report", "-o", str(mine)]) == 0
    assert mine.read_bytes() == (ROOT / "templates" / "progress_report.docx").read_bytes()
    assert main(["template", "check", str(mine), "--kind", "progress_report"]) == 0
    assert main(["template", "check", str(mine)]) == 2          # the file name names no kind
    broken = _template_with(tmp_path, "{{ block.title }}", "{{ block.title + }}")
    assert main(["template", "check", str(broken), "--kind", "measures_plan"]) == 2


def _package_with(tmp_path, name, data, *, compress=zipfile.ZIP_DEFLATED):
    target = tmp_path / "evil.docx"
    with zipfile.ZipFile(BUNDLED) as zin, zipfile.ZipFile(target, "w", compress) as zout:
        for item in zin.infolist():
            zout.writestr(item, zin.read(item))
        zout.writestr(name, data)
    return target


def test_a_zip_bomb_is_refused(tmp_path):
    bomb = _package_with(tmp_path, "word/media/bomb.bin", b"\0" * (150 * 1024 * 1024))
    assert bomb.stat().st_size < 1024 * 1024
    with pytest.raises(TemplateError, match="zip bomb"):
        render(NONGMUANG, tmp_path / "o.docx", template=bomb)


def test_entity_declarations_are_refused(tmp_path):
    laughs = (b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]>'
              b"<root>&lol2;</root>")
    evil = _package_with(tmp_path, "customXml/item1.xml", laughs)
    with pytest.raises(TemplateError, match="DOCTYPE"):
        render(NONGMUANG, tmp_path / "o.docx", template=evil)


def test_too_many_parts_are_refused(tmp_path):
    target = tmp_path / "many.docx"
    with zipfile.ZipFile(BUNDLED) as zin, zipfile.ZipFile(target, "w") as zout:
        for item in zin.infolist():
            zout.writestr(item, zin.read(item))
        for n in range(600):
            zout.writestr(f"word/media/p{n}.bin", b"x")
    with pytest.raises(TemplateError, match="ส่วนประกอบมากเกินไป"):
        render(NONGMUANG, tmp_path / "o.docx", template=target)


@pytest.mark.slow
def test_a_template_resaved_by_libreoffice_with_a_new_heading_renders(tmp_path):
    soffice = shutil.which("soffice")
    if soffice is None:
        pytest.skip("needs LibreOffice")
    edited = _template_with(tmp_path, "<w:body>", _first("ตารางคะแนนรายตัวชี้วัด"))
    subprocess.run([soffice, f"-env:UserInstallation=file://{tmp_path}/profile", "--headless", "--convert-to",
                    "docx:MS Word 2007 XML", "--outdir", str(tmp_path / "saved"), str(edited)],
                   check=True, capture_output=True, timeout=180)
    resaved = tmp_path / "saved" / edited.name
    assert resaved.read_bytes() != edited.read_bytes()
    import docx

    out = render(NONGMUANG, tmp_path / "o.docx", template=resaved)
    texts = [p.text for p in docx.Document(str(out)).paragraphs]
    assert "ตารางคะแนนรายตัวชี้วัด" in texts
    assert "คะแนนสูงสุด ๑๐๐.๐๐ คะแนน" in texts


PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360f8cfc0000003010100c9fe92ef0000000049454e44ae426082")


def test_a_logo_added_to_the_template_appears_in_every_document(tmp_path):
    import docx
    from docx.shared import Cm

    image = tmp_path / "logo.png"
    image.write_bytes(PNG)
    template = docx.Document(str(BUNDLED))
    template.paragraphs[0].insert_paragraph_before().add_run().add_picture(str(image), width=Cm(2))
    mine = tmp_path / "mine.docx"
    template.save(str(mine))
    out = render(NONGMUANG, tmp_path / "o.docx", template=mine)
    with zipfile.ZipFile(out) as package:
        assert any(name.startswith("word/media/") for name in package.namelist())
    assert strip_joiners(docx.Document(str(out)).paragraphs[1].text).startswith("มาตรการส่งเสริมคุณธรรม")
