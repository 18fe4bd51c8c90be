"""Lay out a committee order: heading, members in aligned columns, duties, signature.

The members are lines on tab stops, or rows of a table without lines (``member_layout``).
"""
from __future__ import annotations

from ...model import CommitteeOrder
from ...model.committee_order import MEMBER_KEYS
from ...model.blocks import ListBlock
from ...presets import CommitteeOrderPreset, load_preset
from ...thai import format_date
from .blocks import BlockWriter
from .columns import check_columns, pick, table_columns
from .placeholders import document_values, fill

__all__ = ["write"]


def _members(order: CommitteeOrder, writer: BlockWriter, preset: CommitteeOrderPreset) -> None:
    """The members: name, position and role of each, on tab stops or in a table's columns."""
    cells = [{"name": [f"{preset.member_numbering.format(n=n)} {m.name}"],
              "position": [f"{preset.member_position_prefix}{m.position}"], "role": [m.role]}
             for n, m in enumerate(order.members, start=1)]
    layout = order.member_layout or ("table" if order.member_columns is not None else preset.member_layout)
    if layout == "table":
        columns = table_columns(order.member_columns, preset.member_columns, where="member_columns")
        # -- a member's typed position or role that no column shows is refused, not dropped --
        check_columns(columns, set(MEMBER_KEYS), ({k for k in MEMBER_KEYS if getattr(m, k)} for m in order.members),
                      where="member_columns" if order.member_columns is not None else "member_columns (ค่าตั้งต้น)",
                      extras_where="members")
        writer.table(columns, pick(cells, columns), borders=False)
    else:
        # -- tabs align name, position and role on the MemberLine style's tab stops --
        writer.paragraphs("member", ["\t".join(c[0] for c in row.values()) for row in cells])


def write(order: CommitteeOrder, writer: BlockWriter) -> None:
    """Lay out *order*'s sections (default: issuer, number, subject, preamble, members, duties,
    closing, signature)."""
    preset = load_preset("committee_order")
    values = document_values(order)

    def duties() -> None:
        if order.duties:
            writer.paragraphs("body", [order.duties_intro or preset.duties_intro])
            writer.numbered(ListBlock(list=order.duties, numbering=preset.duty_numbering,
                                      sub_numbering=preset.duty_sub_numbering))

    def signature() -> None:
        signed = format_date(order.signed_on, preset.signed_date_style, digits=order.digits)
        writer.paragraphs("signature", [preset.signed_prefix + signed, "", f"({order.signer.name})",
                                        order.signer.position])

    writer.sections(order, {
        "issuer": lambda: writer.paragraphs("title", [fill(order.issuer or preset.issuer, values, where="issuer")]),
        "number": lambda: writer.paragraphs("centered", [preset.number_prefix + order.number]),
        "subject": lambda: writer.paragraphs(
            "centered", [preset.subject_prefix + order.subject[0], *order.subject[1:]]),
        "preamble": lambda: writer.paragraphs("body", order.preamble),
        "members": lambda: _members(order, writer, preset),
        "duties": duties,
        "closing": lambda: writer.paragraphs("body", [order.closing or preset.closing]),
        "signature": signature,
    }, values)
