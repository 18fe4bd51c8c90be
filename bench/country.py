#!/usr/bin/env python3
"""Benchmark: the whole country — 7,850 measures plans and 7,850 follow-up reports — as .docx.

Usage:  python bench/country.py [--organisations 7850] [--jobs 2] [--out DIR]

Generates the data in memory (each organisation its own name, scores and measure texts,
built from the nongmuang and krut samples), renders it all with ``render_many`` into a
temporary folder (or --out), and prints the time, documents per second and megabytes.
"""
from __future__ import annotations

import argparse
import copy
import random
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from ita_docs.batch import render_many  # noqa: E402
from ita_docs.cycle import followup  # noqa: E402
from ita_docs.io import document_data, load  # noqa: E402


def country(count: int) -> list[dict]:
    rng = random.Random(2566)
    plan = yaml.safe_load((ROOT / "samples" / "nongmuang-2566-measures.yaml").read_text(encoding="utf-8"))
    documents = []
    for index in range(count):
        data = copy.deepcopy(plan)
        data["organisation"]["name"] = f"เทศบาลตำบลตัวอย่าง{index + 1}"
        for indicator in data["previous_result"]["indicators"]:
            indicator["score"] = f"{rng.uniform(60, 100):.2f}"
        data["previous_result"].pop("total_score"), data["previous_result"].pop("level")
        for number, measure in enumerate(data["measures"], start=1):
            measure["title"] = f"{measure['title']} (แผนที่ {index + 1}/{number})"
        documents.append(data)
        progress = document_data(followup(load(data)))
        for measure in progress["tables"][0]["measures"]:
            measure["result"] = [f"ดำเนินการแล้ว {rng.randint(1, 28)} มีนาคม 2566"]
        documents.append(progress)
    return documents


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--organisations", type=int, default=7850)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--out", type=Path)
    args = parser.parse_args(argv)
    start = time.perf_counter()
    documents = country(args.organisations)
    generated = time.perf_counter() - start
    with tempfile.TemporaryDirectory() as tmp:
        out = args.out or Path(tmp)
        start = time.perf_counter()
        results = render_many(documents, out, jobs=args.jobs, overwrite=True)
        seconds = time.perf_counter() - start
        size = sum(r.output.stat().st_size for r in results if r.output)
    failed = sum(1 for r in results if r.error)
    print(f"documents            {len(results)} ({args.organisations} plans + {args.organisations} follow-ups)")
    print(f"data generated in    {generated:7.1f} s")
    print(f"rendered in          {seconds:7.1f} s  ({len(results) / seconds:.0f} docs/s, {args.jobs} processes)")
    print(f"written              {size / 1e6:7.1f} MB, {failed} failed")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
