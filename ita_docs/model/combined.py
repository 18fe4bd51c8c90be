"""One file holding several documents, rendered into one .docx in order (sanmaket)."""
from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import Field, model_validator

from .analysis_report import AnalysisReport
from .common import DocumentBase
from .committee_order import CommitteeOrder
from .oit_assignments import OitAssignments
from .progress_report import ProgressReport
from .types import FiscalYear

__all__ = ["Combined", "Part"]

#: The kinds a combined document may hold.
Part = Annotated[ProgressReport | AnalysisReport | CommitteeOrder | OitAssignments, Field(discriminator="kind")]

_INHERITED = ("organisation", "digits", "font", "fiscal_year")


class Combined(DocumentBase):
    """Parts of other kinds, each starting on a new page.

    ``organisation``, ``digits``, ``font`` and ``fiscal_year`` given at the top apply to
    every part that does not give its own.
    """

    kind: Literal["combined"]
    fiscal_year: FiscalYear | None = None
    parts: list[Part] = Field(min_length=1)

    @model_validator(mode="before")
    @classmethod
    def _inherit(cls, data: Any) -> Any:
        if not isinstance(data, dict) or not isinstance(data.get("parts"), list):
            return data
        shared = {key: data[key] for key in _INHERITED if key in data}
        parts = []
        for part in data["parts"]:
            if isinstance(part, dict):
                wanted = {k: v for k, v in shared.items()
                          if k not in part and (k != "fiscal_year" or part.get("kind") != "committee_order")}
                part = {**wanted, **part}
            parts.append(part)
        return {**data, "parts": parts}
