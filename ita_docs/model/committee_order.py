"""The order appointing the ITA working group (คำสั่ง … แต่งตั้งคณะทำงาน)."""
from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from .base import Model
from .blocks import ListEntry, SectionBlock
from .common import Column, DocumentBase
from .types import Lines, Paragraphs, Text, ThaiDate

__all__ = ["CommitteeOrder", "MEMBER_KEYS", "Member", "MemberLayout", "Signer"]

#: How the members are laid out: ``lines`` — a paragraph each, name, position and role on
#: tab stops; ``table`` — a table without lines, a row each, in the columns ``member_columns``.
MemberLayout = Literal["lines", "table"]
#: A member's fields, in the order its line (or its table's columns, by default) gives them.
MEMBER_KEYS = ("name", "position", "role")


class Member(Model):
    """One member: name, position, and role in the group."""

    name: Text = Field(min_length=1)
    position: Text
    role: Text


class Signer(Model):
    """Who signs the order."""

    name: Text = Field(min_length=1)
    position: Text


class CommitteeOrder(DocumentBase):
    """An order: number, subject, preamble, members, duties, date of signing, signature."""

    kind: Literal["committee_order"]
    issuer: Text | None = Field(None, description="the order's heading; default คำสั่ง + organisation name")
    number: Text = Field(min_length=1, description="e.g. ๑๕๒/๒๕๖๖")
    subject: Lines = Field(min_length=1, description="lines after เรื่อง")
    preamble: Paragraphs = []
    members: list[Member] = Field(min_length=1)
    member_layout: MemberLayout | None = Field(
        None, description="lines (tab stops) or table (a table without lines); the preset's if left out")
    member_columns: list[Column] | None = Field(
        None, min_length=1,
        description="the table's columns (keys name, position, role); given, the layout is table; the preset's if left out")
    duties_intro: Text | None = None
    duties: list[ListEntry] = []
    closing: Text | None = None
    signed_on: ThaiDate
    signer: Signer
    sections: list[SectionBlock] | None = None

    @model_validator(mode="after")
    def _columns_need_table(self) -> CommitteeOrder:
        if self.member_columns is not None and self.member_layout == "lines":
            raise ValueError("member_columns ใช้ได้เมื่อ member_layout: table เท่านั้น (รายชื่อแบบบรรทัดไม่มีคอลัมน์)")
        return self
