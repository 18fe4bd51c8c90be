"""What every template must pass before it renders: a .docx package that is safe to read,
and tags that open and close in one paragraph.

docxtpl joins text across paragraphs to find a tag's end, so an unclosed ``{{`` in one
paragraph silently swallows the paragraphs after it: every tag must open and close in
the same paragraph. :mod:`.compiled` runs these checks before compiling;
:mod:`.template_check` reports them with the rest (``ita-docs template check``).
"""
from __future__ import annotations

import re
from collections.abc import Iterable

from lxml import etree

from ..errors import Location, Problem, TemplateError
from .oxml import qn

__all__ = [
    "TAG_START",
    "check_package",
    "check_tags_balanced",
    "package_findings",
    "unbalanced_tags",
]

PAIRS = (("{{", "}}"), ("{%", "%}"), ("{#", "#}"))
TAG_START = re.compile(r"\{[{%#]")


def unbalanced_tags(parts: Iterable[tuple[str, etree._Element]]) -> list[Problem]:
    found = []
    for part_name, root in parts:
        for number, p in enumerate(root.iter(qn("w:p")), start=1):
            text = "".join(t.text or "" for t in p.iter(qn("w:t")))
            for opening, closing in PAIRS:
                if text.count(opening) != text.count(closing):
                    found.append(Problem(Location(path=f"{part_name} ย่อหน้าที่ {number}"),
                                         f"แท็ก {opening} … {closing} ไม่ครบคู่ในย่อหน้า: {text[:80]!r}", kind="error"))
    return found


def check_tags_balanced(parts: Iterable[tuple[str, etree._Element]], template: str) -> None:
    """Raise :class:`TemplateError` at the first paragraph whose tags do not close in it."""
    for finding in unbalanced_tags(parts):
        raise TemplateError(finding.message, location=finding.location.with_file(template))


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


def package_findings(template: str, parts: dict[str, bytes]) -> list[Problem]:
    """What makes a template package unsafe to pass on, or a document nobody can open: entry
    names outside the package, a missing ``[Content_Types].xml``, another content type than
    a Word document's (a .docm with macros), a DTD or entity declaration in any XML part,
    a relationship that fetches something from outside (a tracking pixel)."""
    found = []

    def error(where: str, message: str) -> None:
        found.append(Problem(Location(path=where), message, kind="error"))

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
        if getattr(tree.docinfo, "doctype", None) or tree.docinfo.internalDTD is not None:
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
        raise TemplateError(finding.message, location=finding.location.with_file(template))
