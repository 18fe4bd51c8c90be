"""The document kinds with their Thai names, and the JSON Schema of each kind's data.

Needs no web framework: ``ita-docs schema KIND`` uses it too.

>>> kinds()[0]["kind"], kinds()[0]["name"][:7]
('measures_plan', 'มาตรการ')
>>> kind_schema("measures_plan")["properties"]["kind"]["const"]
'measures_plan'
"""
from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

from ..errors import InputError, Location
from ..model import KINDS

__all__ = ["JSON_SCHEMA_DIALECT", "kind_schema", "kinds"]

JSON_SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"


@lru_cache(maxsize=1)
def _thai_names() -> dict[str, str]:
    names = yaml.safe_load(resources.files(__package__).joinpath("kinds.yaml").read_text(encoding="utf-8"))
    if not isinstance(names, dict):  # -- package data, so a mistake of ours --
        raise TypeError("web/kinds.yaml is not a mapping")
    return names


def kinds() -> list[dict[str, str]]:
    """Every document kind: its ``kind`` value, Thai name and one-line English summary."""
    names = _thai_names()
    return [{"kind": kind, "name": names.get(kind, kind),
             "summary": (model.__doc__ or "").strip().splitlines()[0] if model.__doc__ else ""}
            for kind, model in KINDS.items()]


@lru_cache(maxsize=None)
def _schema(kind: str) -> dict[str, Any]:
    schema = KINDS[kind].model_json_schema()
    return {"$schema": JSON_SCHEMA_DIALECT, **schema}


def kind_schema(kind: str) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a *kind*'s data, from its pydantic model."""
    if kind not in KINDS:
        raise InputError(f"ไม่รู้จักชนิดเอกสาร {kind!r} (ที่มี: {', '.join(KINDS)})", location=Location(path="kind"))
    import copy

    return copy.deepcopy(_schema(kind))
