"""PDF through a real, headless LibreOffice, with a private profile and font configuration.

LibreOffice runs with its own throw-away profile and fontconfig file, so the user's
settings are never touched:

* the fontconfig file maps "TH SarabunPSK" (and "TH Sarabun New") to the bundled
  Ratchakan Text faces, scaled to TH SarabunPSK's size (fonts/README.md);
* the profile sets CTLTextNumerals: 3 ("context") draws the digits of Thai-language
  text, page numbers included, as Thai digits; 0 keeps Arabic digits. LibreOffice 7.4
  shows ``pgNumType thaiNumbers`` as 1, 2, 3 otherwise;
* the profile holds a Basic macro (``libreoffice/Module1.xba``) that opens each file,
  updates its indexes — ``--convert-to`` leaves a table of contents without page
  numbers — and exports the PDF.

Several files convert in one LibreOffice run (one run per digit form). Each run is
started in a process group of its own and ended with all its children — soffice is a
script that starts oosplash, which starts soffice.bin — on timeout, on error, on
Ctrl-C, and (on Linux) when the Python process dies.
"""
from __future__ import annotations

import atexit
import functools
import hashlib
import json
import os
import select
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import uuid
import zipfile
from collections.abc import Callable, Iterable, Sequence
from importlib import resources
from pathlib import Path
from types import TracebackType
from typing import Any, BinaryIO, Self
from xml.etree import ElementTree as ET

from lxml import etree

from ..archive import DOCX, verify_archive
from ..errors import SUBPROCESS_ERRORS, ItaDocsError, Location, PdfError, translate
from ..output import check_writable, write_atomic
from ..resources import data_dir
from ..thai import Digits
from . import paged_tables
from .pdf_text import thai_digit_actual_text

__all__ = ["LibreOfficePool", "PdfError", "PdfStream", "convert_each", "convert_to_pdf", "find_soffice", "prepared_profile", "to_pdf"]

SOFFICE_ENV = "ITA_DOCS_SOFFICE"
INSTALL_HINT = (
    "ติดตั้ง LibreOffice ก่อน เช่น sudo apt-get install libreoffice-writer-nogui "
    f"หรือกำหนดตำแหน่งโปรแกรมในตัวแปร {SOFFICE_ENV}"
)
#: Font names documents use, resolved to the bundled family in the PDF.
THAI_FONT_NAMES = ("TH SarabunPSK", "TH Sarabun PSK", "TH Sarabun New", "TH SarabunIT๙")
BUNDLED_FAMILY = "Ratchakan Text"
#: CTLTextNumerals per digit form: 3 = context (Thai text shows Thai digits), 0 = Arabic.
CTL_TEXT_NUMERALS = {"thai": 3, "arabic": 0}
PAGE_FORMAT_DIGITS = {"thaiNumbers": "thai", "thaiCounting": "thai"}
#: A run's time limit: a base, a part per file, and a part per table row (LibreOffice's
#: cost grows with the rows a table spans, faster than linearly).
SECONDS_BASE = 60
SECONDS_PER_FILE = 30
SECONDS_PER_ROW = 0.03
#: How long a process group has to end after SIGTERM before it gets SIGKILL.
TERMINATE_GRACE = 5
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def find_soffice() -> Path:
    """The LibreOffice program: $ITA_DOCS_SOFFICE, else ``soffice`` or ``libreoffice`` on PATH."""
    configured = os.environ.get(SOFFICE_ENV)
    if configured:
        if not Path(configured).is_file():
            raise PdfError(f"ไม่พบ LibreOffice ที่ {configured} ({SOFFICE_ENV}) — {INSTALL_HINT}")
        return Path(configured)
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return Path(found)
    raise PdfError(f"ไม่พบ LibreOffice — {INSTALL_HINT}")


def document_digits(docx: Path) -> str:
    """The digit form of a .docx, read from its page-number format (thaiNumbers → thai).

    The file passes the zip guard first (:func:`ita_docs.archive.verify_archive`), so
    LibreOffice is never given a zip bomb or a damaged package."""
    verify_archive(docx, DOCX, what="ไฟล์ Word")
    try:
        with zipfile.ZipFile(docx) as zf:
            root = ET.fromstring(zf.read("word/document.xml"))
    except (OSError, KeyError, zipfile.BadZipFile, ET.ParseError) as exc:
        raise PdfError(f"เปิดไฟล์ Word ไม่ได้: {exc}", location=Location(str(docx))) from None
    formats = {pg.get(f"{W}fmt") for pg in root.iter(f"{W}pgNumType")}
    return "thai" if any(PAGE_FORMAT_DIGITS.get(f or "") == "thai" for f in formats) else "arabic"


def _digits_of(docx: Path, digits: Digits | None) -> str:
    """The digit form of *docx*: *digits* where the caller knows it (the document it rendered),
    else read from the file (:func:`document_digits`). Either way the file passes the zip guard."""
    if digits is None:
        return document_digits(docx)
    verify_archive(docx, DOCX, what="ไฟล์ Word")
    return digits


#: A watchdog started beside each LibreOffice run: it reads its stdin until the end, and
#: ends the run's process group unless it was told "done" — so a Python process killed
#: outright (no handler runs) leaves no LibreOffice behind — then removes the paths given
#: after the group (the work folder, LibreOffice's pipes).
_WATCHDOG = """
import os, shutil, signal, sys, time
told = sys.stdin.read()
if told != "done":
    for sig in (signal.SIGTERM, signal.SIGKILL):
        try:
            os.killpg(int(sys.argv[1]), sig)
        except OSError:
            break
        time.sleep(2)
    for path in sys.argv[2:]:
        if os.path.isdir(path):
            shutil.rmtree(path, ignore_errors=True)
        elif os.path.lexists(path):
            os.unlink(path)
"""


#: One reaper per Python process for the long-lived workers and the conversions' folders:
#: told on its stdin which process groups and paths to look after ("group 123", "path /x")
#: and which no longer ("ungroup 123", "unpath /x"); when its stdin ends (this process
#: exited, or was killed outright) it ends the groups still listed — SIGTERM, SIGKILL to
#: what is left after up to 2 s — removes the paths and exits.
_REAPER = """
import os, shutil, signal, sys, time
groups, paths = [], []
for line in sys.stdin:
    verb, _, value = line.rstrip("\\n").partition(" ")
    kept = groups if verb.endswith("group") else paths
    item = int(value) if verb.endswith("group") else value
    if verb.startswith("un"):
        if item in kept:
            kept.remove(item)
    else:
        kept.append(item)
def signalled(sig):
    alive = []
    for group in groups:
        try:
            os.killpg(group, sig)
            alive.append(group)
        except OSError:
            pass
    return alive
deadline = time.monotonic() + 2
while signalled(signal.SIGTERM) and time.monotonic() < deadline:
    time.sleep(0.05)  # -- a group of zombies (this process's children, not yet waited) counts as alive --
signalled(signal.SIGKILL)
for path in paths:
    if os.path.isdir(path):
        shutil.rmtree(path, ignore_errors=True)
    elif os.path.lexists(path):
        os.unlink(path)
"""
#: Seconds the exit of this process waits for its reaper to end what is still listed.
REAPER_EXIT_SECONDS = 10
_reaper_lock = threading.Lock()
_reaper_process: subprocess.Popen[str] | None = None
_reaper_owner = 0  # -- the process that started it: a forked child starts its own --
_reaper_closed = False


def _reaper(verb: str, value: object) -> None:
    """Tell this process's reaper (started at the first call) to look after, or forget, a
    process group or a path. Once the reaper is closed at exit (:func:`_close_reaper`),
    nothing is told: whatever is still listed has been ended by then."""
    global _reaper_process, _reaper_owner
    with _reaper_lock:
        if _reaper_closed:
            return
        if _reaper_process is None or _reaper_owner != os.getpid() or _reaper_process.poll() is not None:
            if _reaper_process is None:
                atexit.register(_close_reaper)
            _reaper_process = subprocess.Popen([sys.executable, "-c", _REAPER], stdin=subprocess.PIPE, text=True,
                                               start_new_session=True)
            _reaper_owner = os.getpid()
        assert _reaper_process.stdin is not None
        _reaper_process.stdin.write(f"{verb} {value}\n")
        _reaper_process.stdin.flush()


def _close_reaper() -> None:
    """At exit: close the reaper's stdin — it ends the process groups still listed (a pool
    never closed), removes the paths and exits — and wait for it, so no reaper outlives
    this process's exit and the exit leaves no subprocess running unwaited."""
    global _reaper_closed
    with _reaper_lock:
        _reaper_closed = True
        process = _reaper_process
    if process is None or _reaper_owner != os.getpid():  # -- a forked child's copy: its parent's --
        return
    try:
        if process.stdin is not None:
            process.stdin.close()
    except OSError:  # -- the reaper died: nothing left to tell it --
        pass
    try:
        process.wait(timeout=REAPER_EXIT_SECONDS)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def _group_alive(pid: int) -> bool:
    """Whether the process group *pid* still has a process."""
    try:
        os.killpg(pid, 0)
    except (ProcessLookupError, PermissionError):
        return False
    return True


def end_process_group(process: subprocess.Popen[Any]) -> None:
    """End *process* and every process of its group: SIGTERM, then SIGKILL after a grace time."""
    for sig in (signal.SIGTERM, signal.SIGKILL):
        if not _group_alive(process.pid):
            break
        try:
            os.killpg(process.pid, sig)
        except (ProcessLookupError, PermissionError):
            break
        deadline = time.monotonic() + TERMINATE_GRACE
        while time.monotonic() < deadline and _group_alive(process.pid):
            process.poll()  # -- reaps the leader, so its group can end --
            time.sleep(0.05)
    try:  # -- read what is left and close the pipes --
        process.communicate(timeout=TERMINATE_GRACE)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
    finally:
        for pipe in (process.stdout, process.stderr):
            if pipe is not None:
                pipe.close()


def run_in_group(command: Sequence[str], env: dict[str, str], timeout: float,
                 work: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run *command* in a new process group; on timeout or any interruption the whole group ends.

    Should this Python process be killed outright, a watchdog ends the group and
    removes the folder *work*. Raises :class:`subprocess.TimeoutExpired` after ending the group.
    """
    process = subprocess.Popen(list(command), env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               text=True, start_new_session=True)
    watchdog = subprocess.Popen([sys.executable, "-c", _WATCHDOG, str(process.pid), *([str(work)] if work else [])], stdin=subprocess.PIPE,
                                text=True, start_new_session=True)
    try:
        out, err = process.communicate(timeout=timeout)
    except BaseException:  # -- timeout, Ctrl-C, any error: leave no LibreOffice behind --
        end_process_group(process)
        raise
    finally:
        watchdog.communicate("done")
    if _group_alive(process.pid):  # -- the program may exit while children it started run on --
        end_process_group(process)
    return subprocess.CompletedProcess(process.args, process.returncode, out, err)


def table_rows(docx: Path) -> int:
    """The number of table rows of a .docx (what LibreOffice's time grows with)."""
    try:
        with zipfile.ZipFile(docx) as zf, zf.open("word/document.xml") as part:
            return sum(1 for _, element in ET.iterparse(part) if element.tag == f"{W}tr")
    except (OSError, KeyError, zipfile.BadZipFile, ET.ParseError):
        return 0


def time_limit(files: Sequence[Path]) -> float:
    """Seconds a LibreOffice run over *files* may take."""
    return SECONDS_BASE + sum(SECONDS_PER_FILE + SECONDS_PER_ROW * table_rows(f) for f in files)


def _init_profile(soffice: Path, profile: Path, env: dict[str, str]) -> None:
    """Let LibreOffice create the profile; it replaces a user folder it did not make."""
    try:
        run_in_group([str(soffice), f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
                      "--terminate_after_init"], env, timeout=120, work=profile.parent)
    except OSError as exc:  # -- the program would not start (not executable, gone) --
        raise translate(exc, SUBPROCESS_ERRORS, location=Location(str(soffice)), program="LibreOffice") or exc


def _write_macro(profile: Path) -> None:
    module = resources.files(__package__).joinpath("libreoffice", "Module1.xba").read_bytes()
    (profile / "user" / "basic" / "Standard" / "Module1.xba").write_bytes(module)


def _write_profile(profile: Path, digits: str) -> None:
    """Add the digit-shape setting to the profile's registrymodifications.xcu: an
    ``<item oor:path=…/CTL>`` holding ``<prop oor:name="CTLTextNumerals">`` (its ``oor``
    prefix declared on the root ``<oor:items>``, not registered process-wide)."""
    oor = "http://openoffice.org/2001/registry"
    path = profile / "user" / "registrymodifications.xcu"
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists():
        root = etree.parse(str(path), etree.XMLParser(resolve_entities=False, no_network=True)).getroot()
    else:
        root = etree.Element(f"{{{oor}}}items", nsmap={"oor": oor})
    item = etree.SubElement(root, "item", {f"{{{oor}}}path": "/org.openoffice.Office.Common/I18N/CTL"})
    prop = etree.SubElement(item, "prop", {f"{{{oor}}}name": "CTLTextNumerals", f"{{{oor}}}op": "fuse"})
    etree.SubElement(prop, "value").text = str(CTL_TEXT_NUMERALS[digits])
    etree.ElementTree(root).write(str(path), encoding="UTF-8", xml_declaration=True)


def _write_fontconfig(work: Path) -> Path:
    fonts = data_dir("fonts")
    root = ET.Element("fontconfig")
    ET.SubElement(root, "include", ignore_missing="yes").text = "/etc/fonts/fonts.conf"
    if fonts is not None:
        ET.SubElement(root, "dir").text = str(fonts)
    ET.SubElement(root, "cachedir").text = str(work / "fontconfig-cache")
    for name in THAI_FONT_NAMES:
        match = ET.SubElement(root, "match", target="pattern")
        test = ET.SubElement(match, "test", qual="any", name="family")
        ET.SubElement(test, "string").text = name
        edit = ET.SubElement(match, "edit", name="family", mode="assign", binding="strong")
        ET.SubElement(edit, "string").text = BUNDLED_FAMILY
    path = work / "fonts.conf"
    ET.ElementTree(root).write(path, encoding="UTF-8", xml_declaration=True)
    return path


#: SelectPdfVersion of LibreOffice's PDF export: 0 = PDF 1.x, 2 = PDF/A-2b.
PDF_A_VERSION = 2


# -- profiles prepared once ---------------------------------------------------------------
CACHE_ENV = "ITA_DOCS_CACHE_DIR"
#: Bumped when what a prepared profile holds changes, so older ones are not used.
PROFILE_FORMAT = 1
_profile_lock = threading.Lock()


def _cache_root() -> Path:
    configured = os.environ.get(CACHE_ENV)
    if configured:
        return Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "ita-docs"


def _profile_key(soffice: Path, digits: str) -> str:
    """What a prepared profile depends on: the LibreOffice installed, the macro, the digit form."""
    program = soffice.resolve()
    parts: list[str] = [str(PROFILE_FORMAT), digits, str(program)]
    for path in (program, program.parent / "soffice.bin", program.parent / "versionrc"):
        try:
            stat = path.stat()
        except OSError:
            continue
        parts.append(f"{path.name}:{stat.st_size}:{stat.st_mtime_ns}")
    parts.append(hashlib.sha256(resources.files(__package__).joinpath("libreoffice", "Module1.xba")
                                .read_bytes()).hexdigest())
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:16]


def prepared_profile(soffice: Path, digits: str) -> Path:
    """A LibreOffice profile for *digits*, made once and kept in the cache folder
    (``$ITA_DOCS_CACHE_DIR``, else ``~/.cache/ita-docs``): every run copies it instead of
    letting LibreOffice build a new one (about a second each time). It is made again
    when LibreOffice or the macro changes. Where the cache cannot be written, the
    profile is made in a temporary folder each time (and removed after)."""
    final = _cache_root() / f"libreoffice-profile-{digits}-{_profile_key(soffice, digits)}"
    with _profile_lock:
        if (final / "user" / "registrymodifications.xcu").is_file():
            return final
        final.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=".staging-", dir=final.parent))
        try:  # -- made aside, then renamed: a run that stops half-way leaves no half profile --
            env = dict(os.environ, FONTCONFIG_FILE=str(_write_fontconfig(staging)), SAL_USE_VCLPLUGIN="svp")
            _init_profile(soffice, staging / "profile", env)
            _write_profile(staging / "profile", digits)
            _write_macro(staging / "profile")
            try:
                os.rename(staging / "profile", final)
            except OSError:
                if not final.is_dir():  # -- another process made it first: use theirs --
                    raise
        finally:
            shutil.rmtree(staging, ignore_errors=True)
    return final


def _copy_profile(soffice: Path, digits: str, profile: Path) -> None:
    """Put a profile for *digits* at *profile*: the prepared one copied, or made there."""
    try:
        shutil.copytree(prepared_profile(soffice, digits), profile, symlinks=True)
    except OSError:  # -- no writable cache: LibreOffice makes the profile in place --
        shutil.rmtree(profile, ignore_errors=True)
        env = dict(os.environ, FONTCONFIG_FILE=str(_write_fontconfig(profile.parent)), SAL_USE_VCLPLUGIN="svp")
        _init_profile(soffice, profile, env)
        _write_profile(profile, digits)
        _write_macro(profile)


def _timeout_error(files: int, limit: float) -> PdfError:
    return PdfError(f"LibreOffice แปลง {files} ไฟล์ไม่เสร็จใน {limit:.0f} วินาที และถูกหยุดแล้ว "
                    "ถ้าเอกสารมีตารางยาวมาก ให้แบ่งมาตรการเป็นหลายเอกสาร หรือแปลงทีละไฟล์")


# -- long-lived workers -----------------------------------------------------------------
UNO_PYTHON_ENV = "ITA_DOCS_UNO_PYTHON"
#: Seconds a new worker has to start LibreOffice and connect to it.
WORKER_START_SECONDS = 120
_WORKER_SCRIPT = Path(__file__).with_name("libreoffice") / "uno_worker.py"


@functools.lru_cache(maxsize=8)
def find_uno_python(soffice: Path) -> str | None:
    """A Python that can ``import uno`` and so drive LibreOffice: ``$ITA_DOCS_UNO_PYTHON``,
    LibreOffice's own ``program/python``, or the system's ``python3`` with python3-uno
    (Debian). ``None`` when there is none: each conversion then starts LibreOffice with
    a macro instead (slower for many files, the same PDF)."""
    configured = os.environ.get(UNO_PYTHON_ENV)
    if configured is not None:
        candidates = [configured] if configured else []  # -- set empty: never use workers --
    else:
        candidates = [str(soffice.resolve().parent / "python"), "/usr/bin/python3", sys.executable]
    for candidate in candidates:
        if not Path(candidate).is_file():
            continue
        try:
            found = subprocess.run([candidate, "-c", "import uno"], check=False, capture_output=True, timeout=30,
                                   env=_worker_env(dict(os.environ)))
        except (OSError, subprocess.TimeoutExpired):
            continue
        if found.returncode == 0:
            return candidate
    return None


def _worker_env(env: dict[str, str]) -> dict[str, str]:
    """The environment for the worker's Python: not this virtual environment's."""
    for name in ("PYTHONHOME", "PYTHONPATH", "VIRTUAL_ENV", "PYTHONSTARTUP"):
        env.pop(name, None)
    return env


class _WorkerGone(PdfError):
    """The worker ended or stopped answering; it is not used again."""


class _Worker:
    """One LibreOffice with a copied profile, and the UNO bridge feeding it, in a process
    group of their own; this process's reaper ends the group and removes the folder
    should this Python process die."""

    def __init__(self, soffice: Path, python: str, digits: str, *, wait: bool = True) -> None:
        """Start LibreOffice; with *wait*, return once it answers (else the first
        :meth:`convert` waits for it, so the launch overlaps what the caller does meanwhile)."""
        self.digits = digits
        self._ready = False
        self._deadline = time.monotonic() + WORKER_START_SECONDS
        self._lock = threading.Lock()
        self._buffer = b""
        self._closed = False
        self.work = Path(tempfile.mkdtemp(prefix="ita-docs-pdf-"))
        self.process: subprocess.Popen[bytes] | None = None
        self.pipes: list[Path] = []
        self._log: BinaryIO | None = None
        _reaper("path", self.work)
        try:
            profile = self.work / "profile"
            _copy_profile(soffice, digits, profile)
            temp = self.work / "tmp"
            temp.mkdir()
            env = _worker_env(dict(os.environ, FONTCONFIG_FILE=str(_write_fontconfig(self.work)),
                                   SAL_USE_VCLPLUGIN="svp", TMPDIR=str(temp)))
            pipe = f"ita-docs-{os.getpid()}-{uuid.uuid4().hex[:12]}"
            self.pipes = _pipe_files(pipe, profile.as_uri())
            for path in self.pipes:
                _reaper("path", path)
            self._log = (self.work / "worker.log").open("wb")
            self.process = subprocess.Popen([python, str(_WORKER_SCRIPT), str(soffice), profile.as_uri(), pipe],
                                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self._log,
                                            env=env, start_new_session=True)
            _reaper("group", self.process.pid)
            if wait:
                self._wait_ready()
        except BaseException:
            self.close()
            raise

    def _wait_ready(self) -> None:
        """Wait for LibreOffice's first answer; _WorkerGone (the worker closed) if it failed
        or took longer than WORKER_START_SECONDS from the launch."""
        if self._ready:
            return
        try:
            reply = self._reply(self._deadline)
            if not reply.get("ready"):
                raise _WorkerGone(f"เริ่ม LibreOffice ไม่สำเร็จ: {reply.get('error', '')}")
        except subprocess.TimeoutExpired:
            self.close()
            raise _WorkerGone(f"LibreOffice เริ่มทำงานไม่เสร็จใน {WORKER_START_SECONDS} วินาที และถูกหยุดแล้ว "
                              "ลองใหม่อีกครั้ง หรือปิดโปรแกรมอื่นที่ใช้หน่วยความจำมาก") from None
        except BaseException:
            self.close()
            raise
        self._ready = True

    def _reply(self, deadline: float) -> dict[str, object]:
        """The worker's next answer line; TimeoutExpired after *deadline*, _WorkerGone at its end."""
        assert self.process is not None and self.process.stdout is not None
        fd = self.process.stdout.fileno()
        while b"\n" not in self._buffer:
            left = deadline - time.monotonic()
            if left <= 0:
                raise subprocess.TimeoutExpired(self.process.args, 0)
            ready, _, _ = select.select([fd], [], [], min(left, 1.0))
            if not ready:
                continue
            chunk = os.read(fd, 65536)
            if not chunk:
                log = (self.work / "worker.log").read_text(encoding="utf-8", errors="replace").strip().splitlines()
                raise _WorkerGone(f"LibreOffice หยุดทำงาน: {log[-1] if log else 'ไม่มีข้อความ'}")
            self._buffer += chunk
        line, self._buffer = self._buffer.split(b"\n", 1)
        reply = json.loads(line)
        return reply if isinstance(reply, dict) else {}

    def convert(self, source: Path, target: Path, pdf_version: int, timeout: float, digits: str | None = None) -> None:
        """Convert *source* to the PDF *target*, its digits drawn as *digits* (default: the
        profile's); PdfError if LibreOffice could not (the worker stays), _WorkerGone if
        it ended, TimeoutExpired after *timeout* seconds."""
        self._wait_ready()
        assert self.process is not None and self.process.stdin is not None
        self.digits = digits or self.digits
        request = {"source": str(source), "target": str(target), "pdf_version": pdf_version,
                   "numerals": CTL_TEXT_NUMERALS[self.digits]}
        try:
            self.process.stdin.write(json.dumps(request).encode() + b"\n")
            self.process.stdin.flush()
        except OSError:
            raise _WorkerGone("LibreOffice หยุดทำงานก่อนรับไฟล์") from None
        reply = self._reply(time.monotonic() + timeout)
        if not reply.get("ok"):
            error = PdfError(f"LibreOffice แปลงไฟล์เป็น PDF ไม่สำเร็จ: {reply.get('error', '')}")
            if reply.get("fatal"):
                raise _WorkerGone(error.message)
            raise error

    def kill(self) -> None:
        """Send SIGKILL to the worker's whole process group (:meth:`close` then waits and cleans up)."""
        if self.process is not None:
            try:
                os.killpg(self.process.pid, signal.SIGKILL)
            except (ProcessLookupError, PermissionError):
                pass

    def close(self) -> None:
        """End the worker at once: its whole process group (nothing in it needs saving: the
        PDFs are written, the profile is a copy), its folder and LibreOffice's pipes."""
        with self._lock:
            if self._closed:
                return
            self._closed = True
        try:
            if self.process is not None:
                self.kill()  # -- SIGKILL cannot be refused: the group is gone once the kernel has freed it --
                self.process.wait()
                for stream in (self.process.stdin, self.process.stdout):
                    if stream is not None:
                        try:
                            stream.close()
                        except OSError:
                            pass
        finally:
            if self._log is not None:
                self._log.close()
            shutil.rmtree(self.work, ignore_errors=True)
            for path in self.pipes:
                path.unlink(missing_ok=True)
                _reaper("unpath", path)
            _reaper("unpath", self.work)
            if self.process is not None:
                _reaper("ungroup", self.process.pid)


def _pipe_files(pipe: str, profile_url: str) -> list[Path]:
    """The sockets LibreOffice makes in /tmp for the pipe *pipe* and for the profile
    *profile_url* (its single-instance pipe, named after the MD5 of the profile's URL in
    UTF-16, each byte in hex without a leading zero); they stay when it is killed."""
    digest = "".join(f"{byte:x}" for byte in hashlib.md5(profile_url.encode("utf-16-le")).digest())
    uid = os.getuid()
    return [Path("/tmp") / f"OSL_PIPE_{uid}_{name}" for name in (pipe, f"SingleOfficeIPC_{digest}")]


class LibreOfficePool:
    """Up to *size* long-lived LibreOffice workers that conversions are fed to, one file at
    a time, each from a prepared profile (:func:`prepared_profile`).

    A worker serves both digit forms: each request sets its CTLTextNumerals (the profile's
    is only the first), so a file of the other form takes an idle worker rather than a
    new one (a mixed batch starts no worker again). One that dies, hangs
    past its time limit or is interrupted is ended with its whole process group and
    replaced at the next conversion. :meth:`close` (or leaving the ``with`` block) ends
    every worker; should the Python process die, its reaper ends them.
    Thread-safe: up to *size* threads convert at once.
    """

    def __init__(self, size: int = 1, *, soffice: Path | None = None) -> None:
        self.size = max(1, size)
        self._soffice = soffice
        self._cond = threading.Condition()
        self._idle: list[_Worker] = []
        self._all: set[_Worker] = set()
        self._starting = 0
        self._closed = False
        self.started = 0  # -- workers started so far (a replaced worker counts again) --

    def __enter__(self) -> Self:
        return self

    def __del__(self) -> None:  # -- a pool dropped unclosed (a web app's) ends its workers --
        try:
            self.close()
        except Exception:  # noqa: BLE001,S110 - at interpreter exit modules may be gone; the reaper ends them
            pass

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None,
                 traceback: TracebackType | None) -> None:
        self.close()

    def available(self) -> bool:
        """Whether workers can run here (LibreOffice and a Python with ``uno`` were found)."""
        try:
            return find_uno_python(self._program()) is not None
        except PdfError:
            return False

    def _program(self) -> Path:
        if self._soffice is None:
            self._soffice = find_soffice()
        return self._soffice

    def _take(self, digits: str) -> _Worker:
        with self._cond:
            while True:
                if self._closed:
                    raise PdfError("หยุดการแปลง PDF แล้ว")
                # -- an idle worker of this digit form, else any idle one: it switches its
                #    CTLTextNumerals for this file (milliseconds, against a new worker's second) --
                match = next((w for w in self._idle if w.digits == digits), self._idle[0] if self._idle else None)
                if match is not None:
                    self._idle.remove(match)
                    return match
                if len(self._all) + self._starting < self.size:
                    break
                self._cond.wait()
            self._starting += 1
        python = find_uno_python(self._program())
        try:
            if python is None:
                raise PdfError("ไม่พบ Python ที่ใช้ uno ได้ (ติดตั้ง python3-uno)")
            worker = _Worker(self._program(), python, digits)
        finally:
            with self._cond:
                self._starting -= 1
                self._cond.notify_all()
        with self._cond:
            self.started += 1
            self._all.add(worker)
            if self._closed:
                self._all.discard(worker)
                worker.close()
                raise PdfError("หยุดการแปลง PDF แล้ว")
        return worker

    def start(self, digits: str, count: int | None = None) -> None:
        """Launch workers for *digits* until the pool holds *count* (default: *size*), and
        return at once, without waiting for LibreOffice to answer: its launch (about a
        second) overlaps whatever comes before the first conversion, which waits for it.
        A worker that cannot start is not reported here: the conversion given it says why."""
        wanted = self.size if count is None else min(count, self.size)
        while True:
            with self._cond:
                if self._closed or len(self._all) + self._starting >= wanted:
                    return
                self._starting += 1
            worker = None
            try:
                python = find_uno_python(self._program())
                if python is not None:
                    worker = _Worker(self._program(), python, digits, wait=False)
            except Exception:  # noqa: BLE001 - said by the conversion that needs a worker
                worker = None
            finally:
                with self._cond:
                    self._starting -= 1
                    if worker is not None and not self._closed:
                        self.started += 1
                        self._all.add(worker)
                        self._idle.append(worker)
                        worker = None
                    self._cond.notify_all()
            if worker is not None:  # -- the pool closed meanwhile --
                worker.close()
                return

    def _give_back(self, worker: _Worker, keep: bool) -> None:
        with self._cond:
            keep = keep and not self._closed
            if keep:
                self._idle.append(worker)
            else:
                self._all.discard(worker)
            self._cond.notify_all()
        if not keep:
            worker.close()

    def convert(self, source: Path, target: Path, *, digits: str, pdf_a: bool = False,
                timeout: float | None = None, label: Path | None = None) -> None:
        """Convert *source* to the PDF *target* on a worker of *digits*; errors name *label*."""
        limit = time_limit([source]) if timeout is None else timeout
        where = Location(str(label or source))
        keep = False
        worker = self._take(digits)
        try:
            worker.convert(source, target, PDF_A_VERSION if pdf_a else 0, limit, digits)
            if not target.is_file():
                raise PdfError("LibreOffice ไม่ได้เขียนไฟล์ PDF", location=where)
            keep = True
        except subprocess.TimeoutExpired:
            raise _timeout_error(1, limit) from None
        except _WorkerGone as exc:
            raise PdfError(exc.message, location=where) from None
        except PdfError as exc:
            keep = True  # -- the document's own failure: the worker goes on --
            raise PdfError(exc.message, location=where) from None
        finally:
            self._give_back(worker, keep)

    def close(self) -> None:
        """End every worker, busy ones too (their conversions fail at once)."""
        with self._cond:
            self._closed = True
            workers = list(self._all)
            self._all.clear()
            self._idle.clear()
            self._cond.notify_all()
        for worker in workers:  # -- all killed first: they end side by side --
            worker.kill()
        for worker in workers:
            worker.close()


# -- one LibreOffice run with the macro (no Python with uno) ------------------------------
def _run_libreoffice(soffice: Path, files: Sequence[Path], out_dir: Path, work: Path, digits: str,
                     *, pdf_a: bool = False) -> None:
    profile = work / f"profile-{digits}"
    temp = work / "tmp"  # -- LibreOffice's own temporary files, removed with the work folder --
    temp.mkdir(exist_ok=True)
    env = dict(os.environ, FONTCONFIG_FILE=str(_write_fontconfig(work)), SAL_USE_VCLPLUGIN="svp", TMPDIR=str(temp))
    listing = work / f"files-{digits}.txt"
    version = PDF_A_VERSION if pdf_a else 0
    listing.write_text("".join(f"{f}\t{out_dir / (f.stem + '.pdf')}\t{version}\n" for f in files), encoding="utf-8")
    command = [str(soffice), f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
               f'macro:///Standard.Module1.ConvertList("{listing}")']
    limit = time_limit(files)
    try:
        if not profile.exists():  # -- copied once, used by every run of this work folder --
            _copy_profile(soffice, digits, profile)
        result = run_in_group(command, env, timeout=limit, work=work)
    except subprocess.TimeoutExpired:
        raise _timeout_error(len(files), limit) from None
    except OSError as exc:  # -- the program would not start (not executable, gone), or its work folder --
        raise translate(exc, SUBPROCESS_ERRORS, location=Location(str(soffice)), program="LibreOffice") or exc
    missing = [f for f in files if not (out_dir / f"{f.stem}.pdf").is_file()]
    if result.returncode != 0 or missing:
        detail = (result.stderr or result.stdout).strip().splitlines()[-1:] or [""]
        raise PdfError(f"LibreOffice แปลงไฟล์เป็น PDF ไม่สำเร็จ: {detail[0]}",
                       location=Location(str(missing[0] if missing else files[0])))


def convert_to_pdf(docx_files: Iterable[str | Path], out_dir: str | Path | None = None,
                   *, overwrite: bool = False, pdf_a: bool = False,
                   pool: LibreOfficePool | None = None, digits: Digits | None = None) -> list[Path]:
    """Convert .docx files to tagged PDF.

    Each PDF is written beside its .docx (or into *out_dir*) under the same stem;
    existing PDFs are kept unless *overwrite*. *pdf_a* writes PDF/A-2b, which archives
    ask for. The files go to the long-lived workers of *pool* (kept for later calls),
    else to a worker started for this call, else (no Python with ``uno``) to one
    LibreOffice run per digit form. *digits* is the files' digit form where the caller
    knows it (it rendered them); else each file's is read from it. Returns the PDF paths
    in input order.
    """
    sources = [Path(f) for f in docx_files]
    return _convert(sources, [Path(out_dir or s.parent) / f"{s.stem}.pdf" for s in sources],
                    overwrite=overwrite, pdf_a=pdf_a, pool=pool, digits=[digits] * len(sources))


#: Most documents one LibreOffice run converts when there are no workers (memory grows with the run).
MACRO_RUN_SIZE = 200


def convert_each(docx_files: Sequence[Path], out_dir: str | Path, *, overwrite: bool = False,
                 pdf_a: bool = False, jobs: int = 1) -> list[Path | ItaDocsError]:
    """Convert each file to a PDF in *out_dir*, *jobs* at a time; returns, in input order,
    each PDF or the error that stopped it (the others go on). See :class:`PdfStream`."""
    with PdfStream(out_dir, overwrite=overwrite, pdf_a=pdf_a, jobs=jobs, documents=len(docx_files)) as stream:
        for docx in docx_files:
            stream.add(Path(docx))
        return stream.results()


class _NoWorkers(Exception):
    """No Python with ``uno`` here: the file waits for the one-run-per-share conversion."""


class PdfStream:
    """Files converted to PDF in *out_dir* as they are handed in (:meth:`add`), while the
    caller goes on, for instance rendering the next document; :meth:`results` waits for
    them all.

    The files are fed one by one to *jobs* long-lived workers (:class:`LibreOfficePool`),
    so a slow document holds up no other and each worker's start is paid once. The
    workers are launched at once for the digit form *digits* that the caller expects (so
    their launch overlaps the rendering of the first file), else when the first file is
    handed in, for its digit form (any worker converts either form). As
    many are launched as the *documents* expected (:meth:`expect`), at most *jobs*. The
    preparation of one file (and the writing of the PDF before it) overlaps the
    conversion of another. Without a Python that has ``uno``, the files are shared out
    in even parts at the end, one LibreOffice run each; a run that fails gives its error
    to each of its files. :meth:`close` (or leaving the ``with`` block; on Ctrl-C too)
    ends every worker at once: conversions still running fail.
    """

    def __init__(self, out_dir: str | Path, *, overwrite: bool = False, pdf_a: bool = False,
                 jobs: int = 1, digits: str | None = None, documents: int = 1) -> None:
        from concurrent.futures import Future, ThreadPoolExecutor

        self._out = Path(out_dir)
        self._overwrite, self._pdf_a = overwrite, pdf_a
        self._jobs = max(1, jobs)
        self._pool = LibreOfficePool(self._jobs)
        # -- two more threads than workers: one prepares the next file, one writes the last PDF --
        self._threads = ThreadPoolExecutor(max_workers=self._jobs + 2, thread_name_prefix="ita-docs-pdf")
        self._files: list[tuple[Path, Digits | None]] = []
        self._futures: list[Future[Path | ItaDocsError]] = []
        self._started: set[str] = set()
        self._expected = max(1, documents)
        if digits is not None:  # -- the digit form expected: the workers start now, before any file --
            self._start(digits)

    def expect(self, documents: int) -> None:
        """Say that *documents* files are coming in all: workers are launched for up to that
        many (at most *jobs*), so none is started for a file that never comes."""
        self._expected = max(self._expected, documents)
        for digits in self._started:
            self._pool.start(digits, self._expected)

    def __enter__(self) -> Self:
        return self

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None,
                 traceback: TracebackType | None) -> None:
        self.close()

    def add(self, docx: Path, digits: Digits | None = None) -> None:
        """Hand in *docx* for conversion, of the digit form *digits* if the caller knows it
        (else read from the file); returns at once."""
        if not self._files:
            self._start(digits, None if digits is not None else docx)
        self._files.append((docx, digits))
        self._futures.append(self._threads.submit(self._one, docx, digits))

    def _start(self, digits: str | None, docx: Path | None = None) -> None:
        """Start the workers for *digits*, or for the digit form of *docx* (unless started)."""
        try:
            if not self._pool.available():
                return
            digits = document_digits(docx) if docx is not None else digits
        except ItaDocsError:  # -- said by the file's own conversion --
            return
        if digits is None or digits in self._started:
            return
        self._started.add(digits)
        self._pool.start(digits, self._expected)

    def _one(self, docx: Path, digits: Digits | None) -> Path | ItaDocsError:
        try:
            if not self._pool.available():
                raise _NoWorkers
            return _convert([docx], [self._out / f"{docx.stem}.pdf"], overwrite=self._overwrite,
                            pdf_a=self._pdf_a, pool=self._pool, digits=[digits])[0]
        except ItaDocsError as exc:
            return exc

    def results(self) -> list[Path | ItaDocsError]:
        """Wait for every file handed in; each one's PDF or error, in the order handed in."""
        outcomes: list[Path | ItaDocsError | None] = []
        left: list[int] = []
        for index, future in enumerate(self._futures):
            try:
                outcomes.append(future.result())
            except _NoWorkers:
                outcomes.append(None)
                left.append(index)
        if left:
            for index, outcome in zip(left, self._in_runs([self._files[i] for i in left])):
                outcomes[index] = outcome
        return [outcome for outcome in outcomes if outcome is not None]

    def _in_runs(self, files: list[tuple[Path, Digits | None]]) -> list[Path | ItaDocsError]:
        from concurrent.futures import ThreadPoolExecutor

        runs = max(1, min(self._jobs, len(files)))
        size = min(MACRO_RUN_SIZE, -(-len(files) // runs))  # -- even shares, one per job --
        chunks = [files[start:start + size] for start in range(0, len(files), size)]

        def chunk_of(chunk: list[tuple[Path, Digits | None]]) -> list[Path | ItaDocsError]:
            sources = [docx for docx, _ in chunk]
            try:
                pdfs = _convert(sources, [self._out / f"{s.stem}.pdf" for s in sources], overwrite=self._overwrite,
                                pdf_a=self._pdf_a, digits=[digits for _, digits in chunk])
            except ItaDocsError as exc:
                return [exc] * len(chunk)
            return list[Path | ItaDocsError](pdfs)

        with ThreadPoolExecutor(max_workers=runs) as threads:
            return [outcome for done in threads.map(chunk_of, chunks) for outcome in done]

    def close(self) -> None:
        """End every worker (conversions still running fail at once) and drop what is not started."""
        self._pool.close()
        self._threads.shutdown(cancel_futures=True)


#: Converts (copy, its PDF, the original) triples of one digit form.
_Runner = Callable[[Sequence[tuple[Path, Path, Path]]], None]


def _convert(sources: Sequence[Path], targets: Sequence[Path], *, overwrite: bool, pdf_a: bool = False,
             pool: LibreOfficePool | None = None, digits: Sequence[Digits | None] | None = None) -> list[Path]:
    """Convert each of *sources* to its PDF in *targets*; *digits* gives each one's digit
    form where the caller knows it (None: read from the file)."""
    for source, target in zip(sources, targets):
        if not source.is_file():
            raise PdfError("ไม่พบไฟล์", location=Location(str(source)))
        check_writable(target, overwrite=overwrite)
    if len(set(targets)) != len(targets):
        raise PdfError("มีไฟล์ชื่อเดียวกันหลายไฟล์ จะได้ PDF ชื่อซ้ำกัน")
    soffice = find_soffice()
    own = None
    if pool is not None and not pool.available():
        pool = None
    if pool is None and find_uno_python(soffice) is not None:
        pool = own = LibreOfficePool(1, soffice=soffice)
    try:
        with tempfile.TemporaryDirectory(prefix="ita-docs-pdf-") as tmp:
            work = Path(tmp)
            _reaper("path", work)
            try:
                by_digits: dict[str, list[int]] = {}
                known = digits if digits is not None else [None] * len(sources)
                for index, (source, given) in enumerate(zip(sources, known, strict=True)):
                    by_digits.setdefault(_digits_of(source, given), []).append(index)
                for form, indexes in by_digits.items():
                    runner = _pool_runner(pool, form, pdf_a) if pool is not None else \
                        _macro_runner(soffice, work, form, pdf_a)
                    pdfs = _convert_group([sources[i] for i in indexes], work, form, runner)
                    for index, pdf in zip(indexes, pdfs):
                        if form == "thai":
                            thai_digit_actual_text(pdf)
                        write_atomic(targets[index], pdf.read_bytes(), overwrite=overwrite)
            finally:
                _reaper("unpath", work)
    finally:
        if own is not None:
            own.close()
    return list(targets)


def _pool_runner(pool: LibreOfficePool, digits: str, pdf_a: bool) -> _Runner:
    def run(files: Sequence[tuple[Path, Path, Path]]) -> None:
        for copy, pdf, original in files:
            pool.convert(copy, pdf, digits=digits, pdf_a=pdf_a, label=original)
    return run


def _macro_runner(soffice: Path, work: Path, digits: str, pdf_a: bool) -> _Runner:
    def run(files: Sequence[tuple[Path, Path, Path]]) -> None:
        if files:
            _run_libreoffice(soffice, [copy for copy, _, _ in files], files[0][1].parent, work, digits, pdf_a=pdf_a)
    return run


def _convert_group(sources: Sequence[Path], work: Path, digits: str, runner: _Runner) -> list[Path]:
    """Convert *sources* of one digit form; returns their PDFs (inside *work*).

    A document with a very long table converts twice, the second time from a copy cut
    at the table's page breaks (:mod:`.paged_tables`): LibreOffice's time then grows
    linearly with the pages, not with their square.
    """
    def run(name: str, documents: dict[int, bytes]) -> dict[int, Path]:
        # -- LibreOffice names each PDF after its input: give every input its own stem --
        inputs, out = work / f"in-{digits}-{name}", work / f"out-{digits}-{name}"
        inputs.mkdir()
        out.mkdir()
        copies = {}
        for index, data in documents.items():
            copies[index] = inputs / f"{index:05d}.docx"
            copies[index].write_bytes(data)
        pdfs = {index: out / f"{copy.stem}.pdf" for index, copy in copies.items()}
        runner([(copies[index], pdfs[index], sources[index]) for index in copies])
        return pdfs

    originals = {index: source.read_bytes() for index, source in enumerate(sources)}
    long = {index for index, data in originals.items() if paged_tables.long_table_count(data)}
    pdfs = run("first", {i: paged_tables.measure_copy(d) if i in long else d for i, d in originals.items()})
    final: dict[int, bytes] = {}
    for index in long:
        try:
            final[index] = paged_tables.final_copy(originals[index], paged_tables.row_pages(pdfs[index],
                                                                                            originals[index]))
        except ValueError:  # -- the PDF's tables do not match: convert the document as it is --
            final[index] = originals[index]
    if final:
        pdfs.update(run("final", final))
    return [pdfs[index] for index in range(len(sources))]


def to_pdf(docx: str | Path, out: str | Path | None = None, *, overwrite: bool = False, pdf_a: bool = False,
           pool: LibreOfficePool | None = None, digits: Digits | None = None) -> Path:
    """Convert one .docx to PDF (*out*, or the .docx path with .pdf); returns the PDF path.
    *digits* is the document's digit form where the caller knows it (else read from the file)."""
    docx = Path(docx)
    return _convert([docx], [Path(out) if out is not None else docx.with_suffix(".pdf")],
                    overwrite=overwrite, pdf_a=pdf_a, pool=pool, digits=[digits])[0]
