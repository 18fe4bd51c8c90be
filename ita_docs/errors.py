"""Errors raised by ita-docs. Every one derives from :class:`ItaDocsError`::

    ItaDocsError
    ├── InputError (ValueError)        the input data is wrong; carries .location
    │   ├── ReadError                  the file cannot be read or parsed
    │   └── DataValidationError        the data breaks the schema; carries .problems
    ├── TemplateError                  a template is missing, malformed or fails to render
    │   └── TemplateLimitError         it goes over its time or size budget (a loop without end …)
    ├── OutputExistsError (FileExistsError)
    │                                  the output exists and overwriting was not asked for
    ├── OutputError                    the output cannot be written (a folder, a full or
    │                                  read-only disk, a name too long …); carries the path
    └── PdfError                       LibreOffice is missing, or could not convert a document

    ItaDocsWarning (UserWarning)       the data contradicts itself or the ITA framework
                                       (a given figure differs from the computed one …)

A message with its location is one record, :class:`Problem`: each problem a
:class:`DataValidationError` lists, each finding of ``check`` and of the template check.

Messages are Thai, for the clerk who has to fix the file; field paths stay in English
(``measures[3].period``) because they name keys of the data file.

What a library we use raises (PyYAML, pydantic, openpyxl, zipfile, lxml, jinja2, the
file system) becomes one of these through one map, :data:`FOREIGN_ERRORS` (with
:data:`TEMPLATE_ERRORS` for what a template's own expressions raise and
:data:`SUBPROCESS_ERRORS` for starting LibreOffice): :func:`translate` reads it where
such an exception is caught.
"""
from __future__ import annotations

import errno
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path

__all__ = [
    "DataValidationError",
    "FOREIGN_ERRORS",
    "Finding",
    "ForeignError",
    "InputError",
    "ItaDocsError",
    "ItaDocsWarning",
    "Location",
    "OutputError",
    "OutputExistsError",
    "PdfError",
    "Problem",
    "ReadError",
    "SUBPROCESS_ERRORS",
    "TEMPLATE_ERRORS",
    "TemplateError",
    "TemplateLimitError",
    "cut_quoted",
    "file_context",
    "file_error",
    "output_error",
    "translate",
]


#: The most characters of a value a message quotes; a longer one (a year of 5,000 digits, a
#: pasted paragraph) is cut there, with "…".
QUOTE_LIMIT = 40
#: A value quoted the way ``{value!r}`` quotes it, longer than :data:`QUOTE_LIMIT`.
#: (An apostrophe inside a word, as in "can't", opens no quote.)
_LONG_QUOTE = re.compile(rf"(?<!\w)(?:'([^'\n]{{{QUOTE_LIMIT}}})[^'\n]+'|\"([^\"\n]{{{QUOTE_LIMIT}}})[^\"\n]+\")(?!\w)")


def cut_quoted(message: str) -> str:
    """*message* with each value it quotes cut to :data:`QUOTE_LIMIT` characters and "…".
    Every message goes through here (:class:`Problem` and each error and warning).

    >>> cut_quoted("ไม่ใช่วันที่: '16 มีนาคม " + "9" * 5000 + "' (เขียนเช่น 2023-01-30)")
    "ไม่ใช่วันที่: '16 มีนาคม 999999999999999999999999999999…' (เขียนเช่น 2023-01-30)"
    >>> cut_quoted("ไม่รู้จักรูปแบบตาราง 'bangkok'")
    "ไม่รู้จักรูปแบบตาราง 'bangkok'"
    >>> cut_quoted("it can't be read: the file isn't a workbook, so it's refused")
    "it can't be read: the file isn't a workbook, so it's refused"
    """
    return _LONG_QUOTE.sub(lambda m: f"'{m[1]}…'" if m[1] is not None else f'"{m[2]}…"', message)


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
    """A message (in Thai) with its location: one problem in the input, or one thing a check found.

    *kind* says which: ``"error"`` for a problem in the input (what
    :class:`DataValidationError` lists), the check's name for a consistency finding
    (``"figure"``, ``"name_variant"``, ``"review"`` …), or ``"error"``, ``"warning"`` or
    ``"note"`` for what the template check finds.

    >>> str(Problem(Location("plan.yaml", "fiscal_year"), "ปีงบประมาณต้องเป็นตัวเลข"))
    'ปีงบประมาณต้องเป็นตัวเลข (plan.yaml: fiscal_year)'
    >>> Problem(Location(path="total"), "คะแนนรวมไม่ตรง", kind="figure").with_file("a.yaml").location
    Location(file='a.yaml', path='total')
    """

    location: Location
    message: str
    kind: str = "error"

    def __post_init__(self) -> None:
        object.__setattr__(self, "message", cut_quoted(self.message))

    def with_file(self, file: str | Path) -> Problem:
        """The same problem, in *file* (unless its location names a file already)."""
        return replace(self, location=self.location.with_file(file))

    def __str__(self) -> str:
        where = str(self.location)
        return self.message if where == "?" else f"{self.message} ({where})"


#: The name :func:`ita_docs.check` results had before they were one record with
#: :class:`Problem`; kept so that code written against it still runs.
Finding = Problem


class _Located(Exception):
    """A message in Thai and where it applies; printed as "message (file: path)"."""

    def __init__(self, message: str, *, location: Location | None = None) -> None:
        message = cut_quoted(message)
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
        self.problems = [p.with_file(file) for p in self.problems]
        self.location = self.location.with_file(file)
        return self

    def __str__(self) -> str:
        return "\n".join(f"{p.location}: {p.message}" for p in self.problems)


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
    error = translate(exc)
    assert error is not None  # -- builtins.OSError is a row of FOREIGN_ERRORS --
    return error

class PdfError(ItaDocsError):
    """LibreOffice is missing, or could not convert a document (not the input's fault)."""


@dataclass(frozen=True)
class ForeignError:
    """One row of the map: a foreign exception class, by its full name, and what it becomes.

    The class is named, not imported, so that this module imports none of the libraries.
    *message* is Thai; ``{detail}`` is the exception's own text (for an :class:`OSError`,
    what its ``errno`` means), ``{kind}`` its class name, ``{template}`` a template's name.
    """

    name: str
    becomes: type[ItaDocsError]
    message: str


#: Foreign exceptions anywhere ita-docs reads or writes a file; the first row the exception's
#: class is (or derives from) wins, so a subclass comes before its base.
FOREIGN_ERRORS: tuple[ForeignError, ...] = (
    ForeignError("yaml.error.YAMLError", ReadError, "อ่านไฟล์ YAML ไม่ได้: {detail}"),
    ForeignError("json.decoder.JSONDecodeError", ReadError, "อ่านไฟล์ JSON ไม่ได้: {detail}"),
    ForeignError("pydantic_core._pydantic_core.ValidationError", InputError, "ข้อมูลไม่ตรงตามแบบ: {detail}"),
    ForeignError("openpyxl.utils.exceptions.InvalidFileException", ReadError,
                 "เปิดสมุดงาน Excel ไม่ได้: {detail}"),
    ForeignError("zipfile.BadZipFile", ReadError, "ไฟล์เสียหรือไม่ใช่ไฟล์ .docx/.xlsx: {detail}"),
    ForeignError("zipfile.LargeZipFile", ReadError, "ไฟล์ zip ใหญ่เกินไป: {detail}"),
    ForeignError("lxml.etree.XMLSyntaxError", ReadError, "XML ในไฟล์ผิดรูปแบบ: {detail}"),
    ForeignError("xml.etree.ElementTree.ParseError", ReadError, "XML ในไฟล์ผิดรูปแบบ: {detail}"),
    ForeignError("jinja2.exceptions.TemplateSyntaxError", TemplateError, "แม่แบบมีแท็กผิดรูปแบบ: {detail}"),
    ForeignError("jinja2.exceptions.TemplateError", TemplateError, "แม่แบบใช้ไม่ได้: {detail}"),
    ForeignError("builtins.UnicodeDecodeError", ReadError, "ไฟล์ไม่ได้เข้ารหัสเป็น UTF-8: {detail}"),
    ForeignError("builtins.OSError", ItaDocsError, "ใช้ไฟล์ไม่ได้: {detail}"),
)

#: What starting or running another program (LibreOffice) raises: not the input's fault.
SUBPROCESS_ERRORS: tuple[ForeignError, ...] = (
    ForeignError("subprocess.TimeoutExpired", PdfError, "{program} ทำงานนานเกินกำหนดและถูกหยุดแล้ว: {detail}"),
    ForeignError("subprocess.CalledProcessError", PdfError, "{program} ทำงานไม่สำเร็จ: {detail}"),
    ForeignError("builtins.OSError", PdfError, "เริ่ม {program} ไม่ได้: {detail}"),
)

#: What a template's own expressions raise while it renders (``{{ 1 / 0 }}``, ``{{ 10.0 ** 999 }}``,
#: a loop over a number …); a template is the user's input, so every exception is its fault.
TEMPLATE_ERRORS: tuple[ForeignError, ...] = (
    ForeignError("jinja2.exceptions.SecurityError", TemplateError,
                 "แม่แบบ {template} เข้าถึงส่วนภายในของโปรแกรม ซึ่งไม่อนุญาต ({detail})"),
    ForeignError("jinja2.exceptions.UndefinedError", TemplateError,
                 "แม่แบบ {template} ใช้ตัวแปรหรือช่องข้อมูลที่ไม่มี ({detail})"),
    ForeignError("jinja2.exceptions.TemplateError", TemplateError, "แม่แบบ {template} ใช้ไม่ได้: {detail}"),
    ForeignError("builtins.RecursionError", TemplateLimitError,
                 "แม่แบบ {template} เรียก macro ซ้อนกันลึกเกินไป (เรียกตัวเองไม่รู้จบ)"),
    ForeignError("builtins.MemoryError", TemplateLimitError, "แม่แบบ {template} ใช้หน่วยความจำเกินที่มี"),
    ForeignError("builtins.OverflowError", TemplateError,
                 "แม่แบบ {template} คำนวณตัวเลขที่ใหญ่เกินไป: {kind}: {detail}"),
    ForeignError("builtins.ArithmeticError", TemplateError, "แม่แบบ {template} คำนวณไม่ได้: {kind}: {detail}"),
    ForeignError("builtins.Exception", TemplateError, "แม่แบบ {template} ใช้ไม่ได้: {kind}: {detail}"),
)


def _class_names(exc: BaseException) -> list[str]:
    return [f"{cls.__module__}.{cls.__qualname__}" for cls in type(exc).__mro__]


def translate(exc: BaseException, table: tuple[ForeignError, ...] = FOREIGN_ERRORS, *,
              location: Location | None = None, **names: str) -> ItaDocsError | None:
    """Our error for the foreign *exc* by *table*, or None if no row names its class.

    An :class:`OSError` names its file when it has one (and *location* does not).

    >>> print(translate(IsADirectoryError(errno.EISDIR, "Is a directory", "data.yaml")))
    ใช้ไฟล์ไม่ได้: ที่นี่เป็นโฟลเดอร์ ไม่ใช่ไฟล์ (data.yaml)
    >>> print(translate(ZeroDivisionError("division by zero"), TEMPLATE_ERRORS, template="mine.docx"))
    แม่แบบ mine.docx คำนวณไม่ได้: ZeroDivisionError: division by zero
    >>> translate(KeyError("x")) is None
    True
    """
    if isinstance(exc, ItaDocsError):
        return exc
    classes = _class_names(exc)
    row = next((r for r in table if r.name in classes), None)
    if row is None:
        return None
    if isinstance(exc, OSError):
        detail = _os_message(exc)
        if location is None and exc.filename is not None:
            location = Location(str(exc.filename))
    else:
        detail = str(exc).strip().split("\n")[0] or type(exc).__name__
    message = row.message.format(detail=detail, kind=type(exc).__name__, **names)
    return row.becomes(message, location=location)
