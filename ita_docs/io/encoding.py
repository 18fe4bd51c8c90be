"""The text of a data file: UTF-8 (with or without BOM) or UTF-16/32 with a BOM.

Anything else — UTF-16 saved without its BOM, a Word or Excel file renamed to .yaml,
a legacy Thai code page — is refused with a message that says what the file seems to
be and how to save it, instead of a parser's complaint about character #x0000.
"""
from __future__ import annotations

import codecs

from ..errors import Location, ReadError

__all__ = ["decode"]

# -- longest BOM first: the UTF-32 LE BOM begins with the UTF-16 LE one --
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "UTF-32"),
    (codecs.BOM_UTF8, "utf-8", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16"),
)

#: How other kinds of file begin, and what to call them in a message.
_MAGIC = (
    (b"PK\x03\x04", "ไฟล์ zip (เช่น .docx หรือ .xlsx)"),
    (b"%PDF", "ไฟล์ PDF"),
    (b"\xd0\xcf\x11\xe0", "ไฟล์ Word หรือ Excel รุ่นเก่า (.doc/.xls)"),
    (b"\x89PNG", "ไฟล์รูปภาพ PNG"),
    (b"\xff\xd8\xff", "ไฟล์รูปภาพ JPEG"),
)

_SAVE_AS = "ให้เปิดไฟล์ในโปรแกรมแก้ไขข้อความแล้วบันทึกใหม่เป็น UTF-8"


def _line_of(raw: bytes, offset: int) -> int:
    return raw.count(b"\n", 0, offset) + 1


def _looks_utf16(raw: bytes) -> bool:
    """Most zero bytes on one side of each pair: ASCII text saved as UTF-16 without BOM."""
    head = raw[:4096]
    even = head[0::2].count(0)
    odd = head[1::2].count(0)
    return max(even, odd) >= 0.3 * (len(head) // 2) and min(even, odd) <= 0.1 * max(even, odd)


def decode(raw: bytes, file: str | None = None) -> str:
    """The text of *raw*, the bytes of a data file; a BOM tells UTF-16 and UTF-32 apart.

    >>> decode("ก: 1".encode("utf-8-sig"))
    'ก: 1'
    >>> decode("ก: 1".encode("utf-16"))
    'ก: 1'
    >>> decode("kind: x".encode("utf-16-le"))  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    ita_docs.errors.ReadError: ไฟล์บันทึกเป็น UTF-16 แต่ไม่มี BOM ...
    """
    for bom, codec, name in _BOMS:
        if raw.startswith(bom):
            try:
                return raw[len(bom):].decode(codec)
            except UnicodeDecodeError as exc:
                raise ReadError(f"ไฟล์ขึ้นต้นว่าเป็น {name} แต่มีไบต์ที่อ่านไม่ได้ที่ตำแหน่ง {exc.start + len(bom)} "
                                f"{_SAVE_AS}", location=Location(file)) from None
    for magic, kind in _MAGIC:
        if raw.startswith(magic):
            raise ReadError(f"ไฟล์นี้เป็น{kind} ไม่ใช่ไฟล์ข้อมูล YAML หรือ JSON", location=Location(file))
    if b"\x00" in raw:
        if _looks_utf16(raw):
            raise ReadError(f"ไฟล์บันทึกเป็น UTF-16 แต่ไม่มี BOM จึงอ่านไม่ได้แน่นอน {_SAVE_AS}",
                            location=Location(file))
        offset = raw.index(b"\x00")
        raise ReadError(f"ไฟล์นี้ไม่ใช่ไฟล์ข้อความ (พบไบต์ 0x00 ที่ตำแหน่ง {offset}) "
                        "อาจเป็นไฟล์ชนิดอื่นที่เปลี่ยนนามสกุลมา", location=Location(file, f"บรรทัด {_line_of(raw, offset)}"))
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ReadError(
            f"ไฟล์ไม่ได้บันทึกเป็น UTF-8 (พบไบต์ที่อ่านไม่ได้ที่ตำแหน่ง {exc.start}) "
            "ให้บันทึกไฟล์ใหม่เป็น UTF-8",
            location=Location(file, f"บรรทัด {_line_of(raw, exc.start)}"),
        ) from None
