"""The strict YAML reader: text kept as typed, duplicates and bombs refused with their place."""
from __future__ import annotations

import pytest
import yaml

from ita_docs.errors import ReadError
from ita_docs.io.bounds import MAX_DEPTH
from ita_docs.io import yaml_strict
from ita_docs.io.yaml_strict import HAS_LIBYAML, load_yaml

# -- both parsers: libyaml's events, and PyYAML's pure-Python fallback --
PARSERS = [pytest.param(False, id="libyaml"), pytest.param(True, id="pure")]


def test_libyaml_is_used_here():
    assert HAS_LIBYAML, "PyYAML without libyaml: the reader runs, but ten times slower"


@pytest.mark.parametrize("pure", PARSERS)
@pytest.mark.parametrize(
    "typed",
    ["021234567", "010", "0o17", "9:30", "1:30:00", "0x1F", "97.10", "1e3", ".5", "1_000", "+12",
     "2566-03-16", "2023-01-30 10:00:00", "0", "-0", ".inf", "-.Inf", ".nan", "NaN",
     "yes", "No", "on", "OFF", "y", "n", "true", "False", "๐๑๒", "๙๗.๑๐"],
)
def test_a_plain_scalar_is_the_text_typed(pure, typed):
    assert load_yaml(f"value: {typed}\nlist: [{typed}, {typed}]\n", pure=pure) == {
        "value": typed, "list": [typed, typed]}


@pytest.mark.parametrize("pure", PARSERS)
@pytest.mark.parametrize(("written", "value"), [
    ("value:", None), ("value: ~", None), ("value: null", None), ("value: NULL", None),
    ("value: ''", ""), ("value: 'null'", "null"), ('value: "~"', "~"), ("value: !!str null", "null"),
    ("value: !!null ''", None), ("value: !!int 010", "010"), ("value: ! 12", "12"),
])
def test_null_keeps_its_meaning_only_unquoted(pure, written, value):
    assert load_yaml(written + "\n", pure=pure) == {"value": value}


@pytest.mark.parametrize("pure", PARSERS)
def test_block_and_quoted_scalars_are_read_as_yaml_writes_them(pure):
    text = "a: |\n  line 1\n  line 2\nb: >\n  folded\n  text\nc: 'it''s'\nd: \"tab\\tend\"\n"
    assert load_yaml(text, pure=pure) == yaml.safe_load(text)


@pytest.mark.parametrize("pure", PARSERS)
def test_aliases_and_merge_keys_work_as_before(pure):
    text = ("base: &base {period: {fiscal_year: 2566}, responsible: [กองคลัง]}\n"
            "one:\n  <<: *base\n  title: ก\n"
            "two:\n  <<: [*base, {title: x, followup: y}]\n  title: ข\n"
            "three: *base\n")
    data = load_yaml(text, pure=pure)
    assert data["one"] == {"period": {"fiscal_year": "2566"}, "responsible": ["กองคลัง"], "title": "ก"}
    assert data["two"] == {"period": {"fiscal_year": "2566"}, "responsible": ["กองคลัง"],
                           "title": "ข", "followup": "y"}
    assert data["three"] == data["base"]


def _refused(text: str, pure: bool) -> ReadError:
    with pytest.raises(ReadError) as info:
        load_yaml(text, pure=pure)
    return info.value


@pytest.mark.parametrize("pure", PARSERS)
def test_a_duplicate_key_names_both_lines_and_its_path(pure):
    text = "kind: measures_plan\nmeasures:\n- title: ก\n  method: x\n  title: ข\n"
    error = _refused(text, pure)
    assert "ช่อง title ซ้ำกัน ที่บรรทัด 3 และบรรทัด 5" in error.message
    assert error.location.path == "measures[0].title บรรทัด 5 คอลัมน์ 3"


@pytest.mark.parametrize("pure", PARSERS)
def test_a_duplicate_mapping_is_refused_too(pure):
    text = "organisation:\n  name: ก\nfiscal_year: 2566\norganisation:\n  name: ข\n"
    error = _refused(text, pure)
    assert "ช่อง organisation ซ้ำกัน ที่บรรทัด 1 และบรรทัด 4" in error.message
    assert error.location.path.startswith("organisation บรรทัด 4")


@pytest.mark.parametrize("pure", PARSERS)
def test_a_duplicate_in_one_flow_line_names_the_columns(pure):
    error = _refused("a: {k: 1, k: 2}\n", pure)
    assert "บรรทัด 1 คอลัมน์ 5 และคอลัมน์ 11" in error.message


@pytest.mark.parametrize("pure", PARSERS)
def test_a_key_given_by_merge_may_be_overridden(pure):
    assert load_yaml("b: &b {k: 1}\nc: {<<: *b, k: 2}\n", pure=pure)["c"] == {"k": "2"}


@pytest.mark.parametrize("pure", PARSERS)
@pytest.mark.parametrize(("style", "depth"), [
    ("flow", MAX_DEPTH + 1), ("flow", 10_000), ("flow", 1_000_000),
    # -- block nesting indents each level: 2,000 levels is a 2 MB file, 6,500 the largest read --
    ("block", MAX_DEPTH + 1), ("block", 2_000), ("mapping", MAX_DEPTH + 1), ("mapping", 2_000),
])
def test_deep_nesting_is_a_located_error(pure, style, depth):
    if style == "flow":
        text = "a: " + "[" * depth + "]" * depth + "\n"
    elif style == "block":
        text = "".join(" " * i + "-\n" for i in range(depth))
    else:
        text = "".join(" " * i + "k:\n" for i in range(depth)) + " " * depth + "k: v\n"
    error = _refused(text, pure)
    assert f"ซ้อนกันลึกเกิน {MAX_DEPTH} ชั้น" in error.message
    assert "บรรทัด" in error.location.path


@pytest.mark.parametrize("pure", PARSERS)
def test_nesting_up_to_the_limit_is_read(pure):
    depth = MAX_DEPTH - 1
    data = load_yaml("a: " + "[" * depth + "x" + "]" * depth + "\n", pure=pure)
    for _ in range(depth):
        (data,) = data["a"] if isinstance(data, dict) else data
    assert data == "x"


@pytest.mark.parametrize("pure", PARSERS)
def test_billion_laughs_is_refused_at_the_alias(pure):
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for prev, name in zip("abcdefgh", "bcdefghi"):
        lines.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
    error = _refused("\n".join(lines) + "\n", pure)
    assert "ขยายตัวเกิน 1,000,000 ค่า เมื่อตาม alias" in error.message
    assert error.location.path == "g[0] บรรทัด 7 คอลัมน์ 8"  # -- the first alias past the bound --


@pytest.mark.parametrize("pure", PARSERS)
def test_values_written_out_are_bounded_too(pure, monkeypatch):
    monkeypatch.setattr(yaml_strict, "MAX_VALUES", 1000)
    assert len(load_yaml("m: [" + "a, " * 997 + "]\n", pure=pure)["m"]) == 997
    error = _refused("m: [" + "a, " * 998 + "]\n", pure)
    assert error.message == "ไฟล์มีข้อมูลเกิน 1,000 ค่า ให้แบ่งเป็นหลายไฟล์"
    assert error.location.path == "m[997] บรรทัด 1 คอลัมน์ 2996"


@pytest.mark.parametrize("pure", PARSERS)
def test_aliases_may_reuse_parts_of_a_file(pure):
    # -- every measure names the same period and units by alias: legitimate reuse --
    text = "p: &p {fiscal_year: 2566, units: [ก, ข, ค, ง]}\nm:\n" + "- {t: x, p: *p}\n" * 2000
    assert len(load_yaml(text, pure=pure)["m"]) == 2000


@pytest.mark.parametrize("pure", PARSERS)
@pytest.mark.parametrize(("text", "message", "place"), [
    ("a: *nothing\n", "alias *nothing ไม่มี anchor นี้", "a บรรทัด 1 คอลัมน์ 4"),
    ("a: &x [1, *x]\n", "อ้างถึงกลุ่มข้อมูลที่ตัวเองอยู่ข้างใน", "a[1] บรรทัด 1"),
    ("a: 1\n---\nb: 2\n", "ไฟล์มีข้อมูลหลายชุด", "บรรทัด 2"),
    ("a: !!binary aGk=\n", "ไม่รองรับแท็ก tag:yaml.org,2002:binary", "a บรรทัด 1"),
    ("a: !!python/object:os.system x\n", "ไม่รองรับแท็ก", "a บรรทัด 1"),
    ("a: !!set {x}\n", "ไม่รองรับแท็ก", "a บรรทัด 1"),
    ("? [a, b]\n: 1\n", "ชื่อช่องต้องเป็นข้อความ", "บรรทัด 1"),
    ("a: {<<: [x]}\n", "<< ต้องตามด้วย alias", "a.<< บรรทัด 1"),
    ("a: b\x07c\n", "อักขระที่ใช้ในไฟล์ YAML ไม่ได้ (#x0007)", "บรรทัด 1 คอลัมน์ 5 (ตำแหน่งที่ 4)"),
    ("a: x\nb: [1,\n", "รูปแบบ YAML ผิด", "บรรทัด 3"),
    ("a: b: c\n", "รูปแบบ YAML ผิด: มีเครื่องหมาย : ในที่ที่ใช้ไม่ได้", "บรรทัด 1 คอลัมน์ 5"),
])
def test_refusals_say_where(pure, text, message, place):
    error = _refused(text, pure)
    assert message in error.message
    assert place in error.location.path


def test_an_empty_file_is_none():
    assert load_yaml("") is None
    assert load_yaml("# only a comment\n") is None
