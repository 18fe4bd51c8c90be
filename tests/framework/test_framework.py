"""The ITA framework files: every year loads, says where its figures come from, adds up."""
from __future__ import annotations

from decimal import Decimal
from importlib import resources

import pytest
import yaml

from ita_docs.errors import InputError
from ita_docs.framework import PATH_VARIABLE, available_years, load_framework

YEARS = available_years()


def test_the_reference_years_are_there():
    assert {2563, 2564, 2565, 2566} <= set(YEARS)


@pytest.mark.parametrize("year", YEARS)
def test_every_year_is_consistent_and_sourced(year):
    framework = load_framework(year)
    assert framework.fiscal_year == year
    assert sum(t.weight for t in framework.tools.items) == 100
    tools = {t.code for t in framework.tools.items}
    assert [i.number for i in framework.indicators.items] == list(range(1, 11))
    assert {i.tool for i in framework.indicators.items} == tools
    bands = framework.levels.bands
    assert [b.min for b in bands] == sorted((b.min for b in bands), reverse=True) and bands[-1].min == 0
    cited = set(framework.tools.sources + framework.indicators.sources + framework.levels.sources
                + framework.pass_mark.sources + framework.oit_items.sources)
    assert cited <= set(framework.sources), "every cited source is listed"
    codes = [i.code for i in framework.oit_items.items]
    assert codes == [f"O{n}" for n in range(1, len(codes) + 1)]
    assert codes or framework.oit_items.provisional, "a year without its OIT list says so"


def test_levels_changed_from_letters_to_named_in_2566():
    assert [b.label for b in load_framework(2565).levels.bands] == ["AA", "A", "B", "C", "D", "E", "F"]
    assert load_framework(2566).levels.bands[0].label == "ผ่านดีเยี่ยม"
    assert load_framework(2569).provisional


def test_indicators_are_found_by_name_or_alias():
    framework = load_framework(2566)
    assert framework.indicator("การแก้ปัญหาการทุจริต").number == 5
    assert framework.indicator("การปรับปรุงการทำงาน").number == 8
    with pytest.raises(InputError, match="ไม่รู้จักตัวชี้วัด"):
        framework.indicator("การทำบุญ")


def test_a_year_without_a_file_is_a_clear_error():
    with pytest.raises(InputError, match="ไม่มีข้อมูลกรอบการประเมิน ITA ของปีงบประมาณ 2555") as info:
        load_framework(2555)
    assert info.value.location.path == "fiscal_year"


def test_a_new_year_is_a_new_file(tmp_path, monkeypatch):
    """No code change: a file for 2570 beside the bundled ones is found and used."""
    bundled = resources.files("ita_docs.framework").joinpath("2568.yaml").read_text(encoding="utf-8")
    source = yaml.safe_load(bundled)
    source["fiscal_year"] = 2570
    source["levels"]["bands"][2]["min"] = "80.00"
    (tmp_path / "2570.yaml").write_text(yaml.safe_dump(source, allow_unicode=True), encoding="utf-8")
    monkeypatch.setenv(PATH_VARIABLE, str(tmp_path))
    assert 2570 in available_years()
    framework = load_framework(2570)
    assert framework.levels.bands[2].min == Decimal("80.00")


def test_a_broken_framework_file_names_itself(tmp_path, monkeypatch):
    (tmp_path / "2571.yaml").write_text("fiscal_year: 2571\ntools: {items: []}\n", encoding="utf-8")
    monkeypatch.setenv(PATH_VARIABLE, str(tmp_path))
    with pytest.raises(InputError) as info:
        load_framework(2571)
    assert "2571.yaml" in str(info.value.location.file)


@pytest.mark.parametrize("year", YEARS)
def test_every_year_records_the_level_labels_its_documents_print(year):
    levels = load_framework(year).levels
    assert levels.schemes, "each bundled year names the label schemes its documents print"
    for scheme in levels.schemes:
        assert set(scheme.sources) <= set(load_framework(year).sources), scheme.name
        assert scheme.note, "why the scheme is (not) confirmed"
        if scheme.confirmed:
            mins = [b.min for b in scheme.bands]
            assert mins == sorted(mins, reverse=True) and mins[-1] == 0


def test_only_the_letter_years_with_a_published_table_are_checked():
    confirmed = {y for y in YEARS if any(s.confirmed for s in load_framework(y).levels.schemes)}
    assert confirmed == {2564, 2565}


def test_a_file_without_schemes_checks_its_bands_unless_provisional(tmp_path, monkeypatch):
    from ita_docs.scoring import question_level

    bundled = yaml.safe_load(resources.files("ita_docs.framework").joinpath("2565.yaml").read_text(encoding="utf-8"))
    del bundled["levels"]["schemes"], bundled["levels"]["schemes_complete"]
    for year, provisional in ((2572, False), (2573, True)):
        bundled.update(fiscal_year=year)
        bundled["levels"]["provisional"] = provisional
        (tmp_path / f"{year}.yaml").write_text(yaml.safe_dump(bundled, allow_unicode=True), encoding="utf-8")
    monkeypatch.setenv(PATH_VARIABLE, str(tmp_path))
    assert question_level("A", Decimal("97.00"), None, load_framework(2572)).expected == "AA"
    assert question_level("A", Decimal("97.00"), None, load_framework(2573)) is None
    assert question_level("ผ่าน", Decimal("97.00"), None, load_framework(2572)) is None   # -- not complete --


def test_a_scheme_band_must_be_one_of_its_labels(tmp_path, monkeypatch):
    bundled = yaml.safe_load(resources.files("ita_docs.framework").joinpath("2565.yaml").read_text(encoding="utf-8"))
    bundled["fiscal_year"] = 2574
    bundled["levels"]["schemes"][0]["labels"] = ["AA", "A"]
    (tmp_path / "2574.yaml").write_text(yaml.safe_dump(bundled, allow_unicode=True), encoding="utf-8")
    monkeypatch.setenv(PATH_VARIABLE, str(tmp_path))
    with pytest.raises(InputError, match="ระดับ B, C, D, E, F ไม่อยู่ใน labels ของ letters") as info:
        load_framework(2574)
    assert "2574.yaml" in str(info.value.location.file)
