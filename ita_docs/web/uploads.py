"""What a request sends: a document as a JSON body, a raw YAML/JSON/XLSX body, or one
uploaded file (multipart), within the size and part limits; and the private folder in
which it is read.

Every request gets a folder of its own (mode 0700, under the system's temporary
folder), removed when the answer is made; nothing else of the server is read or
written, so requests of different users never see each other's files. Errors name the
file as the client named it, never the folder.
"""
from __future__ import annotations

import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path, PurePath
from typing import Any

from ..errors import ItaDocsError
from ..io import SUFFIXES
from .names import display_name
from .problems import ProblemError
from .settings import Settings

__all__ = ["MEDIA_TYPES", "Upload", "Workspace", "XLSX", "read_upload", "workspace"]

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
#: The suffix of each raw body's media type.
MEDIA_TYPES = {
    "application/json": ".json",
    "application/yaml": ".yaml",
    "application/x-yaml": ".yaml",
    "text/yaml": ".yaml",
    "text/x-yaml": ".yaml",
    XLSX: ".xlsx",
}
SENT = "ข้อมูลที่ส่งมา"


@dataclass(frozen=True)
class Upload:
    """The bytes of a document sent, its format (a suffix) and the client's file name."""

    data: bytes
    suffix: str
    name: str | None = None


def _too_large(settings: Settings) -> ProblemError:
    return ProblemError(413, "ไฟล์ใหญ่เกินไป", f"ไฟล์ต้องไม่เกิน {settings.max_upload_bytes // 1024 // 1024} MB",
                        slug="too-large")


def _unsupported(what: str) -> ProblemError:
    return ProblemError(415, "ไม่รู้จักชนิดข้อมูลที่ส่งมา",
                        f"{what} ส่งได้: JSON (application/json), YAML (application/yaml), Excel .xlsx "
                        "หรือแนบไฟล์ .yaml .yml .json .xlsx ในช่อง file (multipart/form-data)",
                        slug="unsupported-media-type")


async def read_upload(request: Any, settings: Settings) -> Upload:
    """The document a request sends; 413, 415 or 400 problems when it cannot be taken."""
    media = request.headers.get("content-type", "").split(";", 1)[0].strip().lower()
    if media == "multipart/form-data":
        return await _read_form(request, settings)
    if media not in MEDIA_TYPES:
        raise _unsupported(f"ชนิด {media or '(ไม่ระบุ Content-Type)'} ใช้ไม่ได้")
    data = await request.body()
    if len(data) > settings.max_upload_bytes:
        raise _too_large(settings)
    if not data:
        raise ProblemError(400, "ไม่มีข้อมูล", "ไม่ได้ส่งเอกสารมา", slug="empty")
    return Upload(data, MEDIA_TYPES[media])


async def _read_form(request: Any, settings: Settings) -> Upload:
    from starlette.datastructures import UploadFile
    from starlette.formparsers import MultiPartException

    try:
        form = await request.form(max_files=settings.max_files, max_fields=settings.max_fields,
                                  max_part_size=settings.max_upload_bytes)
    except MultiPartException as exc:
        raise ProblemError(400, "อ่านฟอร์มที่ส่งมาไม่ได้", f"ฟอร์มผิดรูปแบบหรือมีหลายส่วนเกินไป ({exc.message})",
                           slug="bad-form") from None
    try:
        part = form.get("file")
        if not isinstance(part, UploadFile):
            raise ProblemError(400, "ไม่ได้แนบไฟล์", "แนบไฟล์เอกสารในช่อง file", slug="no-file")
        name = display_name(part.filename)
        suffix = PurePath(name or "").suffix.lower()
        if suffix not in SUFFIXES:
            suffix = MEDIA_TYPES.get((part.content_type or "").split(";", 1)[0].strip().lower(), "")
        if suffix not in SUFFIXES:
            raise _unsupported(f"ไฟล์ {name or ''} ไม่ใช่ .yaml .yml .json หรือ .xlsx".replace("  ", " "))
        data = await part.read(settings.max_upload_bytes + 1)
        if len(data) > settings.max_upload_bytes:
            raise _too_large(settings)
        if not data:
            raise ProblemError(400, "ไฟล์ว่าง", "ไฟล์ที่แนบมาไม่มีข้อมูล", slug="empty")
        return Upload(data, suffix, name)
    finally:
        await form.close()


@dataclass(frozen=True)
class Workspace:
    """A request's private folder: the document sent as a file, and room for the answer."""

    folder: Path
    source: Path
    names: dict[str, str]

    def load(self) -> Any:
        from .. import load

        return load(self.source)

    def out(self, name: str) -> Path:
        """A path for an output named *name* (the folder "out" of the workspace)."""
        path = self.folder / "out" / PurePath(name).name
        path.parent.mkdir(exist_ok=True)
        return path


@contextmanager
def workspace(upload: Upload | None = None) -> Iterator[Workspace]:
    """A private folder holding *upload*, removed afterwards; library errors inside become
    problem answers that name the file as the client did."""
    with tempfile.TemporaryDirectory(prefix="ita-docs-web-") as tmp:
        folder = Path(tmp)
        name = (upload.name if upload else None) or SENT
        source = folder / "in" / f"upload{upload.suffix if upload else '.json'}"
        if upload is not None:
            source.parent.mkdir()
            source.write_bytes(upload.data)
        names = {str(source): name, tmp + "/": "", tmp: ""}
        try:
            yield Workspace(folder, source, names)
        except ItaDocsError as exc:
            raise ProblemError.of(exc, names) from None
