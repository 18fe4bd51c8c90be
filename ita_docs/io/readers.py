"""Read a data file (YAML or JSON) into a validated document model."""
from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml

from ..errors import DataValidationError, Location, Problem, ReadError, file_context
from ..model import KINDS, DocumentBase

__all__ = ["SUFFIXES", "load", "read_data"]

SUFFIXES = (".yaml", ".yml", ".json", ".xlsx")
#: Largest number of values a YAML file may expand to once its aliases (*name) are
#: followed: a few nested aliases can stand for billions of values ("billion laughs").
MAX_YAML_VALUES = 200_000
#: Largest data file read, in bytes.
MAX_FILE_BYTES = 20 * 1024 * 1024


class _LimitedLoader(yaml.SafeLoader):
    """A safe YAML loader that refuses files whose aliases expand beyond reason."""

    def compose_document(self):  # type: ignore[no-untyped-def]
        node = super().compose_document()
        sizes: dict[int, int] = {}

        def size(n: yaml.Node) -> int:
            if id(n) not in sizes:
                sizes[id(n)] = 0  # -- a recursive alias counts once --
                if isinstance(n, yaml.SequenceNode):
                    sizes[id(n)] = 1 + sum(size(c) for c in n.value)
                elif isinstance(n, yaml.MappingNode):
                    sizes[id(n)] = 1 + sum(size(k) + size(v) for k, v in n.value)
                else:
                    sizes[id(n)] = 1
            return sizes[id(n)]

        if node is not None and size(node) > MAX_YAML_VALUES:
            raise yaml.YAMLError(f"ข้อมูลขยายตัวเกิน {MAX_YAML_VALUES:,} ค่า เมื่อตาม alias (*) "
                                 "(ไฟล์อาจถูกสร้างมาเพื่อให้โปรแกรมค้าง)")
        return node


def read_data(path: str | Path) -> Any:
    """Return the plain data of a YAML or JSON file; errors name the file and line."""
    path = Path(path)
    if path.suffix.lower() == ".xlsx":
        from .workbook import read_workbook

        if not path.exists():
            raise ReadError("ไม่พบไฟล์", location=Location(str(path)))
        return read_workbook(path)[0]
    if path.suffix.lower() not in SUFFIXES:
        raise ReadError(
            f"ไม่รู้จักชนิดไฟล์ {path.suffix or '(ไม่มีนามสกุล)'} ใช้ได้: {', '.join(SUFFIXES)}",
            location=Location(str(path)),
        )
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise ReadError(f"ไฟล์ใหญ่เกิน {MAX_FILE_BYTES // 1024 // 1024} MB", location=Location(str(path)))
        raw = path.read_bytes()
    except FileNotFoundError:
        raise ReadError("ไม่พบไฟล์", location=Location(str(path))) from None
    except OSError as exc:
        raise ReadError(f"อ่านไฟล์ไม่ได้: {exc.strerror}", location=Location(str(path))) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ReadError(
            f"ไฟล์ไม่ได้บันทึกเป็น UTF-8 (พบไบต์ที่อ่านไม่ได้ที่ตำแหน่ง {exc.start}) "
            "ให้บันทึกไฟล์ใหม่เป็น UTF-8",
            location=Location(str(path)),
        ) from None
    if path.suffix.lower() == ".json":
        try:
            return json.loads(text)
        except json.JSONDecodeError as exc:
            raise ReadError(
                f"รูปแบบ JSON ผิด: {exc.msg}", location=Location(str(path), f"บรรทัด {exc.lineno} คอลัมน์ {exc.colno}")
            ) from None
    try:
        return yaml.load(text, Loader=_LimitedLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.reader.ReaderError as exc:
        raise ReadError(f"มีอักขระที่ใช้ในไฟล์ YAML ไม่ได้ (#x{exc.character:04x}) ให้ลบออก",
                        location=Location(str(path), f"ตำแหน่งที่ {exc.position}")) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"บรรทัด {mark.line + 1} คอลัมน์ {mark.column + 1}" if mark else None
        problem = " ".join((getattr(exc, "problem", None) or str(exc)).split())
        raise ReadError(f"รูปแบบ YAML ผิด: {problem}", location=Location(str(path), where)) from None


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
