"""Column widths from content, and the warning for a given column too narrow for its word."""
from __future__ import annotations

import pytest

from ita_docs.model import Column
from ita_docs.rendering.tables import CM_TO_TWIPS, table_view
from ita_docs.rendering.widths import (
    CELL_MARGIN_CM,
    TEXT_WIDTH_CM,
    NarrowColumnWarning,
    column_widths,
    piece_width_cm,
    text_width_cm,
)


def _rows(*cells: list[str]) -> list[dict]:
    return [{"cells": [[text] for text in row]} for row in cells]


COLUMNS = [Column(key="measure", heading="มาตรการ"), Column(key="responsible", heading="ผู้รับผิดชอบ"),
           Column(key="result", heading="ผลการดำเนินการ")]
ROWS = _rows(["จัดทำคู่มือการปฏิบัติงาน", "สำนักปลัด", "ดำเนินการแล้ว " * 20],
             ["ประชาสัมพันธ์ให้เจ้าหน้าที่ทราบ", "กองคลัง", "มีการเผยแพร่ทางเว็บไซต์ www.krut.go.th"])


def test_computed_widths_fill_the_text_width():
    assert sum(column_widths(COLUMNS, ROWS)) == pytest.approx(TEXT_WIDTH_CM, abs=0.02)


def test_every_word_fits_its_computed_column():
    widths = column_widths(COLUMNS, ROWS)
    for index, column in enumerate(COLUMNS):
        texts = [row["cells"][index][0] for row in ROWS]
        longest = max(piece_width_cm(texts), piece_width_cm([column.heading], bold=True))
        assert longest + CELL_MARGIN_CM <= widths[index]


def test_the_column_with_more_text_gets_more_room():
    measure, responsible, result = column_widths(COLUMNS, ROWS)
    assert result > measure > responsible


def test_given_widths_are_kept_and_the_rest_share_what_is_left():
    columns = [COLUMNS[0].model_copy(update={"width_cm": 6.0}), COLUMNS[1], COLUMNS[2]]
    widths = column_widths(columns, ROWS)
    assert widths[0] == 6.0
    assert sum(widths) == pytest.approx(TEXT_WIDTH_CM, abs=0.02)


def test_a_word_wider_than_its_given_column_is_a_warning_naming_the_column():
    columns = [COLUMNS[0], COLUMNS[1].model_copy(update={"width_cm": 1.9}), COLUMNS[2]]
    with pytest.warns(NarrowColumnWarning, match=r'"ผู้รับผิดชอบ" \(responsible\) กว้าง 1.9 ซม\. แคบกว่าคำ "ผู้รับผิดชอบ"') \
            as caught:
        column_widths(columns, ROWS)
    assert caught[0].message.location.path == "columns[1].width_cm"


def test_a_given_column_wide_enough_gives_no_warning(recwarn):
    columns = [c.model_copy(update={"width_cm": w}) for c, w in zip(COLUMNS, (5.0, 3.0, 8.0))]
    assert column_widths(columns, ROWS) == (5.0, 3.0, 8.0)
    assert not recwarn.list


def test_table_view_turns_computed_widths_into_twips():
    _, spec = table_view(COLUMNS, ROWS)
    assert spec.widths_twips == tuple(round(w * CM_TO_TWIPS) for w in column_widths(COLUMNS, ROWS))


def test_a_longer_word_measures_wider_and_marks_have_no_width():
    assert text_width_cm("ปีงบประมาณ") > text_width_cm("ปีงบ") > 0
    assert text_width_cm("ที่") == text_width_cm("ท")


def test_an_address_needs_only_its_longest_part():
    assert piece_width_cm(["https://www.sanmaket.go.th/news"]) == pytest.approx(text_width_cm("sanmaket."))
