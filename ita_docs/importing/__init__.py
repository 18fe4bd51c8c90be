"""Import an existing .docx (last year's Word file) into a document's data.

>>> from ita_docs.importing import IMPORTED_KINDS
>>> "measures_plan" in IMPORTED_KINDS
True

:func:`import_docx` reads the file (through the zip guard of :mod:`ita_docs.archive`),
recognises its kind, organisation and fiscal year, its tables by their header rows
(``vocabulary.yaml``), and returns the validated model with an :class:`ImportReport`.
"""
from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from ..archive import DOCX, read_archive
from ..errors import Location, ReadError
from ..model import DocumentBase
from .build import IMPORTED_KINDS, build_document
from .reader import read_docx_bytes
from .report import ImportReport, TableNote

__all__ = ["IMPORTED_KINDS", "ImportReport", "Imported", "TableNote", "import_docx"]


class Imported(NamedTuple):
    """What :func:`import_docx` returns: the validated document and the report of the import."""

    document: DocumentBase
    report: ImportReport


def import_docx(path: str | Path, kind: str | None = None) -> Imported:
    """The document a .docx at *path* holds, as validated data, and the report of what was read.

    *kind* names the document kind; left out, it is recognised from the title and the tables.
    Raises :class:`~ita_docs.errors.ReadError` (a file that is not a .docx, too big, damaged)
    and :class:`~ita_docs.errors.InputError` (no fiscal year found), each naming the file.
    """
    file = str(path)
    parts = read_archive(path, DOCX, what="ไฟล์ Word")
    try:
        source = read_docx_bytes(parts)
    except ValueError:
        raise ReadError("ไฟล์นี้ไม่ใช่ไฟล์ Word (.docx): ไม่มี word/document.xml",
                        location=Location(file)) from None
    except Exception as exc:  # noqa: BLE001 - lxml's XMLSyntaxError and the like, from a damaged part
        raise ReadError(f"อ่านเนื้อหาไฟล์ Word ไม่ได้: {exc}", location=Location(file, "word/document.xml")) from None
    document, report = build_document(source, kind=kind, file=file)
    return Imported(document, report)
