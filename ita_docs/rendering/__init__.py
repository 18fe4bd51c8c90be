"""Rendering: model → view → template → .docx → PDF, one step per place.

- ``views/``: view building — each kind lays itself out as sections of blocks
  (``views/<kind>.py``), one :class:`~.views.blocks.BlockWriter` collects them, and
  :func:`~.views.build_view` serves every kind;
- ``compiled.py``, ``environment.py``, ``templates.py``, ``template_check.py``: the
  template engine and the bundled templates;
- ``tables.py``, ``postprocess.py``, ``oxml.py``: the table layouts and the .docx
  post-processing;
- ``document.py``, ``output.py``: rendering a document to a file; ``pdf.py``: PDF.
"""
from .document import render, render_bytes

__all__ = ["render", "render_bytes"]
