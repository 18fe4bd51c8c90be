"""What each endpoint does, as plain functions over the library's public entry points.

They run in worker threads, one request each, inside the request's private folder
(:func:`ita_docs.web.uploads.workspace`). The answer is an :class:`Answer`: the bytes,
the file name made from organisation, year and kind, and the warnings as JSON.
"""
from __future__ import annotations

import base64
import re
import threading
import warnings
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import InputError, ItaDocsWarning, Location
from .problems import located
from .uploads import XLSX, Upload, Workspace, workspace

if TYPE_CHECKING:  # -- for the annotations: the pool module is imported where a PDF is made --
    from ..thai import Digits
    from .pdfpool import PdfPool

__all__ = ["Answer", "DOCX", "MEDIA", "PDF", "blank", "check", "convert", "followup", "next_year",
           "preview", "render"]

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
PDF = "application/pdf"
#: The media type of each output suffix.
MEDIA = {".docx": DOCX, ".pdf": PDF, ".xlsx": XLSX, ".yaml": "application/yaml; charset=utf-8",
         ".json": "application/json"}
#: Python's warning filters are one per process: renders that record warnings take turns.
_WARNINGS_LOCK = threading.Lock()


@dataclass(frozen=True)
class Answer:
    """A file to send back, and what to tell about it."""

    data: bytes
    filename: str
    media_type: str
    warnings: list[dict[str, Any]] = field(default_factory=list)

    def envelope(self) -> dict[str, Any]:
        """The answer as JSON: the file in base64 beside its warnings."""
        return {"filename": self.filename, "media_type": self.media_type, "size": len(self.data),
                "data_base64": base64.b64encode(self.data).decode("ascii"), "warnings": self.warnings}


def _name(document: Any, suffix: str) -> str:
    from ..batch import output_name

    return output_name(document).removesuffix(".docx") + suffix


def _docx(document: Any, names: Mapping[str, str]) -> tuple[bytes, list[dict[str, Any]]]:
    """The .docx of *document* and the warnings the library issued while rendering it."""
    from .. import render_bytes

    with _WARNINGS_LOCK, warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", ItaDocsWarning)
        data = render_bytes(document)
    found = [w.message for w in caught if isinstance(w.message, ItaDocsWarning)]
    return data, [located(w.location, w.message, names, "warning") for w in found]


def _pdf(space: Workspace, name: str, docx: bytes, pool: PdfPool, digits: Digits) -> bytes:
    source = space.out(Path(name).with_suffix(".docx").name)
    source.write_bytes(docx)
    return pool.convert(source, digits).read_bytes()


def render(upload: Upload, fmt: str, pool: PdfPool) -> Answer:
    """The document sent, rendered to .docx or PDF."""
    with workspace(upload) as space:
        document = space.load()
        data, found = _docx(document, space.names)
        name = _name(document, f".{fmt}")
        if fmt == "pdf":
            data = _pdf(space, name, data, pool, document.digits)
        return Answer(data, name, MEDIA[f".{fmt}"], found)


def preview(upload: Upload, pool: PdfPool, *, pages: int, dpi: int) -> dict[str, Any]:
    """Images of the first pages of the document's PDF, with the warnings."""
    from .pdfpool import page_images

    with workspace(upload) as space:
        document = space.load()
        docx, found = _docx(document, space.names)
        name = _name(document, ".pdf")
        pdf = _pdf(space, name, docx, pool, document.digits)
        pdf_path = space.out("preview.pdf")
        pdf_path.write_bytes(pdf)
        folder = space.out("pages")
        folder.mkdir()
        images, count = page_images(pdf_path, folder, pages=pages, dpi=dpi)
        return {"filename": name, "page_count": count, "warnings": found,
                "pages": [{"number": n, "image": "data:image/png;base64," + base64.b64encode(png).decode("ascii")}
                          for n, png in enumerate(images, start=1)]}


def _cell(path: str, where: Mapping[str, str]) -> str | None:
    """The sheet!cell a field path came from, or that of the nearest enclosing row.

    >>> _cell("measures[1].period.start", {"measures[1]": "มาตรการ!A3", "measures[1].period": "มาตรการ!E3"})
    'มาตรการ!E3'
    """
    probe = path
    while probe and probe not in where:
        probe = re.sub(r"(\.[^.\[\]]+|\[\d+\])$", "", probe)
    return where.get(probe)


def check(upload: Upload) -> dict[str, Any]:
    """The consistency findings of the document sent; in a workbook, with sheet and cell."""
    from .. import check as check_document

    with workspace(upload) as space:
        findings = check_document(space.source)
        where: Mapping[str, str] = {}
        if upload.suffix == ".xlsx":
            from ..io.workbook import read_workbook

            where = read_workbook(space.source)[1]
        out = []
        for finding in findings:
            location = finding.location
            cell = _cell(location.path or "", where) if where else None
            if cell:
                location = Location(location.file, f"{cell} ({location.path})")
            entry = located(location, finding.message, space.names, "warning")
            out.append({"check": finding.kind, **entry})
        return {"count": len(out), "findings": out}


def _save(space: Workspace, document: Any, suffix: str) -> tuple[bytes, str]:
    from .. import save

    name = _name(document, suffix)
    return save(document, space.out(name), overwrite=True).read_bytes(), name


def _target(upload: Upload, to: str | None) -> str:
    return f".{to}" if to else (upload.suffix if upload.suffix != ".yml" else ".yaml")


def convert(upload: Upload, to: str) -> Answer:
    """The document sent, written as YAML, JSON or a workbook."""
    with workspace(upload) as space:
        document = space.load()
        data, name = _save(space, document, f".{to}")
        return Answer(data, name, MEDIA[f".{to}"])


def followup(upload: Upload, to: str | None) -> Answer:
    """A progress report to fill in, made from the measures plan sent."""
    from ..cycle import followup as make

    with workspace(upload) as space:
        report = make(space.load())
        data, name = _save(space, report, _target(upload, to))
        return Answer(data, name, MEDIA[_target(upload, to)])


def next_year(upload: Upload, to: str | None) -> Answer:
    """Next year's document from the one sent, and the places in its text to review."""
    from ..cycle import next_year as make

    with workspace(upload) as space:
        document, review = make(space.load())
        data, name = _save(space, document, _target(upload, to))
        found = [{"check": f.kind, **located(f.location, f.message, space.names, "review")} for f in review]
        return Answer(data, name, MEDIA[_target(upload, to)], found)


def blank(kind: str, fmt: str, year: int | None = None) -> Answer:
    """A blank document of *kind* to fill in: the starter with its example rows, for *year*."""
    from importlib import resources

    import yaml

    from .. import load
    from ..model import KINDS

    starter = resources.files("ita_docs").joinpath("starters", f"{kind}.yaml")
    if kind not in KINDS or not starter.is_file():
        raise InputError(f"ไม่รู้จักชนิดเอกสาร {kind!r} (ที่มี: {', '.join(KINDS)})", location=Location(path="kind"))
    name = f"{kind}-{year}-blank.{fmt}" if year else f"{kind}-blank.{fmt}"
    if fmt == "yaml" and year is None:  # -- the starter itself, comments included --
        return Answer(starter.read_bytes(), name, MEDIA[".yaml"])
    data = yaml.safe_load(starter.read_text(encoding="utf-8"))
    if year is not None and "fiscal_year" in data:
        data["fiscal_year"] = year
    with workspace() as space:
        return Answer(_save(space, load(data), f".{fmt}")[0], name, MEDIA[f".{fmt}"])
