"""One guard for every zip-based input: workbooks, templates, and a .docx to convert.

A zip's central directory says, before anything is unpacked, what each entry claims
to hold. :func:`check_archive` refuses, from that directory alone, a file that is too
big, has too many entries, unpacks too far in total or per entry (a zip bomb), names an
entry outside the package (``../x``, ``/abs``, ``C:x``, backslashes), holds the same
name twice, is encrypted, or uses a compression method other than stored or deflate
(deflate64, bzip2, lzma …). The checks hold for what is read later, too: Python's
:mod:`zipfile` never returns more than an entry's declared size and checks its CRC at
the end, which :func:`read_archive` and :func:`verify_archive` turn into a located error.

Every refusal is a Thai :class:`~ita_docs.errors.ReadError` (or the error class a
caller passes, such as :class:`~ita_docs.errors.TemplateError`) located at the file and,
where one is to blame, the entry.
"""
from __future__ import annotations

import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from .errors import ItaDocsError, Location, ReadError

__all__ = ["DOCX", "Limits", "TEMPLATE", "WORKBOOK", "check_archive", "entry_name_problem", "read_archive",
           "verify_archive"]

_MB = 1024 * 1024
#: Compression methods every reader handles: 0 stored, 8 deflate.
ALLOWED_METHODS = {zipfile.ZIP_STORED: "stored", zipfile.ZIP_DEFLATED: "deflate"}
_METHOD_NAMES = {9: "deflate64", 12: "bzip2", 14: "lzma", 93: "zstandard", 95: "xz", 98: "ppmd", 99: "AES"}
_CHUNK = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    """What a zip-based input may be: on disk, unpacked, in entries, and per entry's ratio."""

    max_file_bytes: int
    max_unpacked: int
    max_entries: int
    #: Largest unpacked/packed ratio of one entry, checked for entries above ``ratio_floor``.
    max_ratio: int = 100
    ratio_floor: int = _MB


WORKBOOK = Limits(max_file_bytes=20 * _MB, max_unpacked=200 * _MB, max_entries=1000)
TEMPLATE = Limits(max_file_bytes=20 * _MB, max_unpacked=100 * _MB, max_entries=500)
DOCX = Limits(max_file_bytes=100 * _MB, max_unpacked=500 * _MB, max_entries=5000)


def entry_name_problem(name: str) -> str | None:
    """Why an entry name may not be unpacked, in Thai, or None when it is fine.

    >>> entry_name_problem("word/document.xml") is None
    True
    >>> entry_name_problem("../../etc/passwd")
    "ชื่อมี '..' ชี้ออกนอกไฟล์"
    >>> entry_name_problem("/abs/x")
    'ชื่อเป็นตำแหน่งเต็ม (absolute path)'
    >>> entry_name_problem("word\\\\media\\\\a.png")
    'ชื่อมีเครื่องหมาย \\\\ (backslash)'
    """
    if not name:
        return "ชื่อว่าง"
    if "\\" in name:
        return "ชื่อมีเครื่องหมาย \\ (backslash)"
    if "\0" in name or any(ord(c) < 32 for c in name):
        return "ชื่อมีอักขระควบคุม"
    if name.startswith("/") or (len(name) > 1 and name[1] == ":"):
        return "ชื่อเป็นตำแหน่งเต็ม (absolute path)"
    if ".." in PurePosixPath(name).parts:
        return "ชื่อมี '..' ชี้ออกนอกไฟล์"
    return None


def _subject(what: str) -> str:
    """*what* ready to open a Thai sentence: a space after a Latin word ("ไฟล์ Word มี…").

    >>> _subject("ไฟล์ Word"), _subject("แม่แบบ"), _subject("ไฟล์ Word ")
    ('ไฟล์ Word ', 'แม่แบบ', 'ไฟล์ Word ')
    """
    return what + " " if what[-1:].isascii() and what[-1:].isalnum() else what


def _mb(size: int) -> str:
    return f"{size / _MB:,.0f} MB" if size >= _MB else f"{size / 1024:,.0f} KB"


def check_archive(path: str | Path, limits: Limits, *, what: str = "ไฟล์",
                  error: type[ItaDocsError] = ReadError) -> list[zipfile.ZipInfo]:
    """The entries of the zip at *path*, once its central directory passes every check.

    *what* names the file for the clerk ("สมุดงาน Excel", "แม่แบบ" …).
    """
    path = Path(path)
    file = str(path)
    what = _subject(what)

    def refuse(message: str, entry: str | None = None) -> ItaDocsError:
        return error(message, location=Location(file, entry))

    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise refuse(f"ไม่พบ{what.strip()}") from None
    except OSError as exc:
        raise refuse(f"อ่าน{what}ไม่ได้: {exc.strerror}") from None
    if path.is_dir():
        raise refuse(f"{what}ต้องเป็นไฟล์ ไม่ใช่โฟลเดอร์")
    if not path.is_file():  # -- a named pipe or a device: waited on or read without end --
        raise refuse(f"{what}ไม่ใช่ไฟล์ธรรมดา (เป็นอุปกรณ์หรือช่องทางพิเศษของระบบ)")
    if size > limits.max_file_bytes:
        raise refuse(f"{what}ใหญ่เกิน {_mb(limits.max_file_bytes)} ({_mb(size)})")
    try:
        with zipfile.ZipFile(path) as package:
            infos = package.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError, NotImplementedError) as exc:
        raise refuse(f"{what}เสียหรือไม่ใช่ไฟล์ชนิดที่ถูกต้อง (อ่านโครงสร้าง zip ไม่ได้: {exc})") from None
    except OSError as exc:
        raise refuse(f"อ่าน{what}ไม่ได้: {exc.strerror or exc}") from None
    if len(infos) > limits.max_entries:
        raise refuse(f"{what}มีส่วนประกอบมากเกินไป ({len(infos):,} ส่วน เกิน {limits.max_entries:,})")
    seen: set[str] = set()
    total = 0
    for info in infos:
        name = info.filename
        if problem := entry_name_problem(info.orig_filename):
            raise refuse(f"{what}มีส่วนประกอบที่ใช้ไม่ได้: {problem}", repr(info.orig_filename))
        if name in seen:
            raise refuse(f"{what}มีส่วนประกอบชื่อซ้ำกัน", name)
        seen.add(name)
        if info.flag_bits & 0x1:
            raise refuse(f"{what}มีส่วนประกอบที่เข้ารหัสผ่าน (encrypted) ซึ่งอ่านไม่ได้ ให้บันทึกใหม่โดยไม่ตั้งรหัสผ่าน", name)
        if info.compress_type not in ALLOWED_METHODS:
            method = _METHOD_NAMES.get(info.compress_type, f"วิธีที่ {info.compress_type}")
            raise refuse(f"{what}บีบอัดด้วยวิธี {method} ซึ่งไม่รองรับ (ใช้ได้เฉพาะ stored และ deflate) "
                         "ให้บันทึกใหม่ด้วยโปรแกรมสำนักงาน", name)
        if info.file_size > limits.ratio_floor and info.file_size > limits.max_ratio * max(info.compress_size, 1):
            raise refuse(f"{what}มีส่วนประกอบที่ขยายตัวผิดปกติ ({_mb(info.compress_size)} เป็น "
                         f"{_mb(info.file_size)} เมื่อแตกไฟล์ อาจเป็น zip bomb)", name)
        total += info.file_size
        if total > limits.max_unpacked:
            raise refuse(f"{what}ขยายตัวเกิน {_mb(limits.max_unpacked)} เมื่อแตกไฟล์ (อาจเป็น zip bomb)")
    return infos


def _read(package: zipfile.ZipFile, info: zipfile.ZipInfo, refuse, keep: bool) -> bytes:  # type: ignore[no-untyped-def]
    chunks = []
    try:
        with package.open(info) as entry:
            while chunk := entry.read(_CHUNK):
                if keep:
                    chunks.append(chunk)
    except (zipfile.BadZipFile, zlib.error) as exc:
        raise refuse(f"ส่วนประกอบเสีย ({exc})", info.filename) from None
    except (EOFError, ValueError, NotImplementedError, RuntimeError, OSError) as exc:
        raise refuse(f"ส่วนประกอบอ่านไม่ได้ ({type(exc).__name__}: {exc})", info.filename) from None
    return b"".join(chunks)


def read_archive(path: str | Path, limits: Limits, *, what: str = "ไฟล์",
                 error: type[ItaDocsError] = ReadError) -> dict[str, bytes]:
    """Every entry of the zip at *path* by name, once :func:`check_archive` passes it;
    a damaged entry (bad CRC, cut short) is a located error."""
    infos = check_archive(path, limits, what=what, error=error)
    what = _subject(what)

    def refuse(message: str, entry: str | None = None) -> ItaDocsError:
        return error(f"{what}{message}", location=Location(str(path), entry))

    with zipfile.ZipFile(path) as package:
        return {info.filename: _read(package, info, refuse, keep=True) for info in infos}


def verify_archive(path: str | Path, limits: Limits, *, what: str = "ไฟล์",
                   error: type[ItaDocsError] = ReadError) -> list[zipfile.ZipInfo]:
    """:func:`check_archive`, then read every entry through (a chunk at a time, nothing
    kept) so that a damaged entry is found before another program opens the file."""
    infos = check_archive(path, limits, what=what, error=error)
    what = _subject(what)

    def refuse(message: str, entry: str | None = None) -> ItaDocsError:
        return error(f"{what}{message}", location=Location(str(path), entry))

    with zipfile.ZipFile(path) as package:
        for info in infos:
            _read(package, info, refuse, keep=False)
    return infos
