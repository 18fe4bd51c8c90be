"""One zip guard (ita_docs.archive) for every zip-based input: a workbook, a template,
a .docx given to ``ita-docs pdf``. Each damaged or hostile package is a located Thai
error, found from the central directory before anything is unpacked."""
from __future__ import annotations

import resource
import struct
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from ita_docs import load, render, save
from ita_docs.archive import DOCX, TEMPLATE, WORKBOOK, check_archive, read_archive, verify_archive
from ita_docs.errors import InputError, ReadError, TemplateError
from ita_docs.rendering.pdf import document_digits
from tests.conftest import NONGMUANG, ROOT, SAMPLES

TEMPLATE_FILE = ROOT / "templates" / "measures_plan.docx"


@pytest.fixture(scope="module")
def workbook(tmp_path_factory):
    return save(load(SAMPLES / "krut-2566-progress.yaml"), tmp_path_factory.mktemp("zip") / "k.xlsx")


def _copy_with(source: Path, target: Path, extra=(), *, method=zipfile.ZIP_DEFLATED) -> Path:
    """*source*'s entries, then each (ZipInfo or name, data) of *extra*."""
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w", method) as zout:
        for item in zin.infolist():
            zout.writestr(item, zin.read(item))
        for info, data in extra:
            zout.writestr(info, data)
    return target


def _stored(source: Path, target: Path) -> Path:
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w", zipfile.ZIP_STORED) as zout:
        for item in zin.infolist():
            zout.writestr(item.filename, zin.read(item), compress_type=zipfile.ZIP_STORED)
    return target


def _patch_method(path: Path, name: str, method: int, *, field: int = 8) -> None:
    """Rewrite the compression method (or, field 6, the flags) of entry *name*, in its
    local and central headers."""
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as package:
        info = package.getinfo(name)
    struct.pack_into("<H", data, info.header_offset + field, method)
    start = 0
    while (start := data.find(b"PK\x01\x02", start)) >= 0:
        name_length = struct.unpack_from("<H", data, start + 28)[0]
        if data[start + 46:start + 46 + name_length] == name.encode():
            struct.pack_into("<H", data, start + field + 2, method)
        start += 4
    path.write_bytes(bytes(data))


def _flip_a_byte(path: Path, name: str, marker: bytes) -> None:
    """Change one byte of a stored entry's data (its CRC no longer matches)."""
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as package:
        info = package.getinfo(name)
        content = package.read(name)
    offset = content.index(marker)
    local_extra = struct.unpack_from("<H", data, info.header_offset + 28)[0]
    start = info.header_offset + 30 + len(info.filename.encode()) + local_extra
    data[start + offset] ^= 0x01
    path.write_bytes(bytes(data))


HOSTILE = {
    "an entry that climbs out": ([("../../evil.txt", b"x")], "'..'"),
    "an absolute entry name": ([("/etc/evil.txt", b"x")], "absolute"),
    "a backslash in a name": ([("xl\\evil.txt", b"x")], "backslash"),
    "one entry unpacking 1000-fold": ([("xl/media/bomb.bin", b"\0" * (50 * 1024 * 1024))], "zip bomb"),
    "many entries unpacking far": ([(f"xl/media/p{n}.bin", b"\0" * (900 * 1024)) for n in range(240)], "zip bomb"),
    "too many entries": ([(f"xl/media/p{n}.bin", b"x") for n in range(1001)], "มากเกินไป"),
    "a name twice": ([("xl/workbook.xml", b"<x/>")], "ซ้ำ"),
}


@pytest.mark.filterwarnings("ignore:Duplicate name")
@pytest.mark.parametrize("case", HOSTILE, ids=list(HOSTILE))
def test_a_hostile_workbook_is_refused_before_it_is_opened(workbook, tmp_path, case):
    extra, message = HOSTILE[case]
    bad = _copy_with(workbook, tmp_path / "bad.xlsx", extra)
    start = time.monotonic()
    with pytest.raises(ReadError, match=message) as info:
        load(bad)
    assert time.monotonic() - start < 2
    assert info.value.location.file == str(bad)
    assert isinstance(info.value, InputError)


@pytest.mark.parametrize(("method", "name"), [(9, "deflate64"), (12, "bzip2"), (14, "lzma")])
def test_a_compression_method_other_than_deflate_is_refused(workbook, tmp_path, method, name):
    bad = _stored(workbook, tmp_path / "bad.xlsx")
    _patch_method(bad, "xl/styles.xml", method)
    with pytest.raises(ReadError, match=name) as info:
        load(bad)
    assert info.value.location.path == "xl/styles.xml"


def test_an_encrypted_entry_is_refused(workbook, tmp_path):
    bad = _stored(workbook, tmp_path / "bad.xlsx")
    _patch_method(bad, "xl/styles.xml", 0x1, field=6)
    with pytest.raises(ReadError, match="เข้ารหัส") as info:
        load(bad)
    assert info.value.location.path == "xl/styles.xml"


def test_a_bad_crc_in_a_workbook_is_a_located_error(workbook, tmp_path):
    bad = _stored(workbook, tmp_path / "bad.xlsx")
    _flip_a_byte(bad, "xl/worksheets/sheet2.xml", b"progress_report")
    with pytest.raises(ReadError, match="Excel") as info:
        load(bad)
    assert info.value.location.file == str(bad)


def test_a_bad_crc_in_a_template_is_a_template_error(tmp_path):
    bad = _stored(TEMPLATE_FILE, tmp_path / "t.docx")
    _flip_a_byte(bad, "word/styles.xml", b"w:style ")
    with pytest.raises(TemplateError, match="ส่วนประกอบเสีย") as info:
        render(NONGMUANG, tmp_path / "o.docx", template=bad)
    assert info.value.location.path == "word/styles.xml"


def test_a_deflate64_template_is_a_template_error(tmp_path):
    bad = _stored(TEMPLATE_FILE, tmp_path / "t.docx")
    _patch_method(bad, "word/styles.xml", 9)
    with pytest.raises(TemplateError, match="deflate64"):
        render(NONGMUANG, tmp_path / "o.docx", template=bad)


def test_a_docx_for_pdf_passes_the_guard_first(nongmuang_docx, tmp_path):
    assert document_digits(nongmuang_docx) == "thai"
    bad = _stored(nongmuang_docx, tmp_path / "d.docx")
    _flip_a_byte(bad, "word/document.xml", b"<w:body>")
    with pytest.raises(ReadError, match="ส่วนประกอบเสีย") as info:
        document_digits(bad)
    assert info.value.location == type(info.value.location)(str(bad), "word/document.xml")
    climbing = _copy_with(nongmuang_docx, tmp_path / "e.docx", [("../x.xml", b"<x/>")])
    with pytest.raises(ReadError, match="'..'"):
        document_digits(climbing)


def test_the_guard_passes_what_ita_docs_writes(workbook, nongmuang_docx):
    assert check_archive(workbook, WORKBOOK)
    assert verify_archive(nongmuang_docx, DOCX)
    assert "word/document.xml" in read_archive(TEMPLATE_FILE, TEMPLATE)


@pytest.mark.parametrize("content", [b"", b"not a zip at all", b"PK\x03\x04 cut short"])
def test_not_a_zip_is_a_thai_error(tmp_path, content):
    bad = tmp_path / "x.xlsx"
    bad.write_bytes(content)
    with pytest.raises(ReadError, match="zip"):
        check_archive(bad, WORKBOOK, what="สมุดงาน Excel")


@pytest.mark.slow
def test_a_workbook_expanding_to_gigabytes_is_refused_fast_in_small_memory(workbook, tmp_path):
    bomb = tmp_path / "bomb.xlsx"
    block = b"\0" * (16 * 1024 * 1024)
    with zipfile.ZipFile(workbook) as zin, zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as zout:
        for item in zin.infolist():
            zout.writestr(item, zin.read(item))
        with zout.open("xl/worksheets/sheet9.xml", "w", force_zip64=True) as entry:
            for _ in range(160):                         # -- 2.6 GB unpacked --
                entry.write(block)
    assert bomb.stat().st_size < 20 * 1024 * 1024

    def limit():
        resource.setrlimit(resource.RLIMIT_AS, (1024 ** 3, 1024 ** 3))

    start = time.monotonic()
    result = subprocess.run([sys.executable, "-m", "ita_docs", "render", str(bomb), "-o", str(tmp_path / "o.docx")],
                            capture_output=True, text=True, timeout=60, preexec_fn=limit)
    assert result.returncode == 2, result.stderr
    assert "zip bomb" in result.stderr and "Traceback" not in result.stderr
    assert time.monotonic() - start < 10
