"""The ITA framework of each fiscal year, as data: one YAML file per year in this folder.

A new year is a new file (copy the last one, change what changed, cite the sources);
no code changes. ``provisional: true`` marks what no public source confirms.

>>> load_framework(2566).indicator(7).name
'ประสิทธิภาพการสื่อสาร'
>>> load_framework(2564).levels.bands[0].label
'AA'
"""
from __future__ import annotations

import os
import re
from decimal import Decimal
from pathlib import Path
from functools import lru_cache
from importlib import resources

import yaml
from pydantic import Field, model_validator

from ..errors import DataValidationError, InputError, Location
from ..model.base import Model

__all__ = [
    "Framework",
    "FrameworkIndicator",
    "LabelScheme",
    "LevelBand",
    "PATH_VARIABLE",
    "available_years",
    "load_framework",
]


class Tool(Model):
    code: str
    name: str
    weight: Decimal = Field(gt=0, le=100)


class Tools(Model):
    items: list[Tool] = Field(min_length=1)
    weights_provisional: bool = False
    sources: list[str] = []
    note: str | None = None


class FrameworkIndicator(Model):
    number: int = Field(ge=1)
    name: str
    tool: str
    aliases: list[str] = []


class Indicators(Model):
    items: list[FrameworkIndicator] = Field(min_length=1)
    sources: list[str] = []


class Aggregation(Model):
    tool: str
    total: str
    rounding: str
    provisional: bool = False
    sources: list[str] = []


class SubIndicator(Model):
    code: str
    name: str


class SubIndicators(Model):
    items: list[SubIndicator] = []
    provisional: bool = False
    sources: list[str] = []


class FrameworkOitItem(Model):
    """An OIT item as the year's framework lists it (``O1`` โครงสร้าง); a document's own OIT item,
    with who answers it, is :class:`ita_docs.model.OitItem`."""

    code: str
    title: str
    group: str | None = None


class OitItems(Model):
    items: list[FrameworkOitItem] = []
    provisional: bool = False
    sources: list[str] = []


class LevelBand(Model):
    """A level: reached with a total of at least ``min`` and, if given, every tool at ``each_tool_min``."""

    label: str
    min: Decimal = Field(ge=0, le=100)
    each_tool_min: Decimal | None = None


class LabelScheme(Model):
    """A set of level labels that real documents of the year print, and the rule behind them if known.

    A given label of a scheme is questioned only if the scheme is ``confirmed``: its ``bands``
    are the year's rule as published. An unconfirmed scheme's labels are accepted as written.
    """

    name: str
    labels: list[str] = Field(min_length=1)
    bands: list[LevelBand] = []
    confirmed: bool = False
    sources: list[str] = []
    note: str | None = None

    @model_validator(mode="after")
    def _bands_are_labels(self) -> LabelScheme:
        unknown = [b.label for b in self.bands if b.label not in self.labels]
        if unknown:
            raise ValueError(f"ระดับ {', '.join(unknown)} ไม่อยู่ใน labels ของ {self.name}")
        if self.confirmed and not self.bands:
            raise ValueError(f"{self.name}: confirmed ต้องมี bands")
        return self


class Levels(Model):
    """The level the library computes (``bands``) and the label schemes the year's documents print.

    ``schemes_complete``: the year's documents print no label outside ``schemes`` (one outside
    them is questioned). A file without ``schemes`` has one: its ``bands``, confirmed unless
    ``provisional``.
    """

    bands: list[LevelBand] = Field(min_length=1)
    provisional: bool = False
    sources: list[str] = []
    schemes: list[LabelScheme] = []
    schemes_complete: bool = False

    def published(self) -> list[LabelScheme]:
        """The label schemes of the year (the computed ``bands`` alone if the file names none)."""
        if self.schemes:
            return self.schemes
        return [LabelScheme(name="bands", labels=[b.label for b in self.bands], bands=self.bands,
                            confirmed=not self.provisional)]


class PassMark(Model):
    value: Decimal
    sources: list[str] = []


class Framework(Model):
    """What the ITA of one fiscal year consists of, with the sources of each part."""

    fiscal_year: int = Field(ge=2500, le=2700)
    provisional: bool = False
    notes: str | None = None
    tools: Tools
    indicators: Indicators
    aggregation: Aggregation
    oit_subindicators: SubIndicators = SubIndicators()
    oit_items: OitItems = OitItems()
    levels: Levels
    pass_mark: PassMark
    sources: dict[str, str] = {}

    def indicator(self, key: int | str) -> FrameworkIndicator:
        """The indicator with this number, name or alias (spaces ignored)."""
        if isinstance(key, int):
            for item in self.indicators.items:
                if item.number == key:
                    return item
        else:
            number = _names(self.fiscal_year, self.indicators.model_dump_json()).get(_squeeze(key))
            if number is not None:
                return self.indicator(number)
        raise InputError(f"ไม่รู้จักตัวชี้วัด {key!r} ในกรอบการประเมินปี {self.fiscal_year}")

    def oit_codes(self) -> frozenset[str]:
        return frozenset(item.code for item in self.oit_items.items)


def _squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


@lru_cache(maxsize=64)
def _names(fiscal_year: int, indicators_json: str) -> dict[str, int]:
    """Name and alias (spaces squeezed) → indicator number, per framework version."""
    import json

    names = {}
    for item in json.loads(indicators_json)["items"]:
        for name in (item["name"], *item.get("aliases", [])):
            names[_squeeze(name)] = item["number"]
    return names


#: Folders searched before the bundled one, separated by os.pathsep (an agency's own years).
PATH_VARIABLE = "ITA_DOCS_FRAMEWORK_PATH"


def _folders() -> tuple[Path, ...]:
    return _folders_for(os.environ.get(PATH_VARIABLE, ""))


@lru_cache(maxsize=8)
def _folders_for(setting: str) -> tuple[Path, ...]:
    extra = tuple(Path(p) for p in setting.split(os.pathsep) if p)
    return (*extra, Path(str(resources.files(__package__))))


def available_years() -> tuple[int, ...]:
    """The fiscal years that have a framework file.

    >>> 2566 in available_years()
    True
    """
    names = (p.name for folder in _folders() if folder.is_dir() for p in folder.iterdir())
    return tuple(sorted({int(n[:-5]) for n in names if re.fullmatch(r"\d{4}\.yaml", n)}))


def load_framework(fiscal_year: int) -> Framework:
    """The framework of a BE fiscal year; a year without a file is a located error.

    Files in the folders of $ITA_DOCS_FRAMEWORK_PATH come before the bundled ones.
    """
    return _load(fiscal_year, _folders())


@lru_cache(maxsize=None)
def _load(fiscal_year: int, folders: tuple[Path, ...]) -> Framework:
    path = next((f / f"{fiscal_year}.yaml" for f in folders if (f / f"{fiscal_year}.yaml").is_file()), None)
    if path is None:
        years = ", ".join(map(str, available_years()))
        raise InputError(
            f"ไม่มีข้อมูลกรอบการประเมิน ITA ของปีงบประมาณ {fiscal_year} (ที่มี: {years}) "
            f"ให้เพิ่มไฟล์ ita_docs/framework/{fiscal_year}.yaml",
            location=Location(path="fiscal_year"),
        )
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # -- libyaml: ~50 ms less at start --
    try:
        framework = Framework.from_data(data)
    except DataValidationError as exc:
        raise exc.with_file(path) from None
    if framework.fiscal_year != fiscal_year:
        raise InputError(f"ไฟล์กรอบการประเมินระบุปี {framework.fiscal_year} ไม่ตรงกับชื่อไฟล์",
                         location=Location(str(path), "fiscal_year"))
    return framework
