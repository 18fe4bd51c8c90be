"""Find the bundled template of a document kind."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from ..errors import TemplateError
from ..resources import data_dir

__all__ = ["bundled_template", "is_bundled"]


def bundled_template(kind: str) -> Path:
    """Path of the bundled .docx template for document *kind*."""
    folder = data_dir("templates")
    path = folder / f"{kind}.docx" if folder else None
    if path is None or not path.is_file():
        raise TemplateError(f"ไม่พบแม่แบบของเอกสารชนิด {kind} ({kind}.docx) ติดตั้ง ita-docs ใหม่")
    return path


def is_bundled(path: Path) -> bool:
    """Whether the resolved *path* is one of the bundled templates (in their own folder):
    only those render outside the sandbox."""
    return path.parent == _bundled_folder()


@lru_cache(maxsize=1)
def _bundled_folder() -> Path | None:
    folder = data_dir("templates")
    return folder.resolve() if folder is not None else None
