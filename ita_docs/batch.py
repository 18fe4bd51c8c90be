"""Many documents at once: one per data file (or per item of a list), in parallel.

Each document is named after its organisation, fiscal year and kind, with every
character that could leave the output folder or upset a file system replaced; a
failure is reported and the others go on.
"""
from __future__ import annotations

import os
import re
import sys
import unicodedata
import warnings
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import nullcontext
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from .errors import DataValidationError, ItaDocsError, ItaDocsWarning, Location, Problem, translate

if TYPE_CHECKING:
    from .rendering.pdf import PdfStream
    from .thai import Digits

__all__ = ["BatchError", "BatchResult", "available_cores", "chunk_size", "expected_digits", "output_name",
           "render_many", "worker_count"]

#: Characters no file name gets: path separators, Windows' reserved ones, controls.
_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f\x7f]+')
#: The most UTF-8 bytes of the organisation's name in a file name (a Thai character takes
#: three; file systems take 255 bytes, and the year, kind and a number are added).
MAX_NAME_BYTES = 180


@dataclass(frozen=True)
class BatchError:
    """Why one document failed: the error's message and location, and, for data that breaks
    the schema, each of its problems. Printed on one line, as the error is.

    >>> error = BatchError.of(DataValidationError([Problem(Location("a.yaml", "kind"), "ไม่รู้จักชนิด")]))
    >>> str(error), error.names("a.yaml"), error.names("b.yaml")
    ('a.yaml: kind: ไม่รู้จักชนิด', True, False)
    >>> str(BatchError("เขียนไฟล์ไม่ได้", Location("out/x.docx")))
    'เขียนไฟล์ไม่ได้ (out/x.docx)'
    """

    message: str
    location: Location = Location()
    #: A :class:`~ita_docs.errors.DataValidationError`'s problems; empty for any other error.
    problems: tuple[Problem, ...] = ()

    @classmethod
    def of(cls, exc: ItaDocsError) -> BatchError:
        """The record of *exc* (which, unlike the exception, crosses to another process whole)."""
        problems = tuple(exc.problems) if isinstance(exc, DataValidationError) else ()
        return cls(exc.message, exc.location, problems)

    def names(self, file: str) -> bool:
        """Whether the error's location, or one of its problems', is in *file*."""
        return file in (self.location.file, *(p.location.file for p in self.problems))

    def __str__(self) -> str:
        text = str(DataValidationError(list(self.problems))) if self.problems else str(Problem(self.location, self.message))
        return " ".join(text.split("\n"))


@dataclass(frozen=True)
class BatchResult:
    """What became of one source: the .docx written, or the error."""

    source: str
    output: Path | None = None
    error: BatchError | None = None
    pdf: Path | None = None
    #: Figures given in the data that differ from the computed ones (printed as given).
    warnings: tuple[str, ...] = ()


def output_name(document: Any) -> str:
    """A safe file name for *document*: organisation, fiscal year, kind.

    >>> from types import SimpleNamespace as N
    >>> output_name(N(organisation=N(name="../../เทศบาล/ตำบล x"), fiscal_year=2566, kind="measures_plan"))
    'เทศบาล_ตำบล x-2566-measures_plan.docx'
    """
    name = unicodedata.normalize("NFC", document.organisation.name)
    name = _UNSAFE.sub("_", name).strip(" ._") or "document"
    while ".." in name:
        name = name.replace("..", ".")
    year = getattr(document, "fiscal_year", None)
    stem = "-".join(part for part in (_cut(name, MAX_NAME_BYTES), str(year) if year else "", document.kind) if part)
    return f"{stem}.docx"


def _cut(text: str, size: int) -> str:
    """*text* cut to at most *size* UTF-8 bytes, between characters, with no mark left
    without its consonant (nor a leading vowel without the consonant after it).

    >>> _cut("เทศบาลตำบลน้ำ", 33)
    'เทศบาลตำบล'
    >>> _cut("abc", 10)
    'abc'
    """
    if len(text.encode("utf-8")) <= size:
        return text
    cut = text.encode("utf-8")[:size].decode("utf-8", errors="ignore")
    while cut and (unicodedata.category(text[len(cut)]).startswith("M") or text[len(cut)] in _AFTER_VOWEL
                   or cut[-1] in _LEADING_VOWELS):
        cut = cut[:-1]
    return cut.rstrip(" ._")


#: Thai vowels written before their consonant, and the SARA AM and SARA AA that follow one.
_LEADING_VOWELS = frozenset("เแโใไ")
_AFTER_VOWEL = frozenset("ำาๅ")


def _expand_folders(inputs: Iterable[str | Path | Mapping[str, Any]]) -> Iterator[str | Path | Mapping[str, Any]]:
    """Each input, with a folder replaced by its data files in name order (not its subfolders;
    hidden files and Excel's "~$" lock files left out)."""
    from .io import SUFFIXES

    for item in inputs:
        if not isinstance(item, Mapping) and Path(item).is_dir():
            yield from sorted(p for p in Path(item).iterdir()
                              if p.is_file() and p.suffix.lower() in SUFFIXES and not p.name.startswith((".", "~$")))
        else:
            yield item


def _not_a_document(path: Path, index: int) -> ItaDocsError:
    """The error for a list entry that is not a document (a string, a number …)."""
    return DataValidationError([Problem(Location(str(path), f"[{index}]"),
                                        "แต่ละรายการต้องเป็นกลุ่มข้อมูลแบบ ชื่อ: ค่า ที่มีช่อง kind")])


def _internal(exc: Exception) -> BatchError:
    return BatchError(f"สร้างเอกสารไม่สำเร็จ (ข้อผิดพลาดภายในโปรแกรม {type(exc).__name__}: {exc})")


class _Job(NamedTuple):
    """One source handed to a worker."""

    source: Path | dict[str, Any]  # -- the data file, or plain data --
    label: str  # -- how results and messages name it: the file, or "[3]" for plain data --
    template: str | None


class _Outcome(NamedTuple):
    """What became of one document in a worker: its file name and .docx bytes, or the error."""

    label: str
    name: str | None
    data: bytes | None
    error: BatchError | None
    warnings: tuple[str, ...] = ()
    digits: Digits | None = None  # -- the document's digit form, for its PDF --


def _render_source(job: _Job) -> list[_Outcome]:
    """Read one source once and render each document it holds (a YAML or JSON file may
    hold a list of them: ``file[3]`` is entry 3). Runs in a worker."""
    from .io import read_data

    source, label, template = job
    if isinstance(source, dict):
        return [_render_one(label, source, template)]
    if source.suffix.lower() not in (".yaml", ".yml", ".json"):
        return [_render_one(label, source, template)]  # -- a workbook: read where it is loaded --
    try:
        data = read_data(source)
    except ItaDocsError as exc:
        return [_Outcome(label, None, None, BatchError.of(exc))]
    except Exception as exc:  # noqa: BLE001 -- one file's fault (or ours) never stops the batch
        return [_Outcome(label, None, None, _internal(exc))]
    if isinstance(data, list):  # -- one file holding many organisations --
        return [_render_one(f"{label}[{i}]", entry if isinstance(entry, Mapping) else _not_a_document(source, i),
                            template) for i, entry in enumerate(data)]
    if isinstance(data, Mapping):
        return [_render_one(label, data, template, file=source)]
    return [_render_one(label, source, template)]  # -- not a document: load() says why, with the file --


def _render_one(label: str, source: Path | Mapping[str, Any] | ItaDocsError, template: str | None,
                file: Path | None = None) -> _Outcome:
    """Validate and render one document; *file* is where plain data was read from (named in errors)."""
    from .errors import file_context
    from .io import load
    from .rendering import render_bytes

    if isinstance(source, ItaDocsError):
        return _Outcome(label, None, None, BatchError.of(source))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", ItaDocsWarning)  # -- carried back to the caller, not lost --
        try:
            with file_context(file) if file is not None else nullcontext():
                document = load(source)
            name, data, error = output_name(document), render_bytes(document, template), None
            digits = document.digits
        except ItaDocsError as exc:
            name, data, error, digits = None, None, BatchError.of(exc), None
        except Exception as exc:  # noqa: BLE001 -- one document's fault (or ours) never stops the batch
            known = translate(exc)  # -- errors.FOREIGN_ERRORS --
            name, data, digits = None, None, None
            error = BatchError.of(known) if known else _internal(exc)
    found = tuple(str(w.message) for w in caught if isinstance(w.message, ItaDocsWarning))
    return _Outcome(label, name, data, error, found, digits)


#: Most sources in one hand-off to a worker: large enough that the hand-off costs little,
#: small enough that results (and the progress bar) come back as the batch goes.
MAX_CHUNK = 16


def chunk_size(sources: int, workers: int) -> int:
    """Sources per hand-off: about eight hand-offs per worker, at most :data:`MAX_CHUNK`.

    >>> chunk_size(200, 2), chunk_size(2000, 2), chunk_size(3, 2)
    (12, 16, 1)
    """
    return max(1, min(MAX_CHUNK, sources // (workers * 8)))


def render_many(
    inputs: Iterable[str | Path | Mapping[str, Any]],
    out_dir: str | Path,
    *,
    template: str | Path | None = None,
    overwrite: bool = False,
    jobs: int = 1,
    pdf: bool = False,
    pdf_a: bool = False,
    progress: Callable[[int, int], None] | None = None,
) -> list[BatchResult]:
    """Render each input to its own .docx in *out_dir*; returns a result per document.

    Inputs are data files (a YAML or JSON file may hold a list of documents), folders of
    them, or plain data. A failure is recorded in its result and the others go on. Each
    file is read once, where it is rendered; *jobs* > 1 hands the sources to that many
    processes a chunk at a time (:func:`chunk_size`), and the documents come back in input
    order as they are done and are written here, so two of the same name are numbered in
    input order (``…-2.docx``). *progress* is called with (done, total) after each
    document (the total grows when a file turns out to hold a list).
    *pdf* also converts every document (PDF/A-2b with *pdf_a*) as soon as it is written,
    on up to *jobs* long-lived LibreOffice workers launched before the first is rendered;
    the documents are then rendered in this process (LibreOffice is the slower stage).
    A given figure that contradicts the computed one is kept in ``result.warnings`` and
    issued as an :class:`~ita_docs.errors.ItaDocsWarning` naming its source, as
    :func:`~ita_docs.render` does.
    """
    from .errors import output_error
    from .output import write_atomic

    out = Path(out_dir)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise output_error(exc, out) from None
    template_name = str(template) if template else None
    inputs = list(inputs)
    # -- LibreOffice is launched first (one worker, before the data modules load), more once
    # the sources are counted --
    stream = _pdf_stream(out, overwrite, worker_count(jobs, MAX_PDF_RUNS), pdf_a, expected_digits(inputs)) \
        if (pdf or pdf_a) and inputs else None
    try:
        jobs_list: list[_Job] = [
            _Job(dict(item), f"[{index}]", template_name) if isinstance(item, Mapping)
            else _Job(Path(item), str(item), template_name)
            for index, item in enumerate(_expand_folders(inputs))]
    except BaseException:
        if stream is not None:
            stream.close()
        raise
    results: list[BatchResult] = []
    total = len(jobs_list)
    if stream is not None:
        stream.expect(total)
    taken: set[str] = set()

    def finish(outcome: _Outcome) -> None:
        label, name, data, error, found, digits = outcome
        for warning in found:  # -- as render() does, so a caller sees them the same way --
            warnings.warn(ItaDocsWarning(warning if label in warning else f"{label}: {warning}"), stacklevel=4)
        if error is not None or name is None or data is None:
            results.append(BatchResult(label, error=error))
        else:
            stem, number = name[:-5], 2
            while name in taken:  # -- two organisations of one name: a number tells them apart --
                name, number = f"{stem}-{number}.docx", number + 1
            taken.add(name)
            try:
                written = write_atomic(out / name, data, overwrite=overwrite)
            except ItaDocsError as exc:
                results.append(BatchResult(label, error=BatchError.of(exc)))
            else:
                results.append(BatchResult(label, written, warnings=found))
                if stream is not None:  # -- converted while the next documents render --
                    stream.add(written, digits)
        if progress:
            progress(len(results), total)

    def finish_source(outcomes: list[_Outcome]) -> None:
        nonlocal total
        total += len(outcomes) - 1
        if stream is not None and len(outcomes) > 1:  # -- a file held a list: more workers may help --
            stream.expect(total)
        for outcome in outcomes:
            finish(outcome)

    with stream if stream is not None else nullcontext():
        # -- with PDFs, LibreOffice is the slow stage (about 150 ms a document against 50 ms to
        # render): this process renders ahead of the workers and leaves them the cores --
        workers = 1 if stream is not None else worker_count(jobs, len(jobs_list))
        if workers > 1:
            import multiprocessing
            from concurrent.futures import ProcessPoolExecutor

            if multiprocessing.get_start_method() == "fork":
                _warm()
            with ProcessPoolExecutor(max_workers=workers) as pool:
                for outcomes in pool.map(_render_source, jobs_list, chunksize=chunk_size(len(jobs_list), workers)):
                    finish_source(outcomes)
        else:
            for job in jobs_list:
                finish_source(_render_source(job))
        if stream is not None:
            pdfs = dict(zip([r.output for r in results if r.output is not None], stream.results()))
            results = [BatchResult(r.source, r.output, *_pdf_outcome(pdfs[r.output]), r.warnings)
                       if r.output else r for r in results]
    return results


def _warm() -> None:
    """Load once, before the workers are forked, what each of them would load alike: the
    renderer's modules, PyThaiNLP's word lists and ICU (through a first join), the font's
    advances. The workers share those pages and start warm (~0.4 s of CPU less each)."""
    from .rendering import document  # noqa: F401 -- imported for the workers --
    from .rendering.linebreak import join_words
    from .rendering.measure import text_width_cm

    join_words("การประเมิน", 1.0)
    text_width_cm("ก"), text_width_cm("ก", bold=True)


def available_cores() -> int:
    """The cores this process may run on: more worker processes than that only wait."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:  # pragma: no cover -- not on Linux
        return os.cpu_count() or 1


def worker_count(jobs: int, documents: int, cores: int | None = None) -> int:
    """How many processes render *documents* when *jobs* are asked for: never more than the
    *cores* (default: :func:`available_cores`) nor the documents, and at least one.

    >>> worker_count(400, 2, cores=2), worker_count(400, 50, cores=8), worker_count(0, 5, cores=4)
    (2, 8, 1)
    """
    return max(1, min(jobs, available_cores() if cores is None else cores, documents))


#: Most LibreOffice workers side by side, whatever --jobs says: each holds a few hundred MB.
MAX_PDF_RUNS = 8


#: A top-level ``digits`` key in YAML or JSON text: enough to guess the digit form.
_DIGITS_KEY = re.compile(r'^(?:digits|\s*"digits")\s*:\s*["\']?(thai|arabic)\b', re.MULTILINE)


def expected_digits(inputs: list[str | Path | Mapping[str, Any]]) -> str:
    """The digit form the first document most likely has (its data's ``digits``, else the
    default, Thai), so the LibreOffice workers can start before it is rendered. Only a
    guess, read from the text without parsing it (nor loading the data modules): a wrong
    one costs the worker a switch of its digit setting (milliseconds), never a wrong PDF
    (each request carries its file's digit form)."""
    source = inputs[0]
    if isinstance(source, Mapping):
        digits = source.get("digits")
    else:
        found = None
        try:
            path = Path(source)
            if path.is_dir():
                path = min((p for p in path.iterdir() if p.suffix.lower() in _TEXT_SUFFIXES), default=path)
            if path.suffix.lower() in _TEXT_SUFFIXES:
                found = _DIGITS_KEY.search(path.read_text(encoding="utf-8", errors="replace"))
        except OSError:
            pass
        digits = found.group(1) if found else None
    return digits if digits in ("thai", "arabic") else "thai"


_TEXT_SUFFIXES = (".yaml", ".yml", ".json")


def _pdf_stream(out: Path, overwrite: bool, jobs: int, pdf_a: bool, digits: str) -> PdfStream:
    """Where the written documents go to become PDFs, each as soon as it is written, fed to
    the next free of *jobs* long-lived LibreOffice workers (:class:`~ita_docs.rendering.pdf.PdfStream`),
    launched at once for *digits* (one until :meth:`~ita_docs.rendering.pdf.PdfStream.expect`
    says how many documents come). A document that fails is marked with the error
    (its .docx stays), so the batch counts it as failed."""
    from .rendering.pdf import PdfStream

    return PdfStream(out, overwrite=overwrite, pdf_a=pdf_a, jobs=max(1, jobs), digits=digits)


def _pdf_outcome(outcome: Path | ItaDocsError) -> tuple[BatchError | None, Path | None]:
    """The (error, PDF) of one conversion."""
    if isinstance(outcome, ItaDocsError):
        return BatchError(f"แปลงเป็น PDF ไม่สำเร็จ: {outcome.message}", outcome.location), None
    return None, outcome


def terminal_progress(done: int, total: int) -> None:
    """A one-line progress bar on a terminal's stderr."""
    width = 30
    filled = width * done // max(total, 1)
    sys.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total}")
    if done == total:
        sys.stderr.write("\n")
    sys.stderr.flush()
