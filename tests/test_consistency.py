"""The consistency check: each kind of finding, on the samples and on made-up cases."""
from __future__ import annotations

import copy

import pytest
import yaml

from ita_docs import check
from ita_docs.cli import main
from tests.conftest import SAMPLES, sample_data


def _kinds(findings):
    return [f.kind for f in findings]


@pytest.fixture
def clean_plan(plan_data):
    """nongmuang with its slips mended: nothing left to find."""
    plan = copy.deepcopy(plan_data)
    plan["assessment"][1]["subsections"][1]["paragraphs"][0] = \
        plan["assessment"][1]["subsections"][1]["paragraphs"][0].replace("๒๕๖๔", "๒๕๖๕")
    plan["measures"][6]["method"] = [p.replace("0๑", "O๑").replace("0๒", "O๒") for p in plan["measures"][6]["method"]]
    return plan


def test_a_clean_document_has_no_findings(clean_plan):
    assert check(clean_plan) == []


def test_satengnok_names_another_municipality_and_a_misspelling():
    findings = check(SAMPLES / "satengnok-2566-analysis.yaml")
    foreign = [f for f in findings if f.kind == "foreign_name"]
    variants = [f for f in findings if f.kind == "name_variant"]
    assert foreign and all("เทศบาลเมืองสงขลา" in f.message for f in foreign)
    assert any("สระเตงนอ" in f.message for f in variants)
    assert foreign[0].location.file == str(SAMPLES / "satengnok-2566-analysis.yaml")
    assert foreign[0].location.path == "actions[0].rows[2].approach[1]"


def test_ronthong_wrong_change_word_and_strengths():
    findings = [f for f in check(SAMPLES / "ronthong-2564-report.yaml") if f.kind == "figure"]
    paths = {f.location.path: f.message for f in findings}
    assert "ลดลง" in paths["content[24].year_comparison.tools[0].indicators[4].change"]
    # -- F for 2563's 54.78 is the label as published: 2563's band limits are not confirmed --
    assert not [p for p in paths if ".level" in p]
    assert "[1, 2]" in paths["content[25].strengths.above"]
    assert "content[25].strengths.below" in paths


def test_nongmuang_mentions_a_fiscal_year_that_does_not_belong_and_mixed_digits(plan_data):
    findings = check(plan_data)
    assert _kinds(findings) == ["fiscal_year", "mixed_digits", "mixed_digits", "mixed_digits", "mixed_digits"]
    assert findings[0].location.path == "assessment[1].subsections[1].paragraphs[0]"
    assert "'0๑๒'" in findings[1].message


def test_a_given_total_that_does_not_add_up(clean_plan):
    clean_plan["previous_result"]["total_score"] = "95.00"
    clean_plan["previous_result"]["level"] = "A"
    findings = check(clean_plan)
    assert [(f.kind, f.location.path) for f in findings] == [
        ("figure", "previous_result.total_score"), ("figure", "previous_result.level")]
    assert "97.07" in findings[0].message


def test_a_period_outside_the_fiscal_year(clean_plan):
    clean_plan["measures"][0]["period"] = {"start": "1 ต.ค. 2566", "end": "31 ธ.ค. 2566"}  # FY2567
    clean_plan["meeting"]["date"] = "2023-10-05"
    findings = check(clean_plan)
    assert [(f.kind, f.location.path) for f in findings] == [("period", "measures[0].period"),
                                                             ("period", "meeting.date")]


def test_unknown_oit_codes_in_sanmaket():
    findings = [f for f in check(SAMPLES / "sanmaket-2565-progress.yaml") if f.kind == "oit_code"]
    assert len(findings) == 18                      # 026 … 043, typed with a zero for O
    assert findings[0].location.path == "parts[2].items[25].code"
    assert "หมายถึง O26 หรือไม่" in findings[0].message


def test_left_out_figures_are_computed_in_the_plan(tmp_path, clean_plan):
    from ita_docs import render
    from tests.conftest import body_paragraphs

    del clean_plan["previous_result"]["total_score"], clean_plan["previous_result"]["level"]
    out = render(clean_plan, tmp_path / "p.docx")
    assert any("มีผลคะแนน ๙๗.๐๗ คะแนนอยู่ในระดับ AA" in p for p in body_paragraphs(out))


def test_cli_check_exit_codes(tmp_path, capsys, clean_plan):
    path = tmp_path / "clean.yaml"
    path.write_text(yaml.safe_dump(clean_plan, allow_unicode=True), encoding="utf-8")
    assert main(["check", str(path)]) == 0
    assert capsys.readouterr().out == "ไม่พบข้อขัดแย้ง\n"
    assert main(["check", str(SAMPLES / "krut-2566-progress.yaml")]) == 1
    out = capsys.readouterr().out.splitlines()
    krut = SAMPLES / "krut-2566-progress.yaml"
    fy = "อยู่นอกปีงบประมาณ 2566 (1 ต.ค. 2565 – 30 ก.ย. 2566)"
    assert out == [
        f"Warning: สะกดชื่อหน่วยงานต่างไป: 'เทศบาลตำบลกรุด' (ชื่อจริง: เทศบาลตำบลกรูด) ({krut}: tables[1].measures[4].result[1])",
        f"Warning: ระยะเวลา มกราคม 2565 – มีนาคม 2566 {fy} ({krut}: tables[1].measures[3].period)",
        f"Warning: ระยะเวลา กุมภาพันธ์ 2564 – เมษายน 2566 {fy} ({krut}: tables[1].measures[8].period)",
        *(f"Warning: ข้อความกล่าวถึง 'กุมภาพันธ์ ๒๕๖๔' ซึ่งอยู่ในปีงบประมาณ 2564 ในเอกสารปีงบประมาณ 2566 "
          f"(1 ต.ค. 2565 – 30 ก.ย. 2566) ({krut}: tables[1].measures[8].result[{i}])" for i in (0, 1)),
    ]
    bad = tmp_path / "bad.yaml"
    bad.write_text("kind: measures_plan\n", encoding="utf-8")
    assert main(["check", str(bad)]) == 2


def test_cli_render_reports_contradicting_figures(tmp_path, capsys):
    ronthong = str(SAMPLES / "ronthong-2564-report.yaml")
    assert main(["render", ronthong, "-o", str(tmp_path / "r.docx")]) == 0   # written, with warnings
    err = capsys.readouterr().err.splitlines()
    assert all(line.startswith("Warning: ") for line in err)
    # -- five figures; the others are narrow hand-typed columns ("คอลัมน์ … แคบกว่าคำ …") --
    assert len([line for line in err if "แคบกว่าคำ" not in line]) == 5
    assert (tmp_path / "r.docx").exists()
    assert main(["render", ronthong, "-o", str(tmp_path / "s.docx"), "--strict"]) == 1
    assert len(capsys.readouterr().err.splitlines()) == 5


# -- check sees what render sees; dates and years wherever they are written ----------------


def test_check_refuses_what_render_refuses(tmp_path, capsys, clean_plan):
    del clean_plan["meeting"]          # -- the preset's ${meeting_title} has nothing to fill it --
    path = tmp_path / "plan.yaml"
    path.write_text(yaml.safe_dump(clean_plan, allow_unicode=True), encoding="utf-8")
    assert main(["check", str(path)]) == 2
    expected = (f"Error: ข้อความใช้ ${{meeting_title}} แต่ไม่มีข้อมูลนี้ ให้เพิ่มข้อมูล หรือเขียนข้อความเองใน "
                f"texts.recommendations_intro ({path}: texts.recommendations_intro)\n")
    assert capsys.readouterr().err == expected
    assert main(["render", str(path), "-o", str(tmp_path / "p.docx")]) == 2
    assert capsys.readouterr().err == expected


def test_check_goes_on_after_an_invalid_file(tmp_path, capsys, clean_plan):
    bad = tmp_path / "bad.yaml"
    bad.write_text("kind: measures_plan\n", encoding="utf-8")
    assert main(["check", str(bad), str(SAMPLES / "krut-2566-progress.yaml")]) == 2
    captured = capsys.readouterr()
    assert captured.err.startswith("Error: ") and "krut-2566-progress.yaml" in captured.out


def test_an_unsafe_numbering_is_an_error_in_check(plan_data):
    from ita_docs.errors import DataValidationError

    data = sample_data("sanmaket-2565-progress")
    data["parts"][0]["before"][1]["numbering"] = "{n.__class__.__mro__}"
    with pytest.raises(DataValidationError, match="ใช้ได้เฉพาะ {n}") as caught:
        check(data)
    assert caught.value.location.path == "parts[0].before[1].numbering"


@pytest.mark.parametrize(("field", "text", "words"), [
    ("method", "ประชุมคณะทำงาน ม.ค. 2568", "'ม.ค. 2568' ซึ่งอยู่ในปีงบประมาณ 2568 ในเอกสารปีงบประมาณ 2567"),
    ("method", "จัดทำแผนภายใน มีนาคม ๒๕๖๕", "'มีนาคม ๒๕๖๕' ซึ่งอยู่ในปีงบประมาณ 2565"),
    ("method", "ดำเนินการตามแผนปี 3105", "'3105' อาจเป็นปี พ.ศ. 2562 ที่บวก 543 ซ้ำสองครั้ง"),
    ("method", "รายงานผลภายใน พ.ศ. 2570", "ข้อความกล่าวถึงปี 2570 ซึ่งเลยปีงบประมาณ 2567 ไปแล้ว"),
    ("period", "ม.ค. 2568", "ระยะเวลา 'ม.ค. 2568' อยู่นอกปีงบประมาณ 2567 (1 ต.ค. 2566 – 30 ก.ย. 2567)"),
    ("period", {"start_month": "2024-10", "end_month": "2024-10"},
     "ระยะเวลา ตุลาคม 2567 อยู่นอกปีงบประมาณ 2567 (1 ต.ค. 2566 – 30 ก.ย. 2567)"),
    ("period", {"fiscal_year": 2568}, "ระยะเวลาระบุปีงบประมาณ 2568 ในเอกสารปีงบประมาณ 2567"),
])
def test_dates_and_years_are_checked_wherever_written(clean_plan, field, text, words):
    plan = _fy2567(clean_plan)
    plan["measures"][0][field] = [text] if field == "method" else text
    findings = [f for f in check(plan) if f.location.path.startswith("measures[0]")]
    assert [f.message for f in findings if words in f.message], [f.message for f in findings]
    assert all(f.location.path.startswith(f"measures[0].{field}") for f in findings)


def test_dates_of_the_document_year_and_the_year_before_are_not_findings(clean_plan):
    plan = _fy2567(clean_plan)
    plan["measures"][0]["method"] = ["ผลการประเมินเมื่อ มี.ค. 2566 และแผน ต.ค. 2566 – ก.ย. 2567 งบประมาณ 2,566 บาท"]
    plan["measures"][0]["period"] = "ม.ค. 2567 – มี.ค. 2567"
    assert [f for f in check(plan) if f.location.path.startswith("measures[0]")] == []


def _fy2567(plan):
    """*plan* moved to fiscal year 2567 with nothing else to find (its own years and dates moved on)."""
    from ita_docs.cycle import next_year
    from ita_docs.io import load

    document, _ = next_year(load(plan))
    data = document.model_dump(mode="json", exclude_none=True)
    assert [f for f in check(data) if f.location.path.startswith("measures[0]")] == []
    return data


def test_a_variant_name_is_quoted_whole():
    variants = [f for f in check(SAMPLES / "satengnok-2566-analysis.yaml") if f.kind == "name_variant"]
    quoted = {f.message.split("'")[1] for f in variants}
    assert quoted == {"เทศบาลเมืองสระเตงนอก", "เทศบาลเมืองสะ เตงนอก"}   # -- not 'เทศบาลเมืองสระเตงนอ' --


# -- level labels as published (the year's label schemes, ita_docs/framework/25xx.yaml) ---


@pytest.mark.parametrize("sample", sorted(p.name for p in SAMPLES.glob("*.yaml")))
def test_the_samples_level_labels_are_not_questioned(sample):
    """The five seeds (and the banmai samples) print their levels as published: no finding."""
    assert [f for f in check(SAMPLES / sample) if "level" in f.location.path] == []


def _previous_result(plan, year, total, **labels):
    plan["previous_result"] = {**plan["previous_result"], "fiscal_year": year, "total_score": total, **labels}
    return [f for f in check(plan) if f.location.path.startswith("previous_result.level")]


def test_a_fy2566_result_as_published_is_not_questioned(clean_plan):
    """'๙๖.๐๔ (ผ่าน) ระดับ AA': the named rule of third-party code would say ผ่านดี or better."""
    plan = _fy2567(clean_plan)
    assert _previous_result(plan, 2566, "96.04", level="AA", level_name="ผ่าน") == []
    assert _previous_result(plan, 2566, "96.04", level="ผ่าน") == []


def test_a_level_is_questioned_where_the_year_rule_is_confirmed(clean_plan):
    [finding] = _previous_result(clean_plan, 2565, "97.07", level="A")
    assert finding.location.path == "previous_result.level"
    assert finding.message == "ระดับที่ระบุ 'A' ไม่ตรงกับคะแนน 97.07 ซึ่งอยู่ในระดับ 'AA'"
    [finding] = _previous_result(clean_plan, 2565, "97.07", level="AA", level_name="ผ่านดี")
    assert finding.location.path == "previous_result.level_name"
    assert finding.message == "ระดับที่ระบุ 'ผ่านดี' ไม่ใช่ระดับที่ใช้ในปี 2565 (AA, A, B, C, D, E, F)"


def test_a_level_is_not_questioned_where_the_rule_is_not_confirmed(clean_plan):
    assert _previous_result(clean_plan, 2563, "54.78", level="F") == []      # -- ronthong's, as published --
    plan = _fy2567(clean_plan)
    for label in ("ผ่านดีเยี่ยม", "ต้องปรับปรุง", "AA", "ไม่ผ่าน"):       # -- 2566's schemes are not complete --
        assert _previous_result(plan, 2566, "90.00", level=label) == [], label
