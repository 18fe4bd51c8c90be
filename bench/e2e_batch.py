#!/usr/bin/env python3
"""Benchmark: the whole ``ita-docs batch`` command, as users run it, against a plain script.

Usage:  python bench/e2e_batch.py [--quick] [--repeat 3] [--big 2000] [--workbooks 50] [--workbooks-only]

In one run, on copies of the nongmuang sample (each its own organisation name), in a
temporary folder:

* ``ita-docs batch DIR -o OUT --jobs 1`` and ``--jobs 2`` on 200 YAML files, a fresh
  process each time (median of *repeat* runs, taken in turn);
* the same two on 200 documents whose **texts are their own** (the words of each phrase
  of each long text rotated, per document): copies share every text, so the word-joining
  caches serve all but the first; a real batch's documents share only part of theirs;
* ``--jobs 2`` on *big* YAML files (once);
* ``--jobs 1`` on *workbooks* .xlsx files and on the same documents as YAML;
* **plain script**: a fresh process that reads each file with ``yaml.CSafeLoader`` and
  renders it with docxtpl the common way (``DocxTemplate(path).render(data,
  autoescape=True)``, ``save``), on the bundled measures-plan template; its files hold
  the view ita-docs builds for the same documents (the template's own context), so it
  validates, computes and lays out nothing — it does less work than ita-docs;
* **floor**: reading the 200 files and writing 200 finished .docx byte strings (in this
  process);
* **in process**: ``render_bytes`` per document (loaded before; in a fresh process that
  has rendered one other document, each rendered once; taken in each round of the
  200-file commands, the median printed), and each stage of the command's
  work per document — read, validate, checks, view, template, post-processing, zip,
  write — timed as ``batch`` runs them (one process, warm: these documents seen before).

With ``BASELINE=/path/to/another/checkout``, the 200-file batches (both kinds) and the workbook batch
are also run by that checkout's code (in the same rounds) and the ratios printed, with
each checkout's read+validate per workbook (a fresh process each, warm).

``--workbooks-only`` runs only the workbook part: the two 50-document batches (and the
baseline's), and read+validate per workbook and per YAML file.

The package is byte-compiled first, as an install has it (this machine sets
PYTHONDONTWRITEBYTECODE, which would otherwise make every run compile ita_docs again).

Prints wall time, docs/s, ms per document, CPU (user+sys of the process tree), peak RSS of
the process tree (the sum over the batch process and its workers, read from /proc every
10 ms) and the ratios, with the machine's load (``uptime``) before and after: the machine
may be shared, so compare ratios within one run. No pass/fail.
"""
from __future__ import annotations

import argparse
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from proctree import tree_rss  # -- bench/proctree.py, beside this script --

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "samples" / "nongmuang-2566-measures.yaml"
NAME = "name: เทศบาลตำบลหนองม่วง"


def plain_script(source: Path, out: Path) -> None:
    """The plain script: each file read with CSafeLoader, rendered with docxtpl, saved."""
    import yaml
    from docxtpl import DocxTemplate

    template = ROOT / "templates" / "measures_plan.docx"
    out.mkdir(parents=True, exist_ok=True)
    for path in sorted(source.iterdir()):
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
        document = DocxTemplate(str(template))
        document.render(data, autoescape=True)
        document.save(str(out / f"{path.stem}.docx"))


# -- the data ------------------------------------------------------------------------------


#: Thai syllables that make the organisations' names: each copy's name differs in its Thai
#: letters, as a real batch's do (a name that differs only in a number would leave the
#: document's own words, and so the word-joining caches, alike across the batch).
_FIRST = ["บาง", "หนอง", "ดอน", "โคก", "ท่า", "นา", "ห้วย", "วัง", "บ้าน", "เขา", "ทุ่ง", "สระ", "ป่า", "คลอง"]
_SECOND = ["แก้ว", "ทอง", "ใหม่", "เหนือ", "ใต้", "กลาง", "ยาง", "ไผ่", "จันทร์", "หลวง", "น้อย", "งาม", "บัว", "ศรี"]


def organisation_name(index: int) -> str:
    """A Thai place name of its own for each *index* (distinct up to 14³ = 2,744 names)."""
    first, rest = divmod(index, len(_SECOND) * len(_FIRST))
    second, third = divmod(rest, len(_FIRST))
    return _FIRST[third] + _SECOND[second] + (_FIRST[first] if first else "")


def write_yaml(folder: Path, count: int) -> list[Path]:
    """*count* copies of the nongmuang sample, each with its own organisation name."""
    text = SAMPLE.read_text(encoding="utf-8")
    assert NAME in text
    folder.mkdir(parents=True)
    paths = [folder / f"d{index:05d}.yaml" for index in range(count)]
    for index, path in enumerate(paths):
        path.write_text(text.replace(NAME, f"name: เทศบาลตำบล{organisation_name(index)}", 1), encoding="utf-8")
    return paths


def write_own_texts(folder: Path, count: int) -> list[Path]:
    """*count* copies of the nongmuang sample whose texts are each their own, as a real
    batch's are (copies share every text, so after the first document the word-joining
    caches serve them all): in each text of 40 characters or more, the words of every
    phrase (between spaces) are rotated by an offset drawn for that document."""
    import random

    import yaml
    from pythainlp.tokenize import word_tokenize

    from ita_docs.io import read_data

    def own(value: Any, rng: random.Random) -> Any:
        if isinstance(value, dict):
            return {key: own(item, rng) for key, item in value.items()}
        if isinstance(value, list):
            return [own(item, rng) for item in value]
        if not isinstance(value, str) or len(value) < 40 or not _THAI.search(value):
            return value
        phrases = []
        for phrase in value.split(" "):
            words = word_tokenize(phrase, keep_whitespace=False) if _THAI.search(phrase) else [phrase]
            turn = rng.randrange(len(words)) if len(words) > 2 else 0
            phrases.append("".join(words[turn:] + words[:turn]))
        return " ".join(phrases)

    data = read_data(SAMPLE)
    folder.mkdir(parents=True)
    paths = [folder / f"t{index:05d}.yaml" for index in range(count)]
    for index, path in enumerate(paths):
        document = own(data, random.Random(index))
        document["organisation"]["name"] = f"เทศบาลตำบล{organisation_name(index)}"
        path.write_text(yaml.safe_dump(document, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return paths


_THAI = re.compile("[\u0e01-\u0e4e]")


def write_workbooks(sources: Sequence[Path], folder: Path) -> None:
    from ita_docs import load
    from ita_docs.io import save

    folder.mkdir(parents=True)
    for path in sources:
        save(load(path), folder / f"{path.stem}.xlsx")


def write_views(sources: Sequence[Path], folder: Path) -> None:
    """What the plain script reads: the view (template context) of each document, as YAML."""
    import yaml

    from ita_docs import load
    from ita_docs.rendering.views import build_view

    def plain(value: Any) -> Any:
        if isinstance(value, dict):
            return {str(k): plain(v) for k, v in value.items()}
        if isinstance(value, list | tuple):
            return [plain(v) for v in value]
        return value

    folder.mkdir(parents=True)
    for path in sources:
        view = plain(build_view(load(path))[0])
        (folder / path.name).write_text(yaml.safe_dump(view, allow_unicode=True), encoding="utf-8")


# -- measuring a command -----------------------------------------------------------------


class Run:
    """One command: wall seconds, CPU seconds of its process tree, peak RSS of the tree."""

    def __init__(self, command: list[str], env: dict[str, str] | None = None, cwd: Path | None = None) -> None:
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env, cwd=cwd)
        peak = [0]
        done = threading.Event()

        def watch() -> None:
            while not done.is_set():
                peak[0] = max(peak[0], tree_rss(process.pid))
                done.wait(0.01)

        watcher = threading.Thread(target=watch)
        watcher.start()
        _, err = process.communicate()
        self.wall = time.perf_counter() - start
        done.set()
        watcher.join()
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        self.cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        self.peak = peak[0]
        if process.returncode != 0:
            raise SystemExit(f"{' '.join(command)} exited {process.returncode}:\n{err.decode()[-2000:]}")


def batch_command(source: Path, out: Path, jobs: int) -> list[str]:
    ita_docs = Path(sys.executable).with_name("ita-docs")
    return [str(ita_docs), "batch", str(source), "-o", str(out), "--jobs", str(jobs), "--force"]


def baseline_command(source: Path, out: Path, jobs: int) -> list[str]:
    """The same batch by the checkout named in BASELINE (``python -m ita_docs`` with it first
    on the path, run outside the source tree so that the tree's own package is not found)."""
    return [sys.executable, "-m", "ita_docs", "batch", str(source), "-o", str(out), "--jobs", str(jobs), "--force"]


def baseline_env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": os.environ["BASELINE"]}


def median_run(commands: list[Callable[[], list[str]]], repeat: int, baseline: int = 0,
               each_round: Callable[[], None] | None = None) -> list[Run]:
    """Each command *repeat* times, taken in turn; the run of median wall time of each. The
    last *baseline* commands run the BASELINE checkout. *each_round* is called after the
    commands of each round (a measurement to be compared with theirs, taken beside them)."""
    runs: list[list[Run]] = [[] for _ in commands]
    for _ in range(repeat):
        for index, command in enumerate(commands):
            if index >= len(commands) - baseline:
                runs[index].append(Run(command(), env=baseline_env(), cwd=Path(tempfile.gettempdir())))
            else:
                runs[index].append(Run(command()))
        if each_round is not None:
            each_round()
    return [sorted(r, key=lambda run: run.wall)[len(r) // 2] for r in runs]


# -- in process ----------------------------------------------------------------------------

STAGES = ("read", "validate", "checks", "view", "template", "post", "zip", "write")


def stages(paths: Sequence[Path], out: Path) -> dict[str, float]:
    """Seconds per stage over *paths*, each stage as ``batch`` runs it (one process, warm)."""
    sys.path.insert(0, str(ROOT))
    from ita_docs.consistency import figure_findings
    from ita_docs.errors import file_context
    from ita_docs.io import load, read_data
    from ita_docs.rendering import render_bytes
    from ita_docs.rendering.compiled import compiled_template
    from ita_docs.rendering.document import finish_package
    from ita_docs.rendering.formats import check_document_formats
    from ita_docs.rendering.output import write_atomic
    from ita_docs.rendering.templates import bundled_template
    from ita_docs.rendering.views import build_view

    render_bytes(load(paths[0]))  # -- warm: the compiled template, the word lists --
    spent = dict.fromkeys(STAGES, 0.0)
    clock = time.perf_counter
    for index, path in enumerate(paths):
        t0 = clock()
        data = read_data(path)
        t1 = clock()
        with file_context(path):
            document = load(data)
        t2 = clock()
        figure_findings(document)
        t3 = clock()
        check_document_formats(document)
        view, specs = build_view(document)
        t4 = clock()
        compiled = compiled_template(bundled_template(document.kind))
        package = compiled.render(view)
        t5 = clock()
        finish_package(package, document, compiled, view, specs)
        t6 = clock()
        payload = package.to_bytes()
        t7 = clock()
        write_atomic(out / f"{index}.docx", payload, overwrite=True)
        t8 = clock()
        for stage, seconds in zip(STAGES, (t1 - t0, t2 - t1, t3 - t2, t4 - t3, t5 - t4, t6 - t5, t7 - t6, t8 - t7)):
            spent[stage] += seconds
        if index == 0:
            assert payload == render_bytes(document), "the stages no longer do what render_bytes does"
    return spent


def in_process_render(paths: Sequence[Path]) -> float:
    """Seconds per document of ``render_bytes`` over the documents of *paths*, loaded
    before, in a process that has rendered one other document first (the template
    compiled, the word lists read) and renders each of the others once, as a program
    rendering many documents through the library does. Run in a fresh process of its own
    (``--in-process``): in this one, the other stages have already seen these documents'
    words."""
    command = [sys.executable, str(Path(__file__).resolve()), "--in-process", *map(str, paths)]
    return float(subprocess.run(command, check=True, capture_output=True, text=True).stdout)


def _render_each_once(paths: Sequence[Path]) -> float:
    sys.path.insert(0, str(ROOT))
    from ita_docs.io import load
    from ita_docs.rendering import render_bytes

    documents = [load(path) for path in paths]
    render_bytes(documents[0])
    start = time.perf_counter()
    for document in documents[1:]:
        render_bytes(document)
    return (time.perf_counter() - start) / (len(documents) - 1)


def floor(paths: Sequence[Path], finished: Path, out: Path) -> float:
    """Seconds to read the files and write one finished .docx byte string for each."""
    payloads = [p.read_bytes() for p in sorted(finished.glob("*.docx"))[:len(paths)]]
    out.mkdir(exist_ok=True)
    start = time.perf_counter()
    for path, payload in zip(paths, payloads):
        path.read_bytes()
        (out / f"{path.stem}.docx").write_bytes(payload)
    return time.perf_counter() - start


# -- workbooks ------------------------------------------------------------------------------

_READS = """
import sys, time
from pathlib import Path
from ita_docs.io import load
for folder in sys.argv[1:]:
    paths = sorted(Path(folder).iterdir())
    load(paths[0])
    best = []
    for _ in range(3):
        start = time.perf_counter()
        for path in paths:
            load(path)
        best.append((time.perf_counter() - start) / len(paths) * 1000)
    print(min(best))
"""


def read_times(workbooks: Path, yaml_files: Path) -> dict[str, tuple[float, float]]:
    """ms of read+validate per workbook and per YAML file (best of 3 passes, warm, a fresh
    process each): by this checkout, and by BASELINE's when set."""
    def run(env: dict[str, str] | None, cwd: Path | None) -> tuple[float, float]:
        out = subprocess.run([sys.executable, "-c", _READS, str(workbooks), str(yaml_files)], env=env, cwd=cwd,
                             check=True, capture_output=True, text=True).stdout.split()
        return float(out[0]), float(out[1])

    times = {"this": run({**os.environ, "PYTHONPATH": str(ROOT)}, None)}
    if os.environ.get("BASELINE"):
        times["BASELINE"] = run(baseline_env(), Path(tempfile.gettempdir()))
    return times


def print_workbook_reads(reads: dict[str, tuple[float, float]], wb: Run, wb_yaml: Run, wb_old: list[Run]) -> None:
    for who, (workbook_ms, yaml_ms) in reads.items():
        print(f"  {who}: read+validate {workbook_ms:.2f} ms a workbook vs {yaml_ms:.2f} ms a YAML file")
    for run in wb_old:
        print(f"  BASELINE workbooks vs this YAML: {run.wall / wb_yaml.wall:5.2f}x the time [{run.cpu / wb_yaml.cpu:.2f}x];"
              f" this vs BASELINE on workbooks: {run.wall / wb.wall:.2f}x the docs/s")


def workbooks_only(tmp: Path, args: argparse.Namespace) -> int:
    """Only the workbook part of the run: the batches of workbooks and of the same YAML."""
    docs = write_yaml(tmp / "yaml", args.workbooks)
    write_workbooks(docs, tmp / "xlsx")
    baseline = bool(os.environ.get("BASELINE"))
    if baseline:
        import compileall
        compileall.compile_dir(Path(os.environ["BASELINE"]) / "ita_docs", quiet=1)
    wb, wb_yaml, *wb_old = median_run([
        lambda: batch_command(tmp / "xlsx", tmp / "out-xlsx", 1),
        lambda: batch_command(tmp / "yaml", tmp / "out-yaml", 1),
        *([lambda: baseline_command(tmp / "xlsx", tmp / "out-xlsx-b", 1)] if baseline else [])],
        args.repeat, baseline=1 if baseline else 0)
    reads = read_times(tmp / "xlsx", tmp / "yaml")
    print(f"after: {uptime()}\n")
    n = args.workbooks
    for label, run in [(f"ita-docs batch, {n} workbooks, --jobs 1", wb), (f"same {n} as YAML, --jobs 1", wb_yaml),
                       *[(f"BASELINE batch, {n} workbooks, --jobs 1", run) for run in wb_old]]:
        print(f"{label:44} {run.wall:7.2f} s wall {run.wall / n * 1000:7.1f} ms/doc {run.cpu:6.2f} s CPU")
    print(f"  {n} workbooks vs YAML:      {wb.wall / wb_yaml.wall:5.2f}x the time [{wb.cpu / wb_yaml.cpu:.2f}x]"
          "   (target <= 1.5)")
    print_workbook_reads(reads, wb, wb_yaml, wb_old)
    return 0


# -- the run -------------------------------------------------------------------------------


def uptime() -> str:
    with open("/proc/loadavg", encoding="ascii") as load:
        return "load average " + ", ".join(load.read().split()[:3])


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="one run each, 500 files for the big batch, 20 workbooks")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--docs", type=int, default=200)
    parser.add_argument("--big", type=int, default=2000)
    parser.add_argument("--workbooks", type=int, default=50)
    parser.add_argument("--workbooks-only", action="store_true", help="only the workbook batches and reads")
    parser.add_argument("--plain", nargs=2, type=Path, metavar=("IN", "OUT"), help=argparse.SUPPRESS)
    parser.add_argument("--in-process", nargs="+", type=Path, metavar="FILE", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.plain:
        plain_script(*args.plain)
        return 0
    if args.in_process:
        print(_render_each_once(args.in_process))
        return 0
    if args.quick:
        args.repeat, args.big, args.workbooks = 1, min(args.big, 500), min(args.workbooks, 20)
    sys.path.insert(0, str(ROOT))
    # -- as an install has it: pip byte-compiles a wheel, and Python writes the cache of an
    # editable install on its first run, unless PYTHONDONTWRITEBYTECODE is set (~0.1 s a run) --
    import compileall
    compileall.compile_dir(ROOT / "ita_docs", quiet=1)
    print(f"{os.cpu_count()} cores, Python {sys.version.split()[0]}; before: {uptime()}")
    tmp = Path(tempfile.mkdtemp(prefix="ita-e2e-"))
    if args.workbooks_only:
        try:
            return workbooks_only(tmp, args)
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
    try:
        docs = write_yaml(tmp / "yaml", args.docs)
        big = tmp / "big"
        write_yaml(big, args.big)
        write_workbooks(docs[:args.workbooks], tmp / "xlsx")
        (tmp / "yaml-wb").mkdir()
        for path in docs[:args.workbooks]:
            shutil.copy(path, tmp / "yaml-wb" / path.name)
        write_views(docs, tmp / "views")
        write_own_texts(tmp / "own", args.docs)

        plain = [sys.executable, str(Path(__file__).resolve()), "--plain", str(tmp / "views"), str(tmp / "plain")]
        before = [lambda: baseline_command(tmp / "yaml", tmp / "out-b1", 1),
                  lambda: baseline_command(tmp / "yaml", tmp / "out-b2", 2),
                  lambda: baseline_command(tmp / "own", tmp / "out-bo1", 1),
                  lambda: baseline_command(tmp / "own", tmp / "out-bo2", 2)] if os.environ.get("BASELINE") else []
        if before:
            compileall.compile_dir(Path(os.environ["BASELINE"]) / "ita_docs", quiet=1)
        # -- the in-process render is taken in each round too: its ratio to the whole command
        #    is then of times measured minutes apart at most (this machine's speed drifts) --
        renders: list[float] = []
        jobs1, jobs2, script, own1, own2, *old = median_run([
            lambda: batch_command(tmp / "yaml", tmp / "out1", 1),
            lambda: batch_command(tmp / "yaml", tmp / "out2", 2),
            lambda: plain,
            lambda: batch_command(tmp / "own", tmp / "out-o1", 1),
            lambda: batch_command(tmp / "own", tmp / "out-o2", 2), *before], args.repeat, baseline=len(before),
            each_round=lambda: renders.append(in_process_render(docs)))
        wb, wb_yaml, *wb_old = median_run([
            lambda: batch_command(tmp / "xlsx", tmp / "out-xlsx", 1),
            lambda: batch_command(tmp / "yaml-wb", tmp / "out-yaml-wb", 1),
            *([lambda: baseline_command(tmp / "xlsx", tmp / "out-xlsx-b", 1)] if before else [])],
            args.repeat, baseline=1 if before else 0)
        reads = read_times(tmp / "xlsx", tmp / "yaml-wb")
        large = Run(batch_command(big, tmp / "out-big", 2))
        floor_s = floor(docs, tmp / "out1", tmp / "floor")
        render_s = statistics.median(renders)
        spent = stages(docs, tmp / "stages")
        wb_spent = {"read+validate": 0.0}
        from ita_docs.io import load
        for path in sorted((tmp / "xlsx").iterdir()):
            start = time.perf_counter()
            load(path)
            wb_spent["read+validate"] += time.perf_counter() - start
        yaml_read = 0.0
        for path in docs[:args.workbooks]:
            start = time.perf_counter()
            load(path)
            yaml_read += time.perf_counter() - start
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print(f"after: {uptime()}\n")

    n = args.docs
    print(f"{'whole command (fresh process)':44} {'wall s':>7} {'docs/s':>7} {'ms/doc':>7} {'CPU s':>6} {'peak RSS MB':>11}")
    rows = [(f"ita-docs batch, {n} YAML, --jobs 1", jobs1, n), (f"ita-docs batch, {n} YAML, --jobs 2", jobs2, n),
            (f"plain script (CSafeLoader + docxtpl), {n}", script, n),
            (f"ita-docs batch, {n} texts of their own, --jobs 1", own1, n),
            (f"ita-docs batch, {n} texts of their own, --jobs 2", own2, n),
            (f"ita-docs batch, {args.big} YAML, --jobs 2", large, args.big),
            (f"ita-docs batch, {args.workbooks} workbooks, --jobs 1", wb, args.workbooks),
            (f"ita-docs batch, same {args.workbooks} as YAML, --jobs 1", wb_yaml, args.workbooks)]
    rows += [(f"BASELINE batch, {n} {what}, --jobs {jobs}", run, n)
             for (what, jobs), run in zip([("YAML", 1), ("YAML", 2), ("own texts", 1), ("own texts", 2)], old)]
    rows += [(f"BASELINE batch, {args.workbooks} workbooks, --jobs 1", run, args.workbooks) for run in wb_old]
    for label, run, count in rows:
        print(f"{label:44} {run.wall:7.2f} {count / run.wall:7.1f} {run.wall / count * 1000:7.1f} {run.cpu:6.1f} "
              f"{run.peak / 1e6:11.0f}")
    print(f"{f'floor: read {n} files, write {n} .docx':44} {floor_s:7.3f} {n / floor_s:7.0f} {floor_s / n * 1000:7.2f}")
    print(f"{'in process: render_bytes, each doc once':44} {render_s * n:7.2f} {1 / render_s:7.1f} {render_s * 1000:7.1f}"
          f"   (median of {len(renders)}: {min(renders) * 1000:.1f}-{max(renders) * 1000:.1f} ms/doc)")

    print(f"\nms per document per stage (one process, {n} documents):")
    total = sum(spent.values())
    print("  " + "  ".join(f"{s} {spent[s] / n * 1000:.2f}" for s in STAGES) + f"  = {total / n * 1000:.1f}")
    print(f"  workbook read+validate {wb_spent['read+validate'] / args.workbooks * 1000:.2f}"
          f" vs YAML read+validate {yaml_read / args.workbooks * 1000:.2f}")

    print("\nratios (targets in issue 13; in brackets the same on CPU time, steadier on a shared machine):")
    print(f"  jobs 1 vs plain script:    {script.wall / jobs1.wall:5.2f}x the docs/s [{script.cpu / jobs1.cpu:.2f}x]"
          "   (target >= 5)")
    print(f"  jobs 1 per doc vs in-process render per doc: {jobs1.wall / n / render_s:5.2f}x   (target <= 2)")
    print(f"  jobs 2 vs jobs 1:          {jobs1.wall / jobs2.wall:5.2f}x   (target >= 1.7 on two cores;"
          f" CPU {jobs2.cpu / jobs1.cpu:.2f}x jobs 1's)")
    print(f"  {args.workbooks} workbooks vs YAML:      {wb.wall / wb_yaml.wall:5.2f}x the time [{wb.cpu / wb_yaml.cpu:.2f}x]"
          "   (target <= 1.5)")
    print_workbook_reads(reads, wb, wb_yaml, wb_old)
    print(f"  {args.big} files, jobs 2: peak RSS {large.peak / 1e6:.0f} MB   (target <= 300)")
    print(f"  jobs 1 vs floor:           {jobs1.wall / floor_s:5.0f}x the time")
    print(f"  texts of their own: jobs 2 vs jobs 1 {own1.wall / own2.wall:5.2f}x; jobs 1 {own1.wall / jobs1.wall:.2f}x"
          f" the copies' time, {script.wall / own1.wall:.2f}x the plain script's docs/s")
    for (what, jobs), run, new in zip([("", 1), ("", 2), ("own texts, ", 1), ("own texts, ", 2)], old,
                                      (jobs1, jobs2, own1, own2)):
        print(f"  {what}jobs {jobs} vs BASELINE: {run.wall / new.wall:5.2f}x the docs/s [{run.cpu / new.cpu:.2f}x]")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
