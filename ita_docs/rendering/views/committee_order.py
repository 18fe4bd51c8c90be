"""Lay out a committee order: heading, members in aligned columns, duties, signature."""
from __future__ import annotations

from ...model import CommitteeOrder
from ...model.blocks import ListBlock
from ...presets import load_preset
from ...thai import format_date
from .blocks import BlockWriter
from .placeholders import document_values, fill

__all__ = ["write"]


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
        # -- tabs align name, position and role on the MemberLine style's tab stops --
        "members": lambda: writer.paragraphs("member", [
            f"{preset.member_numbering.format(n=n)} {m.name}\t{preset.member_position_prefix}{m.position}"
            f"\t{m.role}" for n, m in enumerate(order.members, start=1)]),
        "duties": duties,
        "closing": lambda: writer.paragraphs("body", [order.closing or preset.closing]),
        "signature": signature,
    }, values)
