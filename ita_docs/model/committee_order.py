"""The order appointing the ITA working group (คำสั่ง … แต่งตั้งคณะทำงาน)."""
from __future__ import annotations

from typing import Literal

from pydantic import Field

from .base import Model
from .blocks import ListEntry, SectionBlock
from .common import DocumentBase
from .types import Lines, Paragraphs, Text, ThaiDate

__all__ = ["CommitteeOrder", "Member", "Signer"]


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
    duties_intro: Text | None = None
    duties: list[ListEntry] = []
    closing: Text | None = None
    signed_on: ThaiDate
    signer: Signer
    sections: list[SectionBlock] | None = None
