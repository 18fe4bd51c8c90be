"""Which bytes are read as text, and what a clerk is told about the others."""
from __future__ import annotations

import pytest

from ita_docs import load
from ita_docs.errors import ReadError
from ita_docs.io import read_data
from tests.conftest import NONGMUANG

TEXT = NONGMUANG.read_text(encoding="utf-8")


@pytest.mark.parametrize("codec", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le-bom", "utf-16-be-bom",
                                   "utf-32"])
@pytest.mark.parametrize("suffix", [".yaml", ".json"])
def test_unicode_with_its_bom_is_read(tmp_path, codec, suffix):
    import json

    import yaml

    text = TEXT if suffix == ".yaml" else json.dumps(yaml.safe_load(TEXT), ensure_ascii=False, default=str)
    if codec.endswith("-bom"):
        codec = codec.removesuffix("-bom")
        raw = ("\ufeff" + text).encode(codec)
    else:
        raw = text.encode(codec)
    path = tmp_path / f"plan{suffix}"
    path.write_bytes(raw)
    assert load(path) == load(NONGMUANG)


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_is_named(tmp_path, codec):
    path = tmp_path / "plan.yaml"
    path.write_bytes(TEXT.encode(codec))
    with pytest.raises(ReadError) as info:
        read_data(path)
    assert "UTF-16 แต่ไม่มี BOM" in info.value.message
    assert "x0000" not in info.value.message
    assert info.value.location.file == str(path)


@pytest.mark.parametrize(("head", "named"), [
    (b"PK\x03\x04\x14\x00\x00\x00", "ไฟล์ zip"),
    (b"%PDF-1.7\n", "ไฟล์ PDF"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", ".doc/.xls"),
    (b"\x89PNG\r\n\x1a\n", "PNG"),
])
def test_another_kind_of_file_is_named(tmp_path, head, named):
    path = tmp_path / "plan.yaml"
    path.write_bytes(head + bytes(range(256)) * 4)
    with pytest.raises(ReadError) as info:
        read_data(path)
    assert named in info.value.message


def test_binary_with_zero_bytes_says_where(tmp_path):
    path = tmp_path / "plan.yaml"
    path.write_bytes(b"kind: measures_plan\nx: \x00\x01\x02\xff\xfe\x00\x00\x10")
    with pytest.raises(ReadError) as info:
        read_data(path)
    assert "ไม่ใช่ไฟล์ข้อความ (พบไบต์ 0x00" in info.value.message
    assert info.value.location.path == "บรรทัด 2"


def test_a_thai_code_page_says_utf8_and_the_line(tmp_path):
    path = tmp_path / "tis620.yaml"
    path.write_bytes("kind: measures_plan\nname: เทศบาล\n".encode("tis-620"))
    with pytest.raises(ReadError) as info:
        read_data(path)
    assert "UTF-8" in info.value.message
    assert info.value.location.path == "บรรทัด 2"


def test_a_broken_utf16_file_is_refused(tmp_path):
    path = tmp_path / "plan.yaml"
    path.write_bytes("\ufeffkind: x".encode("utf-16-le") + b"\x00\xd8")  # -- a lone surrogate --
    with pytest.raises(ReadError, match="UTF-16"):
        read_data(path)


def test_windows_line_ends_and_bom_read_as_the_file(tmp_path):
    path = tmp_path / "plan.yaml"
    path.write_bytes(TEXT.replace("\n", "\r\n").encode("utf-8-sig"))
    assert load(path) == load(NONGMUANG)
