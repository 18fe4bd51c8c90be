"""PDF for many users at once: a bounded number of LibreOffice conversions, and page images.

Each conversion is the library's :func:`ita_docs.to_pdf` (its own LibreOffice run, with
its own time limit, ended with all its children on timeout). At most ``slots`` run at
once; a request that waits longer than ``wait_seconds`` for its turn is answered 503
with ``Retry-After`` instead of piling up.
"""
from __future__ import annotations

import shutil
import subprocess
import threading
from pathlib import Path

from .problems import ProblemError

__all__ = ["PdfPool", "page_images", "pdf_available"]

PDFTOPPM_TIMEOUT = 60


def pdf_available() -> bool:
    """Whether LibreOffice is there to make PDFs."""
    from ..errors import ItaDocsError
    from ..rendering.pdf import find_soffice

    try:
        find_soffice()
    except ItaDocsError:
        return False
    return True


class PdfPool:
    """At most *slots* conversions at once; the others wait up to *wait_seconds*."""

    def __init__(self, slots: int, wait_seconds: float) -> None:
        self.slots = max(1, slots)
        self.wait_seconds = wait_seconds
        self._free = threading.BoundedSemaphore(self.slots)
        self._lock = threading.Lock()
        self.running = 0
        self.done = 0

    def convert(self, docx: Path, pdf: Path) -> Path:
        """Convert *docx* to *pdf* when a slot is free."""
        from ..rendering.pdf import to_pdf

        if not self._free.acquire(timeout=self.wait_seconds):
            raise ProblemError(503, "ระบบกำลังสร้าง PDF ให้ผู้ใช้อื่นอยู่",
                               f"รอคิวเกิน {self.wait_seconds:.0f} วินาที ลองใหม่อีกครั้งในภายหลัง",
                               slug="busy", headers={"Retry-After": "30"})
        with self._lock:
            self.running += 1
        try:
            return to_pdf(docx, pdf, overwrite=True)
        finally:
            with self._lock:
                self.running -= 1
                self.done += 1
            self._free.release()


def page_images(pdf: Path, folder: Path, *, pages: int, dpi: int) -> tuple[list[bytes], int]:
    """PNG images of the first *pages* pages of *pdf* (made in *folder*), and the page count."""
    pdftoppm, pdfinfo = shutil.which("pdftoppm"), shutil.which("pdfinfo")
    if pdftoppm is None or pdfinfo is None:
        raise ProblemError(503, "แสดงภาพหน้าเอกสารไม่ได้", "เครื่องแม่ข่ายไม่มีโปรแกรม pdftoppm (poppler-utils)",
                           slug="preview-unavailable")
    info = subprocess.run([pdfinfo, str(pdf)], capture_output=True, text=True, timeout=PDFTOPPM_TIMEOUT)
    count = next((int(line.split()[-1]) for line in info.stdout.splitlines() if line.startswith("Pages:")), 0)
    prefix = folder / "page"
    subprocess.run([pdftoppm, "-png", "-r", str(dpi), "-f", "1", "-l", str(pages), str(pdf), str(prefix)],
                   capture_output=True, timeout=PDFTOPPM_TIMEOUT, check=False)
    images = sorted(folder.glob("page-*.png"), key=lambda p: int(p.stem.rsplit("-", 1)[1]))
    return [p.read_bytes() for p in images], count
