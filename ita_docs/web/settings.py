"""What one server instance is allowed: upload limits, API keys, the PDF pool's size.

A server started with several worker processes passes its settings to them through
environment variables (:func:`Settings.to_env` and :func:`Settings.from_env`): the
limits as JSON, and the API keys as the path of their file, never the keys themselves.

>>> s = Settings(pdf_slots=3)
>>> Settings.from_env(s.to_env()) == s
True
"""
from __future__ import annotations

import json
import os
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from pathlib import Path

from ..errors import InputError, Location
from ..io.bounds import MAX_FILE_BYTES

__all__ = ["ENV", "KEY_FILE_ENV", "Settings", "read_api_keys"]

ENV = "ITA_DOCS_WEB_SETTINGS"
KEY_FILE_ENV = "ITA_DOCS_WEB_API_KEY_FILE"


@dataclass(frozen=True)
class Settings:
    """Limits and switches of the service."""

    #: Largest uploaded file (the CLI readers' limit); a request body may be a little larger.
    max_upload_bytes: int = MAX_FILE_BYTES
    #: Form fields and files one multipart request may carry.
    max_fields: int = 8
    max_files: int = 1
    #: Keys accepted in ``X-API-Key`` or ``Authorization: Bearer``; empty: no check.
    api_keys: frozenset[str] = field(default_factory=frozenset)
    #: LibreOffice conversions at once, and how long a request waits for its turn.
    pdf_slots: int = 2
    pdf_wait_seconds: float = 120.0
    #: Page previews: at most this many pages, at this resolution.
    preview_pages: int = 12
    preview_dpi: int = 60

    def to_env(self, api_key_file: str | Path | None = None) -> dict[str, str]:
        data = asdict(self)
        del data["api_keys"]
        return {ENV: json.dumps(data), **({KEY_FILE_ENV: str(Path(api_key_file).resolve())} if api_key_file else {})}

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Settings:
        environ = os.environ if environ is None else environ
        data = json.loads(environ.get(ENV) or "{}")
        key_file = environ.get(KEY_FILE_ENV)
        if key_file:
            return cls(**data, api_keys=read_api_keys(key_file))
        return cls(**data)


def read_api_keys(path: str | Path) -> frozenset[str]:
    """The keys of an API-key file: one a line; blank lines and ``#`` comments skipped."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise InputError(f"อ่านไฟล์กุญแจ API ไม่ได้: {exc.strerror}", location=Location(str(path))) from None
    keys = frozenset(line.strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#"))
    if not keys:
        raise InputError("ไฟล์กุญแจ API ไม่มีกุญแจเลย (หนึ่งกุญแจต่อหนึ่งบรรทัด)", location=Location(str(path)))
    short = [k for k in keys if len(k) < 16]
    if short:
        raise InputError("กุญแจ API ต้องยาวอย่างน้อย 16 ตัวอักษร", location=Location(str(path)))
    return keys
