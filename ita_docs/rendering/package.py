"""A .docx package: a template's parts read safely, and a rendered document's written back.

:func:`read_template` reads a template's parts once it passes the zip guard
(:func:`ita_docs.archive.check_archive`) and declares no XML entity.
:class:`RenderedPackage` holds a rendered document's parts, the changed ones as element
trees open for post-processing, and writes them as a .docx with fixed timestamps,
reusing the compressed bytes of the parts that did not change.
"""
from __future__ import annotations

import io
import stat
import struct
import zipfile
import zlib
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

from lxml import etree

from ..archive import TEMPLATE, check_archive, read_archive
from ..io.readers import FOLDER, SPECIAL_FILE
from ..errors import Location, TemplateError
from .oxml import qn

__all__ = [
    "COMPRESS_LEVEL",
    "CORE_PROPERTIES",
    "DOCUMENT",
    "DOCUMENT_RELS",
    "HYPERLINK",
    "PKG_RELS",
    "RenderedPackage",
    "SAFE_PARSER",
    "SETTINGS",
    "STYLES",
    "check_template_file",
    "read_template",
]

DOCUMENT = "word/document.xml"
DOCUMENT_RELS = "word/_rels/document.xml.rels"
STYLES = "word/styles.xml"
SETTINGS = "word/settings.xml"
CORE_PROPERTIES = "docProps/core.xml"
HYPERLINK = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink"
PKG_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
#: How every part of a package is parsed: no entities, no network, no huge trees.
SAFE_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)


def check_template_file(path: Path) -> None:
    """Refuse a template that is missing, too big, not a zip, fails the zip guard
    (:func:`ita_docs.archive.check_archive`), or declares XML entities — before anything
    parses it."""
    where = Location(str(path))
    try:
        mode = path.stat().st_mode
    except OSError:
        raise TemplateError("ไม่พบไฟล์แม่แบบ", location=where) from None
    if stat.S_ISDIR(mode):
        raise TemplateError(FOLDER.format(what="ไฟล์แม่แบบ"), location=where)
    if not stat.S_ISREG(mode):  # -- a named pipe would be waited on for ever, a device read without end --
        raise TemplateError(SPECIAL_FILE.format(what="ไฟล์แม่แบบ"), location=where)
    if not zipfile.is_zipfile(path):
        raise TemplateError("ไฟล์แม่แบบไม่ใช่ไฟล์ Word (.docx) ที่ใช้ได้", location=where)
    check_archive(path, TEMPLATE, what="แม่แบบ", error=TemplateError)
    try:
        with zipfile.ZipFile(path) as package:
            for info in package.infolist():
                if info.filename.endswith((".xml", ".rels")):
                    with package.open(info) as part:
                        head = part.read(4096)
                    if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
                        raise TemplateError("แม่แบบมีการประกาศ DOCTYPE/ENTITY ซึ่งไม่อนุญาต",
                                            location=Location(str(path), info.filename))
    except zipfile.BadZipFile:
        raise TemplateError("ไฟล์แม่แบบไม่ใช่ไฟล์ Word (.docx) ที่ใช้ได้", location=where) from None


class _ZipWriter:
    """A minimal ZIP writer: deflated entries with fixed timestamps, and entries whose
    compressed bytes are already known (the template's unchanged parts)."""

    _DATE = (0 << 9) | (1 << 5) | 1  # 1980-01-01 in DOS date format; time 00:00

    def __init__(self) -> None:
        self._out = io.BytesIO()
        self._central: list[bytes] = []

    def add(self, name: str, data: bytes) -> None:
        compressor = zlib.compressobj(COMPRESS_LEVEL, zlib.DEFLATED, -15)
        packed = compressor.compress(data) + compressor.flush()
        self.add_compressed(name, packed, zlib.crc32(data), len(data))

    def add_compressed(self, name: str, packed: bytes, crc: int, size: int) -> None:
        encoded = name.encode("utf-8")
        offset = self._out.tell()
        self._out.write(struct.pack("<4s5H3L2H", b"PK\x03\x04", 20, 0x800, 8, 0, self._DATE, crc, len(packed), size,
                                    len(encoded), 0))
        self._out.write(encoded)
        self._out.write(packed)
        self._central.append(struct.pack("<4s6H3L5H2L", b"PK\x01\x02", 20, 20, 0x800, 8, 0, self._DATE, crc,
                                         len(packed), size, len(encoded), 0, 0, 0, 0, 0o644 << 16, offset) + encoded)

    def finish(self) -> bytes:
        start = self._out.tell()
        for entry in self._central:
            self._out.write(entry)
        size = self._out.tell() - start
        self._out.write(struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, len(self._central), len(self._central),
                                    size, start, 0))
        return self._out.getvalue()


#: Deflate level of rendered parts: level 1 compresses about three times faster than
#: zlib's default 6, for a .docx some 15 % larger.
COMPRESS_LEVEL = 1


@lru_cache(maxsize=256)
def _compressed_cached(name: str, data: bytes) -> tuple[bytes, int, int]:
    compressor = zlib.compressobj(COMPRESS_LEVEL, zlib.DEFLATED, -15)
    return compressor.compress(data) + compressor.flush(), zlib.crc32(data), len(data)


def _compressed(parts: dict[str, bytes], name: str) -> tuple[bytes, int, int]:
    return _compressed_cached(name, parts[name])


class RenderedPackage:
    """The parts of one rendered document, open for post-processing as element trees."""

    def __init__(self, parts: dict[str, bytes], trees: dict[str, etree._Element], *,
                 maybe_links: bool = True, maybe_empty_cells: bool = True) -> None:
        self._parts = parts
        self.trees = trees
        #: False when the rendered text holds nothing that could be a web or e-mail address.
        self.maybe_links = maybe_links
        #: False when no table cell came out without a paragraph.
        self.maybe_empty_cells = maybe_empty_cells

    def __contains__(self, name: object) -> bool:
        """Whether the package has part *name* (``STYLES in package``)."""
        return name in self._parts

    def tree(self, name: str) -> etree._Element:
        """The element tree of part *name*, parsed once; changes to it are saved."""
        if name not in self.trees:
            self.trees[name] = etree.fromstring(self._parts[name], SAFE_PARSER)
        return self.trees[name]

    @property
    def body(self) -> etree._Element:
        body = self.tree(DOCUMENT).find(qn("w:body"))
        if body is None:
            raise TemplateError("แม่แบบไม่มีเนื้อหาเอกสาร (ไม่มี w:body)", location=Location(path=DOCUMENT))
        return body

    def relate_hyperlink(self) -> Callable[[str], str]:
        """A function that adds an external hyperlink relationship and returns its id."""
        rels = self.tree(DOCUMENT_RELS)
        used = {r.get("Id") for r in rels}
        counter = iter(range(1, 1_000_000))

        def relate(url: str) -> str:
            rid = next(f"rIdLink{n}" for n in counter if f"rIdLink{n}" not in used)
            element = etree.SubElement(rels, f"{{{PKG_RELS}}}Relationship")
            element.set("Id", rid)
            element.set("Type", HYPERLINK)
            element.set("Target", url)
            element.set("TargetMode", "External")
            return rid

        return relate

    def to_bytes(self) -> bytes:
        """The package as a .docx: changed parts serialised and compressed, the rest reused."""
        writer = _ZipWriter()
        for name in self._parts:
            if name in self.trees:
                writer.add(name, etree.tostring(self.trees[name], xml_declaration=True, encoding="UTF-8",
                                                standalone=True))
            else:
                writer.add_compressed(name, *_compressed(self._parts, name))
        return writer.finish()


def read_template(path: Path) -> dict[str, bytes]:
    """The parts of the template at *path*, once :func:`check_template_file` passes it and
    it has a document body."""
    check_template_file(path)
    parts = read_archive(path, TEMPLATE, what="แม่แบบ", error=TemplateError)
    if DOCUMENT not in parts:
        raise TemplateError(f"ไฟล์แม่แบบไม่ใช่ไฟล์ Word (.docx) ที่ใช้ได้ (ไม่มี {DOCUMENT}): {path}")
    return parts
