"""Checks on a template before it renders.

docxtpl joins text across paragraphs to find a tag's end, so an unclosed ``{{`` in one
paragraph silently swallows the paragraphs after it. Every tag must open and close in
the same paragraph; this is checked first.
"""
from __future__ import annotations

from collections.abc import Iterable

from lxml import etree

from ..errors import Location, TemplateError
from .oxml import qn

__all__ = ["check_tags_balanced"]

PAIRS = (("{{", "}}"), ("{%", "%}"), ("{#", "#}"))


def check_tags_balanced(parts: Iterable[tuple[str, etree._Element]], template: str) -> None:
    """Raise :class:`TemplateError` at the first paragraph whose tags do not close in it."""
    for part_name, root in parts:
        for number, p in enumerate(root.iter(qn("w:p")), start=1):
            text = "".join(t.text or "" for t in p.iter(qn("w:t")))
            for opening, closing in PAIRS:
                if text.count(opening) != text.count(closing):
                    raise TemplateError(
                        f"แท็ก {opening} … {closing} ไม่ครบคู่ในย่อหน้า: {text[:80]!r}",
                        location=Location(template, f"{part_name} ย่อหน้าที่ {number}"),
                    )
