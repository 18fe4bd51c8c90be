"""Block unions: typed as plain unions, told apart at run time by each model's first field."""
from __future__ import annotations

from typing import Annotated, get_args

import pytest
from pydantic import TypeAdapter, ValidationError

from ita_docs.model.annual_report import AnnualBlock, MeasuresBlock, TocBlock
from ita_docs.model.blocks import BY_KEY, Block, FreeBlock, HeadingBlock, PageBreakBlock, block_key
from ita_docs.model.measures_plan import MeasuresTableBlock, PlanBlock


def test_each_block_is_chosen_by_its_key() -> None:
    blocks = TypeAdapter(list[AnnualBlock]).validate_python([{"heading": "ก"}, {"toc": {}}, {"page_break": True}])
    assert [type(b) for b in blocks] == [HeadingBlock, TocBlock, PageBreakBlock]


def test_a_mapping_without_a_key_names_the_keys() -> None:
    with pytest.raises(ValidationError) as info:
        TypeAdapter(list[Block]).validate_python([{"headnig": "ก"}])
    assert info.value.errors()[0]["type"] == "block_kind"
    assert info.value.errors()[0]["ctx"]["expected"] == ", ".join(block_key(m) for m in get_args(FreeBlock))


def test_the_kinds_own_blocks_follow_the_free_ones() -> None:
    plan = get_args(get_args(PlanBlock)[0])
    assert plan[:len(get_args(FreeBlock))] == get_args(FreeBlock) and plan[-1] is MeasuresTableBlock


def test_two_models_with_one_key_are_refused() -> None:
    with pytest.raises(TypeError, match="repeated key: measures_table, measures_table"):
        TypeAdapter(Annotated[MeasuresBlock | MeasuresTableBlock, BY_KEY])
