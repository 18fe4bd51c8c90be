"""The importer's vocabulary (``vocabulary.yaml``): column headings per field, table and document kinds.

>>> VOCABULARY.column("มาตรการ / แนวทาง")
('measure', 'มาตรการ/แนวทาง')
>>> VOCABULARY.column("ระยะเวลา\\nดำเนินการ")
('period', 'ระยะเวลาดำเนินการ')
>>> VOCABULARY.column("URL") is None
True
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from importlib.resources import files
from typing import Any

import yaml

from ..thai import to_arabic_digits

__all__ = ["TableKind", "VOCABULARY", "Vocabulary", "heading_key"]


def heading_key(text: str) -> str:
    """A heading as compared: no white space, no trailing colon or full stop.

    >>> heading_key(" ผู้รับ ผิดชอบ :")
    'ผู้รับผิดชอบ'
    """
    return "".join(text.split()).rstrip(":.").lower()


@dataclass(frozen=True)
class TableKind:
    """A kind of table: the fields that make it, and those it may have."""

    name: str
    needs: tuple[str, ...]
    any_of: tuple[str, ...]
    fields: tuple[str, ...]


class Vocabulary:
    """The vocabulary read from *data* (the YAML file's mapping)."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.data = data

    @cached_property
    def _columns(self) -> list[tuple[str, str, str]]:
        """(key of the variant, field, variant), longest variant first."""
        out = [(heading_key(v), field, v) for field, variants in self.data["columns"].items() for v in variants]
        return sorted(out, key=lambda item: -len(item[0]))

    def column(self, heading: str) -> tuple[str, str] | None:
        """The field a column heading names and the variant it matched, or None."""
        key = heading_key(heading)
        if not key:
            return None
        for variant_key, field, variant in self._columns:
            if key == variant_key:
                return field, variant
        for variant_key, field, variant in self._columns:
            if len(variant_key) >= 3 and key.startswith(variant_key):
                return field, variant
        return None

    def oit_column(self, heading: str) -> str | None:
        """The field (code, title, responsible) an OIT table's column heading names, or None."""
        key = heading_key(heading)
        for field, variants in self.data["oit_columns"].items():
            if any(key == heading_key(v) for v in variants):
                return str(field)
        return None

    @cached_property
    def tables(self) -> tuple[TableKind, ...]:
        return tuple(TableKind(name, tuple(spec["needs"]), tuple(spec["any_of"]), tuple(spec["fields"]))
                     for name, spec in self.data["tables"].items())

    def kind_of_title(self, lines: list[str]) -> tuple[str, str] | None:
        """The document kind the first of *lines* that names one names, and the word found."""
        squeezed = ["".join(line.split()) for line in lines]
        for line in squeezed:
            for kind, words in self.data["kinds"].items():
                for word in words:
                    if "".join(word.split()) in line:
                        return kind, word
        return None

    @property
    def organisation_types(self) -> tuple[str, ...]:
        return tuple(self.data["organisation_types"])

    @cached_property
    def measure_numbers(self) -> tuple[tuple[re.Pattern[str], str], ...]:
        return tuple((re.compile(spec["pattern"]), spec["format"]) for spec in self.data["measure_numbers"])

    def measure_number(self, text: str) -> tuple[int, str, str] | None:
        """A measure's number, its format and the text after it, if *text* starts with one.

        >>> VOCABULARY.measure_number("(๒) การใช้งบประมาณ")
        (2, '({n}) ', 'การใช้งบประมาณ')
        >>> VOCABULARY.measure_number("1.การใช้อำนาจ")
        (1, '{n}.', 'การใช้อำนาจ')
        """
        for pattern, fmt in self.measure_numbers:
            match = pattern.match(text)
            if match:
                return int(to_arabic_digits(match.group(1))), fmt, text[match.end():]
        return None

    @property
    def list_markers(self) -> tuple[str, ...]:
        return tuple(sorted(self.data["list_markers"], key=len, reverse=True))


def _load() -> Vocabulary:
    text = files(__package__).joinpath("vocabulary.yaml").read_text(encoding="utf-8")
    return Vocabulary(yaml.safe_load(text))


#: The bundled vocabulary.
VOCABULARY = _load()
