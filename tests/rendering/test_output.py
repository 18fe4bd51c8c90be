import pytest

from ita_docs import OutputExistsError, render
from ita_docs.output import write_atomic
from tests.conftest import NONGMUANG


def test_existing_output_is_not_overwritten(tmp_path):
    out = tmp_path / "plan.docx"
    out.write_bytes(b"a clerk's edits")
    with pytest.raises(OutputExistsError) as info:
        render(NONGMUANG, out)
    assert out.read_bytes() == b"a clerk's edits"
    assert info.value.location.file == str(out)
    assert isinstance(info.value, FileExistsError)


def test_overwrite_when_asked(tmp_path):
    out = tmp_path / "plan.docx"
    out.write_bytes(b"old")
    render(NONGMUANG, out, overwrite=True)
    assert out.read_bytes()[:2] == b"PK"


def test_write_atomic_leaves_no_temporary_files(tmp_path):
    write_atomic(tmp_path / "a.bin", b"1")
    with pytest.raises(OutputExistsError):
        write_atomic(tmp_path / "a.bin", b"2")
    write_atomic(tmp_path / "a.bin", b"3", overwrite=True)
    assert [p.name for p in tmp_path.iterdir()] == ["a.bin"]
    assert (tmp_path / "a.bin").read_bytes() == b"3"


def test_output_folder_is_created(tmp_path):
    out = write_atomic(tmp_path / "new" / "dir" / "a.bin", b"x")
    assert out.read_bytes() == b"x"


def test_new_files_get_ordinary_permissions(tmp_path):
    import os

    umask = os.umask(0o022)
    try:
        out = write_atomic(tmp_path / "a.bin", b"x")
    finally:
        os.umask(umask)
    assert out.stat().st_mode & 0o777 == 0o644


def test_a_file_system_failure_is_an_output_error_naming_the_path(tmp_path):
    from ita_docs.errors import OutputError

    out = tmp_path / ("ก" * 90 + ".docx")
    with pytest.raises(OutputError, match="ชื่อไฟล์ยาวเกิน") as info:
        write_atomic(out, b"x")
    assert info.value.location.file == str(out)
    assert list(tmp_path.iterdir()) == []


def test_the_input_is_never_the_output(tmp_path):
    from ita_docs.errors import OutputError
    from ita_docs.output import check_not_input

    data = tmp_path / "plan.yaml"
    data.write_bytes(NONGMUANG.read_bytes())
    (tmp_path / "link.yaml").symlink_to(data)
    for same in (data, tmp_path / "sub" / ".." / "plan.yaml", tmp_path / "link.yaml"):
        with pytest.raises(OutputError, match="ไฟล์เดียวกับไฟล์ข้อมูล"):
            render(data, same, overwrite=True)
    assert data.read_bytes() == NONGMUANG.read_bytes()
    check_not_input(tmp_path / "plan.docx", [data])   # -- another name: fine --
