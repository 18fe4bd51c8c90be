"""``ita-docs import FILE.docx [--kind KIND] -o DATA.(yaml|json|xlsx) [--force]``."""
from __future__ import annotations

import argparse

__all__ = ["run"]


def run(args: argparse.Namespace) -> int:
    """Import ``args.file`` and write its data to ``args.output``; print the report. Returns 0."""
    from ..io import save
    from ..rendering.output import check_not_input, check_writable
    from . import import_docx

    check_not_input(args.output, [args.file])
    check_writable(args.output, overwrite=args.force)  # -- before any work --
    document, report = import_docx(args.file, kind=args.kind)
    written = save(document, args.output, overwrite=args.force)
    for line in report.lines():
        print(line)
    print(f"เขียนไฟล์แล้ว: {written}")
    return 0
