"""Write output files atomically, never over a file a clerk may have edited unless asked."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

from ..errors import Location, OutputExistsError

__all__ = ["check_writable", "write_atomic"]


def check_writable(path: str | Path, *, overwrite: bool) -> None:
    """Raise :class:`OutputExistsError` if *path* exists and *overwrite* is false."""
    if not overwrite and os.path.lexists(path):
        raise OutputExistsError(
            "มีไฟล์นี้อยู่แล้ว (อาจมีผู้แก้ไขไว้) จึงไม่เขียนทับ ใช้ --force ถ้าต้องการเขียนทับ",
            location=Location(str(path)),
        )


def _new_file_mode(path: Path) -> int:
    """The mode an ordinary new file would get (mkstemp's are private, 0600)."""
    if path.exists():
        return path.stat().st_mode & 0o777
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def write_atomic(path: str | Path, data: bytes, *, overwrite: bool = False) -> Path:
    """Write *data* to a temporary file beside *path*, then move it into place.

    Readers never see a half-written file. Without *overwrite*, an existing file
    (even one created while we rendered) is left untouched.
    """
    path = Path(path)
    check_writable(path, overwrite=overwrite)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(tmp, _new_file_mode(path))
        if overwrite:
            os.replace(tmp, path)
        else:
            try:
                os.link(tmp, path)  # fails if the name exists: no window to clobber it
            except FileExistsError:
                check_writable(path, overwrite=False)
            except OSError:  # file systems without hard links
                check_writable(path, overwrite=False)
                os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return path
