"""Checks on a template: before it renders, and on request (``ita-docs template check``).

docxtpl joins text across paragraphs to find a tag's end, so an unclosed ``{{`` in one
paragraph silently swallows the paragraphs after it: every tag must open and close in
the same paragraph, and that is checked before each render. ``check_template`` adds the
rest: Jinja syntax errors with the paragraph where they are, variables the document
kind does not provide, variables of the bundled template a custom one leaves out, and
tags Word split over several runs.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from ..errors import Location, TemplateError
from .oxml import qn

__all__ = [
    "TemplateFinding",
    "check_package",
    "check_tags_balanced",
    "check_template",
    "package_findings",
    "template_variables",
]

PAIRS = (("{{", "}}"), ("{%", "%}"), ("{#", "#}"))
_TAG_START = re.compile(r"\{[{%#]")


@dataclass(frozen=True)
class TemplateFinding:
    """One thing found in a template: ``error`` stops rendering, ``warning`` and ``note`` do not."""

    level: str
    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.level}: {self.message} ({self.where})"


def _unbalanced(parts: Iterable[tuple[str, etree._Element]]) -> list[TemplateFinding]:
    found = []
    for part_name, root in parts:
        for number, p in enumerate(root.iter(qn("w:p")), start=1):
            text = "".join(t.text or "" for t in p.iter(qn("w:t")))
            for opening, closing in PAIRS:
                if text.count(opening) != text.count(closing):
                    found.append(TemplateFinding("error", f"{part_name} ย่อหน้าที่ {number}",
                                                 f"แท็ก {opening} … {closing} ไม่ครบคู่ในย่อหน้า: {text[:80]!r}"))
    return found


def check_tags_balanced(parts: Iterable[tuple[str, etree._Element]], template: str) -> None:
    """Raise :class:`TemplateError` at the first paragraph whose tags do not close in it."""
    for finding in _unbalanced(parts):
        raise TemplateError(finding.message, location=Location(template, finding.where))


CONTENT_TYPES = "[Content_Types].xml"
#: The content type of a Word document's body; a .docm, .dotx or .dotm has another.
DOCUMENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
#: Relationships that may point outside the package: a link the reader clicks. An external
#: image, frame, attached template or OLE object is fetched when the document is opened.
EXTERNAL_ALLOWED = ("http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink",)
#: Field codes that fetch or run something when the field is updated (a TOC document asks
#: Word to update every field on opening): DDEAUTO starts programs.
FETCHING_FIELDS = ("INCLUDEPICTURE", "INCLUDETEXT", "LINK", "DDE", "DDEAUTO", "IMPORT")
_CT = "{http://schemas.openxmlformats.org/package/2006/content-types}"
_RELATIONSHIP = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)


def _unsafe_name(name: str) -> bool:
    r"""Whether a zip entry name could leave a folder it is unpacked in, or is not a part name.

    >>> [_unsafe_name(n) for n in ("word/document.xml", "../../x", "/abs/x", "word\\x", "C:x")]
    [False, True, True, True, True]
    """
    pieces = name.split("/")
    return name.startswith("/") or "\\" in name or ":" in name or any(p in ("..", ".") for p in pieces)


def _document_type(types: etree._Element) -> str | None:
    for override in types.iter(f"{_CT}Override"):
        if override.get("PartName", "").lower() == "/word/document.xml":
            return override.get("ContentType")
    for default in types.iter(f"{_CT}Default"):
        if default.get("Extension", "").lower() == "xml":
            return default.get("ContentType")
    return None


def package_findings(template: str, parts: dict[str, bytes]) -> list[TemplateFinding]:
    """What makes a template package unsafe to pass on, or a document nobody can open: entry
    names outside the package, a missing ``[Content_Types].xml``, another content type than
    a Word document's (a .docm with macros), a DTD or entity declaration in any XML part,
    a relationship that fetches something from outside (a tracking pixel)."""
    found = []

    def error(where: str, message: str) -> None:
        found.append(TemplateFinding("error", where, message))

    for name in parts:
        if _unsafe_name(name):
            error(name, f"แม่แบบมีส่วนประกอบชื่อ {name!r} ซึ่งชี้ออกนอกไฟล์ จึงไม่ใช้")
    trees = {}
    for name, data in parts.items():
        if not name.lower().endswith((".xml", ".rels")):
            continue
        try:
            tree = etree.fromstring(data, _PARSER).getroottree()
        except etree.XMLSyntaxError as exc:
            error(name, f"แม่แบบมี XML เสีย: {exc}")
            continue
        if tree.docinfo.doctype or tree.docinfo.internalDTD is not None:
            error(name, "แม่แบบมีการประกาศ DOCTYPE/ENTITY ซึ่งไม่อนุญาต")
            continue
        trees[name] = tree.getroot()
    if CONTENT_TYPES not in parts:
        error(CONTENT_TYPES, f"แม่แบบไม่มี {CONTENT_TYPES} จึงไม่ใช่ไฟล์ Word (.docx) ที่ Word หรือ LibreOffice เปิดได้ "
                             "ให้บันทึกใหม่เป็น Word Document (.docx)")
    elif CONTENT_TYPES in trees:
        kind = _document_type(trees[CONTENT_TYPES])
        if kind != DOCUMENT_TYPE:
            error(CONTENT_TYPES, f"แม่แบบไม่ใช่เอกสาร Word (.docx) แต่เป็น {kind or 'ชนิดที่ไม่ระบุ'} "
                                 "(เช่น .docm ที่มีมาโคร หรือ .dotx) ให้บันทึกใหม่เป็น Word Document (.docx)")
    for name, root in trees.items():
        if name.startswith("word/") and name.endswith(".xml"):
            codes = [t.text or "" for t in root.iter(qn("w:instrText"))]
            codes += [f.get(qn("w:instr"), "") for f in root.iter(qn("w:fldSimple"))]
            for code in codes:
                word = (code.split() or [""])[0].upper()
                if word in FETCHING_FIELDS:
                    error(name, f"แม่แบบมีฟิลด์ {word} ซึ่งดึงไฟล์หรือเรียกโปรแกรมภายนอกเมื่อเปิดเอกสาร จึงไม่ใช้")
        if not name.endswith(".rels"):
            continue
        for rel in root.iter(_RELATIONSHIP):
            if rel.get("TargetMode") == "External" and rel.get("Type") not in EXTERNAL_ALLOWED:
                kind = (rel.get("Type") or "").rsplit("/", 1)[-1]
                error(name, f"แม่แบบดึง {kind} จากภายนอก ({rel.get('Target')}) ทุกครั้งที่เปิดเอกสาร "
                            "ให้ใส่รูปหรือไฟล์นั้นลงในแม่แบบแทนการลิงก์")
    return found


def check_package(template: str, parts: dict[str, bytes]) -> None:
    """Raise :class:`TemplateError` at the first of :func:`package_findings`."""
    for finding in package_findings(template, parts):
        raise TemplateError(finding.message, location=Location(template, finding.where))


def _split_tags(parts: Iterable[tuple[str, etree._Element]]) -> list[TemplateFinding]:
    """Tags that Word cut into several runs (they still work; formatting inside them is lost)."""
    found = []
    for part_name, root in parts:
        for number, p in enumerate(root.iter(qn("w:p")), start=1):
            pieces = [t.text or "" for t in p.iter(qn("w:t"))]
            text = "".join(pieces)
            bounds, position = [], 0
            for piece in pieces:
                bounds.append((position, position + len(piece)))
                position += len(piece)
            for match in _TAG_START.finditer(text):
                end = text.find({"{": "}}", "%": "%}", "#": "#}"}[match.group(0)[1]], match.end())
                if end < 0:
                    continue
                runs = {i for i, (a, b) in enumerate(bounds) if a < end + 2 and b > match.start()}
                if len(runs) > 1:
                    found.append(TemplateFinding("note", f"{part_name} ย่อหน้าที่ {number}",
                                                 f"Word แบ่งแท็ก {text[match.start():end + 2]!r} เป็นหลายช่วง (run) "
                                                 "ยังใช้ได้ แต่รูปแบบตัวอักษรภายในแท็กจะหายไป"))
    return found


def _template_roots(path: Path) -> list[tuple[str, etree._Element]]:
    """The parts of the template the renderer renders, parsed (the same reading as rendering)."""
    from .compiled import read_template, tagged_parts

    return tagged_parts(path, read_template(path))


def _sources(roots: list[tuple[str, etree._Element]]) -> list[tuple[str, str]]:
    """Each part as docxtpl gives it to Jinja, one paragraph a line (for line numbers)."""
    from .compiled import template_sources

    return [(name, re.sub(r"<w:p([ >])", r"\n<w:p\1", xml)) for name, xml in template_sources(roots)]


def template_variables(path: str | Path) -> set[str]:
    """The top-level variables a template uses."""
    from jinja2 import meta

    from .environment import make_environment

    env = make_environment()
    names: set[str] = set()
    for _, source in _sources(_template_roots(Path(path))):
        names |= meta.find_undeclared_variables(env.parse(source))
    return names


def check_template(path: str | Path, kind: str) -> list[TemplateFinding]:
    """Everything found in the template at *path* for document *kind*."""
    from jinja2 import TemplateSyntaxError, meta

    from .environment import make_environment
    from .templates import bundled_template

    from .compiled import read_template, tagged_parts

    path = Path(path)
    package = read_template(path)
    found = package_findings(str(path), package)
    if found:
        return found
    parts = tagged_parts(path, package)
    found = _unbalanced(parts) + _split_tags(parts)
    if any(f.level == "error" for f in found):
        return found
    env = make_environment()
    used: set[str] = set()
    for part_name, source in _sources(parts):
        try:
            used |= meta.find_undeclared_variables(env.parse(source))
            env.compile(source)  # -- what only compiling finds: an unknown filter or test --
        except TemplateSyntaxError as exc:
            lines = source.splitlines()
            line = lines[exc.lineno - 1] if exc.lineno and exc.lineno <= len(lines) else ""
            text = re.sub(r"<[^>]+>", "", line).strip()
            found.append(TemplateFinding("error", f"{part_name} ย่อหน้า {text[:60]!r}",
                                         f"แม่แบบผิดไวยากรณ์: {exc.message}"))
    if any(f.level == "error" for f in found):
        return found
    standard = template_variables(bundled_template(kind))
    for name in sorted(used - standard - _CONTEXT_EXTRAS):
        found.append(TemplateFinding("warning", name, f"ใช้ตัวแปร '{name}' ซึ่งเอกสารชนิด {kind} ไม่มี "
                                                      "(จะเกิดข้อผิดพลาดเมื่อสร้างเอกสาร)"))
    for name in sorted(standard - used):
        found.append(TemplateFinding("warning", name, f"ไม่ได้ใช้ตัวแปร '{name}' ที่แม่แบบมาตรฐานใช้ "
                                                      "(ส่วนนั้นจะไม่ปรากฏในเอกสาร)"))
    return found


#: Context values every kind provides besides what its bundled template uses.
_CONTEXT_EXTRAS = frozenset({"digits", "page_prefix", "page_suffix"})
