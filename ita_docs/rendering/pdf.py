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

import os
import signal
import shutil
import subprocess
import sys
import time
import tempfile
import zipfile
from collections.abc import Iterable, Sequence
from importlib import resources
from pathlib import Path
from xml.etree import ElementTree as ET

from ..archive import DOCX, verify_archive
from ..errors import SUBPROCESS_ERRORS, Location, PdfError, translate
from ..resources import data_dir
from . import paged_tables
from ..output import check_writable, write_atomic
from .pdf_text import thai_digit_actual_text

__all__ = ["PdfError", "convert_to_pdf", "find_soffice", "to_pdf"]

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
    return "thai" if any(PAGE_FORMAT_DIGITS.get(f) == "thai" for f in formats) else "arabic"


#: A watchdog started beside each LibreOffice run: it reads its stdin until the end, and
#: ends the run's process group unless it was told "done" — so a Python process killed
#: outright (no handler runs) leaves no LibreOffice behind.
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
    if len(sys.argv) > 2:
        shutil.rmtree(sys.argv[2], ignore_errors=True)
"""


def _group_alive(pid: int) -> bool:
    """Whether the process group *pid* still has a process."""
    try:
        os.killpg(pid, 0)
    except (ProcessLookupError, PermissionError):
        return False
    return True


def end_process_group(process: subprocess.Popen[str]) -> None:
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
    run_in_group([str(soffice), f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
                  "--terminate_after_init"], env, timeout=120, work=profile.parent)


def _write_macro(profile: Path) -> None:
    module = resources.files(__package__).joinpath("libreoffice", "Module1.xba").read_bytes()
    (profile / "user" / "basic" / "Standard" / "Module1.xba").write_bytes(module)


def _write_profile(profile: Path, digits: str) -> None:
    """Add the digit-shape setting to the profile's registrymodifications.xcu."""
    oor = "http://openoffice.org/2001/registry"
    ET.register_namespace("oor", oor)
    path = profile / "user" / "registrymodifications.xcu"
    path.parent.mkdir(parents=True, exist_ok=True)
    tree = ET.parse(path) if path.exists() else ET.ElementTree(ET.Element(f"{{{oor}}}items"))
    item = ET.SubElement(tree.getroot(), "item", {f"{{{oor}}}path": "/org.openoffice.Office.Common/I18N/CTL"})
    prop = ET.SubElement(item, "prop", {f"{{{oor}}}name": "CTLTextNumerals", f"{{{oor}}}op": "fuse"})
    ET.SubElement(prop, "value").text = str(CTL_TEXT_NUMERALS[digits])
    tree.write(path, encoding="UTF-8", xml_declaration=True)


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
        if not profile.exists():  # -- prepared once, used by every run of this work folder --
            _init_profile(soffice, profile, env)
            _write_profile(profile, digits)
            _write_macro(profile)
        result = run_in_group(command, env, timeout=limit, work=work)
    except subprocess.TimeoutExpired:
        raise PdfError(
            f"LibreOffice แปลง {len(files)} ไฟล์ไม่เสร็จใน {limit:.0f} วินาที และถูกหยุดแล้ว "
            "ถ้าเอกสารมีตารางยาวมาก ให้แบ่งมาตรการเป็นหลายเอกสาร หรือแปลงทีละไฟล์") from None
    except OSError as exc:  # -- the program would not start (not executable, gone), or its work folder --
        raise translate(exc, SUBPROCESS_ERRORS, location=Location(str(soffice)), program="LibreOffice") or exc
    missing = [f for f in files if not (out_dir / f"{f.stem}.pdf").is_file()]
    if result.returncode != 0 or missing:
        detail = (result.stderr or result.stdout).strip().splitlines()[-1:] or [""]
        raise PdfError(f"LibreOffice แปลงไฟล์เป็น PDF ไม่สำเร็จ: {detail[0]}",
                       location=Location(str(missing[0] if missing else files[0])))


def convert_to_pdf(docx_files: Iterable[str | Path], out_dir: str | Path | None = None,
                   *, overwrite: bool = False, pdf_a: bool = False) -> list[Path]:
    """Convert .docx files to tagged PDF, in one LibreOffice run per digit form.

    Each PDF is written beside its .docx (or into *out_dir*) under the same stem;
    existing PDFs are kept unless *overwrite*. *pdf_a* writes PDF/A-2b, which archives
    ask for. Returns the PDF paths in input order.
    """
    sources = [Path(f) for f in docx_files]
    return _convert(sources, [Path(out_dir or s.parent) / f"{s.stem}.pdf" for s in sources],
                    overwrite=overwrite, pdf_a=pdf_a)


def _convert(sources: Sequence[Path], targets: Sequence[Path], *, overwrite: bool, pdf_a: bool = False) -> list[Path]:
    for source, target in zip(sources, targets):
        if not source.is_file():
            raise PdfError("ไม่พบไฟล์", location=Location(str(source)))
        check_writable(target, overwrite=overwrite)
    if len(set(targets)) != len(targets):
        raise PdfError("มีไฟล์ชื่อเดียวกันหลายไฟล์ จะได้ PDF ชื่อซ้ำกัน")
    soffice = find_soffice()
    with tempfile.TemporaryDirectory(prefix="ita-docs-pdf-") as tmp:
        work = Path(tmp)
        by_digits: dict[str, list[int]] = {}
        for index, source in enumerate(sources):
            by_digits.setdefault(document_digits(source), []).append(index)
        for digits, indexes in by_digits.items():
            pdfs = _convert_group([sources[i] for i in indexes], work, soffice, digits, pdf_a=pdf_a)
            for index, pdf in zip(indexes, pdfs):
                if digits == "thai":
                    thai_digit_actual_text(pdf)
                write_atomic(targets[index], pdf.read_bytes(), overwrite=overwrite)
    return list(targets)


def _convert_group(sources: Sequence[Path], work: Path, soffice: Path, digits: str, *, pdf_a: bool) -> list[Path]:
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
        _run_libreoffice(soffice, list(copies.values()), out, work, digits, pdf_a=pdf_a)
        return {index: out / f"{copy.stem}.pdf" for index, copy in copies.items()}

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


def to_pdf(docx: str | Path, out: str | Path | None = None, *, overwrite: bool = False, pdf_a: bool = False) -> Path:
    """Convert one .docx to PDF (*out*, or the .docx path with .pdf); returns the PDF path."""
    docx = Path(docx)
    return _convert([docx], [Path(out) if out is not None else docx.with_suffix(".pdf")],
                    overwrite=overwrite, pdf_a=pdf_a)[0]
