#!/usr/bin/env python3
"""End to end: PDF time per page of a measures plan as its table grows, as ``ita-docs pdf`` converts it.

Usage:  python bench/pdf_paged.py [--measures 100 500 1000 2000] [--one-table-up-to 1000]

For each size, renders a plan of N measures (the nongmuang sample's texts), converts it
with ``convert_to_pdf`` (long tables cut at their page breaks, see
``ita_docs/rendering/paged_tables.py``) and, up to ``--one-table-up-to`` measures, also as
one table (the cut switched off). Prints seconds, pages, ms per page and the ratio of ms
per page to the smallest size's, in the same run.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT))

from pdf_long_table import pages  # noqa: E402
from render_bench import ita, plans  # noqa: E402

from ita_docs.rendering import paged_tables  # noqa: E402
from ita_docs.rendering.pdf import convert_to_pdf  # noqa: E402


def convert(docx: Path, out: Path, *, cut: bool) -> tuple[float, int]:
    saved = paged_tables.LONG_TABLE_ROWS
    paged_tables.LONG_TABLE_ROWS = saved if cut else 10**9
    try:
        started = time.perf_counter()
        (pdf,) = convert_to_pdf([docx], out, overwrite=True)
        return time.perf_counter() - started, pages(pdf)
    finally:
        paged_tables.LONG_TABLE_ROWS = saved


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--measures", type=int, nargs="+", default=[100, 500, 1000, 2000])
    parser.add_argument("--one-table-up-to", type=int, default=1000)
    args = parser.parse_args(argv)
    first: float | None = None
    print(f"{'measures':>8} {'layout':10} {'seconds':>8} {'pages':>6} {'ms/page':>8} {'ratio':>6}", flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        for count in args.measures:
            docx = work / f"plan-{count}.docx"
            docx.write_bytes(ita(plans(1, count)[0]))
            layouts = [("cut", True)] + ([("one table", False)] if count <= args.one_table_up_to else [])
            for name, cut in layouts:
                seconds, n = convert(docx, work, cut=cut)
                per_page = seconds / n * 1000
                first = first or per_page
                print(f"{count:8} {name:10} {seconds:8.2f} {n:6} {per_page:8.1f} {per_page / first:6.2f}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
