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

__all__ = ["TemplateFinding", "check_tags_balanced", "check_template", "template_variables"]

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

    path = Path(path)
    parts = _template_roots(path)
    found = _unbalanced(parts) + _split_tags(parts)
    if any(f.level == "error" for f in found):
        return found
    env = make_environment()
    used: set[str] = set()
    for part_name, source in _sources(parts):
        try:
            used |= meta.find_undeclared_variables(env.parse(source))
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
