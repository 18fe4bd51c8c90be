"""The Jinja environment every template renders in: sandboxed, autoescaped, strict, bounded.

(The bundled templates, ours, render in :func:`make_trusted_environment`: the same
without the sandbox and the bounds.) Templates may be untrusted (a clerk's own copy, or
one found on the web), so they run in
Jinja's sandbox with autoescape on (docxtpl's default is off, and an '&' then corrupts
the document) and ``StrictUndefined`` (a misspelt variable is an error, not an empty
string). Values reach templates already formatted; the filters serve custom templates.

The sandbox stops a template reaching Python; :class:`BoundedEnvironment` also stops it
using up the machine. Within a :func:`budget` (what :meth:`CompiledTemplate.render`
opens for each document), every call, attribute access, ``range`` step and piece of
output checks the clock; ``range`` is short, string and list repetition, ``%`` and
``format`` widths, ``center``/``indent``/``join``/``replace`` results and values kept in
a ``namespace`` stay under :data:`MAX_STRING`; ``lipsum`` is gone. What goes over raises
:class:`~ita_docs.errors.TemplateLimitError`, which the renderer locates in the part.
"""
from __future__ import annotations

import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from typing import Any

from jinja2 import Environment, StrictUndefined, TemplateSyntaxError, nodes, pass_context
from jinja2.runtime import Context
from jinja2.sandbox import ImmutableSandboxedEnvironment
from jinja2.utils import Namespace

from ..errors import InputError, TemplateLimitError
from ..thai import convert_digits, format_date, format_fiscal_year
from .formats import MAX_WIDTH, check_format, check_percent_format

__all__ = ["BoundedEnvironment", "Budget", "budget", "make_environment", "make_trusted_environment"]

#: The longest string (characters) or list a template expression may build or pass on:
#: small enough that one call on it (``urlize``, ``sort``; about 3 s at this size) cannot
#: outrun the clock by much, since the clock is only read between calls.
MAX_STRING = 256 * 1024
#: The longest ``range`` a template may loop over.
MAX_RANGE = 100_000
#: The highest power a template may raise a number to (``10 ** 1000`` is already vast).
MAX_EXPONENT = 1_000


@pass_context
def _digits(context: Context, value: Any) -> str:
    """``{{ x|digits }}``: the value in the document's digit form."""
    return convert_digits(str(value), context.get("digits", "thai"))


@pass_context
def _thai_date(context: Context, value: date, style: str = "long") -> str:
    """``{{ d|thai_date('short') }}``: a Buddhist-era date."""
    return format_date(value, style, digits=context.get("digits", "thai"))


@pass_context
def _fiscal_year(context: Context, value: int, style: str = "short") -> str:
    """``{{ 2566|fiscal_year }}`` → ปีงบประมาณ ๒๕๖๖."""
    return format_fiscal_year(int(value), style, digits=context.get("digits", "thai"))


FILTERS = {"digits": _digits, "thai_date": _thai_date, "fiscal_year": _fiscal_year}


class Budget:
    """What one render may spend: a wall-clock deadline and a number of output characters."""

    def __init__(self, seconds: float, output: int) -> None:
        self.seconds = seconds
        self.deadline = time.monotonic() + seconds
        self.output = output

    def check_time(self) -> None:
        if time.monotonic() > self.deadline:
            raise TemplateLimitError(f"แม่แบบทำงานนานเกิน {self.seconds:.0f} วินาที (อาจวนซ้ำไม่รู้จบ)")

    def spend(self, characters: int) -> None:
        self.output -= characters
        if self.output < 0:
            raise TemplateLimitError("แม่แบบสร้างข้อความยาวเกินขนาดที่อนุญาต")


_local = threading.local()


def _tick() -> None:
    current: Budget | None = getattr(_local, "budget", None)
    if current is not None:
        current.check_time()


@contextmanager
def budget(seconds: float, output: int) -> Iterator[Budget]:
    """Run the block under a :class:`Budget` (per thread: renders in threads do not share one)."""
    previous = getattr(_local, "budget", None)
    _local.budget = current = Budget(seconds, output)
    try:
        yield current
    finally:
        _local.budget = previous


def _too_long(what: str) -> TemplateLimitError:
    return TemplateLimitError(f"แม่แบบสร้าง{what}ยาวเกิน {MAX_STRING:,} ตัวอักษร")


def _check_size(value: Any) -> Any:
    if isinstance(value, str | list | tuple) and len(value) > MAX_STRING:
        raise _too_long("ข้อความหรือรายการ")
    return value


def _check_width(*values: Any) -> None:
    for value in values:
        if isinstance(value, int) and not isinstance(value, bool) and abs(value) > MAX_WIDTH:
            raise TemplateLimitError(f"ความกว้างในแม่แบบเกิน {MAX_WIDTH} ตัวอักษร ({value})")


class _BoundedRange(Sequence[int]):
    """``range`` for templates: at most :data:`MAX_RANGE` steps, each one checking the clock."""

    def __init__(self, *args: int) -> None:
        self._range = range(*args)
        if len(self._range) > MAX_RANGE:
            raise TemplateLimitError(f"range() ในแม่แบบยาวเกิน {MAX_RANGE:,} รอบ")

    def __len__(self) -> int:
        return len(self._range)

    def __getitem__(self, index: Any) -> Any:
        return self._range[index]

    def __iter__(self) -> Iterator[int]:
        for number in self._range:
            _tick()
            yield number

    def __repr__(self) -> str:
        return repr(self._range)


_TICKED = "ita_docs_ticked"
#: The deepest a template's expressions and tags may nest (Python's own compiler stops at 200).
MAX_DEPTH = 100
#: Tags that read another template file: a .docx template has none to read.
_OTHER_FILES = (nodes.Include, nodes.Extends, nodes.Import, nodes.FromImport)


def _check_tree(tree: nodes.Template, name: str | None, filename: str | None) -> None:
    """Refuse tags that read other files, and nesting deeper than :data:`MAX_DEPTH`."""
    for tag in tree.find_all(_OTHER_FILES):
        raise TemplateSyntaxError("แม่แบบ .docx อ้างถึงแม่แบบไฟล์อื่นไม่ได้ (include, extends, import)",
                                  tag.lineno, name, filename)
    stack: list[tuple[nodes.Node, int]] = [(tree, 0)]
    while stack:
        node, depth = stack.pop()
        if depth > MAX_DEPTH:
            raise TemplateSyntaxError(f"นิพจน์ซ้อนกันลึกเกิน {MAX_DEPTH} ชั้น", node.lineno, name, filename)
        stack.extend((child, depth + 1) for child in node.iter_child_nodes())


def _ticked(items: Any) -> Iterator[Any]:
    """*items*, reading the clock before each (what every ``for`` loop iterates over)."""
    for item in items:
        _tick()
        yield item


class _BoundedNamespace(Namespace):
    """``namespace()`` whose values stay short (``{% set ns.s = ns.s ~ ns.s %}`` doubles)."""

    def __setitem__(self, name: str, value: Any) -> None:
        _tick()
        super().__setitem__(name, _check_size(value))


def _predict_replace(s: str, old: str, new: str, count: int = -1) -> None:
    hits = len(s) + 1 if old == "" else s.count(old)
    if 0 <= count < hits:
        hits = count
    if len(s) + hits * (len(new) - len(old)) > MAX_STRING:
        raise _too_long("ข้อความ")


def _predict_join(separator: str, items: list[Any]) -> None:
    if len(separator) * max(len(items) - 1, 0) + sum(len(str(i)) for i in items) > MAX_STRING:
        raise _too_long("ข้อความ")


#: String methods that take a width (checked against MAX_WIDTH) or build text to predict.
_WIDTH_METHODS = frozenset({"center", "ljust", "rjust", "zfill"})
_UNSAFE_METHODS = frozenset({"expandtabs"})


def _guard(builtin: Any, check: Any) -> Any:
    """*builtin* (a Jinja filter) with *check* run on its arguments first and its result measured."""
    pass_arg = getattr(builtin, "jinja_pass_arg", None)

    def guarded(*args: Any, **kwargs: Any) -> Any:
        _tick()
        check(*(args[1:] if pass_arg else args), **kwargs)
        return _check_size(builtin(*args, **kwargs))

    if pass_arg is not None:
        guarded.jinja_pass_arg = pass_arg  # type: ignore[attr-defined]
    return guarded


def _center(value: Any, width: int = 80) -> None:
    _check_width(width)


def _indent(s: Any, width: int | str = 4, *_: Any, **__: Any) -> None:
    pad = len(width) if isinstance(width, str) else width
    _check_width(pad)
    if len(str(s)) + (str(s).count("\n") + 1) * pad > MAX_STRING:
        raise _too_long("ข้อความ")


def _join(value: Any, d: str = "", attribute: Any = None) -> None:
    if isinstance(value, Sequence):
        _predict_join(str(d), list(value))
    elif len(str(d)) > MAX_WIDTH:
        raise TemplateLimitError(f"ตัวคั่นของ join ในแม่แบบยาวเกิน {MAX_WIDTH} ตัวอักษร")


def _replace(s: Any, old: Any, new: Any, count: int | None = None) -> None:
    _predict_replace(str(s), str(old), str(new), -1 if count is None else count)


def _format(value: Any, *args: Any, **kwargs: Any) -> None:
    _check_pattern(check_percent_format, str(value))


def _wordwrap(s: Any, width: int = 79, break_long_words: bool = True, wrapstring: Any = None,
              *_: Any, **__: Any) -> None:
    if wrapstring is not None and len(str(wrapstring)) * (len(str(s)) + 1) > MAX_STRING:
        raise _too_long("ข้อความ")


def _batch(value: Any, linecount: int, fill_with: Any = None) -> None:
    if linecount > MAX_RANGE:
        raise TemplateLimitError(f"batch() ในแม่แบบเกิน {MAX_RANGE:,} รายการ")


def _slice(value: Any, slices: int, fill_with: Any = None) -> None:
    if slices > MAX_RANGE:
        raise TemplateLimitError(f"slice() ในแม่แบบเกิน {MAX_RANGE:,} ส่วน")


def _tojson(value: Any, indent: int | None = None) -> None:
    _check_width(indent)


#: Jinja's filters that can build a lot from a little, and the check each runs first.
_FILTER_CHECKS = {"center": _center, "indent": _indent, "join": _join, "replace": _replace, "format": _format,
                  "wordwrap": _wordwrap, "batch": _batch, "slice": _slice, "tojson": _tojson}


def _check_pattern(check: Any, pattern: str, *args: Any) -> None:
    """A template's own format pattern, refused as a template limit (not an input error)."""
    try:
        check(pattern, *args)
    except InputError as exc:
        raise TemplateLimitError(exc.message) from None


class BoundedEnvironment(ImmutableSandboxedEnvironment):
    """Jinja's immutable sandbox, with the sizes and the time of what a template does bounded."""

    intercepted_binops = frozenset({"*", "**", "%", "+", "//"})

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.globals.pop("lipsum", None)
        self.globals["range"] = _BoundedRange
        self.globals["namespace"] = _BoundedNamespace
        self.filters[_TICKED] = _ticked

    def _parse(self, source: str, name: str | None, filename: str | None) -> nodes.Template:
        """The template's syntax tree, with every ``for`` loop's items read through the clock
        (an empty loop body calls nothing the sandbox sees)."""
        try:
            tree = super()._parse(source, name, filename)
        except RecursionError:
            raise TemplateSyntaxError(f"นิพจน์ซ้อนกันลึกเกิน {MAX_DEPTH} ชั้น", 1, name, filename) from None
        _check_tree(tree, name, filename)
        for loop in tree.find_all(nodes.For):
            loop.iter = nodes.Filter(loop.iter, _TICKED, [], [], None, None, lineno=loop.lineno)
        return tree

    def call_binop(self, context: Context, operator: str, left: Any, right: Any) -> Any:
        _tick()
        if operator == "*":
            for sequence, times in ((left, right), (right, left)):
                if isinstance(sequence, str | list | tuple) and isinstance(times, int):
                    if len(sequence) * times > MAX_STRING:
                        raise _too_long("ข้อความหรือรายการ")
        elif operator == "**":
            if isinstance(right, int) and isinstance(left, int) and abs(right) > MAX_EXPONENT and abs(left) > 1:
                raise TemplateLimitError(f"เลขยกกำลังในแม่แบบเกิน {MAX_EXPONENT}")
        elif operator == "%" and isinstance(left, str):
            _check_pattern(check_percent_format, left)
        return _check_size(super().call_binop(context, operator, left, right))

    def getattr(self, obj: Any, attribute: str) -> Any:
        _tick()
        if isinstance(obj, str) and attribute in _UNSAFE_METHODS:
            return self.unsafe_undefined(obj, attribute)
        return super().getattr(obj, attribute)

    def getitem(self, obj: Any, argument: Any) -> Any:
        _tick()
        return super().getitem(obj, argument)

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        if isinstance(obj, str) and attr in _UNSAFE_METHODS:
            return False
        return super().is_safe_attribute(obj, attr, value)

    def wrap_str_format(self, value: Any) -> Any:
        wrapper = super().wrap_str_format(value)
        if wrapper is not None:
            _check_pattern(check_format, str(value.__self__))
        return wrapper

    def call(__self, __context: Context, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        _tick()
        owner = getattr(__obj, "__self__", None)
        if isinstance(owner, str):
            name = getattr(__obj, "__name__", "")
            if name in _WIDTH_METHODS:
                _check_width(*args, *kwargs.values())
            elif name == "replace" and len(args) >= 2:
                _predict_replace(owner, str(args[0]), str(args[1]), *args[2:3])
            elif name == "join" and args:
                items = list(args[0])
                _predict_join(owner, items)
                args = (items, *args[1:])
        for value in (*args, *kwargs.values()):  # -- a macro called with ever longer text --
            _check_size(value)
        return _check_size(super().call(__context, __obj, *args, **kwargs))


#: What an exact dict has as attributes (its methods): any other name is only a key of it.
_DICT_ATTRIBUTES = frozenset(dir(dict))


class _TrustedEnvironment(Environment):
    """Jinja's environment, reading ``view.name`` of a view's dict as its key at once
    rather than after ``getattr`` fails (~1 µs each, hundreds a document); the same result,
    since an exact dict has no attribute but its methods, which are looked at first as before."""

    def getattr(self, obj: Any, attribute: str) -> Any:
        if type(obj) is dict and attribute not in _DICT_ATTRIBUTES:
            try:
                return obj[attribute]
            except KeyError:
                return self.undefined(obj=obj, name=attribute)
        return super().getattr(obj, attribute)


def make_trusted_environment() -> Environment:
    """The environment of the bundled templates only: ours, so not sandboxed nor bounded
    (the sandbox's checks at every attribute, call and loop step were half of their
    render time), otherwise the same: autoescape, ``StrictUndefined``, the same filters.
    tests/rendering/test_trusted_templates.py checks that every sample renders the same
    bytes in both."""
    env = _TrustedEnvironment(autoescape=True, undefined=StrictUndefined)
    env.filters.update(FILTERS)
    return env


def make_environment() -> BoundedEnvironment:
    """Build the sandboxed, bounded environment with ita-docs' filters."""
    env = BoundedEnvironment(autoescape=True, undefined=StrictUndefined)
    env.filters.update(FILTERS)
    # -- every filter reads the clock, and its result is measured; some check their arguments first --
    env.filters = {name: _guard(f, _FILTER_CHECKS.get(name, _any)) for name, f in env.filters.items()}
    return env


def _any(*args: Any, **kwargs: Any) -> None:
    """The check of a filter that needs none beyond the clock and the size of its result."""
