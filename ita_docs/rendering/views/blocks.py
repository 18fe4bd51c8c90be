"""Build the ``blocks`` view that the block templates lay out.

A block is a dict with a ``type``: a paragraph style name (``body``, ``heading1`` …)
with ``lines`` (its paragraphs; not ``items``, which Jinja reads as ``dict.items``), ``table`` with a table view, ``page_break``, or
``toc``. :class:`BlockWriter` collects blocks and the layouts of their tables, and
writes every string in the document's digit form at the end.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from functools import lru_cache
from typing import Any

from pydantic import TypeAdapter

from ...model import Column, PeriodStyle
from ...errors import InputError, Location
from ...model.blocks import (
    Block,
    HeadingBlock,
    ListBlock,
    PageBreakBlock,
    ParagraphsBlock,
    PartBlock,
    SectionBlock,
    TableBlock,
)
from ...presets import document_preset, plain
from ...model.parts import ScoreHistoryBlock, ScoreTableBlock, SignatureBlock
from ...thai import Digits, convert_digits, to_arabic_digits, to_thai_digits
from . import parts
from .placeholders import fill
from ..formats import format_number
from ..tables import TableLayoutSpec, table_view

__all__ = ["BlockWriter", "Converted", "converted", "default_sections"]


class Converted(list):  # type: ignore[type-arg]
    """A list whose strings are in the document's digit form already: the walk skips it."""


_CONVERTERS = {"thai": to_thai_digits, "arabic": to_arabic_digits}

#: Keys whose values name things for the template and are never shown as text.
STRUCTURAL_KEYS = frozenset({"type", "level", "levels"})


def converted(value: Any, digits: Digits) -> Any:
    """Every shown string in *value* (nested lists and dicts) in the digit form *digits*."""
    convert = _CONVERTERS[digits]

    def walk(item: Any) -> Any:
        kind = type(item)  # -- exact types: this walk runs over every value of a document --
        if kind is Converted:
            return item
        if kind is str:
            return convert(item)
        if kind is list or kind is tuple:
            return [walk(v) for v in item]
        if kind is dict:
            return {k: v if k in STRUCTURAL_KEYS else walk(v) for k, v in item.items()}
        return item

    return walk(value)


@lru_cache(maxsize=None)
def _default_sections(kind: str) -> tuple[Any, ...]:
    return tuple(TypeAdapter(list[SectionBlock]).validate_python(plain(document_preset(kind).sections)))


def default_sections(kind: str) -> list[Any]:
    """The preset's sequence of sections of *kind* (``part: NAME`` blocks and free blocks)."""
    return list(_default_sections(kind))


class BlockWriter:
    """Collects the blocks of a document in order."""

    def __init__(self, digits: Digits, period_style: PeriodStyle | None = None) -> None:
        self.digits = digits
        self.period_style = period_style or PeriodStyle()
        #: Document-wide values a template may show outside the blocks (its properties, headers).
        self.values: dict[str, Any] = {}
        self.blocks: list[dict[str, Any]] = []
        self.specs: list[TableLayoutSpec] = []

    def paragraphs(self, style: str, items: Iterable[str]) -> None:
        """Paragraphs of *style*; consecutive ones of the same style share a block."""
        items = [i for i in items]
        if not items:
            return
        if self.blocks and self.blocks[-1]["type"] == style:
            self.blocks[-1]["lines"].extend(items)
        else:
            self.blocks.append({"type": style, "lines": items})

    def keep_last_with_next(self) -> None:
        """Keep the last body paragraph on the page of what follows (a signature)."""
        if self.blocks and self.blocks[-1]["type"] == "body":
            last = self.blocks[-1]["lines"].pop()
            if not self.blocks[-1]["lines"]:
                self.blocks.pop()
            self.blocks.append({"type": "body_keep", "lines": [last]})

    def heading(self, text: str | None, level: int = 1) -> None:
        if text:
            self.paragraphs(f"heading{level}", [text])

    def numbered(self, block: ListBlock) -> None:
        """A list, numbered by the block's patterns (or as typed with ``none``)."""
        for n, item in enumerate(block.list, start=1):
            number = "" if block.numbering == "none" else format_number(block.numbering, n=n) + " "
            self.paragraphs("list1", [number + item.text])
            for m, sub in enumerate(item.items, start=1):
                sub_number = "" if block.sub_numbering == "none" else \
                    format_number(block.sub_numbering, parent=n, n=m) + " "
                self.paragraphs("list2", [sub_number + sub])

    def table(self, columns: Sequence[Column], rows: list[dict[str, Any]], *,
              aligns: Sequence[str] | None = None, merges: Sequence[tuple[int, int, int]] = (),
              borders: bool = True) -> None:
        """A table of *columns* over *rows*; without *borders*, its columns only align the text."""
        view, spec = table_view(columns, rows, aligns, merges, borders=borders)
        self.blocks.append({"type": "table", "table": view})
        self.specs.append(spec)

    def page_break(self) -> None:
        self.blocks.append({"type": "page_break"})

    def cover(self, lines: list[str]) -> None:
        """A cover page of *lines*, if there are any, and the page break after it."""
        if lines:
            self.paragraphs("cover", lines)
            self.page_break()

    def toc(self, title: str, page_label: str, levels: int, entries: list[tuple[int, str]]) -> None:
        """A table of contents over heading levels 1..*levels*; *entries* are its cached lines."""
        self.blocks.append({"type": "toc", "title": title, "page_label": page_label, "levels": levels,
                            "entries": [{"level": level, "text": text} for level, text in entries]})

    def sections(self, document: Any, parts: Mapping[str, Callable[[], None]],
                 values: Mapping[str, str | None]) -> None:
        """Lay out *document*'s ``sections`` (else its kind's preset sequence): each ``part: NAME``
        by the kind's writer of that part, every other block as a free block."""
        given = document.sections is not None
        blocks = document.sections if given else default_sections(document.kind)
        where = "sections" if given else f"sections (ค่าตั้งต้นของ {document.kind})"
        for index, block in enumerate(blocks):
            at = f"{where}[{index}]"
            if isinstance(block, PartBlock):
                if block.part not in parts:
                    raise InputError(f"ไม่รู้จักส่วน {block.part!r} ของเอกสารชนิดนี้ (ที่มี: {', '.join(parts)})",
                                     location=Location(path=f"{at}.part"))
                parts[block.part]()
            else:
                self.free_block(block, values, at)

    def free(self, blocks: Iterable[Block], values: Mapping[str, str | None], where: str) -> None:
        """Lay out free content blocks given in the data at *where* (their path, for errors)."""
        for index, block in enumerate(blocks):
            self.free_block(block, values, f"{where}[{index}]")

    def free_block(self, block: Block, values: Mapping[str, str | None], at: str) -> None:
        """Lay out one free block given at *at*, its ``${name}`` placeholders filled from *values*."""
        def fill_text(text: str, where: str) -> str:
            return fill(text, values, where=where) if "${" in text else text

        match block:
            case HeadingBlock(heading=text, level=level):
                self.heading(fill_text(text, f"{at}.heading"), level)
            case ParagraphsBlock(paragraphs=items, style=style):
                filled = [(p, fill_text(p, f"{at}.paragraphs[{i}]")) for i, p in enumerate(items)]
                # -- a paragraph that was only an empty placeholder ("${title}" of title: "") goes --
                self.paragraphs(style, [text for given, text in filled if text or not given])
            case ListBlock():
                self.numbered(block.model_copy(update={"list": [
                    item.model_copy(update={
                        "text": fill_text(item.text, f"{at}.list[{i}]"),
                        "items": [fill_text(s, f"{at}.list[{i}].items[{j}]") for j, s in enumerate(item.items)]})
                    for i, item in enumerate(block.list)]}))
            case TableBlock(table=table):
                self.table(
                    [c.model_copy(update={"heading": fill_text(c.heading, f"{at}.table.columns[{i}].heading")})
                     for i, c in enumerate(table.columns)],
                    [{"cells": [[fill_text(p, f"{at}.table.rows[{r}][{c}]") for p in cell]
                                for c, cell in enumerate(row)]}
                     for r, row in enumerate(table.rows)])
            case PageBreakBlock():
                self.page_break()
            case SignatureBlock(signature=signature):
                parts.write_signature(self, signature, values, f"{at}.signature")
            case ScoreTableBlock(score_table=table):
                parts.write_score_table(self, table, values, f"{at}.score_table")
            case ScoreHistoryBlock(score_history=history):
                parts.write_score_history(self, history, values, f"{at}.score_history")

    def view(self, **extra: Any) -> tuple[dict[str, Any], list[TableLayoutSpec]]:
        """The template context (strings in the document's digits) and the table layouts."""
        context = converted({**self.values, "blocks": self.blocks, **extra}, self.digits)
        specs = [
            TableLayoutSpec(tuple(convert_digits(h, self.digits) for h in s.headings),
                            s.widths_twips, s.aligns, s.merges, s.borders)
            for s in self.specs
        ]
        context["digits"] = self.digits
        return context, specs
