"""Read a data file (YAML or JSON) into a validated document model."""
from __future__ import annotations

import stat
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ..errors import DataValidationError, Location, Problem, ReadError, file_context
from ..model import KINDS, DocumentBase
from .bounds import MAX_FILE_BYTES
from .encoding import decode
from .json_strict import load_json
from .yaml_strict import load_yaml

__all__ = ["FOLDER", "SPECIAL_FILE", "SUFFIXES", "load", "read_data"]

SUFFIXES = (".yaml", ".yml", ".json", ".xlsx")
#: A file to read that is a named pipe or a device (its name may still end in .yaml), by what
#: it was to be: ``{what}`` is ไฟล์ข้อมูล, ไฟล์แม่แบบ …
SPECIAL_FILE = "ไม่ใช่ไฟล์ธรรมดา (เป็นอุปกรณ์หรือช่องทางพิเศษของระบบ) อ่านเป็น{what}ไม่ได้"
#: A file to read that is a folder.
FOLDER = "เป็นโฟลเดอร์ ไม่ใช่{what}"
#: A data file that is a named pipe or a device.
NOT_A_REGULAR_FILE = SPECIAL_FILE.format(what="ไฟล์ข้อมูล")


def read_data(path: str | Path) -> Any:
    """Return the plain data of a YAML or JSON file; errors name the file and line.

    Every value is read as the text typed (see :mod:`ita_docs.io.yaml_strict`); the
    model converts it where a field asks for a number, a date or a flag.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        from .workbook import read_workbook

        if not path.exists():
            raise ReadError("ไม่พบไฟล์", location=Location(str(path)))
        return read_workbook(path)[0]
    if suffix not in SUFFIXES:
        raise ReadError(
            f"ไม่รู้จักชนิดไฟล์ {path.suffix or '(ไม่มีนามสกุล)'} ใช้ได้: {', '.join(SUFFIXES)}",
            location=Location(str(path)),
        )
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode) and not stat.S_ISDIR(info.st_mode):
            # -- a named pipe would be waited on for ever, a device read without end --
            raise ReadError(NOT_A_REGULAR_FILE, location=Location(str(path)))
        if info.st_size > MAX_FILE_BYTES:
            raise ReadError(f"ไฟล์ใหญ่เกิน {MAX_FILE_BYTES // 1024 // 1024} MB", location=Location(str(path)))
        raw = path.read_bytes()
    except FileNotFoundError:
        raise ReadError("ไม่พบไฟล์", location=Location(str(path))) from None
    except IsADirectoryError:
        raise ReadError(FOLDER.format(what="ไฟล์ข้อมูล"), location=Location(str(path))) from None
    except OSError as exc:
        raise ReadError(f"อ่านไฟล์ไม่ได้: {exc.strerror}", location=Location(str(path))) from None
    with file_context(path):
        text = decode(raw)
        return load_json(text) if suffix == ".json" else load_yaml(text)


def _document_class(data: Any) -> type[DocumentBase]:
    if not isinstance(data, Mapping):
        raise DataValidationError([Problem(Location(), "ข้อมูลต้องเป็นกลุ่มข้อมูลแบบ ชื่อ: ค่า ที่มีช่อง kind")])
    kind = data.get("kind")
    if kind is None:
        raise DataValidationError(
            [Problem(Location(path="kind"), f"ต้องระบุชนิดเอกสาร เช่น kind: measures_plan (ที่มี: {', '.join(KINDS)})")]
        )
    try:
        return KINDS[kind]
    except (KeyError, TypeError):
        raise DataValidationError(
            [Problem(Location(path="kind"), f"ไม่รู้จักชนิดเอกสาร {kind!r} (ที่มี: {', '.join(KINDS)})")]
        ) from None


def load(source: str | Path | Mapping[str, Any] | DocumentBase) -> DocumentBase:
    """Return the validated document of *source*: a file path, plain data, or a model.

    Raises :class:`~ita_docs.errors.InputError` naming the file and field path.
    """
    if isinstance(source, DocumentBase):
        return source
    if isinstance(source, Mapping):
        return _document_class(source).from_data(source)
    path = Path(source)
    if path.suffix.lower() == ".xlsx" and path.exists():
        return _load_workbook(path)
    with file_context(source):
        data = read_data(source)
        return _document_class(data).from_data(data)


def _load_workbook(path: Path) -> DocumentBase:
    """A workbook's document; each problem names its sheet and cell (มาตรการ!C7)."""
    from .workbook import locate, read_workbook

    data, where = read_workbook(path)
    try:
        return _document_class(data).from_data(data)
    except DataValidationError as exc:
        raise DataValidationError(locate(exc.problems, where, str(path))) from None
