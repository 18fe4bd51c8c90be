"""Lay out a combined document: its parts in order, each from a new page."""
from __future__ import annotations

from collections.abc import Callable

from ...model import Combined, DocumentBase
from .blocks import BlockWriter

__all__ = ["write"]


def write(document: Combined, writer: BlockWriter, write_part: Callable[[DocumentBase, BlockWriter], None]) -> None:
    """Lay out each part of *document* with *write_part* (the kinds' registry, which holds this
    writer too, so it is passed in), a page break between parts."""
    for index, part in enumerate(document.parts):
        if index:
            writer.page_break()
        write_part(part, writer)
