"""The ``ita-docs`` command. Each subcommand calls one public function of the library."""
from __future__ import annotations

import atexit
import os
import sys

from . import __version__

TYPE_CHECKING = False
if TYPE_CHECKING:  # pragma: no cover
    import argparse
    from collections.abc import Sequence
    from typing import NoReturn

__all__ = ["main", "run"]

EXIT_WARNINGS = 1
EXIT_INVALID_INPUT = 2
#: The program reading the output closed it (``ita-docs … | head``): 128 + SIGPIPE, the status
#: a shell shows for a program that signal ended.
EXIT_READER_GONE = 141

#: The document kinds (``ita_docs.model.KINDS``, named here so that ``--help`` imports no model).
KIND_NAMES = ("measures_plan", "progress_report", "analysis_report", "annual_report", "committee_order",
              "oit_assignments", "combined")

#: With ``--json``: one JSON object a line on stdout for each file written, finding, warning and error.
_json_lines = False


def _event(event: str, **fields: object) -> bool:
    """Print *event* as a JSON line if ``--json`` was given; True if it was printed."""
    if not _json_lines:
        return False
    import json

    print(json.dumps({"event": event, **{k: str(v) if v is not None else None for k, v in fields.items()}},
                     ensure_ascii=False))
    return True


def _render(args: argparse.Namespace) -> int:
    from pathlib import Path

    from .rendering import render

    from .output import check_not_input, check_writable

    out = args.output or Path(args.data).with_suffix(".docx")
    inputs = [args.data, *([args.template] if args.template else [])]
    check_not_input(out, inputs)
    check_writable(out, overwrite=args.force)  # -- before any work --
    if args.pdf or args.pdf_a:
        check_not_input(out.with_suffix(".pdf"), inputs)
        check_writable(out.with_suffix(".pdf"), overwrite=args.force)
    if not (args.pdf or args.pdf_a):
        _written(render(args.data, out, template=args.template, overwrite=args.force))
        return 0
    from .batch import expected_digits
    from .io import load
    from .rendering.pdf import LibreOfficePool, to_pdf

    # -- LibreOffice launched now, for the digit form the data names: its start (about a
    #    second) overlaps reading and rendering; a wrong guess costs the worker a switch of
    #    its digit setting (milliseconds) --
    with LibreOfficePool(1) as pool:
        pool.start(expected_digits([args.data]))
        path = render(args.data, out, template=args.template, overwrite=args.force)
        _written(path)
        digits = load(args.data).digits  # -- the document's, not read back from the .docx --
        _written(to_pdf(path, path.with_suffix('.pdf'), overwrite=args.force, pdf_a=args.pdf_a, pool=pool,
                        digits=digits))
    return 0


def _written(path: object) -> None:
    if not _event("written", path=path):
        print(f"เขียนไฟล์แล้ว: {path}")


def _new(args: argparse.Namespace) -> int:
    from importlib import resources
    from pathlib import Path

    from .errors import InputError
    import yaml

    from .io import load, save
    from .model import KINDS
    from .output import write_atomic

    starter = resources.files("ita_docs").joinpath("starters", f"{args.kind}.yaml")
    if args.kind not in KINDS or not starter.is_file():
        raise InputError(f"ไม่รู้จักชนิดเอกสาร {args.kind!r} (ที่มี: {', '.join(KINDS)})")
    if Path(args.output).suffix.lower() in (".yaml", ".yml"):
        # -- the starter itself, comments included --
        _written(write_atomic(args.output, starter.read_bytes(), overwrite=args.force))
    else:
        _written(save(load(yaml.safe_load(starter.read_text(encoding="utf-8"))), args.output, overwrite=args.force))
    return 0


def _convert(args: argparse.Namespace) -> int:
    from .io import load, save
    from .output import check_not_input

    from .errors import InputError

    target = args.output or args.target
    if target is None or (args.output and args.target):
        raise InputError("ระบุไฟล์ที่จะเขียนหนึ่งไฟล์: -o FILE (หรือเป็นชื่อที่สองตามเดิม)")
    check_not_input(target, [args.source])
    _written(save(load(args.source), target, overwrite=args.force))
    return 0


def _followup(args: argparse.Namespace) -> int:
    from .cycle import followup
    from .io import load, save
    from .output import check_not_input

    check_not_input(args.output, [args.plan])
    _written(save(followup(load(args.plan)), args.output, overwrite=args.force))
    return 0


def _next_year(args: argparse.Namespace) -> int:
    from .cycle import next_year
    from .io import load, save
    from .output import check_not_input

    check_not_input(args.output, [args.data])
    document, review = next_year(load(args.data))
    _written(save(document, args.output, overwrite=args.force))
    for finding in review:
        print(f"ตรวจ: {finding.message} ({finding.location.path})")
    return 0


def _template_export(args: argparse.Namespace) -> int:
    from .output import write_atomic
    from .rendering.templates import bundled_template

    _written(write_atomic(args.output, bundled_template(args.kind).read_bytes(), overwrite=args.force))
    return 0


def _template_check(args: argparse.Namespace) -> int:
    from pathlib import Path

    from .errors import InputError
    from .model import KINDS
    from .rendering.template_check import check_template

    kind = args.kind or Path(args.template).stem
    if kind not in KINDS:
        raise InputError(f"ระบุชนิดเอกสารด้วย --kind (ที่มี: {', '.join(KINDS)})")
    findings = check_template(args.template, kind)
    for finding in findings:
        print(f"{finding.kind}: {finding.message} ({finding.location})")
    if not findings:
        print("แม่แบบใช้ได้")
    if any(f.kind == "error" for f in findings):
        return EXIT_INVALID_INPUT
    return EXIT_WARNINGS if any(f.kind == "warning" for f in findings) else 0


def _batch(args: argparse.Namespace) -> int:
    import re

    from .batch import render_many, terminal_progress

    progress = terminal_progress if sys.stderr.isatty() else None
    results = render_many(args.inputs, args.output, template=args.template, overwrite=args.force,
                          jobs=args.jobs, pdf=args.pdf or args.pdf_a, pdf_a=args.pdf_a, progress=progress)
    failed = [(r.source, r.error) for r in results if r.error is not None]
    for source, error in failed:
        if _event("error", source=source, message=error):
            continue
        file = re.sub(r"\[\d+\]$", "", source)  # -- "a.json[3]": entry 3 of a.json --
        where = "" if error.names(file) else f"{source}: "
        print(f"Error: {where}{error}", file=sys.stderr)
    for result in results:
        if result.output:
            _event("written", path=result.output, source=result.source)
    written = sum(1 for r in results if r.output)
    if not _json_lines:
        print(f"สร้างเอกสารแล้ว {written} ไฟล์ ใน {args.output}"
          + (f" ไม่สำเร็จ {len(failed)} รายการ" if failed else ""))
    return EXIT_WARNINGS if failed else 0


def _check(args: argparse.Namespace) -> int:
    from .consistency import check
    from .errors import ItaDocsError

    found = invalid = 0
    for data in args.data:
        try:
            findings = check(data)
        except ItaDocsError as exc:  # -- what render would refuse; the other files are still checked --
            _report(exc)
            invalid += 1
            continue
        for finding in findings:
            if not _event("finding", message=finding.message, location=finding.location, kind=finding.kind):
                print(f"Warning: {finding.message} ({finding.location})")
        found += len(findings)
    if invalid:
        return EXIT_INVALID_INPUT
    if not found and not _json_lines:
        print("ไม่พบข้อขัดแย้ง")
    return EXIT_WARNINGS if found else 0


def _pdf(args: argparse.Namespace) -> int:
    from .rendering.pdf import convert_to_pdf

    for path in convert_to_pdf(args.files, args.outdir, overwrite=args.force, pdf_a=args.pdf_a):
        _written(path)
    return 0


def _add_output(command: argparse.ArgumentParser, what: str) -> None:
    """The required ``-o/--output`` file and the ``--force`` that lets it be overwritten."""
    from pathlib import Path

    command.add_argument("-o", "--output", type=Path, required=True, help=what)
    command.add_argument("--force", action="store_true", help="overwrite the output file if it exists")


def _add_json(command: argparse.ArgumentParser) -> None:
    command.add_argument("--json", action="store_true",
                         help="print JSON lines on stdout instead of text: {\"event\": \"written\"|\"finding\"|"
                         "\"warning\"|\"error\", \"path\"|\"message\", \"location\" …}")


def _add_strict(command: argparse.ArgumentParser) -> None:
    command.add_argument("--strict", action="store_true",
                         help="exit with status 1 if there was any warning (default: 0 once every document is written)")


def _parser() -> argparse.ArgumentParser:
    import argparse
    from pathlib import Path

    from .batch import available_cores

    parser = argparse.ArgumentParser(
        prog="ita-docs",
        description="สร้างเอกสาร ITA (มาตรการ รายงานผล) เป็นไฟล์ Word จากข้อมูล YAML/JSON — "
        "Thai ITA documents from data to .docx.",
        epilog="Example: ita-docs render samples/nongmuang-2566-measures.yaml -o nongmuang.docx",
    )
    parser.add_argument("--version", action="version", version=f"ita-docs {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    render = commands.add_parser(
        "render",
        help="render a data file to a .docx document",
        description="Render a YAML or JSON data file to a Word document. An existing output "
        "file is never overwritten without --force: a clerk may have edited it.",
        epilog="Example: ita-docs render samples/nongmuang-2566-measures.yaml -o nongmuang.docx --force",
    )
    render.add_argument("data", help="data file (.yaml, .yml, .json or .xlsx)")
    render.add_argument("-o", "--output", type=Path, help="output .docx (default: DATA with .docx)")
    render.add_argument("--template", type=Path, help="a custom .docx template instead of the bundled one")
    render.add_argument("--pdf", action="store_true", help="also write a PDF beside the .docx (needs LibreOffice)")
    render.add_argument("--pdf-a", action="store_true", help="with --pdf: write PDF/A-2b, for archives")
    render.add_argument("--force", action="store_true", help="overwrite the output files if they exist")
    _add_strict(render)
    _add_json(render)
    render.set_defaults(handler=_render)
    pdf = commands.add_parser(
        "pdf",
        help="convert .docx files to PDF with LibreOffice",
        description="Convert .docx files to PDF in one LibreOffice run, with the bundled Thai "
        "fonts standing in for TH SarabunPSK. Each PDF is written beside its .docx.",
        epilog="Example: ita-docs pdf nongmuang.docx krut.docx -o pdf/",
    )
    pdf.add_argument("files", nargs="+", type=Path, help=".docx files")
    pdf.add_argument("-o", "--output", "--outdir", dest="outdir", type=Path,
                     help="folder for the PDFs (default: beside each .docx); --outdir is the old spelling")
    pdf.add_argument("--force", action="store_true", help="overwrite PDFs that exist")
    pdf.add_argument("--pdf-a", action="store_true", help="write PDF/A-2b, for archives")
    pdf.set_defaults(handler=_pdf)
    check = commands.add_parser(
        "check",
        help="report what contradicts itself or the ITA framework",
        description="Check data files: given figures against those computed from the scores and the "
        "year's ITA framework, other organisations' names or misspellings of this one, fiscal years "
        "that do not belong, mixed digit forms, periods outside the fiscal year, unknown OIT codes. "
        "Exit status: 0 nothing found, 1 findings, 2 invalid input.",
        epilog="Example: ita-docs check samples/satengnok-2566-analysis.yaml",
    )
    check.add_argument("data", nargs="+", help="data files (.yaml, .yml, .json or .xlsx)")
    _add_json(check)
    check.set_defaults(handler=_check)

    new = commands.add_parser(
        "new", help="start a document: an Excel workbook (or YAML) with example rows",
        description="Write a blank document of a kind to fill in: a workbook with a sheet per part, Thai "
        "headers, an example row, drop-down lists and an instructions sheet; or a commented YAML starter.",
        epilog="Example: ita-docs new measures_plan -o plan.xlsx")
    new.add_argument("kind", choices=KIND_NAMES, help="the document kind")
    _add_output(new, ".xlsx, .yaml or .json")
    new.set_defaults(handler=_new)

    convert = commands.add_parser(
        "convert", help="convert a document between YAML, JSON and Excel",
        description="Read a document from YAML, JSON or an Excel workbook and write it as another.",
        epilog="Example: ita-docs convert samples/krut-2566-progress.yaml -o krut.xlsx")
    convert.add_argument("source", help="the document (.yaml, .yml, .json or .xlsx)")
    convert.add_argument("target", type=Path, nargs="?", help="the old spelling of -o")
    convert.add_argument("-o", "--output", type=Path, help="where to write it (.yaml, .yml, .json or .xlsx)")
    convert.add_argument("--force", action="store_true", help="overwrite the target if it exists")
    convert.set_defaults(handler=_convert)

    follow = commands.add_parser(
        "followup", help="a progress report to fill in, made from a measures plan",
        description="Write a progress report carrying the plan's organisation, year and measures "
        "(title, method, responsible, period), with empty results and suggestions to fill in.",
        epilog="Example: ita-docs followup samples/nongmuang-2566-measures.yaml -o progress.xlsx")
    follow.add_argument("plan", help="the measures plan (.yaml, .json or .xlsx)")
    _add_output(follow, ".xlsx, .yaml or .json")
    follow.set_defaults(handler=_followup)

    later = commands.add_parser(
        "next-year", help="next year's document from this year's",
        description="Move the fiscal years, dates and periods of a document one year on, and list the "
        "places in its text that still name the old years, to review.",
        epilog="Example: ita-docs next-year samples/nongmuang-2566-measures.yaml -o plan-2567.yaml")
    later.add_argument("data", help="this year's document (.yaml, .json or .xlsx)")
    _add_output(later, ".xlsx, .yaml or .json")
    later.set_defaults(handler=_next_year)

    batch = commands.add_parser(
        "batch", help="render many data files, one document each",
        description="Render each data file (a YAML or JSON file may hold a list of documents) to "
        "OUTDIR, named after the organisation, year and kind. A failure is reported and the others "
        "go on; the exit status is 1 if any failed (or, with --strict, gave warnings).",
        epilog="Example: ita-docs batch data/*.yaml -o out/ --jobs 2 --pdf")
    batch.add_argument("inputs", nargs="+", help="data files, or folders of them")
    batch.add_argument("-o", "--output", type=Path, required=True, help="the output folder")
    batch.add_argument("--jobs", type=int, default=available_cores(),
                       help="processes (default and most: the cores this machine has)")
    batch.add_argument("--template", type=Path, help="a custom .docx template")
    batch.add_argument("--pdf", action="store_true", help="also convert every document to PDF")
    batch.add_argument("--pdf-a", action="store_true", help="also convert every document to PDF/A-2b")
    batch.add_argument("--force", action="store_true", help="overwrite documents that exist")
    _add_strict(batch)
    _add_json(batch)
    batch.set_defaults(handler=_batch)

    template = commands.add_parser(
        "template", help="export a bundled template to edit in Word, or check an edited one",
        description="Templates are .docx files with Jinja tags (docs/templates.md lists the variables "
        "and filters of each kind). Export one, restyle it in Word, check it, and render with "
        "--template.", epilog="Example: ita-docs template export measures_plan -o mine.docx")
    template_commands = template.add_subparsers(dest="template_command", metavar="ACTION", required=True)
    export = template_commands.add_parser(
        "export", help="write a bundled template for editing",
        epilog="Example: ita-docs template export measures_plan -o mine.docx")
    export.add_argument("kind", choices=KIND_NAMES, help="the document kind")
    _add_output(export, "the .docx to write")
    export.set_defaults(handler=_template_export)
    inspect = template_commands.add_parser(
        "check", help="check an edited template",
        description="Report Jinja syntax errors with the paragraph where they are, variables the kind "
        "does not provide, variables of the bundled template left out, and tags Word split over runs. "
        "Exit status: 0 fine, 1 warnings, 2 errors.",
        epilog="Example: ita-docs template check mine.docx --kind measures_plan")
    inspect.add_argument("template", type=Path, help="the .docx template")
    inspect.add_argument("--kind", choices=KIND_NAMES,
                         help="the document kind (default: the file name, e.g. measures_plan.docx)")
    inspect.set_defaults(handler=_template_check)
    def _import(args: argparse.Namespace) -> int:
        from .importing.command import run

        return run(args)

    imports = commands.add_parser(
        "import", help="read an existing Word file (last year's document) into data",
        description="Read a .docx typed in Word into a data file: the kind, organisation and fiscal "
        "year from the title, tables by their header rows, everything else as free sections. "
        "Prints what became what; a text it could not place is a warning naming where it was.",
        epilog="Example: ita-docs import last-year-plan.docx -o plan.yaml")
    imports.add_argument("file", help="the .docx to read")
    imports.add_argument("--kind", choices=("measures_plan", "progress_report", "analysis_report", "annual_report",
                                                  "combined"),
                         help="the document kind (default: recognised from the title and tables)")
    _add_output(imports, ".yaml, .json or .xlsx")
    imports.set_defaults(handler=_import)
    _add_web_commands(commands)
    return parser


# -- the web service (ita_docs.web, the [web] extra) and the JSON Schemas of the kinds --
def _serve(args: argparse.Namespace) -> int:
    try:
        from .web.server import serve
    except ImportError as exc:
        print(f"Error: ita-docs serve ต้องติดตั้งส่วนเสริม [web] ก่อน: pip install 'ita-docs[web]' ({exc.name})",
              file=sys.stderr)
        return 1
    serve(args.host, args.port, workers=args.workers, api_key_file=args.api_key_file, pdf_slots=args.pdf_jobs)
    return 0


def _schema(args: argparse.Namespace) -> int:
    import json

    from .web.schemas import kind_schema

    text = json.dumps(kind_schema(args.kind), ensure_ascii=False, indent=2)
    if args.output is None:
        print(text)
        return 0
    from .output import write_atomic

    _written(write_atomic(args.output, (text + "\n").encode("utf-8"), overwrite=args.force))
    return 0


def _add_web_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    serve = commands.add_parser(
        "serve", help="run the web service: the JSON API and the browser app (needs the [web] extra)",
        description="Serve the JSON API (/api/v1, OpenAPI at /openapi.json, list at /docs) and the Thai browser "
        "app (/). Without --api-key-file it listens on 127.0.0.1 only. Install: pip install 'ita-docs[web]'.",
        epilog="Example: ita-docs serve --port 8000")
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1; "
                       "another address needs --api-key-file)")
    serve.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    serve.add_argument("--workers", type=int, default=1, help="server processes (default 1)")
    serve.add_argument("--api-key-file", help="file of API keys, one a line: requests must send one in "
                       "X-API-Key or Authorization: Bearer")
    serve.add_argument("--pdf-jobs", type=int, help="LibreOffice conversions at once per process (default 2)")
    serve.set_defaults(handler=_serve)
    schema = commands.add_parser(
        "schema", help="print the JSON Schema of a document kind's data",
        description="Print the JSON Schema (draft 2020-12) of a kind's data, made from its data model.",
        epilog="Example: ita-docs schema measures_plan -o measures_plan.schema.json")
    schema.add_argument("kind", choices=KIND_NAMES, help="the document kind")
    schema.add_argument("-o", "--output", help="the .json file to write (default: print it)")
    schema.add_argument("--force", action="store_true", help="overwrite the output file if it exists")
    schema.set_defaults(handler=_schema)


def _report(exc: Exception) -> None:
    from .errors import DataValidationError

    problems = exc.problems if isinstance(exc, DataValidationError) else None
    if _json_lines:
        if not problems:
            _event("error", message=getattr(exc, "message", str(exc)), location=getattr(exc, "location", None))
        for problem in problems or []:
            _event("error", message=problem.message, location=problem.location)
    elif problems:
        for problem in problems:
            print(f"Error: {problem.message} ({problem.location})", file=sys.stderr)
    else:
        print(f"Error: {exc}", file=sys.stderr)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status: 0 done (warnings printed), 1 findings of
    ``check``, failed documents of ``batch`` or, with ``--strict``, warnings; 2 invalid input."""
    arguments = sys.argv[1:] if argv is None else list(argv)
    if arguments == ["--version"]:  # -- answered before anything else is imported --
        print(f"ita-docs {__version__}")
        return 0
    import warnings

    from .errors import ItaDocsError, ItaDocsWarning, translate

    args = _parser().parse_args(arguments)
    global _json_lines
    _json_lines = bool(getattr(args, "json", False))
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always", ItaDocsWarning)
            try:
                status = args.handler(args)
            except ItaDocsError as exc:
                _report(exc)
                return EXIT_INVALID_INPUT
            except BrokenPipeError:
                raise
            except Exception as exc:  # -- a foreign error no reader or writer located (errors.FOREIGN_ERRORS) --
                error = translate(exc)
                if error is None:
                    raise
                _report(error)
                return EXIT_INVALID_INPUT
        found = [w.message for w in caught if isinstance(w.message, ItaDocsWarning)]
        for warning in found:
            if not _event("warning", message=warning.message, location=warning.location):
                print(f"Warning: {warning}", file=sys.stderr)
    except BrokenPipeError as exc:
        if not _reader_gone():
            error = translate(exc)
            if error is None:  # pragma: no cover -- an OSError is always translated
                raise
            _report(error)
            return EXIT_INVALID_INPUT
        return EXIT_READER_GONE
    strict = getattr(args, "strict", False)
    return EXIT_WARNINGS if found and strict and status == 0 else status


def _reader_gone() -> bool:
    """Whether stdout or stderr is a pipe whose reader closed it; if so, both are pointed at
    the null device, so that nothing more (nor the flush at exit) fails on them. Whatever
    was written (the documents, the PDFs) stays; only what would have been printed is lost,
    as the reader asked."""
    import select

    gone = False
    for stream in (sys.stdout, sys.stderr):
        try:
            fd = stream.fileno()
            poll = select.poll()
            poll.register(fd, select.POLLOUT)
            gone = gone or any(event & select.POLLERR for _, event in poll.poll(0))
        except (AttributeError, OSError, ValueError):  # -- no such stream, or no poll() on this system --
            continue
    if gone:
        devnull = os.open(os.devnull, os.O_WRONLY)
        for stream in (sys.stdout, sys.stderr):
            try:
                os.dup2(devnull, stream.fileno())
            except (AttributeError, OSError, ValueError):
                continue
        os.close(devnull)
    return gone


def run() -> NoReturn:
    """The ``ita-docs`` command: :func:`main`, then out of the process at once.

    Tearing the interpreter down (every module, the word lists, the compiled templates)
    takes ~0.2 s after the work is done, a fifth of a short command's time; nothing in it
    needs saving. So once the output is flushed and the exit handlers have run (logging,
    multiprocessing, the PDF workers' clean-up), the process ends with ``os._exit``. With
    another thread still running, or without CPython's exit-handler hook, it exits the
    usual way. Code that calls :func:`main` itself (tests, other tools) is not affected.

    The cyclic garbage collector runs less often than Python's default (every 50,000
    new objects instead of 700): a command builds the word lists, the models and each
    document's trees, nearly none of it in cycles, and the default collections (two of
    them over every object, while the modules load) took ~0.3 s of a 200-document batch.
    """
    import gc
    import threading

    gc.set_threshold(50_000, 20, 20)
    status = main()
    run_exit_handlers = getattr(atexit, "_run_exitfuncs", None)
    if run_exit_handlers is None or threading.active_count() > 1:
        sys.exit(status)
    run_exit_handlers()
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):  # -- a reader that went away (ita-docs … | head): nothing to flush to --
        pass
    os._exit(status)


if __name__ == "__main__":  # pragma: no cover
    run()
