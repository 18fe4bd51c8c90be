"""The typed data model (pydantic v2) of every document kind."""
from .base import Model
from .common import Column, DocumentBase, Organisation, Section, TableLayout
from .measures_plan import (
    AnalysisGroup,
    AnalysisRow,
    IndicatorScore,
    Measure,
    MeasuresPlan,
    Meeting,
    PreviousResult,
    ToolRemark,
)

from .progress_report import IndicatorIssue, IssueTable, MeasureTable, ProgressMeasure, ProgressReport

#: Document kinds by their ``kind`` value.
KINDS: dict[str, type[DocumentBase]] = {
    "measures_plan": MeasuresPlan,
    "progress_report": ProgressReport,
}

__all__ = [
    "AnalysisGroup",
    "AnalysisRow",
    "Column",
    "DocumentBase",
    "IndicatorIssue",
    "IndicatorScore",
    "IssueTable",
    "KINDS",
    "Measure",
    "MeasureTable",
    "MeasuresPlan",
    "Meeting",
    "Model",
    "Organisation",
    "PreviousResult",
    "ProgressMeasure",
    "ProgressReport",
    "Section",
    "TableLayout",
    "ToolRemark",
]
