"""Generated documents of every kind come back identical from YAML, JSON and XLSX.

Each example starts from a sample of the kind and varies its text fields, scores,
dates, periods and list lengths; the document is saved in each format and read back.
Runs with a fixed seed and a bounded number of examples; for a longer run::

    ITA_FUZZ_EXAMPLES=500 .venv/bin/python -m pytest tests/io/test_roundtrip.py -p no:cacheprovider
"""
from __future__ import annotations

import copy
import functools
import os
import warnings
from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, Phase, assume, given, settings
from hypothesis import strategies as st

from ita_docs import load, save
from ita_docs.errors import DataValidationError, ItaDocsWarning
from ita_docs.io.writers import document_data
from tests.conftest import SAMPLES, sample_data

EXAMPLES = int(os.environ.get("ITA_FUZZ_EXAMPLES", "25"))
ROUNDS = settings(max_examples=EXAMPLES, deadline=None, derandomize=True,
                  phases=(Phase.explicit, Phase.reuse, Phase.generate) if EXAMPLES <= 100 else tuple(Phase),
                  suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                         HealthCheck.function_scoped_fixture])

BY_KIND: dict[str, list[str]] = defaultdict(list)
for _path in sorted(SAMPLES.glob("*.yaml")):
    BY_KIND[sample_data(_path.stem)["kind"]].append(_path.stem)

# -- text a clerk or a paste could bring: Thai, digits of both kinds, marks a reader might
# take for syntax (json:, =, [], quotes, #, :), spaces and line breaks --
_PIECES = st.sampled_from(["ก", "ข้อ", "การประเมิน", "๑๒", "2566", " ", "\n", "=", "json:", "[]", '""', "#", ": ",
                           "-", "'", "%", "97.10", "\u00a0", "😀", "a", "${", "}"])
text = st.lists(st.one_of(_PIECES, st.text(min_size=1, max_size=8)), min_size=1, max_size=8).map("".join)
scores = st.decimals(min_value=0, max_value=100, places=2).map(str)
dates = st.dates().map(lambda d: d.isoformat()) | st.sampled_from(["30 ม.ค. 2566", "๑ ตุลาคม ๒๕๖๖"])
periods = st.sampled_from(["", "ปีงบประมาณ 2566", "ไตรมาสที่ 2", "ต.ค.65-มี.ค. 66", "1 ต.ค. 2566-31 ธ.ค. 2566",
                           "ตลอดปี", "ม.ค.-มี.ค. 2567"]) | text

_sometimes = st.integers(0, 3).map(lambda n: n == 0)


_PROBES = {"score": "50.00", "date": "2023-01-30", "period": "ปีงบประมาณ 2566", "": "ข้อความ"}


def _class(key: str) -> str:
    if key == "score" or key.endswith("_score"):
        return "score"
    if key in ("date", "signed_on") or key.endswith("_date"):
        return "date"
    return "period" if key == "period" else ""


@functools.cache
def _free(stem: str) -> frozenset[tuple[Any, ...]]:
    """The paths of the sample's text leaves that take any value of their class (not a
    literal such as ``tool`` or ``style``): each tried with a probe in turn."""
    base = document_data(load(sample_data(stem)))
    found: set[tuple[Any, ...]] = set()

    def walk(node: Any, path: tuple[Any, ...], key: str) -> None:
        if isinstance(node, dict):
            for k, v in node.items():
                walk(v, (*path, k), k)
        elif isinstance(node, list):
            for i, v in enumerate(node):
                walk(v, (*path, i), key)
        elif isinstance(node, str) and key != "kind":
            probe = copy.deepcopy(base)
            target: Any = probe
            for step in path[:-1]:
                target = target[step]
            target[path[-1]] = _PROBES[_class(key)]
            try:
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore", ItaDocsWarning)
                    load(probe)
            except DataValidationError:
                return
            found.add(path)

    walk(base, (), "")
    return frozenset(found)


def _vary(draw: Any, value: Any, free: frozenset[tuple[Any, ...]], path: tuple[Any, ...] = (), key: str = "") -> Any:
    """*value* with some of its free leaves and list lengths drawn afresh."""
    if isinstance(value, dict):
        return {k: _vary(draw, v, free, (*path, k), k) for k, v in value.items()}
    if isinstance(value, list):
        items = [_vary(draw, v, free, (*path, i), key) for i, v in enumerate(value)]
        if items and draw(_sometimes):
            items = items[:draw(st.integers(1, len(items)))]  # -- shorter, never empty --
        if items and all(isinstance(v, str) for v in items) and draw(_sometimes):
            items += draw(st.lists(text, max_size=2))
        return items
    if path not in free or not draw(_sometimes):
        return value
    return draw({"score": scores, "date": dates, "period": periods, "": text}[_class(key)])


@st.composite
def documents(draw: Any, kind: str) -> Any:
    stem = draw(st.sampled_from(BY_KIND[kind]))
    data = _vary(draw, document_data(load(sample_data(stem))), _free(stem))
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ItaDocsWarning)
            document = load(data)
    except DataValidationError:
        assume(False)
    return document


@pytest.mark.parametrize("kind", sorted(BY_KIND))
def test_generated_documents_round_trip_in_every_format(kind: str, tmp_path: Path) -> None:
    @ROUNDS
    @given(document=documents(kind))
    def check(document: Any) -> None:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ItaDocsWarning)
            for suffix in (".yaml", ".json", ".xlsx"):
                path = tmp_path / f"d{suffix}"
                save(document, path, overwrite=True)
                back = load(path)
                assert document_data(back) == document_data(document), suffix
                assert back == document, suffix

    check()
