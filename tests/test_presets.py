"""Presets: one frozen, typed record per file, shared by every caller; layouts have names that say what they are."""
from __future__ import annotations

import dataclasses
from importlib import resources

import pytest

from ita_docs.errors import InputError
from ita_docs.presets import DocumentPreset, MeasuresPlanPreset, Preset, document_preset, load_preset, plain
from ita_docs.rendering.views.measure_tables import preset_layout

FILES = sorted(p.name.removesuffix(".yaml") for p in resources.files("ita_docs.presets").iterdir()
               if p.name.endswith(".yaml"))


@pytest.mark.parametrize("kind", FILES)
def test_each_file_reads_into_its_record_with_every_key(kind: str) -> None:
    import yaml

    preset = load_preset(kind)
    assert isinstance(preset, Preset) and load_preset(kind) is preset  # -- read once, shared --
    text = resources.files("ita_docs.presets").joinpath(f"{kind}.yaml").read_text(encoding="utf-8")
    as_read = yaml.safe_load(text)
    assert plain({f.name: getattr(preset, f.name) for f in dataclasses.fields(preset) if f.name in as_read}) \
        == as_read


@pytest.mark.parametrize("change", [
    lambda p: p.headings.__setitem__("reporting", "changed"),
    lambda p: p.measures_table_presets.clear(),                      # -- a mapping proxy has no clear --
    lambda p: p.measures_table_presets["standard"].append({}),        # -- a tuple has no append --
    lambda p: setattr(p, "title", "changed"),
])
def test_a_shared_preset_cannot_be_changed(change) -> None:
    first = load_preset("measures_plan")
    with pytest.raises((TypeError, AttributeError)):
        change(first)
    again = load_preset("measures_plan")
    assert again.headings["reporting"] == "๕. ขั้นตอนการรายงานผล" and again.title.startswith("มาตรการ")
    assert len(again.measures_table_presets["standard"]) == 5


def test_plain_gives_a_caller_its_own_copy() -> None:
    sections = plain(load_preset("measures_plan").sections)
    sections.clear()
    assert load_preset("measures_plan").sections


def test_a_document_preset_is_one_of_a_document_kind() -> None:
    assert isinstance(document_preset("measures_plan"), MeasuresPlanPreset)
    assert isinstance(document_preset("combined"), DocumentPreset)
    with pytest.raises(TypeError, match="parts"):
        document_preset("parts")


def test_a_type_checker_sees_the_fields_and_refuses_a_change(tmp_path) -> None:
    api = pytest.importorskip("mypy.api")
    user = tmp_path / "user.py"
    user.write_text(
        "from ita_docs.presets import load_preset\n"
        "plan = load_preset('measures_plan')\n"
        "reveal_type(plan.headings)\n"
        "plan.titel\n"
        "plan.headings['reporting'] = 'x'\n"
        "plan.title = 'x'\n"
        "load_preset('parts').page_prefix\n", encoding="utf-8")
    out, _, status = api.run([str(user), "--strict", "--no-incremental", "--cache-dir", str(tmp_path / "cache"),
                              "--follow-imports", "silent"])
    assert status == 1
    assert 'Revealed type is "typing.Mapping[str, str]"' in out
    assert '"MeasuresPlanPreset" has no attribute "titel"' in out
    assert "Unsupported target for indexed assignment" in out
    assert 'Property "title" defined in "MeasuresPlanPreset" is read-only' in out
    assert '"PartsPreset" has no attribute "page_prefix"' in out


#: The towns whose reference documents the layouts were first named after.
TOWNS = ("nongmuang", "krut", "ronthong", "sanmaket", "satengnok", "banmai")


@pytest.mark.parametrize("kind", ["measures_plan", "progress_report"])
def test_layouts_are_named_for_what_they_are_and_old_names_still_read(kind: str) -> None:
    preset = load_preset(kind)
    layouts, aliases = preset.measures_table_presets, preset.measures_table_aliases
    assert not any(town in name for name in layouts for town in TOWNS)
    assert preset.measures_table_default in layouts
    assert set(aliases.values()) <= set(layouts) and not set(aliases) & set(layouts)
    for old, new in aliases.items():
        assert preset_layout(preset, old, "t") == preset_layout(preset, new, "t")


def test_an_unknown_layout_lists_the_names_there_are() -> None:
    with pytest.raises(InputError, match="ไม่รู้จักรูปแบบตาราง 'bangkok' .*standard, responsible_last"):
        preset_layout(load_preset("measures_plan"), "bangkok", "measures_table")
