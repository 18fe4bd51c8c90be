"""Find the bundled template of a document kind."""
from __future__ import annotations

from importlib import resources
from pathlib import Path

from ..errors import TemplateError

__all__ = ["bundled_template"]

# -- in a wheel the templates sit inside the package; in a source checkout, beside it --
_SOURCE_TREE_TEMPLATES = Path(__file__).resolve().parents[2] / "templates"


def bundled_template(kind: str) -> Path:
    """Path of the bundled .docx template for document *kind*."""
    name = f"{kind}.docx"
    packaged = resources.files("ita_docs").joinpath("templates").joinpath(name)
    if packaged.is_file():
        return Path(str(packaged))
    source = _SOURCE_TREE_TEMPLATES / name
    if source.is_file():
        return source
    raise TemplateError(f"ไม่พบแม่แบบของเอกสารชนิด {kind} ({name}) ติดตั้ง ita-docs ใหม่")
