"""Errors as RFC 9457 problem details (``application/problem+json``), in Thai, with locations.

An :class:`~ita_docs.errors.ItaDocsError` becomes a problem whose ``problems`` list every
place at fault (field path, or sheet!cell of a workbook) with its Thai message. No answer
names a folder of the server: an uploaded file is named as the client named it, and
any other path of the server's disk is cut out of the text.

>>> from ita_docs.errors import DataValidationError, Location, Problem
>>> error = DataValidationError([Problem(Location("/tmp/x/up/plan.xlsx", "มาตรการ!E3 (measures[0].period)"), "ผิด")])
>>> body = problem_of(error, {"/tmp/x/up/plan.xlsx": "แผน.xlsx"})
>>> body["status"], body["problems"][0]["cell"], body["problems"][0]["file"], body["problems"][0]["path"]
(422, 'มาตรการ!E3', 'แผน.xlsx', 'measures[0].period')
"""
from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ..errors import DataValidationError, ItaDocsError, Location, PdfError, ReadError, TemplateError

__all__ = ["MEDIA_TYPE", "ProblemError", "located", "problem", "problem_of", "scrub"]

MEDIA_TYPE = "application/problem+json"
_TYPE = "urn:ita-docs:problem:"
_CELL = re.compile(r"^(?P<cell>[^!()]+![A-Z]{1,3}[0-9]+)(?: \((?P<path>.*)\))?$")
_PACKAGE = str(Path(__file__).resolve().parents[1])


class ProblemError(Exception):
    """An answer that is a problem: raised in a route, answered by the app's handler."""

    def __init__(self, status: int, title: str, detail: str, *, slug: str = "request",
                 headers: Mapping[str, str] | None = None, **extra: Any) -> None:
        super().__init__(detail)
        self.status, self.title, self.detail, self.slug = status, title, detail, slug
        self.headers = dict(headers or {})
        self.extra = extra

    def body(self) -> dict[str, Any]:
        return problem(self.status, self.title, self.detail, slug=self.slug, **self.extra)

    @classmethod
    def of(cls, exc: ItaDocsError, names: Mapping[str, str] | None = None) -> ProblemError:
        """The problem answer of a library error (see :func:`problem_of`)."""
        body = problem_of(exc, names)
        status, title, detail = body.pop("status"), body.pop("title"), body.pop("detail")
        slug = body.pop("type").removeprefix(_TYPE)
        return cls(status, title, detail, slug=slug, **body)


def problem(status: int, title: str, detail: str, *, slug: str = "request", **extra: Any) -> dict[str, Any]:
    """A problem-details object.

    >>> problem(413, "ไฟล์ใหญ่เกินไป", "ไม่เกิน 20 MB", slug="too-large")["type"]
    'urn:ita-docs:problem:too-large'
    """
    return {"type": _TYPE + slug, "title": title, "status": status, "detail": detail, **extra}


def scrub(text: str, names: Mapping[str, str] | None = None) -> str:
    """*text* with each uploaded file's server path replaced by its client name, and any
    other folder of the server (temporary, working, package, home) cut out.

    >>> scrub("อ่านไม่ได้ /srv/app/tmp/ab/x.yaml", {"/srv/app/tmp/ab/x.yaml": "แผน.yaml"})
    'อ่านไม่ได้ แผน.yaml'
    >>> scrub(tempfile.gettempdir() + "/ita-docs-pdf-1/in/00000.docx ผิด")
    '00000.docx ผิด'
    """
    for path, name in sorted((names or {}).items(), key=lambda item: -len(item[0])):
        text = text.replace(path, name)
    for folder in _server_folders():
        text = re.sub(re.escape(folder) + r"[^\s:'\"()]*/", "", text)
    return text


def _server_folders() -> list[str]:
    folders = {tempfile.gettempdir(), os.getcwd(), _PACKAGE, os.path.expanduser("~"), "/tmp"}
    return sorted((f.rstrip("/") for f in folders if f and f != "/"), key=len, reverse=True)


def located(location: Location, message: str, names: Mapping[str, str], severity: str) -> dict[str, Any]:
    """One problem or finding as JSON: severity, message, file, path, cell (sheet!cell) and location."""
    file = location.file
    if file is not None:
        file = names.get(file) or Path(file).name
    where = scrub(location.path or "", names) or None
    entry: dict[str, Any] = {"severity": severity, "message": scrub(message, names), "file": file,
                             "path": where, "cell": None}
    match = _CELL.match(where or "")
    if match:
        entry["cell"], entry["path"] = match.group("cell"), match.group("path")
    entry["location"] = str(Location(file, where))
    return entry


#: Status, title and type of each error class (the first that matches).
_STATUS: tuple[tuple[type[ItaDocsError], int, str, str], ...] = (
    (ReadError, 400, "อ่านไฟล์ไม่ได้", "unreadable"),
    (DataValidationError, 422, "ข้อมูลไม่ถูกต้อง", "invalid-data"),
    (TemplateError, 422, "สร้างเอกสารจากข้อมูลนี้ไม่ได้", "template"),
)


def problem_of(exc: ItaDocsError, names: Mapping[str, str] | None = None) -> dict[str, Any]:
    """The problem details of a library error, every problem with its location."""
    names = names or {}
    status, title, slug = 422, "ข้อมูลไม่ถูกต้อง", "invalid-input"
    for cls, code, text, name in _STATUS:
        if isinstance(exc, cls):
            status, title, slug = code, text, name
            break
    if isinstance(exc, PdfError):  # -- LibreOffice missing or failing: not the input's fault --
        status, title, slug = 503, "สร้าง PDF ไม่ได้ในขณะนี้", "pdf-unavailable"
    if isinstance(exc, DataValidationError):
        entries = [located(p.location, p.message, names, "error") for p in exc.problems]
    else:
        entries = [located(exc.location, exc.message, names, "error")]
    detail = "\n".join(f"{e['message']} ({e['location']})" if e["location"] != "?" else e["message"]
                       for e in entries)
    return problem(status, title, detail, slug=slug, problems=entries)
