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

Several files convert in one LibreOffice run (one run per digit form).
"""
from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import zipfile
from collections.abc import Iterable, Sequence
from importlib import resources
from pathlib import Path
from xml.etree import ElementTree as ET

from ..archive import DOCX, verify_archive
from ..errors import ItaDocsError, Location
from ..resources import data_dir
from .output import check_writable, write_atomic

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
SECONDS_PER_FILE = 60
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


class PdfError(ItaDocsError):
    """LibreOffice is missing, or could not convert a document."""


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


def _init_profile(soffice: Path, profile: Path, env: dict[str, str]) -> None:
    """Let LibreOffice create the profile; it replaces a user folder it did not make."""
    subprocess.run([str(soffice), f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
                    "--terminate_after_init"], env=env, capture_output=True, timeout=120)


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


def _run_libreoffice(soffice: Path, files: Sequence[Path], out_dir: Path, work: Path, digits: str) -> None:
    profile = work / f"profile-{digits}"
    env = dict(os.environ, FONTCONFIG_FILE=str(_write_fontconfig(work)), SAL_USE_VCLPLUGIN="svp")
    listing = work / f"files-{digits}.txt"
    listing.write_text("".join(f"{f}\t{out_dir / (f.stem + '.pdf')}\n" for f in files), encoding="utf-8")
    command = [str(soffice), f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
               f'macro:///Standard.Module1.ConvertList("{listing}")']
    try:
        _init_profile(soffice, profile, env)
        _write_profile(profile, digits)
        _write_macro(profile)
        result = subprocess.run(command, env=env, capture_output=True, text=True,
                                timeout=60 + SECONDS_PER_FILE * len(files))
    except subprocess.TimeoutExpired:
        raise PdfError(f"LibreOffice ใช้เวลานานเกินไปในการแปลง {len(files)} ไฟล์") from None
    missing = [f for f in files if not (out_dir / f"{f.stem}.pdf").is_file()]
    if result.returncode != 0 or missing:
        detail = (result.stderr or result.stdout).strip().splitlines()[-1:] or [""]
        raise PdfError(f"LibreOffice แปลงไฟล์เป็น PDF ไม่สำเร็จ: {detail[0]}",
                       location=Location(str(missing[0] if missing else files[0])))


def convert_to_pdf(docx_files: Iterable[str | Path], out_dir: str | Path | None = None,
                   *, overwrite: bool = False) -> list[Path]:
    """Convert .docx files to PDF, in one LibreOffice run per digit form.

    Each PDF is written beside its .docx (or into *out_dir*) under the same stem;
    existing PDFs are kept unless *overwrite*. Returns the PDF paths in input order.
    """
    sources = [Path(f) for f in docx_files]
    targets = [Path(out_dir or s.parent) / f"{s.stem}.pdf" for s in sources]
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
            # -- LibreOffice names each PDF after its input: give every input its own stem --
            inputs = work / f"in-{digits}"
            inputs.mkdir()
            copies = []
            for index in indexes:
                copy = inputs / f"{index:05d}.docx"
                shutil.copyfile(sources[index], copy)
                copies.append(copy)
            out = work / f"out-{digits}"
            out.mkdir()
            _run_libreoffice(soffice, copies, out, work, digits)
            for index, copy in zip(indexes, copies):
                write_atomic(targets[index], (out / f"{copy.stem}.pdf").read_bytes(), overwrite=overwrite)
    return targets


def to_pdf(docx: str | Path, out: str | Path | None = None, *, overwrite: bool = False) -> Path:
    """Convert one .docx to PDF (*out*, or the .docx path with .pdf); returns the PDF path."""
    docx = Path(docx)
    if out is None:
        return convert_to_pdf([docx], overwrite=overwrite)[0]
    out = Path(out)
    check_writable(out, overwrite=overwrite)
    with tempfile.TemporaryDirectory(prefix="ita-docs-pdf-out-") as tmp:
        produced = convert_to_pdf([docx], tmp)[0]
        return write_atomic(out, produced.read_bytes(), overwrite=overwrite)
