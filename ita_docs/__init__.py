"""ita-docs: the yearly ITA documents of Thai public agencies, from data to .docx.

>>> import ita_docs
>>> ita_docs.to_thai_digits("ปีงบประมาณ 2566")
'ปีงบประมาณ ๒๕๖๖'
"""
from .consistency import check
from .errors import DataValidationError, InputError, ItaDocsError, ItaDocsWarning, OutputExistsError, TemplateError
from .io import load
from .model import MeasuresPlan
from .render import render, render_bytes
from .render.pdf import to_pdf
from .thai import to_thai_digits

__all__ = [
    "DataValidationError",
    "InputError",
    "ItaDocsError",
    "ItaDocsWarning",
    "MeasuresPlan",
    "OutputExistsError",
    "TemplateError",
    "check",
    "load",
    "render",
    "render_bytes",
    "to_pdf",
    "to_thai_digits",
]

__version__ = "0.1.0"
