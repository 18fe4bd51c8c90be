#!/usr/bin/env python3
"""Benchmark: how long `ita-docs --version` and `--help` take to start, against `python -c pass`.

Usage:  python bench/startup.py [RUNS]        (default 30; the best of the runs is kept)

Run it with the Python of the environment ita-docs is installed in (its `ita-docs`
script is taken from beside that Python). The package's bytecode is written first.
"""
from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

BIN = Path(sys.executable).parent


def best(command: list[str], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
    return min(times)


def compile_package() -> None:
    """Write the package's bytecode, as pip does for a wheel install. Without it (an editable
    install under PYTHONDONTWRITEBYTECODE=1) every start compiles ita_docs again, ~4 ms."""
    import compileall
    import importlib.util

    spec = importlib.util.find_spec("ita_docs")
    assert spec and spec.submodule_search_locations, "ita_docs is not installed in this Python"
    compileall.compile_dir(list(spec.submodule_search_locations)[0], quiet=1)


def main(argv: list[str]) -> int:
    runs = int(argv[0]) if argv else 30
    compile_package()
    base = best([sys.executable, "-c", "pass"], runs)
    version = best([str(BIN / "ita-docs"), "--version"], runs)
    help_ = best([str(BIN / "ita-docs"), "--help"], runs)
    print(f"python -c pass        {base * 1000:6.1f} ms")
    print(f"ita-docs --version    {version * 1000:6.1f} ms  ({version / base:.2f}x)")
    print(f"ita-docs --help       {help_ * 1000:6.1f} ms  ({help_ / base:.2f}x)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
