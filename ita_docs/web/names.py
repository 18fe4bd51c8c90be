"""File names in HTTP answers: a Thai-safe ``Content-Disposition`` and header-safe text.

>>> print(content_disposition("กรูด-2566-progress_report.docx"))
attachment; filename="document-2566-progress_report.docx"; filename*=UTF-8''%E0%B8%81%E0%B8%A3%E0%B8%B9%E0%B8%94-2566-progress_report.docx
>>> print(content_disposition('a "b".docx'))
attachment; filename="a _b.docx"; filename*=UTF-8''a%20%22b%22.docx
"""
from __future__ import annotations

import json
import re
import unicodedata
from pathlib import PurePath
from urllib.parse import quote, unquote

__all__ = ["ascii_fallback", "content_disposition", "decoded_header", "display_name", "encoded_header"]

_NOT_ASCII_SAFE = re.compile(r'[^A-Za-z0-9._ -]+')
_RUN_OF_FILLERS = re.compile(r"[_ -]*-[_ -]*")


def ascii_fallback(filename: str) -> str:
    """The ``filename=`` of an old client: non-ASCII runs become "document" or "_".

    >>> ascii_fallback("เทศบาลตำบลกรูด-2566-progress_report.docx")
    'document-2566-progress_report.docx'
    >>> ascii_fallback("plan.docx")
    'plan.docx'
    """
    stem, dot, suffix = filename.rpartition(".")
    if not dot:
        stem, suffix = filename, ""
    parts = [_NOT_ASCII_SAFE.sub("_", part).strip(" _") for part in stem.split("-")]
    parts = [p if p else "document" for p in parts]
    out = "-".join(dict.fromkeys(parts) if all(p == "document" for p in parts) else parts)
    return f"{out}.{_NOT_ASCII_SAFE.sub('', suffix)}" if dot else out


def content_disposition(filename: str, disposition: str = "attachment") -> str:
    """A ``Content-Disposition`` value with an ASCII ``filename`` and an RFC 5987 ``filename*``."""
    name = unicodedata.normalize("NFC", filename)
    return f"{disposition}; filename=\"{ascii_fallback(name)}\"; filename*=UTF-8''{quote(name, safe='')}"


def encoded_header(value: object) -> str:
    """*value* as JSON, percent-encoded UTF-8 (RFC 8187 style), so Thai text fits a header.

    >>> encoded_header(["ผิด"])
    "UTF-8''%5B%22%E0%B8%9C%E0%B8%B4%E0%B8%94%22%5D"
    >>> decoded_header(encoded_header(["ผิด"]))
    ['ผิด']
    """
    return "UTF-8''" + quote(json.dumps(value, ensure_ascii=False, separators=(",", ":")), safe="")


def decoded_header(value: str) -> object:
    """The value :func:`encoded_header` encoded."""
    return json.loads(unquote(value.removeprefix("UTF-8''")))


def display_name(filename: str | None) -> str | None:
    """The last part of a client's file name, as shown back in messages (never a folder).

    >>> display_name("C:\\\\Users\\\\clerk\\\\แผน.xlsx"), display_name("../../etc/passwd"), display_name(None)
    ('แผน.xlsx', 'passwd', None)
    """
    if not filename:
        return None
    name = PurePath(filename.replace("\\", "/")).name
    name = "".join(ch for ch in name if unicodedata.category(ch)[0] != "C")
    return name[:200] or None
