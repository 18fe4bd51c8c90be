#!/usr/bin/env python3
"""Experiment: why LibreOffice slows down on one very long table, and what avoids it.

Usage:  python bench/pdf_long_table.py [--rows 250 500 1000] [--variants base split100 ...]

Renders a measures plan with N measures (one table row each, the nongmuang sample's
texts), then writes variants of its document.xml that differ only in how the long table
is declared, converts each variant with LibreOffice (one run per file, private profile,
as ``to_pdf`` does) and prints seconds per variant and size, and the pages of the PDF.

Variants:
  base          the bundled template as it is (fixed layout, header rows repeated)
  no_repeat     header rows not repeated on each page (w:tblHeader removed)
  autofit       w:tblLayout autofit instead of fixed
  cant_split    every body row marked w:cantSplit
  split100      the long table cut into tables of 100 body rows, each with the header rows
  split25       the same with 25 body rows per table
  joined100     tables of 100 body rows with nothing between, header rows in the first only
"""
from __future__ import annotations

import argparse
import io
import re
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT))

from render_bench import ita, plans  # noqa: E402

from ita_docs.rendering.pdf import convert_to_pdf  # noqa: E402

ROW = re.compile(r"<w:tr[ >].*?</w:tr>", re.S)
TABLE = re.compile(r"<w:tbl>.*?</w:tbl>", re.S)
# -- a one-point paragraph between split tables, so Word and LibreOffice keep them apart --
GAP = ('<w:p><w:pPr><w:spacing w:before="0" w:after="0" w:line="20" w:lineRule="exact"/>'
       '<w:rPr><w:sz w:val="2"/></w:rPr></w:pPr></w:p>')


def longest_table(xml: str) -> re.Match:
    return max(TABLE.finditer(xml), key=lambda m: len(m.group()))


def split(xml: str, size: int, *, gap: str = GAP, headers: bool = True) -> str:
    match = longest_table(xml)
    table = match.group()
    rows = ROW.findall(table)
    head = [r for r in rows if "<w:tblHeader/>" in r]
    body = rows[len(head):]
    start = table[:table.index(rows[0])]
    parts = [start + "".join((head if headers or i == 0 else []) + body[i:i + size]) + "</w:tbl>"
             for i in range(0, len(body), size)]
    return xml[:match.start()] + gap.join(parts) + xml[match.end():]


def cant_split(xml: str) -> str:
    match = longest_table(xml)
    table = re.sub(r"<w:tr>", "<w:tr><w:trPr><w:cantSplit/></w:trPr>", match.group())
    return xml[:match.start()] + table + xml[match.end():]


VARIANTS = {
    "base": lambda xml: xml,
    "no_repeat": lambda xml: xml.replace("<w:tblHeader/>", ""),
    "autofit": lambda xml: xml.replace('<w:tblLayout w:type="fixed"/>', '<w:tblLayout w:type="autofit"/>'),
    "cant_split": cant_split,
    "split100": lambda xml: split(xml, 100),
    "split25": lambda xml: split(xml, 25),
    "joined100": lambda xml: split(xml, 100, gap="", headers=False),
}


def with_document_xml(docx: bytes, change) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(docx))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "word/document.xml":
                data = change(data.decode("utf-8")).encode("utf-8")
            target.writestr(info, data)
    return out.getvalue()


def pages(pdf: Path) -> int:
    return len(re.findall(rb"/Type\s*/Page[^s]", pdf.read_bytes()))


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, nargs="+", default=[250, 500, 1000])
    parser.add_argument("--variants", nargs="+", default=list(VARIANTS), choices=list(VARIANTS))
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        print(f"{'rows':>6} {'variant':12} {'seconds':>8} {'pages':>6} {'ms/page':>8}", flush=True)
        for rows in args.rows:
            docx = ita(plans(1, rows)[0])
            for name in args.variants:
                path = work / f"{name}-{rows}.docx"
                path.write_bytes(with_document_xml(docx, VARIANTS[name]))
                started = time.perf_counter()
                (pdf,) = convert_to_pdf([path], work)
                seconds = time.perf_counter() - started
                count = pages(pdf)
                print(f"{rows:6} {name:12} {seconds:8.2f} {count:6} {seconds / count * 1000:8.1f}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
