"""Hostile custom templates: each stopped with a located error, in bounded time and memory.

Every case is the bundled measures_plan template with a first paragraph ``{{ subtitle }}`` and one tag,
rendered by the real command in a child process limited to 1 GB of address space, and
must end within 10 s with exit status 2 and one ``Error: … (template: part)`` line.
"""
from __future__ import annotations

import resource
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from ita_docs import TemplateError
from ita_docs.cli import main
from ita_docs.rendering.compiled import CompiledTemplate
from ita_docs.rendering.environment import MAX_STRING, make_environment
from tests.conftest import NONGMUANG, ROOT
from tests.rendering.test_templates import _first, _template_with

BUNDLED = ROOT / "templates" / "measures_plan.docx"
MEMORY = 1 << 30
SECONDS = 10
TOO_LONG = f"ยาวเกิน {MAX_STRING:,} ตัวอักษร"


def _limit_memory() -> None:  # -- runs in the child, before ita-docs starts --
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))


def run_command(*args: str) -> tuple[subprocess.CompletedProcess[str], float]:
    """``ita-docs ARGS`` as a user runs it, in at most 1 GB and 10 s; the result and its seconds."""
    start = time.monotonic()
    result = subprocess.run([sys.executable, "-m", "ita_docs", *args], capture_output=True, text=True,
                            timeout=SECONDS, preexec_fn=_limit_memory)
    return result, time.monotonic() - start


def _render_with(tmp_path: Path, template: Path) -> tuple[subprocess.CompletedProcess[str], float]:
    return run_command("render", str(NONGMUANG), "-o", str(tmp_path / "out.docx"), "--template", str(template))


HOSTILE = [
    ("repeat", "{{ 'a' * 10**9 }}", TOO_LONG),
    ("repeat-list", "{{ [1] * 10**9 }}", TOO_LONG),
    ("lipsum", "{{ lipsum(10**6) }}", "ใช้ตัวแปรหรือช่องข้อมูลที่ไม่มี ('lipsum' is undefined)"),
    ("range", "{{ range(10**9)|list }}", "range() ในแม่แบบยาวเกิน 100,000 รอบ"),
    ("format-width", "{{ '{:>999999999}'.format(1) }}", "ความกว้างหรือทศนิยมเกิน 100 ตัวอักษร"),
    ("nested-width", "{{ '{:{} }'.format(1, 999999999) }}", "ห้ามซ้อนช่องข้อมูลในรูปแบบ"),
    ("percent-width", "{{ '%999999999d' % 1 }}", "ความกว้างหรือทศนิยมเกิน 100 ตัวอักษร"),
    ("format-filter", "{{ '%999999999d'|format(1) }}", "ความกว้างหรือทศนิยมเกิน 100 ตัวอักษร"),
    ("center", "{{ 'a'|center(10**9) }}", "ความกว้างในแม่แบบเกิน 100 ตัวอักษร"),
    ("ljust", "{{ 'a'.ljust(10**9) }}", "ความกว้างในแม่แบบเกิน 100 ตัวอักษร"),
    ("tojson", "{{ [1]|tojson(indent=10**9) }}", "ความกว้างในแม่แบบเกิน 100 ตัวอักษร"),
    ("replace", "{{ ('x' * 200000).replace('', 'yy') }}", TOO_LONG),
    ("join", "{{ range(100000)|join('x' * 100) }}", TOO_LONG),
    ("power", "{{ 10 ** (10 ** 10) }}", "เลขยกกำลังในแม่แบบเกิน 1000"),
    ("namespace", "{% set ns = namespace(s='ab') %}{% for i in range(64) %}{% set ns.s = ns.s ~ ns.s %}"
                  "{% endfor %}", TOO_LONG),
    ("macro-growing", "{% macro f(s) %}{{ f(s ~ s) }}{% endmacro %}{{ f('ab') }}", TOO_LONG),
    ("macro-recursion", "{% macro f() %}{{ f() }}{% endmacro %}{{ f() }}", "เรียก macro ซ้อนกันลึกเกินไป"),
    ("output", "{% for i in range(100000) %}{{ 'x' * 200000 }}{% endfor %}", "ยาวเกินขนาดที่อนุญาต"),
    ("divide", "{{ 1 / 0 }}", "ZeroDivisionError"),
    ("python", "{{ ''.__class__.__mro__ }}", "เข้าถึงส่วนภายในของโปรแกรม ซึ่งไม่อนุญาต"),
]
#: Stopped by the clock (about 5 s each).
ENDLESS = [
    ("nested-loops", "{% for a in range(100000) %}{% for b in range(100000) %}{% endfor %}{% endfor %}"),
    ("macro-tree", "{% macro f(n) %}{% if n %}{{ f(n - 1) }}{{ f(n - 1) }}{% endif %}{% endmacro %}{{ f(60) }}"),
]


@pytest.mark.parametrize(("tag", "message"), [(t, m) for _, t, m in HOSTILE], ids=[c[0] for c in HOSTILE])
def test_a_hostile_template_is_stopped_and_located(tmp_path, tag, message):
    template = _template_with(tmp_path, "<w:body>", _first("{{ subtitle }}" + tag))
    result, seconds = _render_with(tmp_path, template)
    assert result.returncode == 2, result.stderr
    assert result.stderr.startswith("Error: ") and result.stderr.count("\n") == 1, result.stderr
    assert message in result.stderr
    assert result.stderr.rstrip().endswith(f"({template}: word/document.xml)")
    assert not (tmp_path / "out.docx").exists()
    assert seconds < SECONDS


@pytest.mark.slow
@pytest.mark.parametrize("tag", [t for _, t in ENDLESS], ids=[c[0] for c in ENDLESS])
def test_an_endless_template_is_stopped_by_the_clock(tmp_path, tag):
    template = _template_with(tmp_path, "<w:body>", _first("{{ subtitle }}" + tag))
    result, seconds = _render_with(tmp_path, template)
    assert result.returncode == 2, result.stderr
    assert result.stderr == f"Error: แม่แบบทำงานนานเกิน 3 วินาที (อาจวนซ้ำไม่รู้จบ) ({template}: word/document.xml)\n"
    assert seconds < SECONDS


def test_the_renderer_opens_the_budget_and_locates_what_exceeds_it(tmp_path, monkeypatch):
    # -- in-process, with the budget cut short: nothing is output, only the loops read the clock --
    from ita_docs import load
    from ita_docs.rendering import compiled
    from ita_docs.rendering.document import RENDERERS

    template = CompiledTemplate(_template_with(tmp_path, "<w:body>", _first("{{ subtitle }}" + ENDLESS[0][1])))
    document = load(NONGMUANG)
    view, _ = RENDERERS[type(document)][1](document)
    monkeypatch.setattr(compiled, "BUDGET_SECONDS", 0.2)
    monkeypatch.setattr(compiled, "BUDGET_SECONDS_PER_MB", 0.0)
    start = time.monotonic()
    with pytest.raises(TemplateError, match="ทำงานนานเกิน") as caught:
        template.render(view)
    assert time.monotonic() - start < 2
    assert caught.value.location == compiled.Location(str(template.path), "word/document.xml")


@pytest.mark.parametrize("source", [
    "{% set s = 'x' * 200000 %}{% for c in s %}{% for d in s %}{% endfor %}{% endfor %}",    # -- no call, no output --
    "{% set s = 'x ' * 100000 %}{{ s|urlize|urlize|urlize|urlize|urlize|urlize|urlize|urlize|length }}",
    "{% macro f(n) %}{% if n %}{{ f(n - 1) }}{{ f(n - 1) }}{% endif %}{% endmacro %}{{ f(60) }}",
])
def test_the_clock_is_read_in_loops_filters_and_calls(source):
    from ita_docs.rendering.environment import budget

    template = make_environment().from_string(source)
    start = time.monotonic()
    with pytest.raises(TemplateError, match="ทำงานนานเกิน 1 วินาที"), budget(1, 10 ** 9):
        template.render()
    assert time.monotonic() - start < 3


@pytest.mark.parametrize(("source", "expected"), [
    ("{{ range(3)|list }}", "[0, 1, 2]"),
    ("{% for i in range(3) %}{{ loop.index }}{% endfor %}", "123"),
    ("{{ 'ab' * 3 }}", "ababab"),
    ("{{ '%5.1f'|format(2.25) }}", "  2.2"),
    ("{{ '{:>4}'.format(7) }}", "   7"),
    ("{{ 'a-b'.replace('-', '+') }}", "a+b"),
    ("{{ ['x', 'y']|join(', ') }}", "x, y"),
    ("{% set ns = namespace(n=0) %}{% for i in range(4) %}{% set ns.n = ns.n + i %}{% endfor %}{{ ns.n }}", "6"),
    ("{{ 2 ** 10 }}", "1024"),
    ("{% for i in [1, 2, 3] %}{{ loop.index }}/{{ loop.length }} {% endfor %}", "1/3 2/3 3/3 "),
    ("{% for k, v in {'a': 1}.items() %}{{ k }}={{ v }}{% endfor %}", "a=1"),
    ("{% for i in [] %}{{ i }}{% else %}ไม่มี{% endfor %}", "ไม่มี"),
])
def test_ordinary_template_expressions_still_work(source, expected):
    assert make_environment().from_string(source).render() == expected


# -- packages that are accepted today although broken or unsafe ------------------------------


def _package(tmp_path: Path, change) -> Path:
    """The bundled template with *change(parts)* applied to its {name: bytes}."""
    with zipfile.ZipFile(BUNDLED) as zin:
        parts = {info.filename: zin.read(info) for info in zin.infolist()}
    change(parts)
    target = tmp_path / "mine.docx"
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zout:
        for name, data in parts.items():
            info = zipfile.ZipInfo("x")
            info.filename = name  # -- kept exactly, leading "/" included --
            info.compress_type = zipfile.ZIP_DEFLATED
            zout.writestr(info, data)
    return target


def _edit_xml(parts, name, edit) -> None:
    root = etree.fromstring(parts[name])
    edit(root)
    parts[name] = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


CT = "{http://schemas.openxmlformats.org/package/2006/content-types}"
REL = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"


def _macro_type(root) -> None:
    for override in root.iter(f"{CT}Override"):
        if override.get("PartName") == "/word/document.xml":
            override.set("ContentType", "application/vnd.ms-word.document.macroEnabled.main+xml")


def _docm(parts) -> None:
    _edit_xml(parts, "[Content_Types].xml", _macro_type)
    parts["word/vbaProject.bin"] = b"\xd0\xcf\x11\xe0 macros"


def _tracking_pixel(root) -> None:
    etree.SubElement(root, REL, Id="rIdPixel", TargetMode="External", Target="https://tracker.example/p.png",
                     Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image")


def _late_entity(parts) -> None:
    body = parts["word/settings.xml"].split(b"?>", 1)[1]
    parts["word/settings.xml"] = (b"<?xml version='1.0' encoding='UTF-8'?><!--" + b" " * 5000 + b"-->"
                                  b'<!DOCTYPE w:settings [<!ENTITY e "x">]>' + body)


def _dde_field(parts) -> None:
    def edit(root) -> None:
        w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
        paragraph = root.find(f"{w}body/{w}p")
        field = etree.SubElement(paragraph, f"{w}fldSimple")
        field.set(f"{w}instr", 'DDEAUTO c:\\windows\\system32\\cmd.exe "/k calc.exe"')

    _edit_xml(parts, "word/document.xml", edit)


PACKAGES = [
    ("no-content-types", lambda parts: parts.pop("[Content_Types].xml"), "[Content_Types].xml",
     "ไม่มี [Content_Types].xml"),
    ("docm", _docm, "[Content_Types].xml", "มาโคร"),
    ("late-entity", _late_entity, "word/settings.xml", "DOCTYPE/ENTITY"),
    ("tracking-pixel", lambda parts: _edit_xml(parts, "word/_rels/document.xml.rels", _tracking_pixel),
     "word/_rels/document.xml.rels", "https://tracker.example/p.png"),
    ("dde", _dde_field, "word/document.xml", "ฟิลด์ DDEAUTO"),
    ("dot-dot", lambda parts: parts.update({"../../x": b"x"}), "../../x", "ชี้ออกนอกไฟล์"),
    ("absolute", lambda parts: parts.update({"/abs/x": b"x"}), "/abs/x", "ตำแหน่งเต็ม"),
]


@pytest.mark.parametrize(("change", "part", "message"), [c[1:] for c in PACKAGES], ids=[c[0] for c in PACKAGES])
def test_a_broken_or_unsafe_package_is_refused_by_check_and_by_render(tmp_path, capsys, change, part, message):
    template = _package(tmp_path, change)
    assert main(["template", "check", str(template), "--kind", "measures_plan"]) == 2
    captured = capsys.readouterr()
    # -- a finding of the package check, or the zip guard refusing the file before it is read --
    checked = captured.out or captured.err
    assert checked.lower().startswith("error: ") and message in checked, checked
    assert checked.rstrip().endswith((f"({part})", f"'{part}')"))
    assert main(["render", str(NONGMUANG), "-o", str(tmp_path / "out.docx"), "--template", str(template)]) == 2
    rendered = capsys.readouterr().err
    assert rendered.startswith("Error: ") and message in rendered, rendered
    assert rendered.rstrip().endswith((f"({template}: {part})", f"({template}: '{part}')"))
    assert not (tmp_path / "out.docx").exists()


def test_an_external_hyperlink_in_a_template_is_kept(tmp_path):
    def link(root) -> None:
        etree.SubElement(root, REL, Id="rIdSite", TargetMode="External", Target="https://www.example.go.th/",
                         Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink")

    template = _package(tmp_path, lambda parts: _edit_xml(parts, "word/_rels/document.xml.rels", link))
    CompiledTemplate(template)  # -- no error --


@pytest.mark.parametrize(("tag", "message"), [
    ("{{ " + "(" * 3000 + "1" + ")" * 3000 + " }}", "นิพจน์ซ้อนกันลึกเกิน 100 ชั้น"),
    ("{{ " + "-" * 150 + "1 }}", "นิพจน์ซ้อนกันลึกเกิน 100 ชั้น"),
    ("{% include 'x.html' %}", "อ้างถึงแม่แบบไฟล์อื่นไม่ได้"),
    ("{% from 'x' import y %}", "อ้างถึงแม่แบบไฟล์อื่นไม่ได้"),
    ("{{ subtitle|nofilter }}", "No filter named 'nofilter'"),
], ids=["parentheses", "signs", "include", "import", "unknown-filter"])
def test_what_render_refuses_at_compile_time_check_reports(tmp_path, tag, message):
    from ita_docs.rendering.template_check import check_template

    template = _template_with(tmp_path, "<w:body>", _first("{{ subtitle }}" + tag))
    findings = check_template(template, "measures_plan")
    assert [f.kind for f in findings] == ["error"] and message in findings[0].message
    assert findings[0].location.path.startswith("word/document.xml ย่อหน้า")
    with pytest.raises(TemplateError, match=message) as caught:
        CompiledTemplate(template)
    assert caught.value.location.path == "word/document.xml"
