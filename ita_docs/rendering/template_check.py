"""Checks on a template: before it renders, and on request (``ita-docs template check``).

The checks every render runs first (a safe package, tags that open and close in one
paragraph) are in :mod:`.template_rules`; ``check_template`` reports them and adds the
rest: Jinja syntax errors with the paragraph where they are, variables the document
kind does not provide, variables of the bundled template a custom one leaves out, and
tags Word split over several runs.
"""
from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from lxml import etree

from ..errors import Location, Problem
from .compiled import line_text, paragraph_lines, tagged_parts, template_sources
from .environment import make_environment
from .oxml import qn
from .package import read_template
from .template_rules import (
    TAG_START,
    check_package,
    check_tags_balanced,
    package_findings,
    unbalanced_tags,
)
from .templates import bundled_template

__all__ = [
    "check_package",
    "check_tags_balanced",
    "check_template",
    "package_findings",
    "template_variables",
]


def _split_tags(parts: Iterable[tuple[str, etree._Element]]) -> list[Problem]:
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
            for match in TAG_START.finditer(text):
                end = text.find({"{": "}}", "%": "%}", "#": "#}"}[match.group(0)[1]], match.end())
                if end < 0:
                    continue
                runs = {i for i, (a, b) in enumerate(bounds) if a < end + 2 and b > match.start()}
                if len(runs) > 1:
                    found.append(Problem(Location(path=f"{part_name} ย่อหน้าที่ {number}"),
                                         f"Word แบ่งแท็ก {text[match.start():end + 2]!r} เป็นหลายช่วง (run) "
                                         "ยังใช้ได้ แต่รูปแบบตัวอักษรภายในแท็กจะหายไป", kind="note"))
    return found


def _template_roots(path: Path) -> list[tuple[str, etree._Element]]:
    """The parts of the template the renderer renders, parsed (the same reading as rendering)."""
    return tagged_parts(path, read_template(path))


def _sources(roots: list[tuple[str, etree._Element]]) -> list[tuple[str, str]]:
    """Each part as docxtpl gives it to Jinja, one paragraph a line (for line numbers)."""
    return [(name, paragraph_lines(xml)) for name, xml in template_sources(roots)]


def template_variables(path: str | Path) -> set[str]:
    """The top-level variables a template uses."""
    from jinja2 import meta

    env = make_environment()
    names: set[str] = set()
    for _, source in _sources(_template_roots(Path(path))):
        names |= meta.find_undeclared_variables(env.parse(source))
    return names


def check_template(path: str | Path, kind: str) -> list[Problem]:
    """Everything found in the template at *path* for document *kind*."""
    from jinja2 import TemplateSyntaxError, meta

    path = Path(path)
    package = read_template(path)
    found = package_findings(str(path), package)
    if found:
        return found
    parts = tagged_parts(path, package)
    found = unbalanced_tags(parts) + _split_tags(parts)
    if any(f.kind == "error" for f in found):
        return found
    env = make_environment()
    used: set[str] = set()
    for part_name, source in _sources(parts):
        try:
            used |= meta.find_undeclared_variables(env.parse(source))
            env.compile(source)  # -- what only compiling finds: an unknown filter or test --
        except TemplateSyntaxError as exc:
            text = line_text(source, exc.lineno)
            found.append(Problem(Location(path=f"{part_name} ย่อหน้า {text[:60]!r}"),
                                 f"แม่แบบผิดไวยากรณ์: {exc.message}", kind="error"))
    if any(f.kind == "error" for f in found):
        return found
    standard = template_variables(bundled_template(kind))
    for name in sorted(used - standard - _CONTEXT_EXTRAS):
        found.append(Problem(Location(path=name), f"ใช้ตัวแปร '{name}' ซึ่งเอกสารชนิด {kind} ไม่มี "
                                                             "(จะเกิดข้อผิดพลาดเมื่อสร้างเอกสาร)", kind="warning"))
    for name in sorted(standard - used):
        found.append(Problem(Location(path=name), f"ไม่ได้ใช้ตัวแปร '{name}' ที่แม่แบบมาตรฐานใช้ "
                                                             "(ส่วนนั้นจะไม่ปรากฏในเอกสาร)", kind="warning"))
    return found


#: Context values every kind provides besides what its bundled template uses.
_CONTEXT_EXTRAS = frozenset({"digits", "page_prefix", "page_suffix"})
