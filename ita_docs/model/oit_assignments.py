"""Who publishes each OIT item (ตารางมอบหมายผู้รับผิดชอบ O1…O43)."""
from __future__ import annotations

from typing import Literal

from pydantic import Field

from .blocks import SectionBlock
from .common import Column, DocumentBase
from .parts import OpenRow
from .types import FiscalYear, Lines, Text

__all__ = ["OitAssignments", "OitItem"]


class OitItem(OpenRow):
    """An OIT item: its code (O1 …), title, the units responsible, and keys of its own (``url``)."""

    code: Text = Field(min_length=1)
    title: Text
    responsible: Lines = []


class OitAssignments(DocumentBase):
    """The table of OIT items and who publishes each."""

    kind: Literal["oit_assignments"]
    fiscal_year: FiscalYear | None = None
    title: Lines | None = None
    columns: list[Column] | None = Field(None, min_length=1)
    items: list[OitItem] = Field(min_length=1)
    sections: list[SectionBlock] | None = None
