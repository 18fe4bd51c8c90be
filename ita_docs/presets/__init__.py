"""Defaults of each document kind (headings, fixed paragraphs, table layouts), as YAML data."""
from __future__ import annotations

import copy
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

__all__ = ["load_preset"]


def load_preset(kind: str) -> dict[str, Any]:
    """Return the defaults of document *kind* from ``presets/<kind>.yaml``: the caller's own
    copy, so that changing it changes no other document's (the file is read once).

    >>> load_preset("measures_plan")["headings"]["reporting"]
    '๕. ขั้นตอนการรายงานผล'
    """
    return copy.deepcopy(_read(kind))


@lru_cache(maxsize=16)  # -- one entry a kind --
def _read(kind: str) -> dict[str, Any]:
    text = resources.files(__package__).joinpath(f"{kind}.yaml").read_text(encoding="utf-8")
    preset = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # -- libyaml where it is there --
    if not isinstance(preset, dict):  # -- package data, so a mistake of ours, not the clerk's --
        raise TypeError(f"presets/{kind}.yaml is not a mapping")
    return preset
