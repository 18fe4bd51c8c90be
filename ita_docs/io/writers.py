"""Write a document's data as YAML, JSON or an Excel workbook (never over a file unasked)."""
from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import yaml

from ..errors import Location, ReadError
from ..model import DocumentBase
from ..rendering.output import check_writable, write_atomic

__all__ = ["document_data", "save"]


def document_data(document: DocumentBase) -> dict[str, Any]:
    """The plain data of *document*: what was given, ``kind`` first, JSON types."""
    data = document.model_dump(mode="json", exclude_defaults=True)
    return {"kind": getattr(document, "kind"), **{k: v for k, v in data.items() if k != "kind"}}


def save(document: DocumentBase, path: str | Path, *, overwrite: bool = False) -> Path:
    """Write *document* to *path*; the suffix (.yaml, .yml, .json, .xlsx) picks the format."""
    path = Path(path)
    check_writable(path, overwrite=overwrite)
    suffix = path.suffix.lower()
    if suffix in (".yaml", ".yml"):
        payload = yaml.safe_dump(document_data(document), allow_unicode=True, sort_keys=False, width=100).encode()
    elif suffix == ".json":
        payload = json.dumps(document_data(document), ensure_ascii=False, indent=2).encode()
    elif suffix == ".xlsx":
        from .workbook import write_workbook

        buffer = io.BytesIO()
        write_workbook(document).save(buffer)
        payload = buffer.getvalue()
    else:
        raise ReadError(f"เขียนไฟล์ชนิด {suffix or '(ไม่มีนามสกุล)'} ไม่ได้ ใช้ .yaml .json หรือ .xlsx",
                        location=Location(str(path)))
    return write_atomic(path, payload, overwrite=overwrite)
