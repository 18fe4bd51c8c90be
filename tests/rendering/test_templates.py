"""The bundled templates: reproducible, and custom templates rendered safely."""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import importlib.util
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from ita_docs import TemplateError, render
from ita_docs.rendering.linebreak import strip_joiners
from tests.conftest import NONGMUANG, ROOT

TEMPLATES = ROOT / "templates"


def _build_module():
    spec = importlib.util.spec_from_file_location("build_templates", TEMPLATES / "build_templates.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("kind", ["measures_plan"])
def test_committed_template_matches_the_build_script(kind):
    build = _build_module()
    assert build.build(kind) == build.build(kind), "the build is not deterministic"
    assert (TEMPLATES / f"{kind}.docx").read_bytes() == build.build(kind), (
        "templates/ is stale: run python templates/build_templates.py"
    )


def test_committed_patched_sources_are_what_docxtpl_makes_of_the_committed_templates():
    build = _build_module()
    templates = [TEMPLATES / f"{kind}.docx" for kind in build.TEMPLATES]
    committed = json.loads((TEMPLATES / "patched_sources.json").read_text(encoding="utf-8"))
    made = json.loads(build.patched_sources_json(templates))
    # -- the parts, not the version that made them: another docxtpl 0.20.x that patches alike is fine
    #    (the file is then not used at run time, only slower) --
    assert committed["parts"] == made["parts"], "templates/patched_sources.json is stale: run python templates/build_templates.py"
    from ita_docs.rendering.compiled import tagged_parts
    from ita_docs.rendering.package import read_template
    from ita_docs.rendering.patched_sources import digest

    for path in templates:  # -- every part of every bundled template is found --
        for name, root in tagged_parts(path, read_template(path)):
            assert digest(etree.tostring(root, encoding="unicode")) in committed["parts"], (path.name, name)


def test_patched_sources_of_another_docxtpl_or_of_another_shape_are_not_used(tmp_path, monkeypatch):
    from ita_docs.rendering import patched_sources

    good = json.loads((TEMPLATES / "patched_sources.json").read_text(encoding="utf-8"))
    cases = {"another docxtpl": {**good, "docxtpl": "0.0.1"}, "a list": [], "no parts": {"docxtpl": good["docxtpl"]},
             "parts not text": {**good, "parts": {"x": 1}}, "the committed file": good}
    for case, content in cases.items():
        (tmp_path / "patched_sources.json").write_text(json.dumps(content), encoding="utf-8")
        monkeypatch.setattr(patched_sources, "data_dir", lambda folder: tmp_path)
        patched_sources.known_sources.cache_clear()
        found = patched_sources.known_sources()
        assert found == (good["parts"] if case == "the committed file" else {}), case
    patched_sources.known_sources.cache_clear()


def test_a_bundled_template_renders_without_importing_docxtpl_and_as_docxtpl_patches_it(tmp_path):
    """The bundled parts are found patched; a render that patches them with docxtpl
    (no table of patched parts) gives the same bytes."""
    code = (
        "import sys\n"
        "from ita_docs import load\n"
        "from ita_docs.rendering import render_bytes\n"
        "import ita_docs.rendering.compiled as compiled\n"
        "if sys.argv[1] == 'docxtpl':\n"
        "    compiled.known_sources = lambda: {}\n"
        f"data = render_bytes(load({str(NONGMUANG)!r}))\n"
        "open(sys.argv[2], 'wb').write(data)\n"
        "print('docxtpl' in sys.modules)\n"
    )
    runs = {how: subprocess.run([sys.executable, "-c", code, how, str(tmp_path / how)], capture_output=True,
                                text=True, check=True, cwd=ROOT).stdout.strip() for how in ("table", "docxtpl")}
    assert runs == {"table": "False", "docxtpl": "True"}
    assert (tmp_path / "table").read_bytes() == (tmp_path / "docxtpl").read_bytes()


def _template_with(tmp_path: Path, old: str, new: str, *, part: str = "word/document.xml") -> Path:
    source = TEMPLATES / "measures_plan.docx"
    target = tmp_path / "mine.docx"
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item)
            if item.filename == part:
                assert old.encode() in data
                data = data.replace(old.encode(), new.encode("utf-8"))
            zout.writestr(item, data)
    return target


def _first(text: str) -> str:
    """The opening of the body with a first paragraph reading *text* (tags in it run for every kind)."""
    return f'<w:body><w:p><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'


def test_a_header_tag_word_cut_over_runs_is_rendered(tmp_path):
    # -- both of the header's tags split: the part must still be found to hold tags --
    template = _template_with(tmp_path, '<w:t xml:space="preserve">{{ page_',
                              '<w:t xml:space="preserve">{</w:t></w:r><w:r><w:t xml:space="preserve">{ page_',
                              part="word/header1.xml")
    out = render(NONGMUANG, tmp_path / "o.docx", template=template)
    with zipfile.ZipFile(out) as package:
        header = package.read("word/header1.xml").decode("utf-8")
    assert "page_" not in header and "{" not in header
    assert '<w:t xml:space="preserve">- </w:t>' in header and '<w:t xml:space="preserve"> -</w:t>' in header


def test_custom_template_is_used(tmp_path):
    template = _template_with(tmp_path, "<w:body>", _first("จัดทำโดย {{ subtitle }}"))
    out = render(NONGMUANG, tmp_path / "o.docx", template=template)
    import docx

    texts = [strip_joiners(p.text) for p in docx.Document(str(out)).paragraphs]
    assert "จัดทำโดย เทศบาลตำบลหนองม่วง อำเภอหนองม่วง จังหวัดลพบุรี" in texts


@pytest.mark.parametrize(
    "payload",
    [
        "{{ cycler.__init__.__globals__.os.popen('id').read() }}",
        "{{ ''.__class__.__mro__[1].__subclasses__() }}",
        "{{ title.__class__.__init__.__globals__ }}",
    ],
)
def test_template_injection_is_refused(tmp_path, payload):
    template = _template_with(tmp_path, "<w:body>", _first(payload))
    with pytest.raises(TemplateError):
        render(NONGMUANG, tmp_path / "o.docx", template=template)
    assert not (tmp_path / "o.docx").exists()


@pytest.mark.parametrize(
    ("new", "message"),
    [
        ("{{ subtitle ", "ไม่ครบคู่"),
        ("{{ subtitle + }}", "ใช้ไม่ได้"),
        ("{{ subtitel }}", "subtitel"),
    ],
)
def test_broken_template_is_reported(tmp_path, new, message):
    template = _template_with(tmp_path, "<w:body>", _first(new))
    with pytest.raises(TemplateError, match=message):
        render(NONGMUANG, tmp_path / "o.docx", template=template)


def test_not_a_docx_template(tmp_path):
    fake = tmp_path / "fake.docx"
    fake.write_text("not a zip")
    with pytest.raises(TemplateError, match="ไม่ใช่ไฟล์ Word"):
        render(NONGMUANG, tmp_path / "o.docx", template=fake)
    with pytest.raises(TemplateError, match="ไม่พบไฟล์แม่แบบ"):
        render(NONGMUANG, tmp_path / "o.docx", template=tmp_path / "none.docx")


@pytest.mark.parametrize(("make", "message"), [
    (lambda p: os.mkfifo(p), "ไม่ใช่ไฟล์ธรรมดา (เป็นอุปกรณ์หรือช่องทางพิเศษของระบบ) อ่านเป็นไฟล์แม่แบบไม่ได้"),
    (lambda p: p.mkdir(), "เป็นโฟลเดอร์ ไม่ใช่ไฟล์แม่แบบ"),
    (lambda p: None, "ไม่พบไฟล์แม่แบบ"),
])
def test_a_template_that_is_no_regular_file_says_what_it_is(tmp_path, capsys, make, message):
    from ita_docs.cli import main
    from ita_docs.rendering.template_check import check_template

    template = tmp_path / "mine.docx"
    make(template)
    with pytest.raises(TemplateError) as raised:
        render(NONGMUANG, tmp_path / "o.docx", template=template)
    assert raised.value.message == message and raised.value.location.file.endswith("mine.docx")
    with pytest.raises(TemplateError, match=re.escape(message)):
        check_template(template, "measures_plan")
    assert main(["template", "check", str(template), "--kind", "measures_plan"]) == 2
    assert capsys.readouterr().err == f"Error: {message} ({template})\n"
