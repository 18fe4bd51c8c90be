"""The strict JSON reader: numbers as typed, duplicate keys and deep nesting refused with their place."""
from __future__ import annotations

import pytest

from ita_docs.errors import ReadError
from ita_docs.io.bounds import MAX_DEPTH
from ita_docs.io import json_strict
from ita_docs.io.json_strict import load_json


@pytest.mark.parametrize("typed", ["97.10", "2566", "0", "-0.0", "1e3", "1E-2", "123456789012345678901234567890"])
def test_a_number_is_the_text_typed(typed):
    assert load_json(f'{{"value": {typed}, "list": [{typed}]}}') == {"value": typed, "list": [typed]}


@pytest.mark.parametrize("typed", ["NaN", "Infinity", "-Infinity"])
def test_python_extensions_arrive_as_text_for_the_model_to_refuse(typed):
    assert load_json(f'{{"score": {typed}}}') == {"score": typed}


def test_strings_flags_and_null_keep_their_json_meaning():
    assert load_json('{"a": "021234567", "b": true, "c": false, "d": null}') == {
        "a": "021234567", "b": True, "c": False, "d": None}


def _refused(text: str) -> ReadError:
    with pytest.raises(ReadError) as info:
        load_json(text)
    return info.value


def test_a_duplicate_key_names_both_lines_and_its_path():
    text = '{\n "kind": "measures_plan",\n "measures": [\n  {"title": "ก",\n   "method": "x",\n   "title": "ข"}]}'
    error = _refused(text)
    assert "ช่อง title ซ้ำกัน ที่บรรทัด 4 และบรรทัด 6" in error.message
    assert error.location.path == "measures[0].title บรรทัด 6 คอลัมน์ 4"


def test_a_duplicate_after_strings_with_brackets_and_escapes_is_found():
    text = '{"a": "{[\\"x\\": 1, ]}", "b": {"c": 1}, "b": 2}'
    error = _refused(text)
    assert "ช่อง b ซ้ำกัน ที่บรรทัด 1 คอลัมน์ 25 และคอลัมน์ 40" in error.message
    assert error.location.path == "b บรรทัด 1 คอลัมน์ 40"


@pytest.mark.parametrize("depth", [MAX_DEPTH + 1, 10_000, 200_000])
@pytest.mark.parametrize("bracket", ["[]", "{}"])
def test_deep_nesting_is_a_located_error_not_a_recursion_error(depth, bracket):
    opening = bracket[0] if bracket == "[]" else '{"k": '
    text = '{"a": ' + opening * depth + "1" + bracket[1] * depth + "}"
    error = _refused(text)
    assert f"ซ้อนกันลึกเกิน {MAX_DEPTH} ชั้น" in error.message
    assert error.location.path.startswith("a")
    assert "บรรทัด 1" in error.location.path


def test_nesting_up_to_the_limit_is_read():
    depth = MAX_DEPTH - 1
    data = load_json('{"a": ' + "[" * depth + '"x"' + "]" * depth + "}")["a"]
    for _ in range(depth - 1):
        (data,) = data
    assert data == ["x"]


def test_values_are_bounded(monkeypatch):
    monkeypatch.setattr(json_strict, "MAX_VALUES", 1000)
    assert len(load_json('{"m": [' + ", ".join(["1"] * 997) + "]}")["m"]) == 997
    assert _refused('{"m": [' + ", ".join(["1"] * 998) + "]}").message == "ไฟล์มีข้อมูลเกิน 1,000 ค่า ให้แบ่งเป็นหลายไฟล์"


def test_a_syntax_error_keeps_its_place():
    error = _refused('{"kind": "measures_plan",\n "x": }')
    assert error.message.startswith("รูปแบบ JSON ผิด")
    assert error.location.path == "บรรทัด 2 คอลัมน์ 7"


@pytest.mark.parametrize(("text", "thai"), [
    ('{"a": 1,}', "ชื่อช่องต้องอยู่ในเครื่องหมายคำพูดคู่"),
    ('{"a": "x\ny"}', "มีอักขระควบคุม"),
    ('{"a" 1}', "ขาดเครื่องหมาย : หลังชื่อช่อง"),
    ('{"a": "x', "ข้อความไม่มีเครื่องหมายคำพูดปิด"),
])
def test_common_syntax_errors_are_told_in_thai(text, thai):
    assert thai in _refused(text).message
