"""ita-docs: the yearly ITA documents of Thai public agencies, from data to .docx and PDF.

The names below load on first use, so that ``ita-docs --help`` starts quickly.

>>> import ita_docs
>>> ita_docs.to_thai_digits("ปีงบประมาณ 2566")
'ปีงบประมาณ ๒๕๖๖'
"""
from __future__ import annotations

from importlib import import_module

TYPE_CHECKING = False  # -- not typing.TYPE_CHECKING: importing typing costs start-up time --
if TYPE_CHECKING:  # pragma: no cover
    from .batch import BatchResult, render_many
    from .consistency import check
    from .errors import (
        DataValidationError,
        Finding as Finding,  # -- the old name of Problem: importable, not listed in __all__ --
        InputError,
        ItaDocsError,
        ItaDocsWarning,
        Location,
        OutputExistsError,
        PdfError,
        Problem,
        TemplateError,
    )
    from .importing import import_docx
    from .io import load, save
    from .model import (
        AnalysisReport,
        AnnualReport,
        Combined,
        CommitteeOrder,
        MeasuresPlan,
        OitAssignments,
        ProgressReport,
    )
    from .rendering import render, render_bytes
    from .rendering.pdf import convert_to_pdf, to_pdf
    from .thai import to_thai_digits

#: Where each public name lives.
_LOCATIONS = {
    "AnalysisReport": "model",
    "AnnualReport": "model",
    "BatchResult": "batch",
    "Combined": "model",
    "CommitteeOrder": "model",
    "DataValidationError": "errors",
    "Finding": "errors",
    "InputError": "errors",
    "ItaDocsError": "errors",
    "ItaDocsWarning": "errors",
    "Location": "errors",
    "MeasuresPlan": "model",
    "OitAssignments": "model",
    "OutputExistsError": "errors",
    "PdfError": "errors",
    "Problem": "errors",
    "ProgressReport": "model",
    "TemplateError": "errors",
    "check": "consistency",
    "import_docx": "importing",
    "convert_to_pdf": "rendering.pdf",
    "load": "io",
    "render": "rendering",
    "render_bytes": "rendering",
    "render_many": "batch",
    "save": "io",
    "to_pdf": "rendering.pdf",
    "to_thai_digits": "thai",
}

__all__ = [
    "AnalysisReport",
    "AnnualReport",
    "BatchResult",
    "Combined",
    "CommitteeOrder",
    "DataValidationError",
    "InputError",
    "ItaDocsError",
    "ItaDocsWarning",
    "Location",
    "MeasuresPlan",
    "OitAssignments",
    "OutputExistsError",
    "PdfError",
    "Problem",
    "ProgressReport",
    "TemplateError",
    "check",
    "convert_to_pdf",
    "import_docx",
    "load",
    "render",
    "render_bytes",
    "render_many",
    "save",
    "to_pdf",
    "to_thai_digits",
]

__version__ = "0.1.0"


if not TYPE_CHECKING:  # -- type checkers see the imports above and no catch-all: a typo is an error --
    def __getattr__(name: str) -> object:
        if name in _LOCATIONS:
            value = getattr(import_module(f".{_LOCATIONS[name]}", __name__), name)
            globals()[name] = value
            return value
        raise AttributeError(f"module 'ita_docs' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted([*globals(), *__all__])
