"""The view of a committee order: heading, members in aligned columns, duties, signature."""
from __future__ import annotations

from typing import Any

from ..model import CommitteeOrder
from ..model.blocks import ListBlock
from ..presets import load_preset
from ..thai import format_date
from .blocks import BlockWriter
from .placeholders import document_values, fill
from .tables import TableLayoutSpec

__all__ = ["build_view", "write"]


def write(order: CommitteeOrder, writer: BlockWriter) -> None:
    """Lay out *order* as blocks."""
    preset = load_preset("committee_order")
    values = document_values(order)
    writer.paragraphs("title", [fill(order.issuer or preset["issuer"], values, where="issuer")])
    writer.paragraphs("centered", [preset["number_prefix"] + order.number])
    writer.paragraphs("centered", [preset["subject_prefix"] + order.subject[0], *order.subject[1:]])
    writer.paragraphs("body", order.preamble)
    writer.paragraphs("member", [
        # -- tabs align name, position and role on the MemberLine style's tab stops --
        f"{preset['member_numbering'].format(n=n)} {m.name}\t{preset['member_position_prefix']}{m.position}\t{m.role}"
        for n, m in enumerate(order.members, start=1)
    ])
    if order.duties:
        writer.paragraphs("body", [order.duties_intro or preset["duties_intro"]])
        writer.numbered(ListBlock(list=order.duties, numbering=preset["duty_numbering"],
                                  sub_numbering=preset["duty_sub_numbering"]))
    writer.paragraphs("body", [order.closing or preset["closing"]])
    signed = format_date(order.signed_on, preset["signed_date_style"], digits=order.digits)
    writer.paragraphs("signature", [preset["signed_prefix"] + signed, "", f"({order.signer.name})",
                                    order.signer.position])


def build_view(order: CommitteeOrder) -> tuple[dict[str, Any], list[TableLayoutSpec]]:
    """Return the template context of *order* and the layouts of its tables (none)."""
    preset = load_preset("committee_order")
    writer = BlockWriter(order.digits)
    write(order, writer)
    return writer.view(page_prefix=preset["page_prefix"], page_suffix=preset["page_suffix"])
