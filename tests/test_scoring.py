"""Scores computed with the framework, checked against the reference documents."""
from decimal import Decimal as D

import pytest

from ita_docs.framework import load_framework
from ita_docs.scoring import change, level_of, ranked, round_score, split_by_threshold, tool_scores, total_score

NONGMUANG = {1: "99.47", 2: "97.05", 3: "98.58", 4: "98.40", 5: "98.17",
             6: "99.38", 7: "99.74", 8: "98.04", 9: "89.29", 10: "100"}
SATENGNOK = {1: "93.60", 2: "80.28", 3: "88.69", 4: "82.71", 5: "81.64",
             6: "80.09", 7: "73.50", 8: "79.89", 9: "100.00", 10: "73.75"}


def _scores(table):
    return {k: D(v) for k, v in table.items()}


def test_nongmuang_indicators_give_its_published_total():
    framework = load_framework(2565)
    assert total_score(_scores(NONGMUANG), framework) == D("97.07")
    assert level_of(D("97.07"), tool_scores(_scores(NONGMUANG), framework), framework) == "AA"


def test_satengnok_indicators_give_its_published_total_and_level():
    framework = load_framework(2566)
    total = total_score(_scores(SATENGNOK), framework)
    assert D("83.71") <= total <= D("83.72")
    assert level_of(total, tool_scores(_scores(SATENGNOK), framework), framework) == "ต้องปรับปรุง"


@pytest.mark.parametrize(
    ("total", "level"),
    [("100", "AA"), ("95.00", "AA"), ("94.99", "A"), ("85.00", "A"), ("84.99", "B"), ("75.00", "B"),
     ("74.99", "C"), ("55.00", "D"), ("54.99", "E"), ("54.78", "E"), ("50.00", "E"), ("49.99", "F"), ("0", "F")],
)
def test_letter_band_edges(total, level):
    assert level_of(D(total), None, load_framework(2564)) == level


@pytest.mark.parametrize(
    ("total", "tools", "level"),
    [
        ("96", (96, 95, 99), "ผ่านดีเยี่ยม"),
        ("96", (96, 94.99, 99), "ผ่านดี"),       # a tool under 95 keeps it from the top level
        ("94.64", (95, 84.99, 99), "ผ่าน"),     # the State Audit Office case: EIT under 85
        ("85.00", (85, 85, 85), "ผ่านดี"),
        ("84.99", (90, 90, 80), "ต้องปรับปรุง"),
        ("70.00", (70, 70, 70), "ต้องปรับปรุง"),
        ("69.99", (70, 70, 70), "ต้องปรับปรุงโดยด่วน"),
    ],
)
def test_named_levels_depend_on_each_tool(total, tools, level):
    scores = dict(zip(("IIT", "EIT", "OIT"), map(D, map(str, tools))))
    assert level_of(D(total), scores, load_framework(2566)) == level


@pytest.mark.parametrize(("value", "rounded"), [("83.715", "83.72"), ("83.7149", "83.71"), ("97.0742", "97.07"),
                                                ("0.005", "0.01"), ("99.995", "100.00")])
def test_rounding_is_half_up(value, rounded):
    assert round_score(D(value)) == D(rounded)


def test_change_words():
    assert change(D("75.54"), D("75.40")).word == "ลดลง"
    assert change(D("80.84"), D("86.90")) .difference == D("6.06")
    assert change(D("50"), D("50.00")).word == "คงที่"


def test_ranking_and_threshold():
    assert [r for r, _, _ in ranked([("a", D(1)), ("b", D(3)), ("c", D(3))])] == [1, 1, 3]
    above, below = split_by_threshold({1: D("80.01"), 2: D(80), 3: D("79.99")})
    assert (above, below) == ([1], [3])


def test_missing_indicator_is_an_error():
    from ita_docs.errors import InputError

    with pytest.raises(InputError, match="ขาดคะแนนตัวชี้วัดที่ 10"):
        total_score({k: D(v) for k, v in NONGMUANG.items() if k != 10}, load_framework(2565))
