"""Defaults of each document kind (headings, fixed paragraphs, table layouts), as YAML data."""
from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

__all__ = ["load_preset"]


@lru_cache(maxsize=None)
def load_preset(kind: str) -> dict[str, Any]:
    """Return the defaults of document *kind* from ``presets/<kind>.yaml``.

    >>> load_preset("measures_plan")["headings"]["reporting"]
    '๕. ขั้นตอนการรายงานผล'
    """
    text = resources.files(__package__).joinpath(f"{kind}.yaml").read_text(encoding="utf-8")
    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # -- libyaml where it is there --
