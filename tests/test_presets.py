"""Presets: each caller gets its own copy of a kind's defaults; layouts have names that say what they are."""
from __future__ import annotations

import pytest

from ita_docs.errors import InputError
from ita_docs.presets import load_preset
from ita_docs.rendering.views.measure_tables import preset_layout


def test_a_changed_preset_does_not_change_the_next_caller_s() -> None:
    first = load_preset("measures_plan")
    first["headings"]["reporting"] = "changed"
    first["measures_table_presets"].clear()
    again = load_preset("measures_plan")
    assert again["headings"]["reporting"] == "๕. ขั้นตอนการรายงานผล"
    assert again["measures_table_presets"]


#: The towns whose reference documents the layouts were first named after.
TOWNS = ("nongmuang", "krut", "ronthong", "sanmaket", "satengnok", "banmai")


@pytest.mark.parametrize("kind", ["measures_plan", "progress_report"])
def test_layouts_are_named_for_what_they_are_and_old_names_still_read(kind: str) -> None:
    preset = load_preset(kind)
    layouts, aliases = preset["measures_table_presets"], preset["measures_table_aliases"]
    assert not any(town in name for name in layouts for town in TOWNS)
    assert preset["measures_table_default"] in layouts
    assert set(aliases.values()) <= set(layouts) and not set(aliases) & set(layouts)
    for old, new in aliases.items():
        assert preset_layout(preset, old, "t") == preset_layout(preset, new, "t")


def test_an_unknown_layout_lists_the_names_there_are() -> None:
    with pytest.raises(InputError, match="ไม่รู้จักรูปแบบตาราง 'bangkok' .*standard, responsible_last"):
        preset_layout(load_preset("measures_plan"), "bangkok", "measures_table")
