#!/usr/bin/env python3
"""Measure: Thai line breaks that cut a word, per sample PDF, before and after line-break control.

Usage:  python bench/thai_breaks.py [--out DIR] [--variants before,joined,computed]

Renders every sample in ``samples/`` three ways, converts each set to PDF with
LibreOffice (``convert_to_pdf``) and counts the breaks with the shared tool
``../shared/tools/pdf_thai_breaks.py`` (needs pdfplumber and pythainlp, the ``test``
extra):

  before    no joiners (``join_words_in_body`` switched off), widths as given: the
            renderer as it was before line-break control
  joined    joiners inside words (the renderer as it is), widths as given by the
            data or its preset
  computed  joiners, and every column's width computed from its content (the given
            widths ignored): what the samples print once widths are left out

Prints one row per sample and variant: thai_breaks, split, compound, mid_word (and its
share of thai_breaks), avoidable, and the page count. No pass/fail: the slow test
``tests/rendering/test_thai_breaks_pdf.py`` asserts the target on every sample.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from ita_docs import render  # noqa: E402
from ita_docs.rendering import document, tables  # noqa: E402
from ita_docs.rendering.pdf import convert_to_pdf  # noqa: E402

TOOL = ROOT.parent / "shared" / "tools" / "pdf_thai_breaks.py"
FIGURES = ("thai_breaks", "split", "compound", "mid_word", "avoidable")
VARIANTS = ("before", "joined", "computed")


def _render_variant(variant: str, out: Path) -> list[Path]:
    join, widths = document.join_words_in_body, tables.column_widths
    if variant == "before":
        document.join_words_in_body = lambda body, extra=frozenset(): 0
    if variant == "computed":
        tables.column_widths = lambda columns, rows: widths(
            [c.model_copy(update={"width_cm": None}) for c in columns], rows)
    try:
        docs = []
        for sample in sorted((ROOT / "samples").glob("*.yaml")):
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                docs.append(render(sample, out / f"{sample.stem}.docx", overwrite=True))
        return docs
    finally:
        document.join_words_in_body, tables.column_widths = join, widths


def _pages(pdf: Path) -> int:
    from pypdf import PdfReader

    return len(PdfReader(pdf).pages)


def measure(pdf: Path) -> dict[str, int]:
    """The shared tool's figures for *pdf*."""
    done = subprocess.run([sys.executable, str(TOOL), str(pdf), "--json"], capture_output=True, text=True,
                          check=True, timeout=300)
    return json.loads(done.stdout)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, help="folder to keep the .docx and PDF files in")
    parser.add_argument("--variants", default=",".join(VARIANTS))
    args = parser.parse_args(argv)
    if not TOOL.is_file():
        print(f"missing {TOOL}", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        base = args.out or Path(tmp)
        rows = []
        for variant in args.variants.split(","):
            folder = base / variant
            folder.mkdir(parents=True, exist_ok=True)
            for pdf in convert_to_pdf(_render_variant(variant, folder), overwrite=True):
                figures = measure(pdf)
                rows.append((pdf.stem, variant, *(figures[k] for k in FIGURES), _pages(pdf)))
    print(f"{'sample':26} {'variant':9} " + " ".join(f"{k:>11}" for k in FIGURES) + "   mid%  pages")
    for stem, variant, *values, pages in sorted(rows, key=lambda r: (r[0], VARIANTS.index(r[1]))):
        share = 100 * values[3] / values[0] if values[0] else 0.0
        print(f"{stem:26} {variant:9} " + " ".join(f"{v:>11}" for v in values) + f"  {share:5.1f}  {pages:5}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
