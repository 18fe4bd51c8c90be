"""Lay out a combined document: its parts in order, each from a new page."""
from __future__ import annotations

from ...model import Combined
from .blocks import BlockWriter

__all__ = ["write"]


def write(document: Combined, writer: BlockWriter) -> None:
    """Lay out each part of *document* as its kind does, a page break between parts."""
    from . import write_document  # -- the kinds' registry, which holds this writer too --

    for index, part in enumerate(document.parts):
        if index:
            writer.page_break()
        write_document(part, writer)
