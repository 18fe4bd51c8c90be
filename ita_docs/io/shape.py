"""How each field of a document model lays out in a workbook.

A field is one of:

* ``cell``    — one value in one cell (text, number, date, period, a list of lines);
* ``object``  — a nested model whose fields continue the parent's row (``signer.name``);
* ``table``   — a list of models: a sheet of its own, a row per item;
* ``json``    — anything else (a nested list of lists …), kept as JSON text in one cell.
"""
from __future__ import annotations

import types
import typing
from collections.abc import Mapping
from datetime import date
from functools import lru_cache
from types import MappingProxyType
from typing import Any, Literal, Union

from pydantic import BaseModel

from ..model.types import PERIOD_DATE_KEYS, DateField

__all__ = ["DateField", "Shape", "date_field", "field_shape", "fields"]

Shape = Literal["cell", "object", "table", "json"]

_SCALARS = (str, int, float, bool, type(None))


def _strip(annotation: Any) -> Any:
    """Drop Annotated metadata and Optional."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
            continue
        if origin in (Union, types.UnionType):
            args = [a for a in typing.get_args(annotation) if a is not type(None)]
            if len(args) == 1:
                annotation = args[0]
                continue
        return annotation


def _is_model(annotation: Any) -> bool:
    return isinstance(annotation, type) and issubclass(annotation, BaseModel)


def _is_scalar(annotation: Any) -> bool:
    annotation = _strip(annotation)
    if annotation is Any or typing.get_origin(annotation) is Literal:
        return True  # -- Any: the period field, written as its text --
    if isinstance(annotation, type):
        return issubclass(annotation, _SCALARS) or annotation.__module__ in ("decimal", "datetime")
    return False


def _union_of_models(annotation: Any) -> bool:
    annotation = _strip(annotation)
    if typing.get_origin(annotation) in (Union, types.UnionType):
        return all(_is_model(_strip(a)) for a in typing.get_args(annotation))
    return False


def field_shape(annotation: Any) -> tuple[Shape, type[BaseModel] | None]:
    """The shape of a field's annotation, and the item model of a table or object."""
    annotation = _strip(annotation)
    if _is_scalar(annotation):
        return "cell", None
    if _is_model(annotation):
        return "object", annotation
    origin = typing.get_origin(annotation)
    if origin in (list, tuple):
        args = [a for a in typing.get_args(annotation) if a is not Ellipsis]
        if args and all(_is_scalar(a) for a in args):
            return "cell", None  # -- lines, one a line of the cell --
        if len(args) == 1 and (_is_model(_strip(args[0])) or _union_of_models(args[0])):
            item = _strip(args[0])
            return "table", item if _is_model(item) else None
    if origin is dict and all(_is_scalar(a) or field_shape(a)[0] == "cell" for a in typing.get_args(annotation)):
        return "object", None  # -- extra: {budget: …} becomes extra.budget --
    return "json", None


@lru_cache(maxsize=None)  # -- one entry per model class: a bounded set --
def fields(model: type[BaseModel]) -> Mapping[str, tuple[Shape, type[BaseModel] | None]]:
    """Each field of *model* with its shape (read-only: worked out once per model, since
    every sheet of every workbook asks, ~2 ms a workbook)."""
    return MappingProxyType({name: field_shape(info.annotation) for name, info in model.model_fields.items()})


#: Each date key of a period written as a mapping, and what it holds (a period field is typed Any).
_PERIOD_DATES: dict[str, DateField] = {key: held for held, keys in PERIOD_DATE_KEYS.items() for key in keys}


def _item_models(annotation: Any) -> list[type[BaseModel]]:
    """The models a field's value may be: itself, its list's item, a union's members."""
    annotation = _strip(annotation)
    if typing.get_origin(annotation) in (list, tuple):
        annotation = _strip(typing.get_args(annotation)[0])
    if _is_model(annotation):
        return [annotation]
    if typing.get_origin(annotation) in (Union, types.UnionType):
        return [a for a in map(_strip, typing.get_args(annotation)) if _is_model(a)]
    return []


def date_field(model: type[BaseModel], path: str) -> DateField | None:
    """Whether the field at *path* (``meeting.date``, ``measures[2].period.start``) holds a
    date ("date"), a month ("month") or neither (None).

    >>> from ita_docs.model import MeasuresPlan
    >>> date_field(MeasuresPlan, "meeting.date"), date_field(MeasuresPlan, "organisation.name")
    ('date', None)
    >>> date_field(MeasuresPlan, "measures[0].period.start_month"), date_field(MeasuresPlan, "measures[0].period")
    ('month', None)
    """
    steps = [step.split("[", 1)[0] for step in path.split(".")]
    models = [model]
    for index, step in enumerate(steps):
        found = [m.model_fields[step].annotation for m in models if step in m.model_fields]
        if not found:
            return None
        annotation = _strip(found[0])
        if index == len(steps) - 1:
            return "date" if annotation is date else None
        if annotation is Any and index == len(steps) - 2:  # -- a period field, as a mapping --
            return _PERIOD_DATES.get(steps[-1])
        models = [m for a in found for m in _item_models(a)]
    return None
