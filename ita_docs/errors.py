"""Errors raised by ita-docs. Every one derives from :class:`ItaDocsError`::

    ItaDocsError
    ├── InputError (ValueError)        the input data is wrong; carries .location
    │   ├── ReadError                  the file cannot be read or parsed
    │   └── DataValidationError        the data breaks the schema; carries .problems
    ├── TemplateError                  a template is missing, malformed or fails to render
    │   └── TemplateLimitError         it goes over its time or size budget (a loop without end …)
    ├── OutputExistsError (FileExistsError)
    │                                  the output exists and overwriting was not asked for
    └── OutputError                    the output cannot be written (a folder, a full or
                                       read-only disk, a name too long …); carries the path

    ItaDocsWarning (UserWarning)       the data contradicts itself or the ITA framework
                                       (a given figure differs from the computed one …)

Messages are Thai, for the clerk who has to fix the file; field paths stay in English
(``measures[3].period``) because they name keys of the data file.
"""
from __future__ import annotations

import errno
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

__all__ = [
    "DataValidationError",
    "InputError",
    "ItaDocsError",
    "ItaDocsWarning",
    "Location",
    "OutputError",
    "OutputExistsError",
    "Problem",
    "ReadError",
    "TemplateError",
    "TemplateLimitError",
    "file_context",
    "file_error",
    "output_error",
]


@dataclass(frozen=True)
class Location:
    """Where a problem is: a file, and inside it a field path (or sheet!cell)."""

    file: str | None = None
    path: str | None = None

    def with_file(self, file: str | Path) -> Location:
        return Location(file=self.file or str(file), path=self.path)

    def __str__(self) -> str:
        return ": ".join(part for part in (self.file, self.path) if part) or "?"


@dataclass(frozen=True)
class Problem:
    """One problem found in the input: where, and what (in Thai)."""

    location: Location
    message: str

    def __str__(self) -> str:
        return f"{self.location}: {self.message}"


class _Located:
    """A message in Thai and where it applies; printed as "message (file: path)"."""

    def __init__(self, message: str, *, location: Location | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.location = location or Location()

    def __str__(self) -> str:
        where = str(self.location)
        return self.message if where == "?" else f"{self.message} ({where})"


class ItaDocsError(_Located, Exception):
    """Root of every error ita-docs raises on purpose."""

    def with_file(self, file: str | Path) -> ItaDocsError:
        self.location = self.location.with_file(file)
        return self


class InputError(ItaDocsError, ValueError):
    """The input data is wrong."""


class ReadError(InputError):
    """The input file cannot be read or parsed (missing, wrong encoding, bad syntax)."""


class DataValidationError(InputError):
    """The data breaks the schema; ``problems`` lists every problem found."""

    def __init__(self, problems: list[Problem]) -> None:
        first = problems[0]
        more = f" และอีก {len(problems) - 1} ปัญหา" if len(problems) > 1 else ""
        super().__init__(first.message + more, location=first.location)
        self.problems = problems

    def with_file(self, file: str | Path) -> DataValidationError:
        self.problems = [Problem(p.location.with_file(file), p.message) for p in self.problems]
        self.location = self.location.with_file(file)
        return self

    def __str__(self) -> str:
        return "\n".join(str(p) for p in self.problems)


class TemplateError(ItaDocsError):
    """A template is missing, malformed, or fails to render."""


class OutputExistsError(ItaDocsError, FileExistsError):
    """The output file exists and overwriting was not asked for (a clerk may have edited it)."""


class ItaDocsWarning(_Located, UserWarning):
    """The data contradicts itself or the ITA framework; the document is still produced."""


@contextmanager
def file_context(file: str | Path) -> Iterator[None]:
    """Attach *file* to any :class:`ItaDocsError` raised inside the block."""
    try:
        yield
    except ItaDocsError as exc:
        raise exc.with_file(file)


class TemplateLimitError(TemplateError):
    """A template went over what one render may spend (time, text built, loop length, depth)."""


class OutputError(ItaDocsError):
    """The output cannot be written; ``.location`` names the path."""


#: What a file-system failure means to a clerk, by ``errno``.
OS_ERROR_MESSAGES = {
    errno.ENOSPC: "พื้นที่ดิสก์เต็ม",
    errno.EDQUOT: "ใช้พื้นที่ดิสก์เกินโควตา",
    errno.EROFS: "ดิสก์หรือโฟลเดอร์นี้อ่านได้อย่างเดียว เขียนไม่ได้",
    errno.EACCES: "ไม่มีสิทธิ์เขียนหรืออ่านที่นี่",
    errno.EPERM: "ไม่มีสิทธิ์เขียนหรืออ่านที่นี่",
    errno.ENAMETOOLONG: "ชื่อไฟล์ยาวเกินที่ระบบไฟล์รับได้ (ไม่เกิน 255 ไบต์) ให้ตั้งชื่อให้สั้นลง",
    errno.EISDIR: "ที่นี่เป็นโฟลเดอร์ ไม่ใช่ไฟล์",
    errno.ENOTDIR: "ส่วนหนึ่งของเส้นทางเป็นไฟล์ ไม่ใช่โฟลเดอร์",
    errno.EEXIST: "มีไฟล์ชื่อนี้อยู่แล้ว ในที่ที่ต้องเป็นโฟลเดอร์",
    errno.ENOENT: "ไม่พบไฟล์หรือโฟลเดอร์",
    errno.EIO: "อ่านหรือเขียนดิสก์ไม่สำเร็จ (ดิสก์อาจเสีย หรือถูกถอดออก)",
    errno.ELOOP: "ลิงก์สัญลักษณ์วนซ้ำกัน",
    errno.EMFILE: "เปิดไฟล์พร้อมกันมากเกินไป",
}


def _os_message(exc: OSError) -> str:
    return OS_ERROR_MESSAGES.get(exc.errno or 0, exc.strerror or type(exc).__name__)


def output_error(exc: OSError, path: str | Path) -> OutputError:
    """The :class:`OutputError` for *exc*, raised while writing *path*.

    >>> print(output_error(OSError(errno.ENOSPC, "No space left on device"), "out.docx"))
    เขียนไฟล์ไม่ได้: พื้นที่ดิสก์เต็ม (out.docx)
    """
    return OutputError(f"เขียนไฟล์ไม่ได้: {_os_message(exc)}", location=Location(str(path)))


def file_error(exc: OSError) -> ItaDocsError:
    """An :class:`ItaDocsError` for a file-system failure no reader or writer located.

    >>> print(file_error(IsADirectoryError(errno.EISDIR, "Is a directory", "out")))
    ใช้ไฟล์ไม่ได้: ที่นี่เป็นโฟลเดอร์ ไม่ใช่ไฟล์ (out)
    """
    where = exc.filename if exc.filename is not None else None
    return ItaDocsError(f"ใช้ไฟล์ไม่ได้: {_os_message(exc)}", location=Location(str(where) if where else None))
