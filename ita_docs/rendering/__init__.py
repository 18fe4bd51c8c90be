"""Rendering: model → view → template → .docx → PDF, one step per place.

- ``views/``: view building — each kind lays itself out as sections of blocks
  (``views/<kind>.py``), one :class:`~.views.blocks.BlockWriter` collects them, and
  :func:`~.views.build_view` serves every kind;
- ``compiled.py``, ``environment.py``, ``templates.py``, ``template_check.py``: the
  template engine and the bundled templates;
- ``tables.py``, ``postprocess.py``, ``oxml.py``: the table layouts and the .docx
  post-processing;
- ``document.py``: rendering a document to a file (written by :mod:`ita_docs.output`); ``pdf.py``: PDF.
"""
from __future__ import annotations

from importlib import import_module

TYPE_CHECKING = False
if TYPE_CHECKING:  # pragma: no cover
    from .document import render, render_bytes

__all__ = ["render", "render_bytes"]

if not TYPE_CHECKING:  # -- type checkers see the imports above, and no catch-all --
    def __getattr__(name: str) -> object:
        """``render`` and ``render_bytes`` load on first use: importing ``rendering.views`` (as
        ``consistency`` does) must not import ``document``, which imports ``consistency``."""
        if name in __all__:
            value = getattr(import_module(".document", __name__), name)
            globals()[name] = value
            return value
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
