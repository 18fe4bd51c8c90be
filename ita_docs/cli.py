"""The ``ita-docs`` command. Each subcommand calls one public function of the library."""
from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from .errors import DataValidationError, ItaDocsError

__all__ = ["main"]

EXIT_INVALID_INPUT = 2


def _render(args: argparse.Namespace) -> int:
    from .render import render

    out = args.output or Path(args.data).with_suffix(".docx")
    path = render(args.data, out, template=args.template, overwrite=args.force)
    print(f"เขียนไฟล์แล้ว: {path}")
    return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="ita-docs",
        description="สร้างเอกสาร ITA (มาตรการ รายงานผล) เป็นไฟล์ Word จากข้อมูล YAML/JSON — "
        "Thai ITA documents from data to .docx.",
        epilog="Example: ita-docs render samples/nongmuang-2566-measures.yaml -o nongmuang.docx",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    render = commands.add_parser(
        "render",
        help="render a data file to a .docx document",
        description="Render a YAML or JSON data file to a Word document. An existing output "
        "file is never overwritten without --force: a clerk may have edited it.",
        epilog="Example: ita-docs render samples/nongmuang-2566-measures.yaml -o nongmuang.docx --force",
    )
    render.add_argument("data", help="data file (.yaml, .yml or .json)")
    render.add_argument("-o", "--output", type=Path, help="output .docx (default: DATA with .docx)")
    render.add_argument("--template", type=Path, help="a custom .docx template instead of the bundled one")
    render.add_argument("--force", action="store_true", help="overwrite the output file if it exists")
    render.set_defaults(handler=_render)
    return parser


def _report(exc: ItaDocsError) -> None:
    problems = exc.problems if isinstance(exc, DataValidationError) else None
    if problems:
        for problem in problems:
            print(f"Error: {problem.message} ({problem.location})", file=sys.stderr)
    else:
        print(f"Error: {exc}", file=sys.stderr)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status (2 for invalid input)."""
    args = _parser().parse_args(argv)
    try:
        return args.handler(args)
    except ItaDocsError as exc:
        _report(exc)
        return EXIT_INVALID_INPUT


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
