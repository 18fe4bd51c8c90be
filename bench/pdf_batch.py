#!/usr/bin/env python3
"""Benchmark: 20 documents to PDF in one LibreOffice run vs one run per document.

Usage:  python bench/pdf_batch.py [N]        (default N = 20)

Renders N copies of the nongmuang sample (each with its own organisation name), then
times `convert_to_pdf(all)` (the batch path: one LibreOffice run per digit form) against
N calls of `to_pdf(one)` (one LibreOffice start per file), and `render_many(..., jobs=2,
pdf=True)` (the `ita-docs batch --pdf` path: two LibreOffice runs side by side), in the
same run. Prints seconds and the ratios; no pass/fail.
"""
from __future__ import annotations

import copy
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from ita_docs import render, to_pdf  # noqa: E402
from ita_docs.batch import render_many  # noqa: E402
from ita_docs.rendering.pdf import convert_to_pdf  # noqa: E402


def main(argv: list[str]) -> int:
    count = int(argv[0]) if argv else 20
    data = yaml.safe_load((ROOT / "samples" / "nongmuang-2566-measures.yaml").read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        docs = []
        start = time.perf_counter()
        for index in range(count):
            copy_ = copy.deepcopy(data)
            copy_["organisation"]["name"] = f"เทศบาลตำบลตัวอย่าง{index + 1}"
            docs.append(render(copy_, work / f"doc{index:03d}.docx"))
        rendered = time.perf_counter() - start

        start = time.perf_counter()
        for doc in docs:
            to_pdf(doc, work / "single" / f"{doc.stem}.pdf")
        single = time.perf_counter() - start

        start = time.perf_counter()
        convert_to_pdf(docs, work / "batch")
        batch = time.perf_counter() - start

        # -- the `ita-docs batch --pdf --jobs 2` path: render and convert, two runs side by side --
        start = time.perf_counter()
        results = render_many([dict(copy.deepcopy(data), organisation=dict(data["organisation"], name=f"ก{i}"))
                               for i in range(count)], work / "jobs2", jobs=2, pdf=True)
        jobs2 = time.perf_counter() - start
        assert all(r.pdf for r in results), [r.error for r in results if r.error]

    print(f"documents               {count}")
    print(f"render .docx (all)      {rendered:6.2f} s")
    print(f"PDF, one run per file   {single:6.2f} s  ({single / count:.2f} s/file)")
    print(f"PDF, one batch run      {batch:6.2f} s  ({batch / count:.2f} s/file)")
    print(f"batch / separate        {batch / single:6.2f}")
    print(f"render_many(jobs=2, pdf) {jobs2:5.2f} s  (render + 2 LibreOffice runs side by side; "
          f"{jobs2 / single:.2f} of separate)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
