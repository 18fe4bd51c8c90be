"""Write a document's data as YAML, JSON or an Excel workbook (never over a file unasked)."""
from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import yaml

from ..errors import Location, ReadError
from ..model import DocumentBase
from ..output import check_writable, write_atomic

__all__ = ["document_data", "save", "yaml_text"]


def document_data(document: DocumentBase) -> dict[str, Any]:
    """The plain data of *document*: what was given, ``kind`` first, JSON types."""
    data = document.model_dump(mode="json", exclude_defaults=True)
    return {"kind": getattr(document, "kind"), **{k: v for k, v in data.items() if k != "kind"}}


class _Dumper(yaml.SafeDumper):
    """PyYAML's safe dumper, writing text with a line break YAML folds (NEL U+0085, LS, PS)
    double-quoted, where it is escaped: single-quoted or plain, it reads back as a space."""


def _text(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    style = '"' if any(c in value for c in "\x85\u2028\u2029") else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _text)


def yaml_text(data: Any) -> str:
    r"""*data* as YAML text that reads back as *data*.

    >>> yaml_text({"k": ["a\x85b"]})
    'k:\n- "a\\Nb"\n'
    """
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100)


def save(document: DocumentBase, path: str | Path, *, overwrite: bool = False) -> Path:
    """Write *document* to *path*; the suffix (.yaml, .yml, .json, .xlsx) picks the format."""
    path = Path(path)
    check_writable(path, overwrite=overwrite)
    suffix = path.suffix.lower()
    if suffix in (".yaml", ".yml"):
        payload = yaml_text(document_data(document)).encode()
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
