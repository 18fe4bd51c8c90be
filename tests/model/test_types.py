"""Field types: a period's date keys are named once (PERIOD_DATE_KEYS), for the model and the readers."""
from __future__ import annotations

from datetime import date

import pytest
from pydantic import TypeAdapter

from ita_docs.io.shape import date_field
from ita_docs.model import MeasuresPlan
from ita_docs.model.types import PERIOD_DATE_KEYS, PeriodField, period_to_data
from ita_docs.thai import DateRange, MonthRange

PERIOD = TypeAdapter(PeriodField)


@pytest.mark.parametrize(("held", "values", "expected"), [
    ("date", ("2022-10-01", "2023-03-31"), DateRange(date(2022, 10, 1), date(2023, 3, 31))),
    ("month", ("2022-10", "2023-03"), MonthRange(date(2022, 10, 1), date(2023, 3, 1))),
])
def test_a_range_is_read_and_written_under_its_keys(held, values, expected) -> None:
    data = dict(zip(PERIOD_DATE_KEYS[held], values, strict=True))
    period = PERIOD.validate_python(data)
    assert period == expected
    assert period_to_data(period) == data


@pytest.mark.parametrize(("held", "key"), [(held, key) for held, keys in PERIOD_DATE_KEYS.items() for key in keys])
def test_the_workbook_reader_types_each_date_key_of_a_period(held, key) -> None:
    assert date_field(MeasuresPlan, f"measures[0].period.{key}") == held


def test_a_key_no_range_has_is_no_date() -> None:
    assert date_field(MeasuresPlan, "measures[0].period.fiscal_year") is None
