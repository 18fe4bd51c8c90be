#!/usr/bin/env python3
"""End to end: PDF time of a measures plan as its table grows — the whole command, a started worker, the margin.

Usage:  python bench/pdf_paged.py [--measures 100 500 1000 2000] [--one-table-up-to 0] [--repeat 3]

For each size N it writes a plan of N measures (the nongmuang sample's texts, each
measure's title its own) as YAML and, in the same run:

* **command**: times ``ita-docs render plan-N.yaml -o … --pdf`` as a user runs it (a new
  Python, the data read and rendered, LibreOffice started, the PDF written): raw seconds,
  pages of the PDF, ms per page and per measure, and the ratio of ms per page to the
  smallest size's. The fixed cost is in it and is printed as such;
* **worker**: times ``to_pdf`` of the same .docx on a LibreOffice worker started (and
  used once) before the clock starts (the median of ``--repeat`` conversions, 3 by default), as ``batch --pdf`` and the web service convert:
  our cut of long tables and our text-layer pass included, Python's and LibreOffice's
  start not;
* **margin**: the command's ms per page above the smallest size, (t(N) − t(N₀)) /
  (pages(N) − pages(N₀)): what a page more costs, the fixed cost taken out.

It then prints the time line of one command at the smallest size, measured in this
process: Python's start (``ita-docs --version``), reading and rendering, LibreOffice's
launch until it answers, the conversion on it (LibreOffice's load, layout and export,
with our cut), our text-layer pass. With ``--one-table-up-to M`` the sizes up to M also
convert on the worker with the cut switched off (one table).

With ``BASELINE=/path/to/another/checkout`` set, each size also times that checkout's
whole command (run with it first on PYTHONPATH), in the same run.

A cut table's rows may not break over a page, so it takes more pages than one table
would: ms per measure is printed beside ms per page for that reason. No pass/fail.
"""
from __future__ import annotations

import argparse
import copy
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from ita_docs import load, render_bytes  # noqa: E402
from ita_docs.rendering import paged_tables  # noqa: E402
from ita_docs.rendering.pdf import LibreOfficePool, document_digits, to_pdf  # noqa: E402

ITA_DOCS = [sys.executable, "-m", "ita_docs"]


def plan_data(measures: int) -> dict[str, object]:
    data = yaml.safe_load((ROOT / "samples" / "nongmuang-2566-measures.yaml").read_text(encoding="utf-8"))
    base = data["measures"]
    # -- every measure's text its own, so that no cache of repeated text flatters anyone --
    data["measures"] = [dict(copy.deepcopy(base[i % len(base)]), number=i + 1,
                             title=f"{base[i % len(base)]['title']} ({i})") for i in range(measures)]
    return data


def pages(pdf: Path) -> int:
    from pypdf import PdfReader

    return len(PdfReader(str(pdf)).pages)


def command(plan: Path, out: Path, env: dict[str, str] | None = None) -> float:
    out.parent.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    # -- run outside the source tree: ``python -m`` puts the working folder first on sys.path,
    #    before a BASELINE's PYTHONPATH --
    subprocess.run([*ITA_DOCS, "render", str(plan), "-o", str(out), "--pdf", "--force"], check=True,
                   capture_output=True, env=env, cwd=plan.parent)
    return time.perf_counter() - started


def on_worker(pool: LibreOfficePool, docx: Path, pdf: Path, *, cut: bool = True) -> float:
    saved = paged_tables.LONG_TABLE_ROWS
    paged_tables.LONG_TABLE_ROWS = saved if cut else 10**9
    try:
        started = time.perf_counter()
        to_pdf(docx, pdf, overwrite=True, pool=pool)
        return time.perf_counter() - started
    finally:
        paged_tables.LONG_TABLE_ROWS = saved


def time_line(plan: Path, work: Path) -> list[tuple[str, float]]:
    """One command's stages at this size, each timed in this process."""
    from ita_docs.rendering.pdf import _Worker, find_soffice, find_uno_python
    from ita_docs.rendering.pdf_text import thai_digit_actual_text

    stages: list[tuple[str, float]] = []

    def lap(name: str, started: float) -> float:
        now = time.perf_counter()
        stages.append((name, now - started))
        return now

    t = time.perf_counter()
    subprocess.run([*ITA_DOCS, "--version"], check=True, capture_output=True, cwd=work)
    t = lap("Python start and ita-docs import (--version)", t)
    code = ("import sys, time; t = time.perf_counter(); from ita_docs import render; "
            "render(sys.argv[1], sys.argv[2], overwrite=True); print(time.perf_counter() - t)")
    docx = work / "line.docx"
    done = subprocess.run([sys.executable, "-c", code, str(plan), str(docx)], check=True, capture_output=True,
                          text=True, cwd=work)
    stages.append(("read, check and render the .docx (new process)", float(done.stdout)))
    data = docx.read_bytes()
    t = time.perf_counter()
    long = paged_tables.long_table_count(data)
    if long:
        paged_tables.measure_copy(data)
    t = lap(f"our cut, measuring copy ({long} long table)", t)
    soffice = find_soffice()
    python = find_uno_python(soffice)
    assert python is not None, "no Python with uno: the command would use a macro run"
    t = time.perf_counter()
    worker = _Worker(soffice, python, document_digits(docx), wait=False)
    t = lap("worker launch (profile copied, processes started)", t)
    try:
        worker._wait_ready()
        t = lap("LibreOffice start until it answers", t)
        pdf = work / "line.pdf"
        worker.convert(docx, pdf, 0, 600)
        t = lap("LibreOffice load, layout, export (one pass)", t)
        thai_digit_actual_text(pdf)
        lap("our text-layer pass (Thai digits)", t)
    finally:
        worker.close()
    return stages


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--measures", type=int, nargs="+", default=[100, 500, 1000, 2000])
    parser.add_argument("--one-table-up-to", type=int, default=0)
    parser.add_argument("--repeat", type=int, default=3, help="worker conversions per size (the median is taken)")
    args = parser.parse_args(argv)
    baseline = os.environ.get("BASELINE")
    rows: list[dict[str, float]] = []
    with tempfile.TemporaryDirectory() as tmp, LibreOfficePool(1) as pool:
        work = Path(tmp)
        plans = {}
        for count in args.measures:
            plans[count] = work / f"plan-{count}.yaml"
            plans[count].write_text(yaml.safe_dump(plan_data(count), allow_unicode=True), encoding="utf-8")
        warm = work / "warm.docx"  # -- the prepared profile made and the worker started and used once --
        warm.write_bytes(render_bytes(load(plan_data(5))))
        command(plans[args.measures[0]], work / "warm" / "plan.docx")
        on_worker(pool, warm, work / "warm.pdf")
        line = time_line(plans[args.measures[0]], work)
        for count in args.measures:
            row: dict[str, float] = {"measures": count}
            docx = work / "cmd" / f"plan-{count}.docx"
            row["command"] = command(plans[count], docx)
            row["pages"] = pages(docx.with_suffix(".pdf"))
            row["worker"] = statistics.median(on_worker(pool, docx, work / f"worker-{count}.pdf")
                                              for _ in range(args.repeat))
            if pages(work / f"worker-{count}.pdf") != row["pages"]:
                raise SystemExit("the worker's PDF and the command's differ in pages")
            if count <= args.one_table_up_to:
                row["one"] = on_worker(pool, docx, work / f"one-{count}.pdf", cut=False)
                row["one pages"] = pages(work / f"one-{count}.pdf")
            if baseline:
                row["baseline"] = command(plans[count], work / "base" / f"plan-{count}.docx",
                                          dict(os.environ, PYTHONPATH=baseline))
                row["baseline pages"] = pages(work / "base" / f"plan-{count}.pdf")
            rows.append(row)
            print(f"  {count} measures done: {row['command']:.2f} s", file=sys.stderr, flush=True)
    first = rows[0]
    fixed = first["command"] - first["worker"]
    print(f"time line of one command, {args.measures[0]} measures ({first['pages']:.0f} pages):")
    for name, seconds in line:
        print(f"  {name:52s} {seconds:6.2f} s")
    print(f"  {'sum':52s} {sum(s for _, s in line):6.2f} s  (the command took {first['command']:.2f} s)")
    print(f"fixed cost (command − worker, {args.measures[0]} measures): {fixed:.2f} s")
    print()
    head = (f"{'measures':>8} {'pages':>6} | {'command s':>9} {'ms/page':>7} {'ratio':>5} {'ms/meas':>7} | "
            f"{'worker s':>8} {'ms/page':>7} {'ratio':>5} | {'margin ms/page':>14} {'ratio':>5}")
    if baseline:
        head += f" | {'before s':>8} {'pages':>5} {'ms/page':>7} {'ratio':>5}"
    if args.one_table_up_to:
        head += f" | {'one table s':>11} {'pages':>5} {'ms/page':>7}"
    print(head)
    per = {key: [] for key in ("command", "worker", "baseline")}
    margins: list[float] = []
    for row in rows:
        n = row["pages"]
        command_ms = row["command"] / n * 1000
        worker_ms = row["worker"] / n * 1000
        per["command"].append(command_ms)
        per["worker"].append(worker_ms)
        line_text = (f"{row['measures']:8.0f} {n:6.0f} | {row['command']:9.2f} {command_ms:7.1f} "
                     f"{command_ms / per['command'][0]:5.2f} {row['command'] / row['measures'] * 1000:7.1f} | "
                     f"{row['worker']:8.2f} {worker_ms:7.1f} {worker_ms / per['worker'][0]:5.2f} | ")
        if row is first:
            line_text += f"{'—':>14} {'':>5}"
        else:
            margin = (row["command"] - first["command"]) / (n - first["pages"]) * 1000
            margins.append(margin)
            line_text += f"{margin:14.1f} {margin / margins[0]:5.2f}"
        if baseline:
            before_ms = row["baseline"] / row["baseline pages"] * 1000
            per["baseline"].append(before_ms)
            line_text += (f" | {row['baseline']:8.2f} {row['baseline pages']:5.0f} {before_ms:7.1f} "
                          f"{before_ms / per['baseline'][0]:5.2f}")
        if "one" in row:
            line_text += f" | {row['one']:11.2f} {row['one pages']:5.0f} {row['one'] / row['one pages'] * 1000:7.1f}"
        print(line_text)
    print()
    for name, values in (("command ms/page", per["command"]), ("worker ms/page", per["worker"]),
                         ("margin ms/page", margins), ("before: command ms/page", per["baseline"])):
        if len(values) > 1:
            spread = max(values) / min(values)
            print(f"{name:24s} max/min over the sizes {spread:5.2f}  ({'within' if spread <= 1.5 else 'not within'} 1.5×)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
