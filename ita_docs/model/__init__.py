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

#: Document kinds by their ``kind`` value.
KINDS: dict[str, type[DocumentBase]] = {"measures_plan": MeasuresPlan}

__all__ = [
    "AnalysisGroup",
    "AnalysisRow",
    "Column",
    "DocumentBase",
    "IndicatorScore",
    "KINDS",
    "Measure",
    "MeasuresPlan",
    "Meeting",
    "Model",
    "Organisation",
    "PreviousResult",
    "Section",
    "TableLayout",
    "ToolRemark",
]
