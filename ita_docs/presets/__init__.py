"""Defaults of each document kind (headings, fixed paragraphs, table layouts), as YAML data.

Each file is read once into a frozen record of its kind (:class:`MeasuresPlanPreset` …),
whose mappings are read-only and whose lists are tuples: every caller shares it, and none
can change it for the others.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields
from functools import lru_cache
from importlib import resources
from types import MappingProxyType
from typing import Any, Literal, overload

import yaml

__all__ = [
    "AnalysisReportPreset",
    "AnnualReportPreset",
    "Blocks",
    "Columns",
    "CommitteeOrderPreset",
    "DocumentPreset",
    "MeasureTablesPreset",
    "MeasuresPlanPreset",
    "OitAssignmentsPreset",
    "PartsPreset",
    "Preset",
    "ProgressReportPreset",
    "document_preset",
    "load_preset",
    "plain",
]

#: A table's columns: each ``{key: …, heading: …}`` (a heading may hold ``${name}``).
Columns = tuple[Mapping[str, str], ...]
#: Blocks as the YAML gives them (``{part: cover}`` …), validated by the model that reads them.
Blocks = tuple[Mapping[str, Any], ...]


@dataclass(frozen=True, kw_only=True)
class Preset:
    """The defaults of one file of ``presets/``."""


@dataclass(frozen=True, kw_only=True)
class DocumentPreset(Preset):
    """The defaults every document kind has: the page number's text and the sections' order."""

    page_prefix: str
    page_suffix: str
    sections: Blocks = ()


@dataclass(frozen=True, kw_only=True)
class MeasureTablesPreset(DocumentPreset):
    """A kind with measures tables: their named layouts, the default one and the old names."""

    list_marker: str
    measures_table_presets: Mapping[str, Columns]
    measures_table_default: str
    measures_table_aliases: Mapping[str, str]


@dataclass(frozen=True, kw_only=True)
class MeasuresPlanPreset(MeasureTablesPreset):
    title: str
    subtitle: str
    headings: Mapping[str, str]
    texts: Mapping[str, str]
    reporting: tuple[str, ...]
    assessment: Blocks
    ranking_table: Mapping[str, Columns]
    analysis_table: Mapping[str, Columns]
    measure_number_format: str


@dataclass(frozen=True, kw_only=True)
class ProgressReportPreset(MeasureTablesPreset):
    title: tuple[str, ...]
    intro: tuple[str, ...]
    indicator_issue_columns: Columns


@dataclass(frozen=True, kw_only=True)
class AnalysisReportPreset(DocumentPreset):
    question_prefix: str
    indicator_columns: Columns
    topic_columns: Columns
    action_columns: Columns


@dataclass(frozen=True, kw_only=True)
class AnnualReportPreset(DocumentPreset):
    change_words: Mapping[str, str]
    average_label: str
    level_label: str
    year_comparison_columns: Columns
    strengths: Mapping[str, str]


@dataclass(frozen=True, kw_only=True)
class CommitteeOrderPreset(DocumentPreset):
    issuer: str
    number_prefix: str
    subject_prefix: str
    member_numbering: str
    member_position_prefix: str
    member_layout: str
    member_columns: Columns
    duties_intro: str
    duty_numbering: str
    duty_sub_numbering: str
    closing: str
    signed_prefix: str
    signed_date_style: str


@dataclass(frozen=True, kw_only=True)
class OitAssignmentsPreset(DocumentPreset):
    title: tuple[str, ...]
    columns: Columns


@dataclass(frozen=True, kw_only=True)
class PartsPreset(Preset):
    """The typed parts every kind may carry among its blocks (score table, score history)."""

    score_table_columns: Columns
    score_history_columns: Columns
    change_words: Mapping[str, str]


#: The record each file is read into.
_RECORDS: dict[str, type[Preset]] = {
    "analysis_report": AnalysisReportPreset,
    "annual_report": AnnualReportPreset,
    "combined": DocumentPreset,
    "committee_order": CommitteeOrderPreset,
    "measures_plan": MeasuresPlanPreset,
    "oit_assignments": OitAssignmentsPreset,
    "parts": PartsPreset,
    "progress_report": ProgressReportPreset,
}


@overload
def load_preset(kind: Literal["analysis_report"]) -> AnalysisReportPreset: ...
@overload
def load_preset(kind: Literal["annual_report"]) -> AnnualReportPreset: ...
@overload
def load_preset(kind: Literal["combined"]) -> DocumentPreset: ...
@overload
def load_preset(kind: Literal["committee_order"]) -> CommitteeOrderPreset: ...
@overload
def load_preset(kind: Literal["measures_plan"]) -> MeasuresPlanPreset: ...
@overload
def load_preset(kind: Literal["oit_assignments"]) -> OitAssignmentsPreset: ...
@overload
def load_preset(kind: Literal["parts"]) -> PartsPreset: ...
@overload
def load_preset(kind: Literal["progress_report"]) -> ProgressReportPreset: ...
@overload
def load_preset(kind: str) -> Preset: ...
def load_preset(kind: str) -> Preset:
    """Return the defaults of *kind* from ``presets/<kind>.yaml`` (read once, shared, frozen).

    >>> load_preset("measures_plan").headings["reporting"]
    '๕. ขั้นตอนการรายงานผล'
    >>> load_preset("measures_plan").headings["reporting"] = "x"
    Traceback (most recent call last):
    ...
    TypeError: 'mappingproxy' object does not support item assignment
    """
    return _read(kind)


def document_preset(kind: str) -> DocumentPreset:
    """The defaults of the document kind *kind*, whichever it is (its page numbers, its sections).

    >>> document_preset("annual_report").page_prefix
    '-'
    """
    preset = _read(kind)
    if not isinstance(preset, DocumentPreset):
        raise TypeError(f"presets/{kind}.yaml is not a document kind's")
    return preset


@lru_cache(maxsize=None)  # -- one entry a file of presets/ --
def _read(kind: str) -> Preset:
    record = _RECORDS[kind]
    text = resources.files(__package__).joinpath(f"{kind}.yaml").read_text(encoding="utf-8")
    preset = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # -- libyaml where it is there --
    # -- package data, so a mistake here is ours, not the clerk's: TypeError --
    if not isinstance(preset, dict):
        raise TypeError(f"presets/{kind}.yaml is not a mapping")
    unknown = set(preset) - {f.name for f in fields(record)}
    if unknown:
        raise TypeError(f"presets/{kind}.yaml has keys {record.__name__} does not: {sorted(unknown)}")
    return record(**{key: _frozen(value) for key, value in preset.items()})


def _frozen(value: Any) -> Any:
    """*value* with each mapping read-only and each list a tuple, all the way down.

    >>> _frozen({"a": [1, {"b": 2}]})
    mappingproxy({'a': (1, mappingproxy({'b': 2}))})
    """
    if isinstance(value, dict):
        return MappingProxyType({key: _frozen(item) for key, item in value.items()})
    if isinstance(value, list):
        return tuple(_frozen(item) for item in value)
    return value


def plain(value: Any) -> Any:
    """A copy of preset data as plain dicts and lists, for validators that take only those.

    >>> plain(load_preset("oit_assignments").columns)[0]
    {'key': 'code', 'heading': 'ข้อ'}
    """
    if isinstance(value, Mapping):
        return {key: plain(item) for key, item in value.items()}
    if isinstance(value, tuple):
        return [plain(item) for item in value]
    return value
