"""Format strings that come from outside the code: bounded, and with no way into Python.

A list's ``numbering: '{n}.'``, a sub-list's ``'{parent}.{n}'`` and a table's
``number_format`` are typed by a clerk; a custom template's ``'{:>5}'.format(x)`` and
``'%5d' % x`` by whoever made it. Python's own formatting would follow
``'{n.__class__.__mro__}'`` into the interpreter's internals and build a gigabyte for
``'{n:>999999999}'``. Here a pattern may only name the fields it is given, with no
attribute or index access, no conversion, no nested field, and widths and precisions
up to :data:`MAX_WIDTH`; anything else is an :class:`~ita_docs.errors.InputError`
saying what is wrong, before any text is built.
"""
from __future__ import annotations

import re
import string
from collections.abc import Iterator
from functools import lru_cache
from datetime import date
from decimal import Decimal
from types import UnionType
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from ..errors import DataValidationError, InputError, Location, Problem

__all__ = [
    "FORMAT_FIELDS",
    "MAX_WIDTH",
    "check_document_formats",
    "check_format",
    "check_percent_format",
    "format_number",
]

#: The widest field and the longest precision a pattern may ask for.
MAX_WIDTH = 100
#: The fields of the model that hold a number pattern, and the names each may use.
FORMAT_FIELDS = {
    "numbering": ("n",),
    "sub_numbering": ("parent", "n"),
    "number_format": ("n",),
    "level_format": ("name", "level"),
}
#: Patterns that mean "no number" rather than a pattern.
NO_NUMBER = frozenset({"none"})

# -- [[fill]align][sign][z][#][0][width][grouping][.precision][type], as in the format mini-language --
_SPEC = re.compile(r"(?:.?[<>=^])?[-+ ]?z?#?0?(?P<width>\d*)[,_]?(?:\.(?P<precision>\d+))?[bcdeEfFgGnosxX%]?",
                   re.DOTALL)
# -- %[(name)][flags][width][.precision][length]type --
_PERCENT = re.compile(r"%(?:\([^)]*\))?[-#0 +]*(?P<width>\*|\d*)(?:\.(?P<precision>\*|\d*))?[hlL]?(?P<type>.?)",
                      re.DOTALL)


def _fail(pattern: str, why: str) -> InputError:
    return InputError(f"รูปแบบ {pattern!r} ใช้ไม่ได้: {why}")


def _check_spec(pattern: str, spec: str) -> None:
    if "{" in spec or "}" in spec:
        raise _fail(pattern, "ห้ามซ้อนช่องข้อมูลในรูปแบบ")
    match = _SPEC.fullmatch(spec)
    if match is None:
        raise _fail(pattern, f"ไม่รู้จักรูปแบบ ':{spec}'")
    for name in ("width", "precision"):
        if int(match.group(name) or 0) > MAX_WIDTH:
            raise _fail(pattern, f"ความกว้างหรือทศนิยมเกิน {MAX_WIDTH} ตัวอักษร")


@lru_cache(maxsize=1024)
def check_format(pattern: str, fields: tuple[str, ...] | None = None) -> None:
    """Raise :class:`InputError` unless *pattern* is a safe ``str.format`` pattern.

    Only the names in *fields* may be used (with ``None``, any plain name or position);
    no attribute or index access (``{n.x}``, ``{n[0]}``), no conversion (``{n!r}``),
    widths and precisions up to :data:`MAX_WIDTH`.

    >>> check_format("{parent}.{n}", ("parent", "n"))
    >>> check_format("{n:>3}.", ("n",))
    >>> check_format("{n.__class__.__mro__}", ("n",))
    Traceback (most recent call last):
    ...
    ita_docs.errors.InputError: รูปแบบ '{n.__class__.__mro__}' ใช้ไม่ได้: ใช้ได้เฉพาะ {n} ไม่ให้อ้างถึงส่วนย่อยของค่า
    >>> check_format("{n:>999999999}", ("n",))
    Traceback (most recent call last):
    ...
    ita_docs.errors.InputError: รูปแบบ '{n:>999999999}' ใช้ไม่ได้: ความกว้างหรือทศนิยมเกิน 100 ตัวอักษร
    """
    allowed = "ใช้ได้เฉพาะ " + " ".join("{" + f + "}" for f in fields) if fields else "ใช้ได้เฉพาะช่องข้อมูลธรรมดา"
    try:
        parsed = list(string.Formatter().parse(pattern))
    except ValueError:
        raise _fail(pattern, "วงเล็บปีกกา { } ไม่ครบคู่ (ถ้าต้องการพิมพ์ { ให้พิมพ์ {{ )") from None
    for _, name, spec, conversion in parsed:
        if name is None:
            continue
        if conversion is not None:
            raise _fail(pattern, f"ไม่ให้ใช้ !{conversion}")
        if re.search(r"[.\[\]]", name):
            raise _fail(pattern, f"{allowed} ไม่ให้อ้างถึงส่วนย่อยของค่า")
        if fields is not None and name not in fields:
            raise _fail(pattern, f"{allowed} ไม่มี {{{name}}}")
        _check_spec(pattern, spec or "")


def check_percent_format(pattern: str) -> None:
    """Raise :class:`InputError` unless the ``%``-pattern's widths and precisions are bounded.

    >>> check_percent_format("%5.2f%%")
    >>> check_percent_format("%999999999d")
    Traceback (most recent call last):
    ...
    ita_docs.errors.InputError: รูปแบบ '%999999999d' ใช้ไม่ได้: ความกว้างหรือทศนิยมเกิน 100 ตัวอักษร
    """
    for match in _PERCENT.finditer(pattern):
        for name in ("width", "precision"):
            value = match.group(name) or ""
            if value == "*":
                raise _fail(pattern, "ไม่ให้กำหนดความกว้างด้วย *")
            if int(value or 0) > MAX_WIDTH:
                raise _fail(pattern, f"ความกว้างหรือทศนิยมเกิน {MAX_WIDTH} ตัวอักษร")


def format_number(pattern: str, **fields: int | str) -> str:
    """*pattern* filled with *fields*, once :func:`check_format` passes it for their names.

    >>> format_number("{parent}.{n}", parent=2, n=3)
    '2.3'
    >>> format_number("ข้อ {n})", n=4)
    'ข้อ 4)'
    >>> format_number("{n[0]}", n=1)
    Traceback (most recent call last):
    ...
    ita_docs.errors.InputError: รูปแบบ '{n[0]}' ใช้ไม่ได้: ใช้ได้เฉพาะ {n} ไม่ให้อ้างถึงส่วนย่อยของค่า
    """
    check_format(pattern, tuple(fields))
    return pattern.format(**fields)


def _patterns(value: Any, path: str = "") -> Iterator[tuple[str, str, tuple[str, ...]]]:
    """Every number pattern in a model, with its field path and the names it may use."""
    from pydantic import BaseModel

    # -- only models and lists are walked into (a document has hundreds of plain values),
    #    and in a model only the fields whose type may hold a pattern, a model or a list --
    if isinstance(value, BaseModel):
        for name in _fields_to_walk(type(value)):
            item = getattr(value, name)
            if name in FORMAT_FIELDS and isinstance(item, str):
                yield f"{path}.{name}" if path else name, item, FORMAT_FIELDS[name]
            elif isinstance(item, BaseModel | list | tuple):
                yield from _patterns(item, f"{path}.{name}" if path else name)
    elif isinstance(value, list | tuple):
        for index, item in enumerate(value):
            if isinstance(item, BaseModel | list | tuple):
                yield from _patterns(item, f"{path}[{index}]")


#: Field types that hold neither a model nor a list.
_SCALARS = (str, int, float, Decimal, bool, date, type(None))


@lru_cache(maxsize=None)
def _fields_to_walk(model: type[Any]) -> tuple[str, ...]:
    """The fields of *model* that :func:`_patterns` looks into: a pattern's, and those of
    a type that may hold a model or a list (any type it does not know to be plain).

    >>> from ita_docs.model.blocks import ListBlock
    >>> _fields_to_walk(ListBlock)
    ('list', 'numbering', 'sub_numbering')
    """
    return tuple(name for name, field in model.model_fields.items()
                 if name in FORMAT_FIELDS or not _plain_type(field.annotation))


def _plain_type(annotation: Any) -> bool:
    """Whether a field of type *annotation* only ever holds a plain value.

    >>> _plain_type(str | None), _plain_type(Literal["a", "b"]), _plain_type(list[str]), _plain_type(Any)
    (True, True, False, False)
    """
    origin = get_origin(annotation)
    if origin is Literal:
        return True
    if origin is Union or origin is UnionType:
        return all(_plain_type(arg) for arg in get_args(annotation))
    if origin is Annotated:
        return _plain_type(get_args(annotation)[0])
    return isinstance(annotation, type) and issubclass(annotation, _SCALARS)


def check_document_formats(document: Any) -> None:
    """Raise :class:`DataValidationError` naming every unsafe number pattern in *document*.

    >>> from ita_docs.model.blocks import ListBlock
    >>> check_document_formats(ListBlock(list=["ก"], numbering="{n.real}"))
    Traceback (most recent call last):
    ...
    ita_docs.errors.DataValidationError: numbering: รูปแบบ '{n.real}' ใช้ไม่ได้: ใช้ได้เฉพาะ {n} ไม่ให้อ้างถึงส่วนย่อยของค่า
    """
    problems = []
    for where, pattern, fields in _patterns(document):
        if pattern in NO_NUMBER:
            continue
        try:
            check_format(pattern, fields)
        except InputError as exc:
            problems.append(Problem(Location(path=where), exc.message))
    if problems:
        raise DataValidationError(problems)
