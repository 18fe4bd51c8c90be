"""YAML read strictly: every value is the text typed, nothing typed is lost, the work is bounded.

* **No implicit typing.** ``021234567``, ``010``, ``9:30``, ``0x1F``, ``97.10``,
  ``2566-03-16``, ``yes`` and ``off`` all arrive as the text typed; the model converts
  a text where its field asks for a number, a date or a flag. Only null keeps its YAML
  meaning: an empty value, ``~`` or ``null`` unquoted is ``None``.
* **Duplicate keys** are an error naming both lines (YAML would keep the last value and
  drop the first without a word).
* **Bounded**: nesting deeper than :data:`~ita_docs.io.bounds.MAX_DEPTH` levels, more than
  :data:`~ita_docs.io.bounds.MAX_VALUES` values with every alias followed (a few nested
  aliases can stand for billions: "billion laughs"; the count is kept per anchor, so
  following them costs nothing), several documents in one file, and tags other than the
  standard scalar ones are located errors.

Events come from libyaml's C parser when PyYAML has it (one pass in C, marks kept for
messages), else from PyYAML's pure-Python parser; both are composed here without
recursion, into plain dicts, lists, strings and ``None``.
"""
from __future__ import annotations

from typing import Any

import yaml
from yaml.events import (
    AliasEvent,
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
)
from yaml.parser import Parser
from yaml.reader import Reader
from yaml.scanner import Scanner

from ..errors import Location, ReadError
from .bounds import MAX_DEPTH, MAX_VALUES, field_path, twice, where

try:  # -- libyaml, when PyYAML was built with it --
    from yaml._yaml import CParser
except ImportError:  # pragma: no cover - the wheels on PyPI carry libyaml
    _CParser: type[CParser] | None = None
else:
    _CParser = CParser

__all__ = ["HAS_LIBYAML", "load_yaml"]

#: Whether the C parser is used.
HAS_LIBYAML = _CParser is not None

_NULLS = frozenset(("", "~", "null", "Null", "NULL"))
_Y = "tag:yaml.org,2002:"
#: Tags whose scalar is kept as the text typed: the model converts it where it must.
_TEXT_TAGS = frozenset(("!", _Y + "str", _Y + "int", _Y + "float", _Y + "bool", _Y + "timestamp"))
_MAP_TAGS = frozenset((None, "!", _Y + "map"))
_SEQ_TAGS = frozenset((None, "!", _Y + "seq"))
_MERGE = "<<"

#: Thai for the parsers' most common complaints; others are quoted as they come.
_PROBLEMS = {
    "mapping values are not allowed here": "มีเครื่องหมาย : ในที่ที่ใช้ไม่ได้ (ข้อความที่มี \": \" ต้องอยู่ในเครื่องหมายคำพูด)",
    "mapping values are not allowed in this context": "มีเครื่องหมาย : ในที่ที่ใช้ไม่ได้ (ข้อความที่มี \": \" ต้องอยู่ในเครื่องหมายคำพูด)",
    "found character that cannot start any token": "มีอักขระที่ขึ้นต้นค่าไม่ได้ (เช่น แท็บ, @ หรือ `) ให้ใส่ข้อความในเครื่องหมายคำพูด",
    "found unexpected end of stream": "ไฟล์จบก่อนปิดเครื่องหมายคำพูดหรือวงเล็บ",
    "could not find expected ':'": "ไม่พบเครื่องหมาย : หลังชื่อช่อง",
}


_TOO_DEEP = f"ข้อมูลซ้อนกันลึกเกิน {MAX_DEPTH} ชั้น (ไฟล์อาจถูกสร้างมาเพื่อให้โปรแกรมค้าง)"
_LIBYAML_DEPTH = "exceeded maximum nesting depth"


class _PyParser(Reader, Scanner, Parser):
    """PyYAML's pure-Python parser alone, without composer or constructor."""

    def __init__(self, text: str) -> None:
        Reader.__init__(self, text)
        Scanner.__init__(self)
        Parser.__init__(self)


class _NoKey:
    __slots__ = ()


#: A mapping's pending key: none yet, or a merge key (<<) waiting for what it merges.
_NOKEY, _MERGING = _NoKey(), _NoKey()


class _Map:
    """A mapping being read: its entries, the key waiting for its value, where each key was."""

    __slots__ = ("anchor", "key", "marks", "merges", "value")

    def __init__(self, anchor: str | None) -> None:
        self.anchor = anchor
        self.value: dict[str, Any] = {}
        self.marks: dict[str, Any] = {}
        self.key: str | _NoKey = _NOKEY
        self.merges: list[dict[str, Any]] = []

    def finish(self) -> dict[str, Any]:
        if not self.merges:
            return self.value
        # -- merged keys first; an earlier source wins over a later one, the mapping's own over all --
        merged: dict[str, Any] = {}
        for source in reversed(self.merges):
            merged.update(source)
        merged.update(self.value)
        return merged


class _Seq:
    __slots__ = ("anchor", "value")

    def __init__(self, anchor: str | None) -> None:
        self.anchor = anchor
        self.value: list[Any] = []


def _path(stack: list[_Map | _Seq]) -> str:
    parts: list[str | int] = []
    for frame in stack:
        if isinstance(frame, _Seq):
            parts.append(len(frame.value))
        elif frame.key is _MERGING:
            parts.append(_MERGE)
        elif frame.key is not _NOKEY:
            parts.append(frame.key)  # type: ignore[arg-type]
    return field_path(parts)


def _too_many(extra: int) -> str:
    if extra:
        return (f"ข้อมูลขยายตัวเกิน {MAX_VALUES:,} ค่า เมื่อตาม alias (*) ซึ่งแทนค่าอื่นไป {extra:,} ค่า "
                "(ไฟล์อาจถูกสร้างมาเพื่อให้โปรแกรมค้าง)")
    return f"ไฟล์มีข้อมูลเกิน {MAX_VALUES:,} ค่า ให้แบ่งเป็นหลายไฟล์"


def _place(mark: Any) -> tuple[int, int]:
    return mark.line + 1, mark.column + 1


def _error(message: str, mark: Any, stack: list[_Map | _Seq]) -> ReadError:
    return ReadError(message, location=Location(path=where(mark.line + 1, mark.column + 1, _path(stack))))


def _size(value: Any, memo: dict[int, int]) -> int:
    """How many values *value* stands for with every alias followed (shared parts counted once each time)."""
    if not isinstance(value, dict | list):
        return 1
    known = memo.get(id(value))
    if known is None:
        if isinstance(value, dict):
            known = 1 + sum(1 + _size(v, memo) for v in value.values())
        else:
            known = 1 + sum(_size(v, memo) for v in value)
        memo[id(value)] = known
    return known


def _compose(parser: Any) -> Any:  # -- one loop over the event kinds, kept flat for speed --
    """The one document of *parser*'s events as plain data."""
    get_event = parser.get_event
    stack: list[Any] = []
    anchors: dict[str, Any] = {}
    opened: set[str] = set()
    root: Any = None
    documents = written = extra = 0
    limit = MAX_VALUES  # -- values that may still be written: the bound less what aliases stood for --
    sizes: dict[int, int] = {}
    while True:
        try:
            event = get_event()
        except yaml.MarkedYAMLError as exc:
            if exc.problem == _LIBYAML_DEPTH:  # -- libyaml's own bound, met while it scans ahead --
                raise _error(_TOO_DEEP, exc.problem_mark, stack) from None
            raise
        cls = event.__class__
        if cls is ScalarEvent:
            written += 1
            if written > limit:
                raise _error(_too_many(extra), event.start_mark, stack)
            value = event.value
            tag = event.tag
            if tag is None:
                if value in _NULLS and event.implicit[0]:
                    value = None
            elif tag not in _TEXT_TAGS:
                if tag != _Y + "null":
                    raise _error(f"ไม่รองรับแท็ก {tag} ให้ลบแท็กออกแล้วเขียนค่าเป็นข้อความ", event.start_mark, stack)
                value = None
            if event.anchor is not None:
                anchors[event.anchor] = value
        elif cls is MappingStartEvent or cls is SequenceStartEvent:
            written += 1
            if written > limit:
                raise _error(_too_many(extra), event.start_mark, stack)
            if event.tag not in (_MAP_TAGS if cls is MappingStartEvent else _SEQ_TAGS):
                raise _error(f"ไม่รองรับแท็ก {event.tag} ให้ลบแท็กออก", event.start_mark, stack)
            if len(stack) >= MAX_DEPTH:
                raise _error(_TOO_DEEP, event.start_mark, stack)
            if event.anchor is not None:
                opened.add(event.anchor)
            if stack and stack[-1].__class__ is _Map and stack[-1].key is _NOKEY:
                raise _error("ชื่อช่องต้องเป็นข้อความ ไม่ใช่รายการหรือกลุ่มข้อมูล", event.start_mark, stack)
            stack.append(_Map(event.anchor) if cls is MappingStartEvent else _Seq(event.anchor))
            continue
        elif cls is MappingEndEvent or cls is SequenceEndEvent:
            frame = stack.pop()
            value = frame.finish() if frame.__class__ is _Map else frame.value
            if frame.anchor is not None:
                anchors[frame.anchor] = value
                opened.discard(frame.anchor)
        elif cls is AliasEvent:
            written += 1
            name = event.anchor
            if name not in anchors:
                problem = "อ้างถึงกลุ่มข้อมูลที่ตัวเองอยู่ข้างใน" if name in opened else "ไม่มี anchor นี้ (&ชื่อ) ก่อนหน้า"
                raise _error(f"alias *{name} {problem}", event.start_mark, stack)
            value = anchors[name]
            extra += _size(value, sizes) - 1
            limit = MAX_VALUES - extra
            if written > limit:
                raise _error(_too_many(extra), event.start_mark, stack)
        elif cls is DocumentStartEvent:
            documents += 1
            if documents > 1:
                raise _error("ไฟล์มีข้อมูลหลายชุด (คั่นด้วย ---) ให้แยกเป็นหลายไฟล์ หรือเขียนเป็นรายการ (- ...)",
                             event.start_mark, stack)
            continue
        elif cls is StreamEndEvent:
            return root
        else:  # -- stream start, document end --
            continue
        # -- a value is complete: it goes into the collection it is in --
        if not stack:
            root = value
            continue
        top = stack[-1]
        if top.__class__ is _Seq:
            top.value.append(value)
            continue
        key = top.key
        if key is _NOKEY:  # -- the value is a key --
            key = event.value if cls is ScalarEvent else value
            if not isinstance(key, str):
                raise _error("ชื่อช่องต้องเป็นข้อความ ไม่ใช่รายการหรือกลุ่มข้อมูล", event.start_mark, stack)
            if key in top.marks:
                top.key = key
                raise _error(f"ช่อง {key} ซ้ำกัน ที่{twice(_place(top.marks[key]), _place(event.start_mark))} "
                             "(ค่าหนึ่งจะหายไป) ให้เหลือไว้ช่องเดียว", event.start_mark, stack)
            if key == _MERGE and cls is ScalarEvent and event.tag is None and event.implicit[0]:
                top.key = _MERGING
            else:
                top.key = key
                top.marks[key] = event.start_mark
            continue
        if key is _MERGING:
            sources = value if isinstance(value, list) else [value]
            if not all(isinstance(s, dict) for s in sources):
                raise _error("<< ต้องตามด้วย alias ของกลุ่มข้อมูล (*ชื่อ) หรือรายการของ alias",
                             event.start_mark, stack)
            top.merges.extend(sources)
        else:
            top.value[key] = value
        top.key = _NOKEY


def _reader_error(text: str) -> ReadError:
    """The first character YAML does not allow, with its line and column."""
    match = Reader.NON_PRINTABLE.search(text)
    if match is None:  # pragma: no cover - a reader error always has its character
        return ReadError("มีอักขระที่ใช้ในไฟล์ YAML ไม่ได้ ให้ลบออก")
    index = match.start()
    line = text.count("\n", 0, index) + 1
    column = index - (text.rfind("\n", 0, index) + 1) + 1
    return ReadError(f"มีอักขระที่ใช้ในไฟล์ YAML ไม่ได้ (#x{ord(match.group()):04x}) ให้ลบออก",
                     location=Location(path=f"{where(line, column)} (ตำแหน่งที่ {index})"))


def _syntax_error(exc: yaml.MarkedYAMLError) -> ReadError:
    mark = exc.problem_mark or exc.context_mark
    problem = " ".join((exc.problem or exc.context or str(exc)).split())
    thai = _PROBLEMS.get(problem)
    message = f"รูปแบบ YAML ผิด: {thai} ({problem})" if thai else f"รูปแบบ YAML ผิด: {problem}"
    return ReadError(message, location=Location(path=where(mark.line + 1, mark.column + 1) if mark else None))


def load_yaml(text: str, *, pure: bool = False) -> Any:
    """The plain data of a YAML document; every scalar is a ``str``, or ``None`` for null.

    *pure* uses PyYAML's pure-Python parser even where libyaml is available.

    >>> load_yaml("phone: 021234567\\nscore: 97.10\\ndate: 2566-03-16\\nok: yes\\ntitle:\\n")
    {'phone': '021234567', 'score': '97.10', 'date': '2566-03-16', 'ok': 'yes', 'title': None}
    >>> load_yaml("a: 1\\na: 2\\n")
    Traceback (most recent call last):
    ...
    ita_docs.errors.ReadError: ช่อง a ซ้ำกัน ที่บรรทัด 1 และบรรทัด 2 (ค่าหนึ่งจะหายไป) ให้เหลือไว้ช่องเดียว (a บรรทัด 2 คอลัมน์ 1)
    """
    try:
        return _compose(_PyParser(text) if pure or _CParser is None else _CParser(text))
    except yaml.reader.ReaderError:
        raise _reader_error(text) from None
    except yaml.MarkedYAMLError as exc:
        raise _syntax_error(exc) from None
    except yaml.YAMLError as exc:  # pragma: no cover - the parsers raise marked errors
        raise ReadError(f"รูปแบบ YAML ผิด: {exc}") from None
