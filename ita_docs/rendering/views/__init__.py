"""Build the view of any document: its kind lays it out as blocks, one writer collects them.

Data flows one way: model → (the kind's ``write``) → :class:`BlockWriter` → view (every
string in the document's digits) and table layouts → the block template.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ...model import (
    AnalysisReport,
    AnnualReport,
    Combined,
    CommitteeOrder,
    DocumentBase,
    MeasuresPlan,
    OitAssignments,
    ProgressReport,
)
from ...presets import document_preset
from . import analysis_report, annual_report, combined, committee_order, measures_plan, oit_assignments, progress_report
from .blocks import BlockWriter
from ..tables import TableLayoutSpec

__all__ = ["WRITERS", "build_view", "write_document"]

#: How each kind is laid out as blocks.
WRITERS: dict[type[DocumentBase], Callable[[Any, BlockWriter], None]] = {
    MeasuresPlan: measures_plan.write,
    ProgressReport: progress_report.write,
    CommitteeOrder: committee_order.write,
    OitAssignments: oit_assignments.write,
    AnalysisReport: analysis_report.write,
    AnnualReport: annual_report.write,
    Combined: lambda document, writer: combined.write(document, writer, write_document),
}


def write_document(document: DocumentBase, writer: BlockWriter) -> None:
    """Lay out *document* (of any kind) into *writer*."""
    WRITERS[type(document)](document, writer)


def build_view(document: DocumentBase) -> tuple[dict[str, Any], list[TableLayoutSpec]]:
    """Return the template context of *document* and the layouts of its tables."""
    preset = document_preset(document.kind)
    writer = BlockWriter(document.digits, document.period_style)
    write_document(document, writer)
    return writer.view(page_prefix=preset.page_prefix, page_suffix=preset.page_suffix)
