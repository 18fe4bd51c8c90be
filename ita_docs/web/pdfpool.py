"""PDF for many users at once: a bounded number of LibreOffice runs, each converting a
batch of the documents waiting, and page images.

Starting LibreOffice costs most of a conversion, so the pool keeps one long-lived
LibreOffice worker per slot (:class:`ita_docs.rendering.pdf.LibreOfficePool`: a worker
that dies or passes its time limit is ended with its process group and replaced). So a request puts its .docx in a queue;
whoever gets one of the ``slots`` takes up to ``batch`` waiting documents and converts
them together. If a batch fails, its documents are converted one by one, so one broken
document costs no one else their PDF. A request still queued after ``wait_seconds`` is
answered 503 with ``Retry-After`` instead of piling up.
"""
from __future__ import annotations

import shutil
import subprocess
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from ..rendering.pdf import LibreOfficePool
from ..thai import Digits
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


@dataclass(eq=False)
class _Job:
    docx: Path
    digits: Digits | None = None  # -- the document's digit form, where the caller knows it --
    done: threading.Event = field(default_factory=threading.Event)
    error: BaseException | None = None


class PdfPool:
    """At most *slots* LibreOffice runs at once, each over up to *batch* waiting documents."""

    def __init__(self, slots: int, wait_seconds: float, *, batch: int = 8, gather_seconds: float = 0.1) -> None:
        self.slots = max(1, slots)
        self.wait_seconds = wait_seconds
        self.batch = max(1, batch)
        self.gather_seconds = gather_seconds
        self._free = threading.BoundedSemaphore(self.slots)
        self._lock = threading.Lock()
        self._queue: list[_Job] = []
        self.running = 0  # -- documents being converted now --
        self.done = 0
        self.runs = 0  # -- batches converted --
        #: Long-lived LibreOffice workers, one per slot, kept between requests.
        self.workers = LibreOfficePool(self.slots)

    def close(self) -> None:
        """End the long-lived LibreOffice workers, at the app's shutdown: the pool converts no more."""
        self.workers.close()

    def convert(self, docx: Path, digits: Digits | None = None) -> Path:
        """Convert *docx* (of the digit form *digits*, else read from the file) to the PDF beside
        it (same stem) when its turn comes; returns the PDF."""
        job = _Job(Path(docx), digits)
        with self._lock:
            self._queue.append(job)
        deadline = time.monotonic() + self.wait_seconds
        while not job.done.is_set():
            if self._free.acquire(timeout=0.05):
                try:
                    self._run_waiting()
                finally:
                    self._free.release()
            elif time.monotonic() > deadline:
                with self._lock:
                    if job in self._queue:
                        self._queue.remove(job)
                        raise ProblemError(503, "ระบบกำลังสร้าง PDF ให้ผู้ใช้อื่นอยู่",
                                           f"รอคิวเกิน {self.wait_seconds:.0f} วินาที ลองใหม่อีกครั้งในภายหลัง",
                                           slug="busy", headers={"Retry-After": "30"})
        if job.error is not None:
            raise job.error
        return job.docx.with_suffix(".pdf")

    def _take(self) -> list[_Job]:
        """Up to ``batch`` waiting jobs; a short queue first waits a moment for more to join."""
        with self._lock:
            short = 0 < len(self._queue) < self.batch
        if short and self.gather_seconds:
            time.sleep(self.gather_seconds)
        with self._lock:
            taken = self._queue[:self.batch]
            del self._queue[:self.batch]
        return taken

    def _run_waiting(self) -> None:
        from ..errors import ItaDocsError
        from ..rendering.pdf import convert_to_pdf

        batch = self._take()
        if not batch:
            return
        with self._lock:
            self.running += len(batch)
            self.runs += 1
        try:
            try:
                for digits in dict.fromkeys(j.digits for j in batch):  # -- one call per digit form --
                    convert_to_pdf([j.docx for j in batch if j.digits == digits], overwrite=True, pool=self.workers,
                                   digits=digits)
            except ItaDocsError as exc:
                if len(batch) == 1:
                    batch[0].error = exc
                else:  # -- one document may have spoilt the run: each on its own --
                    for job in batch:
                        with self._lock:
                            self.runs += 1
                        try:
                            convert_to_pdf([job.docx], overwrite=True, pool=self.workers, digits=job.digits)
                        except ItaDocsError as single:
                            job.error = single
        except BaseException as exc:  # -- handed to every waiting request, raised there --
            for job in batch:
                job.error = job.error or exc
            raise
        finally:
            with self._lock:
                self.running -= len(batch)
                self.done += len(batch)
            for job in batch:
                job.done.set()


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
