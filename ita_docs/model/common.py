"""Parts shared by every document kind: the organisation, sections, table layouts."""
from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from pydantic import Field, model_validator

from ..thai import Digits
from .base import Model
from .types import Paragraphs, Text

__all__ = ["Align", "Column", "DocumentBase", "Organisation", "PeriodStyle", "Section", "TableLayout"]

#: How a column's body cells are aligned.
Align = Literal["left", "center", "right", "both"]


class Organisation(Model):
    """The agency the document is for, e.g. เทศบาลตำบลหนองม่วง, อำเภอหนองม่วง, จังหวัดลพบุรี."""

    name: Text = Field(min_length=1, description="ชื่อหน่วยงานเต็ม เช่น เทศบาลตำบลหนองม่วง")
    type: Text | None = Field(None, description="ประเภท เช่น เทศบาลตำบล, องค์การบริหารส่วนตำบล")
    district: Text | None = Field(None, description="อำเภอ (ไม่ต้องเขียนคำว่าอำเภอ)")
    province: Text | None = Field(None, description="จังหวัด (ไม่ต้องเขียนคำว่าจังหวัด)")
    website: Text | None = None

    @property
    def full_name(self) -> str:
        """Name, district and province as a title line writes them.

        >>> Organisation(name="เทศบาลตำบลหนองม่วง", district="หนองม่วง", province="ลพบุรี").full_name
        'เทศบาลตำบลหนองม่วง อำเภอหนองม่วง จังหวัดลพบุรี'
        """
        parts = [self.name]
        if self.district:
            parts.append(f"อำเภอ{self.district}")
        if self.province:
            parts.append(f"จังหวัด{self.province}")
        return " ".join(parts)


class Section(Model):
    """A heading with its paragraphs and sub-sections."""

    heading: Text
    paragraphs: Paragraphs = []
    subsections: list[Section] = []


class Column(Model):
    """One column of a data-driven table: which field, under which heading, how wide."""

    key: str = Field(min_length=1)
    heading: Text
    width_cm: float | None = Field(None, gt=0, le=30)  # None: computed from the content
    align: Align | None = Field(None, description="left, center, right or both; the kind's default if left out")


class TableLayout(Model):
    """A table's columns: a named preset, or the columns themselves."""

    preset: str | None = None
    columns: list[Column] | None = Field(None, min_length=1)

    @model_validator(mode="after")
    def _one_of(self) -> TableLayout:
        if self.preset is not None and self.columns is not None:
            raise ValueError("ใส่ได้อย่างใดอย่างหนึ่ง: preset หรือ columns")
        return self


class PeriodStyle(Model):
    """How a document writes a period: the text between its ends, and the year's form.

    ``dash: " - "`` and ``year: full`` give "1 ต.ค. 2566 - 31 ต.ค. 2566"; left out, the
    references' style ("1 ต.ค. 2566-31 ต.ค. 2566", "ต.ค.65-มี.ค. 66").
    """

    dash: str = Field("-", max_length=5)
    year: Literal["full", "short"] | None = None


class DocumentBase(Model):
    """What every document has: its digit form, its font, and its period style."""

    if TYPE_CHECKING:  # -- each kind's model declares it, as a Literal field --
        kind: str

    digits: Digits = "thai"
    period_style: PeriodStyle = PeriodStyle()
    font: Text = Field("TH SarabunPSK", min_length=1, max_length=31)
    organisation: Organisation
