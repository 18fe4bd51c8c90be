"""Presets: each caller gets its own copy of a kind's defaults."""
from __future__ import annotations

from ita_docs.presets import load_preset


def test_a_changed_preset_does_not_change_the_next_caller_s() -> None:
    first = load_preset("measures_plan")
    first["headings"]["reporting"] = "changed"
    first["measures_table_presets"].clear()
    again = load_preset("measures_plan")
    assert again["headings"]["reporting"] == "๕. ขั้นตอนการรายงานผล"
    assert again["measures_table_presets"]
