"""Write output files atomically, never over a file a clerk may have edited unless asked.

Every way writing can fail — a folder where the file should be, a parent that is a file,
a read-only or full disk, a name the file system will not take — is an
:class:`~ita_docs.errors.OutputError` naming the path, never a traceback; and nothing is
left behind (the temporary file is removed).
"""
from __future__ import annotations

import errno
import os
import tempfile
import threading
from collections.abc import Iterable
from pathlib import Path

from .errors import ItaDocsError, Location, OutputError, OutputExistsError, output_error

__all__ = ["check_not_input", "check_writable", "write_atomic"]

#: The temporary file's name beside the output: short, so that a long but legal output
#: name does not become too long once the prefix and suffix are added.
TEMP_PREFIX = ".ita-docs-"
TEMP_SUFFIX = ".tmp"
#: What ``link()`` says on a file system without hard links (FAT, some network shares).
_NO_HARD_LINKS = frozenset({errno.EPERM, errno.EOPNOTSUPP, errno.ENOTSUP, errno.EXDEV, errno.EMLINK, errno.ENOSYS})


def check_writable(path: str | Path, *, overwrite: bool) -> None:
    """Raise :class:`OutputExistsError` if *path* exists and *overwrite* is false, and
    :class:`OutputError` if it is a folder or not a regular file (``/dev/full``)."""
    if os.path.isdir(path):
        raise OutputError("ที่นี่เป็นโฟลเดอร์ ไม่ใช่ไฟล์ ให้ระบุชื่อไฟล์ที่จะเขียน", location=Location(str(path)))
    if os.path.exists(path) and not os.path.isfile(path):
        raise OutputError("ที่นี่ไม่ใช่ไฟล์ธรรมดา (เป็นอุปกรณ์หรือช่องทางพิเศษของระบบ) จึงไม่เขียนทับ",
                          location=Location(str(path)))
    if not overwrite and os.path.lexists(path):
        raise OutputExistsError(
            "มีไฟล์นี้อยู่แล้ว (อาจมีผู้แก้ไขไว้) จึงไม่เขียนทับ ใช้ --force ถ้าต้องการเขียนทับ",
            location=Location(str(path)),
        )


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve() or (a.exists() and b.exists() and os.path.samefile(a, b))
    except OSError:
        return False


def check_not_input(out: str | Path, inputs: Iterable[str | Path]) -> None:
    """Raise :class:`OutputError` if *out* is one of the *inputs* (``--force`` or not): the
    data file would be replaced by the document made from it."""
    for source in inputs:
        if _same_file(Path(out), Path(source)):
            raise OutputError("ไฟล์ผลลัพธ์เป็นไฟล์เดียวกับไฟล์ข้อมูล จะเขียนทับข้อมูลไม่ได้ ให้ตั้งชื่อไฟล์ผลลัพธ์อื่น",
                              location=Location(str(out)))


def _new_file_mode(path: Path) -> int:
    """The mode an ordinary new file would get (mkstemp's are private, 0600)."""
    if path.exists():
        return path.stat().st_mode & 0o777
    return 0o666 & ~_umask()


_UMASK_LOCK = threading.Lock()


def _umask() -> int:
    """The process's umask: read from ``/proc`` where there is one, since ``os.umask`` can only be
    read by setting it, process-wide (batch threads write files at the same time)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    with _UMASK_LOCK:  # -- no /proc: set and restore, one thread at a time --
        umask = os.umask(0)
        os.umask(umask)
    return umask


def write_atomic(path: str | Path, data: bytes, *, overwrite: bool = False) -> Path:
    """Write *data* to a temporary file beside *path*, then move it into place.

    Readers never see a half-written file. Without *overwrite*, an existing file
    (even one created while we rendered) is left untouched. A file-system failure is an
    :class:`OutputError` naming *path*.
    """
    path = Path(path)
    check_writable(path, overwrite=overwrite)
    tmp = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=TEMP_PREFIX, suffix=TEMP_SUFFIX)
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
                raise
            except OSError as exc:
                if exc.errno not in _NO_HARD_LINKS:
                    raise
                check_writable(path, overwrite=False)  # -- file systems without hard links --
                os.replace(tmp, path)
    except ItaDocsError:
        raise
    except OSError as exc:
        raise output_error(exc, path) from None
    finally:
        if tmp is not None and os.path.exists(tmp):
            os.unlink(tmp)
    return path
