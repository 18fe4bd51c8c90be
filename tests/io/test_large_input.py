"""A file with a million wrong values is refused quickly, in bounded memory, with its first
problems located — run as users run it: the real command, in a child process.

Before: ``ita-docs check`` on 990,000 wrong measures took 0.9 GB and 19 s just to list
pydantic's errors (1.4 GB peak in all).
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from ita_docs.errors import DataValidationError
from ita_docs.io import load
from ita_docs.io.readers import read_data
from ita_docs.model.base import CUT_LISTS_AT, MAX_PROBLEMS

#: Runs the command in a grandchild and prints its peak RSS (kB), which the test reads.
PEAK_RSS = """
import resource, subprocess, sys
done = subprocess.run(sys.argv[1:], capture_output=True, text=True, timeout=60)
sys.stderr.write(done.stderr)
print(done.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""

SAMPLES = Path(__file__).parents[2] / "samples"
HEAD = {"kind": "measures_plan", "fiscal_year": 2567,
        "organisation": {"name": "เทศบาลตำบลบ้านใหม่", "type": "เทศบาลตำบล"}}


def _check(path: Path) -> tuple[int, int, str]:
    done = subprocess.run([sys.executable, "-c", PEAK_RSS, sys.executable, "-m", "ita_docs", "check", str(path)],
                          capture_output=True, text=True, timeout=90)
    status, peak_kb = done.stdout.split()
    return int(status), int(peak_kb), done.stderr


@pytest.mark.parametrize("suffix", [".yaml", ".json"])
def test_a_million_wrong_values_is_refused_in_bounded_memory(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"wrong{suffix}"
    if suffix == ".json":
        path.write_text(json.dumps({**HEAD, "measures": ["x"] * 990_000}), encoding="utf-8")
    else:
        path.write_text("kind: measures_plan\nfiscal_year: 2567\n"
                        "organisation: {name: เทศบาลตำบลบ้านใหม่, type: เทศบาลตำบล}\n"
                        "measures: [" + ", ".join(["x"] * 990_000) + "]\n", encoding="utf-8")
    status, peak_kb, stderr = _check(path)
    assert status == 2, stderr
    assert "Traceback" not in stderr
    lines = stderr.splitlines()
    assert f"{path}: measures[0])" in lines[1] or f"{path}: measures[0])" in stderr
    assert len(lines) <= MAX_PROBLEMS + 1
    assert "ปัญหาที่ไม่ได้แสดง" in lines[-1]
    assert peak_kb < 1024 * 1024, f"peak RSS {peak_kb // 1024} MB"


def test_the_problems_listed_are_the_first_of_the_whole() -> None:
    measures: list[object] = [{"title": "ก"}] * 10 + ["x"] * 20_000
    with pytest.raises(DataValidationError) as caught:
        load({**HEAD, "measures": measures, "previous_result": {"fiscal_year": 2566, "total_score": "90"}})
    paths = [p.location.path for p in caught.value.problems]
    assert [p for p in paths if p and p.startswith("measures")][:3] == ["measures[10]", "measures[11]", "measures[12]"]
    assert len(paths) == MAX_PROBLEMS + 1
    more = caught.value.problems[-1].message
    assert int(more.split()[1].replace(",", "")) >= 20_000 - MAX_PROBLEMS, more


def test_errors_beyond_the_cut_are_counted_not_hidden() -> None:
    sample = read_data(SAMPLES / "nongmuang-2566-measures.yaml")
    measures: list[object] = [{"title": "ก"}] * CUT_LISTS_AT + ["x"] * 6_000
    with pytest.raises(DataValidationError) as caught:
        load({**sample, "measures": measures})
    (problem,) = caught.value.problems
    assert "6,000" in problem.message and str(CUT_LISTS_AT) in problem.message


def test_lists_inside_lists_too_wrong_for_one_cut_are_listed_from_a_shorter_one() -> None:
    sample = read_data(SAMPLES / "nongmuang-2566-measures.yaml")
    measures = [{"title": "ก", "responsible": [{"x": "1"}] * 100}] * 60  # -- 6,000 errors inside the first cut --
    with pytest.raises(DataValidationError) as caught:
        load({**sample, "measures": measures})
    problems = caught.value.problems
    assert problems[0].location.path == "measures[0].responsible[0]"
    assert len(problems) == MAX_PROBLEMS + 1
    assert "หลังรายการที่" not in problems[-1].message
