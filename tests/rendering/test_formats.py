"""Number patterns from the data and format strings from templates: bounded, and Python stays out."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ita_docs.errors import InputError, cut_quoted
from ita_docs.rendering.formats import MAX_WIDTH, check_percent_format, format_number

#: Pieces a pattern is made of: text, fields (known and not), specs, attribute and index access.
PIECES = st.sampled_from([
    "ข้อ ", ".", ")", "{", "}", "{{", "}}", "{n}", "{parent}", "{x}", "{0}", "{}", "{n!r}", "{n!s}",
    "{n.real}", "{n.__class__}", "{n[0]}", "{n:>3}", "{n:03d}", "{n:>999999999}", "{n:.{p}}", "{n:,}",
    "{n:x}", "{n:%}", "{n:=^40}", f"{{n:>{MAX_WIDTH + 1}}}", "{n:>{n}}", "{n:🙂<5}",
])


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.lists(PIECES, max_size=6).map("".join), st.integers(0, 10_000), st.integers(0, 10_000))
def test_a_pattern_gives_short_text_or_a_thai_error(pattern, n, parent):
    try:
        text = format_number(pattern, parent=parent, n=n)
    except InputError as exc:
        assert exc.message.startswith(cut_quoted(f"รูปแบบ {pattern!r} ใช้ไม่ได้: "))  # -- a long one quoted cut --
    else:
        assert len(text) <= len(pattern) + 6 * (MAX_WIDTH + 20)
        assert "class" not in text


@pytest.mark.parametrize(("pattern", "fields", "expected"), [
    ("{n}.", {"n": 3}, "3."),
    ("{parent}.{n}", {"parent": 2, "n": 1}, "2.1"),
    ("({n:>2})", {"n": 4}, "( 4)"),
    ("ข้อ {{{n}}}", {"n": 5}, "ข้อ {5}"),
])
def test_ordinary_patterns(pattern, fields, expected):
    assert format_number(pattern, **fields) == expected


@pytest.mark.parametrize(("pattern", "words"), [
    ("{n.__class__.__mro__}", "ใช้ได้เฉพาะ {n} ไม่ให้อ้างถึงส่วนย่อยของค่า"),
    ("{n[0]}", "ไม่ให้อ้างถึงส่วนย่อยของค่า"),
    ("{n!r}", "ไม่ให้ใช้ !r"),
    ("{m}", "ใช้ได้เฉพาะ {n} ไม่มี {m}"),
    ("{n:>999999999}", "ความกว้างหรือทศนิยมเกิน 100 ตัวอักษร"),
    ("{n:.{p}}", "ห้ามซ้อนช่องข้อมูลในรูปแบบ"),
    ("{n", "วงเล็บปีกกา { } ไม่ครบคู่"),
    ("{n:q}", "ไม่รู้จักรูปแบบ ':q'"),
])
def test_unsafe_patterns_are_refused(pattern, words):
    with pytest.raises(InputError, match=words.replace("{", r"\{").replace("(", r"\(").replace(")", r"\)")):
        format_number(pattern, n=1)


@pytest.mark.parametrize("pattern", ["%999999999d", "%.999999999f", "%*d", "%.*f", "%(n)999999999s"])
def test_unbounded_percent_patterns_are_refused(pattern):
    with pytest.raises(InputError):
        check_percent_format(pattern)
