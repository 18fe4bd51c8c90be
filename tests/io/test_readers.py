import json

import pytest

from ita_docs import load
from ita_docs.errors import DataValidationError, ReadError
from ita_docs.io import read_data
from tests.conftest import NONGMUANG


def test_yaml_and_json_give_the_same_document(tmp_path, nongmuang_data):
    as_json = tmp_path / "plan.json"
    as_json.write_text(json.dumps(nongmuang_data, ensure_ascii=False, default=str), encoding="utf-8")
    assert load(as_json) == load(NONGMUANG)


def test_plain_data_loads(nongmuang_data):
    assert load(nongmuang_data).organisation.name == "เทศบาลตำบลหนองม่วง"


@pytest.mark.parametrize(
    ("name", "content", "message", "where"),
    [
        ("bad.yaml", "kind: measures_plan\nmeasures: [\n", "รูปแบบ YAML ผิด", "บรรทัด"),
        ("bad.json", '{"kind": "measures_plan",}', "รูปแบบ JSON ผิด", "บรรทัด 1"),
        ("plan.txt", "kind: measures_plan", "ไม่รู้จักชนิดไฟล์", None),
    ],
)
def test_unreadable_files_are_located(tmp_path, name, content, message, where):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ReadError) as info:
        load(path)
    assert message in info.value.message
    assert info.value.location.file == str(path)
    if where:
        assert where in info.value.location.path


def test_non_utf8_file(tmp_path):
    path = tmp_path / "tis620.yaml"
    path.write_bytes("kind: measures_plan\nname: เทศบาล\n".encode("tis-620"))
    with pytest.raises(ReadError, match="UTF-8"):
        read_data(path)


def test_missing_file(tmp_path):
    with pytest.raises(ReadError, match="ไม่พบไฟล์"):
        load(tmp_path / "nothing.yaml")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("kind: annual_poem\n", "ไม่รู้จักชนิดเอกสาร 'annual_poem'"),
        ("organisation: {name: x}\n", "ต้องระบุชนิดเอกสาร"),
        ("- a list\n", "ต้องเป็นกลุ่มข้อมูล"),
    ],
)
def test_kind_is_required_and_known(tmp_path, content, message):
    path = tmp_path / "x.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(DataValidationError) as info:
        load(path)
    assert message in str(info.value)
    assert info.value.problems[0].location.file == str(path)


def test_validation_problems_carry_the_file(tmp_path, nongmuang_data):
    nongmuang_data = dict(nongmuang_data, fiscal_year=2023)
    path = tmp_path / "p.json"
    path.write_text(json.dumps(nongmuang_data, ensure_ascii=False, default=str), encoding="utf-8")
    with pytest.raises(DataValidationError) as info:
        load(path)
    assert str(info.value.problems[0].location) == f"{path}: fiscal_year"


def test_a_large_plan_is_not_taken_for_an_alias_bomb(tmp_path, plan_data):
    # -- 40,000 measures: some 480,000 values, all written out (the reader before refused it) --
    import yaml

    del plan_data["measures"]
    measures = "".join(f"- number: {i}\n  title: มาตรการที่ {i}\n  responsible: [กองคลัง]\n"
                       f"  period: {{fiscal_year: 2566}}\n" for i in range(1, 40_001))
    path = tmp_path / "large.yaml"
    path.write_text(yaml.dump(plan_data, Dumper=yaml.CSafeDumper, allow_unicode=True) + "measures:\n" + measures,
                    encoding="utf-8")
    document = load(path)
    assert len(document.measures) == 40_000
    assert document.measures[-1].title == "มาตรการที่ 40000"
