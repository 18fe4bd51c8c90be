"""Find the bundled template of a document kind."""
from __future__ import annotations

from pathlib import Path

from ..errors import TemplateError
from ..resources import data_dir

__all__ = ["bundled_template"]


def bundled_template(kind: str) -> Path:
    """Path of the bundled .docx template for document *kind*."""
    folder = data_dir("templates")
    path = folder / f"{kind}.docx" if folder else None
    if path is None or not path.is_file():
        raise TemplateError(f"ไม่พบแม่แบบของเอกสารชนิด {kind} ({kind}.docx) ติดตั้ง ita-docs ใหม่")
    return path
