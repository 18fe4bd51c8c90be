#!/usr/bin/env python3
"""Benchmark: ita-docs against docxtpl used the common way, and against the zip floor.

Usage:  python bench/render_bench.py [--docs 200] [--large 1000]

In one run, on the bundled measures_plan template and the same data:

* ita-docs      ``render_bytes(document)``: view, render from the compiled template,
                post-processing, zip — everything but reading the data file;
* docxtpl       a new ``DocxTemplate`` per document, ``render(view, autoescape=True)``,
                ``save`` — given the view ita-docs built, so it does less work than us;
* floor         zipping the finished parts of the same document (deflate), nothing else.

Prints docs/s, ms/doc, peak memory (tracemalloc) and the ratios. No pass/fail.
"""
from __future__ import annotations

import argparse
import copy
import gc
import io
import sys
import time
import tracemalloc
import zipfile
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from ita_docs import load  # noqa: E402
from ita_docs.rendering.document import RENDERERS, render_bytes  # noqa: E402
from ita_docs.rendering.environment import make_environment  # noqa: E402
from ita_docs.rendering.templates import bundled_template  # noqa: E402


def plans(count: int, measures: int) -> list:
    data = yaml.safe_load((ROOT / "samples" / "nongmuang-2566-measures.yaml").read_text(encoding="utf-8"))
    base = data["measures"]
    out = []
    for index in range(count):
        item = copy.deepcopy(data)
        item["organisation"]["name"] = f"เทศบาลตำบลตัวอย่าง{index + 1}"
        # -- every measure's text its own, so that no cache of repeated text flatters anyone --
        item["measures"] = [dict(copy.deepcopy(base[i % len(base)]), number=i + 1,
                                 title=f"{base[i % len(base)]['title']} ({index}-{i})")
                            for i in range(measures)]
        out.append(load(item))
    return out


def ita(document) -> bytes:
    return render_bytes(document)


def docxtpl_common(view: dict) -> bytes:
    from docxtpl import DocxTemplate

    tpl = DocxTemplate(str(bundled_template("measures_plan")))
    tpl.render(view, jinja_env=make_environment(), autoescape=True)
    buffer = io.BytesIO()
    tpl.save(buffer)
    return buffer.getvalue()


def floor(parts: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in parts.items():
            package.writestr(name, data)
    return buffer.getvalue()


def timed(function, items) -> float:
    gc.collect()
    start = time.perf_counter()
    for item in items:
        function(item)
    return time.perf_counter() - start


def peak(function, item) -> int:
    gc.collect()
    tracemalloc.start()
    function(item)
    _, high = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return high


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--docs", type=int, default=200)
    parser.add_argument("--large", type=int, default=1000)
    args = parser.parse_args(argv)
    build_view = RENDERERS[type(plans(1, 1)[0])][1]

    batch = plans(args.docs, 10)
    views = [build_view(d)[0] for d in batch]
    outputs = [ita(d) for d in batch[:3]]  # -- warm: compile once, as a long-running batch would --
    parts = [{n: zipfile.ZipFile(io.BytesIO(o)).read(n) for n in zipfile.ZipFile(io.BytesIO(o)).namelist()}
             for o in outputs]
    docxtpl_common(views[0])
    floor_items = (parts * (args.docs // len(parts) + 1))[:args.docs]
    rows = [("ita-docs", timed(ita, batch), peak(ita, batch[0])),
            ("docxtpl (common use)", timed(docxtpl_common, views), peak(docxtpl_common, views[0])),
            ("zip floor", timed(floor, floor_items), peak(floor, floor_items[0]))]
    print(f"Batch of {args.docs} ten-measure plans, one process (peak: Python memory for one document)")
    print(f"{'':24} {'docs/s':>9} {'ms/doc':>9} {'peak MB':>9}")
    for name, seconds, high in rows:
        print(f"{name:24} {args.docs / seconds:9.1f} {seconds / args.docs * 1000:9.2f} {high / 1e6:9.2f}")
    ita_s, tpl_s, floor_s = (seconds for _, seconds, _ in rows)
    print(f"ita-docs vs docxtpl: {tpl_s / ita_s:.1f}x the docs/s;  ita-docs vs floor: {ita_s / floor_s:.1f}x the time")

    large = plans(1, args.large)[0]
    view = build_view(large)[0]
    ita(large)
    t_ita = min(timed(ita, [large]) for _ in range(3))  # -- best of three: one run is noisy --
    t_tpl = min(timed(docxtpl_common, [view]) for _ in range(3))
    m_ita, m_tpl = peak(ita, large), peak(docxtpl_common, view)
    print(f"\nOne {args.large}-measure plan")
    print(f"{'':24} {'seconds':>9} {'peak MB':>9}")
    print(f"{'ita-docs':24} {t_ita:9.2f} {m_ita / 1e6:9.1f}")
    print(f"{'docxtpl (common use)':24} {t_tpl:9.2f} {m_tpl / 1e6:9.1f}")
    print(f"ita-docs / docxtpl: {t_ita / t_tpl:.2f}x the time, {m_ita / m_tpl:.2f}x the peak memory")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
