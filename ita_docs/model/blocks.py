"""Free content blocks any document may carry: headings, paragraphs, lists, tables, page breaks.

Each block is a mapping told apart by its key::

    - heading: ผลการประเมิน            # level: 1–3 (default 1)
    - paragraphs: [ ... ]             # style: body | plain | centered | right | title | subtitle | cover | signature
    - list: [ข้อหนึ่ง, {text: ข้อสอง, items: [ย่อย]}]   # numbering: "{n}." ; sub_numbering: "{parent}.{n}"
    - table: {columns: [...], rows: [[cell, cell], ...]}
    - page_break: true
    - signature / score_table / score_history     # typed parts, see :mod:`.parts`
"""
from __future__ import annotations

from typing import Annotated, Any, List, Literal, Union  # List: the field named 'list' shadows list

from pydantic import BeforeValidator, Discriminator, Field, Tag

from .base import Model
from .common import Column
from .parts import ScoreHistoryBlock, ScoreTableBlock, SignatureBlock
from .types import Lines, Paragraphs, Text, TrueFlag

__all__ = [
    "BLOCK_TAG",
    "Block",
    "FREE_BLOCKS",
    "FreeTable",
    "HeadingBlock",
    "ListBlock",
    "ListEntry",
    "ListItem",
    "PageBreakBlock",
    "ParagraphsBlock",
    "PartBlock",
    "SectionBlock",
    "TableBlock",
    "block_union",
]

#: What a block union's tags start with; error paths leave such parts out.
BLOCK_TAG = "block:"

ParagraphStyle = Literal["body", "plain", "centered", "right", "title", "subtitle", "cover", "signature"]


class HeadingBlock(Model):
    """A heading (level 1 = section, 2 = sub-section, 3 = minor)."""

    heading: Text = Field(min_length=1)
    level: int = Field(1, ge=1, le=3)


class ParagraphsBlock(Model):
    """Paragraphs of one style."""

    paragraphs: Paragraphs
    style: ParagraphStyle = "body"


class ListItem(Model):
    """A list item with optional sub-items."""

    text: Text
    items: Lines = []


def _list_item(value: Any) -> Any:
    return {"text": value} if isinstance(value, str | int) else value


#: A list item as data: a string, or ``{text, items}``.
ListEntry = Annotated[ListItem, BeforeValidator(_list_item)]


class ListBlock(Model):
    """A numbered list; ``numbering: none`` keeps the numbers as typed in the text."""

    list: List[ListEntry] = Field(min_length=1)  # noqa: UP006
    numbering: str = "{n}."
    sub_numbering: str = "{parent}.{n}"


class FreeTable(Model):
    """A table given cell by cell: columns, and rows of cells (each cell text or paragraphs)."""

    columns: list[Column] = Field(min_length=1)
    rows: list[list[Paragraphs]] = []


class TableBlock(Model):
    table: FreeTable


class PageBreakBlock(Model):
    page_break: TrueFlag


def block_union(*kinds: tuple[str, type]) -> Any:
    """A block type: one of *kinds* (key, model), told apart by which key the mapping has.

    The union's tags are ``block:KEY``; error paths leave them out (``after[0].table.columns``).
    """
    keys = tuple(key for key, _ in kinds)

    def tag(value: Any) -> str | None:
        if isinstance(value, dict):
            key = next((key for key in keys if key in value), None)
        else:
            key = next((key for key, model in kinds if isinstance(value, model)), None)
        return None if key is None else f"{BLOCK_TAG}{key}"

    members = tuple(Annotated[model, Tag(f"{BLOCK_TAG}{key}")] for key, model in kinds)
    return Annotated[
        Union[members],  # noqa: UP007 - built from a tuple
        Discriminator(tag, custom_error_type="block_kind",
                      custom_error_message=f"a block needs one of: {', '.join(keys)}",
                      custom_error_context={"expected": ", ".join(keys)}),
    ]


#: The free blocks and typed parts every kind accepts.
FREE_BLOCKS: tuple[tuple[str, type], ...] = (
    ("heading", HeadingBlock),
    ("paragraphs", ParagraphsBlock),
    ("list", ListBlock),
    ("table", TableBlock),
    ("page_break", PageBreakBlock),
    ("signature", SignatureBlock),
    ("score_table", ScoreTableBlock),
    ("score_history", ScoreHistoryBlock),
)

Block = block_union(*FREE_BLOCKS)


class PartBlock(Model):
    """One of the kind's own parts, by name (``part: tables``): where it goes in ``sections``."""

    part: str = Field(min_length=1)


#: A section of a kind laid out by ``sections``: a free block, a typed part, or a kind's part.
SectionBlock = block_union(*FREE_BLOCKS, ("part", PartBlock))
