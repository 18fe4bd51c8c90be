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

from typing import Annotated, Any, List, Literal, TypeAlias, Union, get_args  # List: the field named 'list' shadows list

from pydantic import BaseModel, BeforeValidator, Discriminator, Field, GetCoreSchemaHandler, Tag
from pydantic_core import CoreSchema

from .base import Model
from .common import Column
from .parts import ScoreHistoryBlock, ScoreTableBlock, SignatureBlock
from .types import Lines, Paragraphs, Text, TrueFlag, Whole

__all__ = [
    "BLOCK_TAG",
    "BY_KEY",
    "Block",
    "FreeBlock",
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
    "block_key",
]

#: What a block union's tags start with; error paths leave such parts out.
BLOCK_TAG = "block:"

ParagraphStyle = Literal["body", "plain", "centered", "right", "title", "subtitle", "cover", "signature"]


class HeadingBlock(Model):
    """A heading (level 1 = section, 2 = sub-section, 3 = minor)."""

    heading: Text = Field(min_length=1)
    level: Whole = Field(1, ge=1, le=3)


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


def _block_union(*kinds: tuple[str, type[BaseModel]]) -> object:
    """The pydantic annotation behind :data:`BY_KEY`: one of *kinds* (key, model), told apart by
    which key the mapping has.

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


def block_key(model: type[BaseModel]) -> str:
    """The key that marks a block of *model*: its first field.

    >>> block_key(HeadingBlock), block_key(PageBreakBlock)
    ('heading', 'page_break')
    """
    return next(iter(model.model_fields))


class _ByKey:
    """Pydantic: the members of the annotated union, told apart by their :func:`block_key`.

    ``Annotated[A | B, BY_KEY]`` is the union ``A | B`` to the type checker, and to pydantic
    the ``_block_union`` of ``(block_key(A), A), (block_key(B), B)``.
    """

    def __get_pydantic_core_schema__(self, source: Any, handler: GetCoreSchemaHandler) -> CoreSchema:
        kinds = tuple((block_key(model), model) for model in get_args(source))
        keys = [key for key, _ in kinds]
        if len(set(keys)) < len(keys):  # -- a second model with the same key would never be chosen --
            raise TypeError(f"block union with a repeated key: {', '.join(keys)}")
        return handler.generate_schema(_block_union(*kinds))


#: Marks a union of blocks: ``Annotated[HeadingBlock | TableBlock, BY_KEY]``.
BY_KEY = _ByKey()

#: The free blocks and typed parts every kind accepts (a kind's own blocks join them:
#: ``Annotated[FreeBlock | TocBlock, BY_KEY]``); the order is the order keys are looked for.
FreeBlock: TypeAlias = (HeadingBlock | ParagraphsBlock | ListBlock | TableBlock | PageBreakBlock
                        | SignatureBlock | ScoreTableBlock | ScoreHistoryBlock)

#: A free block or typed part (``before``, ``after``).
Block = Annotated[FreeBlock, BY_KEY]


class PartBlock(Model):
    """One of the kind's own parts, by name (``part: tables``): where it goes in ``sections``."""

    part: str = Field(min_length=1)


#: A section of a kind laid out by ``sections``: a free block, a typed part, or a kind's part.
SectionBlock = Annotated[FreeBlock | PartBlock, BY_KEY]
