"""The view of a combined document: its parts in order, each from a new page."""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..model import AnalysisReport, Combined, CommitteeOrder, OitAssignments, ProgressReport
from ..presets import load_preset
from . import analysis_report, committee_order, oit_assignments, progress_report
from .blocks import BlockWriter
from .tables import TableLayoutSpec

__all__ = ["PART_WRITERS", "build_view"]

#: How each kind of part is laid out.
PART_WRITERS: dict[type, Callable[[Any, BlockWriter], None]] = {
    ProgressReport: progress_report.write,
    AnalysisReport: analysis_report.write,
    CommitteeOrder: committee_order.write,
    OitAssignments: oit_assignments.write,
}


def build_view(document: Combined) -> tuple[dict[str, Any], list[TableLayoutSpec]]:
    """Return the template context of *document* and the layouts of all its tables."""
    preset = load_preset("combined")
    writer = BlockWriter(document.digits)
    for index, part in enumerate(document.parts):
        if index:
            writer.page_break()
        PART_WRITERS[type(part)](part, writer)
    return writer.view(page_prefix=preset["page_prefix"], page_suffix=preset["page_suffix"])
