#!/usr/bin/env python3
"""Benchmark: reading a data file, strict reader against PyYAML used the common way.

Usage:  python bench/read_bench.py [--copies 200] [--repeat 5] [--sample nongmuang-2566-measures]

In one run, the same sample text read *copies* times by each reader, *repeat* times:

* before          the reader ita-docs had before the strict one: PyYAML's pure-Python
                  ``SafeLoader`` plus a walk over the nodes counting alias expansion;
* safe_load C     ``yaml.load(text, Loader=yaml.CSafeLoader)`` — libyaml, YAML 1.1 typing;
* strict C        :func:`ita_docs.io.yaml_strict.load_yaml` on libyaml events;
* strict pure     the same on PyYAML's pure-Python parser (the fallback without libyaml);
* read_data       the whole :func:`ita_docs.io.read_data` from the file (bytes, decoding, parse);
* json strict     :func:`ita_docs.io.json_strict.load_json` on the sample as JSON, and
                  ``json.loads`` on the same text.

Prints the best and median of the runs (taken in turn), ms per file and the ratios to
``safe_load C``. No pass/fail.
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from ita_docs.io import read_data  # noqa: E402
from ita_docs.io.json_strict import load_json  # noqa: E402
from ita_docs.io.yaml_strict import HAS_LIBYAML, load_yaml  # noqa: E402


class _Before(yaml.SafeLoader):
    """The reader before: pure-Python safe loading, every node counted for alias bombs."""

    def compose_document(self):  # type: ignore[no-untyped-def]
        node = super().compose_document()
        sizes: dict[int, int] = {}

        def size(n: yaml.Node) -> int:
            if id(n) not in sizes:
                sizes[id(n)] = 0
                if isinstance(n, yaml.SequenceNode):
                    sizes[id(n)] = 1 + sum(size(c) for c in n.value)
                elif isinstance(n, yaml.MappingNode):
                    sizes[id(n)] = 1 + sum(size(k) + size(v) for k, v in n.value)
                else:
                    sizes[id(n)] = 1
            return sizes[id(n)]

        size(node)
        return node


def timed(runs: dict, copies: int, repeat: int) -> dict[str, list[float]]:
    """Seconds for *copies* runs of each reader, *repeat* times, the readers taken in turn
    so that other load on the machine falls on all of them alike."""
    times: dict[str, list[float]] = {name: [] for name in runs}
    for _ in range(repeat):
        for name, run in runs.items():
            start = time.perf_counter()
            for _ in range(copies):
                run()
            times[name].append(time.perf_counter() - start)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--sample", default="nongmuang-2566-measures")
    args = parser.parse_args()
    path = ROOT / "samples" / f"{args.sample}.yaml"
    text = path.read_text(encoding="utf-8")
    as_json = json.dumps(yaml.safe_load(text), ensure_ascii=False, default=str)
    runs = {
        "before": lambda: yaml.load(text, Loader=_Before),  # noqa: S506 - a SafeLoader subclass
        "safe_load C": lambda: yaml.load(text, Loader=yaml.CSafeLoader),  # noqa: S506
        "strict C": lambda: load_yaml(text),
        "strict pure": lambda: load_yaml(text, pure=True),
        "read_data": lambda: read_data(path),
        "json.loads": lambda: json.loads(as_json),
        "json strict": lambda: load_json(as_json),
    }
    print(f"{path.name} ({len(text.encode()):,} bytes) x {args.copies}, {args.repeat} runs; "
          f"libyaml: {HAS_LIBYAML}")
    times = timed(runs, args.copies, args.repeat)
    best = {name: min(t) for name, t in times.items()}
    middle = {name: statistics.median(t) for name, t in times.items()}
    print(f"  {'':<12} {'best':>8} {'median':>8} {'ms/file':>8}  ratio to safe_load C (best, median)")
    for name in runs:
        print(f"  {name:<12} {best[name]:7.3f}s {middle[name]:7.3f}s {best[name] / args.copies * 1000:8.2f}  "
              f"{best[name] / best['safe_load C']:5.2f}x {middle[name] / middle['safe_load C']:5.2f}x")
    print(f"  strict C against before: {best['before'] / best['strict C']:.1f}x faster (best), "
          f"{middle['before'] / middle['strict C']:.1f}x (median)")


if __name__ == "__main__":
    main()
