"""The base of every model, and the mapping of pydantic's errors to located Thai problems."""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, Self

import pydantic
from pydantic import BaseModel, ConfigDict
from pydantic_core import ErrorDetails

from ..errors import DataValidationError, Location, Problem

__all__ = ["Model", "loc_path", "problems_from_pydantic"]

#: Thai wording for pydantic's error types; ``{...}`` takes the error's context.
THAI_MESSAGES: dict[str, str] = {
    "missing": "ต้องกรอกข้อมูลนี้",
    "extra_forbidden": "ไม่รู้จักช่องข้อมูลนี้ (สะกดผิด หรือเอกสารชนิดนี้ไม่มีช่องนี้)",
    "string_type": "ต้องเป็นข้อความ",
    "int_type": "ต้องเป็นจำนวนเต็ม",
    "int_parsing": "ต้องเป็นจำนวนเต็ม",
    "int_from_float": "ต้องเป็นจำนวนเต็ม ไม่มีทศนิยม",
    "float_type": "ต้องเป็นตัวเลข",
    "float_parsing": "ต้องเป็นตัวเลข",
    "decimal_type": "ต้องเป็นตัวเลข",
    "decimal_parsing": "ต้องเป็นตัวเลข",
    "greater_than": "ต้องมากกว่า {gt}",
    "greater_than_equal": "ต้องไม่น้อยกว่า {ge}",
    "less_than": "ต้องน้อยกว่า {lt}",
    "less_than_equal": "ต้องไม่เกิน {le}",
    "too_short": "ต้องมีอย่างน้อย {min_length} รายการ",
    "too_long": "มีได้ไม่เกิน {max_length} รายการ",
    "string_too_short": "ต้องไม่เว้นว่าง",
    "literal_error": "ต้องเป็นค่าใดค่าหนึ่งต่อไปนี้: {expected}",
    "enum": "ต้องเป็นค่าใดค่าหนึ่งต่อไปนี้: {expected}",
    "list_type": "ต้องเป็นรายการ (list)",
    "tuple_type": "ต้องเป็นรายการ (list)",
    "dict_type": "ต้องเป็นกลุ่มข้อมูลแบบ ชื่อ: ค่า",
    "model_type": "ต้องเป็นกลุ่มข้อมูลแบบ ชื่อ: ค่า",
    "model_attributes_type": "ต้องเป็นกลุ่มข้อมูลแบบ ชื่อ: ค่า",
    "date_type": "ต้องเป็นวันที่ เช่น 2023-01-30 หรือ ๓๐ มกราคม ๒๕๖๖",
    "date_parsing": "ต้องเป็นวันที่ เช่น 2023-01-30 หรือ ๓๐ มกราคม ๒๕๖๖",
    "date_from_datetime_parsing": "ต้องเป็นวันที่ เช่น 2023-01-30 หรือ ๓๐ มกราคม ๒๕๖๖",
    "bool_type": "ต้องเป็น true หรือ false",
    "bool_parsing": "ต้องเป็น true หรือ false",
    "union_tag_invalid": "ไม่รู้จักชนิดเอกสาร {tag!r} (ที่มี: {expected_tags})",
    "union_tag_not_found": "ต้องระบุชนิดเอกสาร (kind) เช่น kind: measures_plan",
    "block_kind": "ต้องเป็นบล็อกที่มีช่องใดช่องหนึ่ง: {expected}",
    "value_error": "{error}",
    "assertion_error": "{error}",
}


def loc_path(loc: Iterable[int | str]) -> str:
    """A field path from keys and list indexes, as every problem writes it.

    >>> loc_path(("measures", 3, "period"))
    'measures[3].period'
    """
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


#: Most problems listed for one file; a file of a million wrong values is told the first ones.
MAX_PROBLEMS = 100


#: Above this many errors pydantic's list of them is not built: turning a million errors into
#: Python dicts took 19 s and 0.9 GB; the first ones are found on the data with its lists cut.
MAX_ERRORS_LISTED = 5_000
#: How many items of each list the cut data keeps; shorter cuts are tried while a cut
#: still holds too many errors to list (lists inside lists multiply what a cut keeps).
CUT_LISTS_AT = 200
_SHORTER_CUTS = (20, 2)


def problems_from_pydantic(exc: pydantic.ValidationError, first: Sequence[ErrorDetails] | None = None,
                           beyond: int | None = None) -> list[Problem]:
    """Turn each pydantic error into a :class:`Problem` with a field path and a Thai message.

    At most :data:`MAX_PROBLEMS` are listed, then a line with how many more there are.
    *first* are the errors to list when *exc* holds too many to list them all, and
    *beyond* the cut past which every error lies when none could be found
    (:meth:`Model.from_data` finds both)."""
    problems = []
    count = exc.error_count()
    errors = exc.errors(include_url=False) if first is None else first
    for error in errors[:MAX_PROBLEMS]:
        template = THAI_MESSAGES.get(error["type"])
        context = error.get("ctx", {})
        try:
            message = template.format(**context) if template else None
        except (KeyError, IndexError):
            message = None
        if message is None:
            message = f"ข้อมูลไม่ถูกต้อง: {error['msg']}"
        if "input" in error and error["type"] in ("extra_forbidden",) and isinstance(error["input"], str):
            message += f" (ค่า: {error['input'][:60]!r})"
        loc = tuple(p for p in error["loc"] if not (isinstance(p, str) and p.startswith(("function-", "block:"))))
        problems.append(Problem(Location(path=loc_path(loc) or None), message))
    shown = min(len(errors), MAX_PROBLEMS)
    if not errors:
        # -- none could be listed (see Model.from_data): say where they are only when it is known --
        where = f" ทั้งหมดอยู่หลังรายการที่ {beyond} ของรายการที่ยาว" if beyond else " ในรายการซ้อนกันที่ยาว"
        problems.append(Problem(Location(), f"ข้อมูลไม่ถูกต้อง {count:,} จุด{where} "
                                            "แบ่งรายการเป็นหลายไฟล์เพื่อให้บอกตำแหน่งได้"))
    elif count > shown:
        problems.append(Problem(Location(), f"และอีก {count - shown:,} ปัญหาที่ไม่ได้แสดง "
                                            "(แก้ปัญหาข้างต้นก่อน)"))
    return problems


def _first_errors(model: type[BaseModel], data: Any) -> tuple[list[ErrorDetails], int | None]:
    """The first errors of *data*, too wrong to list whole, found on it with its lists cut:
    each error of the cut data is at an item the cut kept, and holds there in the whole data
    too. With none found, the cut past which they all lie (None if no cut was short enough)."""
    for keep in (CUT_LISTS_AT, *_SHORTER_CUTS):
        try:
            model.model_validate(_cut_lists(data, keep))
        except pydantic.ValidationError as cut:
            if cut.error_count() <= MAX_ERRORS_LISTED:
                return cut.errors(include_url=False)[:MAX_PROBLEMS], None
            continue
        return [], keep
    return [], None


def _cut_lists(data: Any, keep: int) -> Any:
    """*data* with every list, at any depth, cut to its first *keep* items."""
    if isinstance(data, list):
        return [_cut_lists(item, keep) for item in data[:keep]]
    if isinstance(data, dict):
        return {key: _cut_lists(value, keep) for key, value in data.items()}
    return data


class Model(BaseModel):
    """Base of the data model: unknown fields are errors, so nothing typed is ignored."""

    # -- built at import, not on first use (defer_build): a deferred build is not thread-safe
    #    (pydantic#11849, #13419) and the web service validates in a thread pool --
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=False)

    @classmethod
    def from_data(cls, data: Any) -> Self:
        """Validate *data*; on failure raise :class:`DataValidationError` listing its problems
        (the first :data:`MAX_PROBLEMS`, and how many more)."""
        try:
            return cls.model_validate(data)
        except pydantic.ValidationError as exc:
            first, beyond = (None, None) if exc.error_count() <= MAX_ERRORS_LISTED else _first_errors(cls, data)
            raise DataValidationError(problems_from_pydantic(exc, first, beyond)) from None
