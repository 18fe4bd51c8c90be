"""JSON read strictly, as YAML is: numbers kept as typed, duplicate keys and deep nesting refused.

A number arrives as the text of its digits (``97.10`` stays ``"97.10"``; the model
converts it where a field asks for a number), and so do ``NaN`` and ``Infinity``
(which Python's reader accepts although JSON has no such values; a score refuses them).
Duplicate keys and nesting deeper than :data:`~ita_docs.io.bounds.MAX_DEPTH` are found
by Python's fast reader; only then is the text walked again, to tell the lines. More
than :data:`~ita_docs.io.bounds.MAX_VALUES` values are refused as in YAML.
"""
from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

from ..errors import Location, ReadError
from .bounds import MAX_DEPTH, MAX_VALUES, field_path, twice, where

#: The JSON decoder's own string scanner (C ``_json``'s where built); typeshed leaves it undeclared.
_scanstring: Callable[[str, int], tuple[str, int]] = getattr(json.decoder, "scanstring")

__all__ = ["load_json"]


#: Thai for the JSON reader's complaints; others are quoted as they come.
_PROBLEMS = {
    "Expecting value": "ไม่พบค่า (เช่น มีจุลภาคเกิน หรือข้อความไม่อยู่ในเครื่องหมายคำพูด)",
    "Expecting ',' delimiter": "ขาดเครื่องหมายจุลภาค (,) ระหว่างค่า",
    "Expecting ':' delimiter": "ขาดเครื่องหมาย : หลังชื่อช่อง",
    "Expecting property name enclosed in double quotes": "ชื่อช่องต้องอยู่ในเครื่องหมายคำพูดคู่ (\"...\") และไม่มีจุลภาคเกินท้าย",
    "Invalid control character at": "มีอักขระควบคุม (เช่น ขึ้นบรรทัดใหม่หรือแท็บ) ในข้อความ ให้เขียนเป็น \\n หรือ \\t",
    "Unterminated string starting at": "ข้อความไม่มีเครื่องหมายคำพูดปิด",
    "Extra data": "มีข้อมูลเกินหลังข้อมูลชุดแรก",
    "Invalid \\escape": "มีเครื่องหมาย \\ ที่ใช้ไม่ได้ในข้อความ (เขียน \\\\ แทน)",
}


class _Duplicate(Exception):
    """A mapping had a key twice; the walk in :func:`_locate` tells where."""


def _pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    value = dict(pairs)
    if len(value) != len(pairs):
        raise _Duplicate
    return value


def _measure(data: Any) -> tuple[int, int]:
    """How deep lists and mappings nest in *data*, and how many values (keys too) it holds;
    walked without recursion, and only until either is over its bound."""
    deepest, count = 0, 1
    todo = [(data, 1)]
    while todo and deepest <= MAX_DEPTH and count <= MAX_VALUES:
        value, depth = todo.pop()
        if isinstance(value, dict):
            count += 2 * len(value)
            value = value.values()
        elif isinstance(value, list):
            count += len(value)
        else:
            continue
        deepest = max(deepest, depth)
        todo.extend((v, depth + 1) for v in value if isinstance(v, dict | list))
    return deepest, count


_TOKEN = re.compile(r'[ \t\n\r]*(?:([{}\[\],:])|(")|([^ \t\n\r{}\[\],:"]+))')


def _line_column(text: str, index: int) -> tuple[int, int]:
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


def _locate(text: str) -> ReadError | None:
    """The first duplicate key, or the first list or mapping nested too deep, in JSON *text*."""
    # -- each frame: [keys seen → index, the key or list index now being read, expecting a key] --
    stack: list[list[Any]] = []
    index = 0
    while True:
        match = _TOKEN.match(text, index)
        if match is None or match.end() == index:
            return None
        start = match.start(match.lastindex or 0)
        index = match.end()
        punctuation, quote = match.group(1), match.group(2)
        top = stack[-1] if stack else None
        if punctuation in ("{", "["):
            if len(stack) >= MAX_DEPTH:
                line, column = _line_column(text, start)
                return ReadError(f"ข้อมูลซ้อนกันลึกเกิน {MAX_DEPTH} ชั้น (ไฟล์อาจถูกสร้างมาเพื่อให้โปรแกรมค้าง)",
                                 location=Location(path=where(line, column, _path(stack))))
            stack.append([{}, None, True] if punctuation == "{" else [None, 0, False])
        elif punctuation in ("}", "]"):
            stack.pop()
        elif punctuation == ",":
            if top is not None and top[0] is None:
                top[1] += 1
            elif top is not None:
                top[2] = True
        elif punctuation == ":" and top is not None:
            top[2] = False
        elif quote:
            try:
                key, index = _scanstring(text, index)
            except ValueError:
                return None
            if top is not None and top[0] is not None and top[2]:
                if key in top[0]:
                    line, column = _line_column(text, start)
                    top[1] = key
                    return ReadError(f"ช่อง {key} ซ้ำกัน ที่{twice(_line_column(text, top[0][key]), (line, column))} "
                                     "(ค่าหนึ่งจะหายไป) ให้เหลือไว้ช่องเดียว",
                                     location=Location(path=where(line, column, _path(stack))))
                top[0][key] = start
                top[1] = key


def _path(stack: list[list[Any]]) -> str:
    return field_path(frame[1] for frame in stack if frame[1] is not None)


def load_json(text: str) -> Any:
    """The plain data of a JSON document; numbers are kept as the text typed.

    >>> load_json('{"phone": 021234567}')
    Traceback (most recent call last):
    ...
    ita_docs.errors.ReadError: รูปแบบ JSON ผิด: ขาดเครื่องหมายจุลภาค (,) ระหว่างค่า (Expecting ',' delimiter) (บรรทัด 1 คอลัมน์ 12)
    >>> load_json('{"score": 97.10, "year": 2566, "flag": true, "note": null}')
    {'score': '97.10', 'year': '2566', 'flag': True, 'note': None}
    """
    try:
        data = json.loads(text, object_pairs_hook=_pairs, parse_int=str, parse_float=str, parse_constant=str)
    except json.JSONDecodeError as exc:
        thai = _PROBLEMS.get(exc.msg)
        raise ReadError(f"รูปแบบ JSON ผิด: {thai} ({exc.msg})" if thai else f"รูปแบบ JSON ผิด: {exc.msg}",
                        location=Location(path=f"บรรทัด {exc.lineno} คอลัมน์ {exc.colno}")) from None
    except (_Duplicate, RecursionError):
        data = None
    else:
        depth, count = _measure(data)
        if depth <= MAX_DEPTH and count <= MAX_VALUES:
            return data
        if depth <= MAX_DEPTH:
            raise ReadError(f"ไฟล์มีข้อมูลเกิน {MAX_VALUES:,} ค่า ให้แบ่งเป็นหลายไฟล์")
    error = _locate(text)
    if error is None:  # pragma: no cover - the walk finds what the reader found
        error = ReadError(f"ข้อมูลซ้อนกันลึกเกิน {MAX_DEPTH} ชั้น หรือมีช่องซ้ำกัน")
    raise error
