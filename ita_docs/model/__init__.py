"""The typed data model (pydantic v2) of every document kind."""
from .base import Model
from .common import Column, DocumentBase, Organisation, PeriodStyle, Section, TableLayout
from .measures_plan import (
    AnalysisGroup,
    AnalysisRow,
    IndicatorScore,
    Measure,
    MeasuresLayout,
    MeasuresPlan,
    Meeting,
    PreviousResult,
    ToolRemark,
)

from .analysis_report import AnalysisReport
from .annual_report import AnnualReport
from .combined import Combined
from .committee_order import CommitteeOrder, Member, Signer
from .oit_assignments import OitAssignments, OitItem
from .progress_report import IndicatorIssue, IssueTable, MeasureTable, ProgressMeasure, ProgressReport

#: Document kinds by their ``kind`` value.
KINDS: dict[str, type[DocumentBase]] = {
    "measures_plan": MeasuresPlan,
    "progress_report": ProgressReport,
    "committee_order": CommitteeOrder,
    "oit_assignments": OitAssignments,
    "analysis_report": AnalysisReport,
    "annual_report": AnnualReport,
    "combined": Combined,
}

__all__ = [
    "AnalysisGroup",
    "AnalysisReport",
    "AnalysisRow",
    "AnnualReport",
    "Column",
    "Combined",
    "CommitteeOrder",
    "DocumentBase",
    "IndicatorIssue",
    "IndicatorScore",
    "IssueTable",
    "KINDS",
    "Measure",
    "MeasureTable",
    "MeasuresLayout",
    "MeasuresPlan",
    "Meeting",
    "Member",
    "Model",
    "OitAssignments",
    "OitItem",
    "Organisation",
    "PeriodStyle",
    "PreviousResult",
    "ProgressMeasure",
    "ProgressReport",
    "Section",
    "Signer",
    "TableLayout",
    "ToolRemark",
]
