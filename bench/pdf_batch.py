#!/usr/bin/env python3
"""Benchmark: `ita-docs batch --pdf` over N data files against one plain
`soffice --headless --convert-to pdf` run over the same N .docx files, in the same run.

Usage:  python bench/pdf_batch.py [N] [ROUNDS]      (default N = 20, ROUNDS = 3)

Writes N copies of the nongmuang sample (each with its own organisation name) as YAML,
renders them once to .docx for soffice, then, ROUNDS times and interleaved (so a busy
machine weighs on each the same), times the whole commands as users run them:

* ``soffice --headless --convert-to pdf --outdir … *.docx`` on a profile it already made
  (its fastest case; its first run on a new profile is also printed);
* ``ita-docs batch *.yaml -o … --pdf`` (render and convert, --jobs = the cores);
* the same with ``--jobs 1``.

Every other round runs them in reverse order.

With ``BASELINE=/path/to/another/checkout`` set, each round also times that checkout's
``batch --pdf`` (run with it first on PYTHONPATH), so a change is compared with the code
before it in the same run.

Prints each time, the medians and the ratio ita-docs / soffice per round; no pass/fail.
The prepared profile (~/.cache/ita-docs) is made before the rounds, as after any first use.
"""
from __future__ import annotations

import copy
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
ITA_DOCS = [sys.executable, "-m", "ita_docs"]


def timed(command: list[str], cwd: Path, env: dict[str, str] | None = None) -> float:
    start = time.perf_counter()
    subprocess.run(command, cwd=cwd, check=True, capture_output=True, env=env)
    return time.perf_counter() - start


def main(argv: list[str]) -> int:
    count = int(argv[0]) if argv else 20
    rounds = int(argv[1]) if len(argv) > 1 else 3
    data = yaml.safe_load((ROOT / "samples" / "nongmuang-2566-measures.yaml").read_text(encoding="utf-8"))
    soffice = shutil.which("soffice") or "soffice"
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        (work / "yaml").mkdir()
        for index in range(count):
            one = copy.deepcopy(data)
            one["organisation"]["name"] = f"เทศบาลตำบลตัวอย่าง{index + 1}"
            (work / "yaml" / f"d{index:03d}.yaml").write_text(yaml.safe_dump(one, allow_unicode=True), encoding="utf-8")
        subprocess.run([*ITA_DOCS, "batch", "yaml", "-o", "docx"], cwd=work, check=True, capture_output=True)
        docx = sorted(str(p) for p in (work / "docx").glob("*.docx"))
        profile = (work / "soffice-profile").as_uri()
        plain = [soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf", "--outdir"]
        first = timed([*plain, "first", *docx], work)  # -- soffice makes its profile --
        subprocess.run([*ITA_DOCS, "batch", "yaml", "-o", "warm", "--pdf"], cwd=work, check=True,
                       capture_output=True)  # -- ita-docs prepares its profile --
        times: dict[str, list[float]] = {"soffice": [], "ita-docs batch --pdf": [], "ita-docs batch --pdf --jobs 1": []}
        baseline = os.environ.get("BASELINE")
        before = dict(os.environ, PYTHONPATH=baseline) if baseline else None
        if baseline:
            times["baseline batch --pdf"] = []
        commands: dict[str, tuple[list[str], dict[str, str] | None]] = {
            "soffice": ([*plain, "s{}", *docx], None),
            "ita-docs batch --pdf": ([*ITA_DOCS, "batch", "yaml", "-o", "b{}", "--pdf"], None),
            "ita-docs batch --pdf --jobs 1": ([*ITA_DOCS, "batch", "yaml", "-o", "j{}", "--pdf", "--jobs", "1"], None),
        }
        if before is not None:
            commands["baseline batch --pdf"] = ([*ITA_DOCS, "batch", "yaml", "-o", "a{}", "--pdf"], before)
        for round_ in range(rounds):  # -- every other round in reverse order: none always runs first --
            for name in (list(commands) if round_ % 2 == 0 else list(reversed(commands))):
                command, env = commands[name]
                times[name].append(timed([part.format(round_) for part in command], work, env))
        made = len(list((work / f"b{rounds - 1}").glob("*.pdf")))
    print(f"documents {count}, rounds {rounds}; PDFs written by the last batch: {made}")
    print(f"soffice, first run on a new profile   {first:6.2f} s")
    for name, values in times.items():
        print(f"{name:38s}{statistics.median(values):6.2f} s  (median; {' '.join(f'{v:.2f}' for v in values)})")
    base = times["soffice"]
    for name in list(times)[1:]:
        ratios = [mine / theirs for mine, theirs in zip(times[name], base)]
        print(f"{name} / soffice: median {statistics.median(ratios):.2f}  (rounds: "
              f"{' '.join(f'{r:.2f}' for r in ratios)})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
