"""The strict reader on the five samples, tried key by key with values YAML 1.1 would have retyped.

* Every sample loads to the same document as with PyYAML's ``safe_load`` (the reader
  before): the samples quote what needs quoting, so nothing they mean changes.
* Each text field of each sample, in turn, is given a value typed bare — a phone number
  with a leading zero, a time, hex, a score with trailing zeros, a date, Thai digits, a
  word YAML 1.1 reads as a bool — by rewriting the sample's text at that scalar. The
  document must then hold exactly the text typed there, or be refused with that field's path.
"""
from __future__ import annotations

import json
import os
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ita_docs import load
from ita_docs.errors import DataValidationError
from ita_docs.io.bounds import field_path
from ita_docs.io.readers import _document_class
from ita_docs.io.yaml_strict import load_yaml
from tests.conftest import ROOT, SAMPLES

STEMS = sorted(p.stem for p in SAMPLES.glob("*.yaml"))
TEXTS = {stem: (SAMPLES / f"{stem}.yaml").read_text(encoding="utf-8") for stem in STEMS}

#: Keys whose string value is not free text: names of things (a layout), formats, periods.
NOT_TEXT = frozenset(("kind", "digits", "style", "key", "preset", "numbering", "sub_numbering",
                      "number_format", "period", "member_layout"))


STARTERS = sorted((ROOT / "ita_docs" / "starters").glob("*.yaml"))


@pytest.mark.parametrize("path", [SAMPLES / f"{stem}.yaml" for stem in STEMS] + STARTERS,
                         ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_every_sample_and_starter_loads_as_with_the_reader_before(path):
    # -- between them they give every field type of every kind its text form --
    before = yaml.safe_load(path.read_text(encoding="utf-8"))
    old = _document_class(before).from_data(before)
    new = load(path)
    assert new == old
    assert new.model_dump(mode="json") == old.model_dump(mode="json")


@pytest.mark.parametrize("stem", STEMS)
def test_every_sample_as_json_loads_as_its_yaml(tmp_path, stem):
    path = tmp_path / f"{stem}.json"
    path.write_text(json.dumps(yaml.safe_load(TEXTS[stem]), ensure_ascii=False, default=str), encoding="utf-8")
    assert load(path) == load(SAMPLES / f"{stem}.yaml")


def _scalars(node: yaml.Node, path: tuple[Any, ...] = ()):
    """(path, node) of each scalar value under *node*."""
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            yield from _scalars(value, (*path, key.value))
    elif isinstance(node, yaml.SequenceNode):
        for index, value in enumerate(node.value):
            yield from _scalars(value, (*path, index))
    else:
        yield path, node


def _at(data: Any, path: tuple[Any, ...]) -> Any:
    for part in path:
        data = data[part]
    return data


def _text_fields(stem: str) -> list[tuple[tuple[Any, ...], int, int]]:
    """(path, start, end) of every one-line scalar that the document holds as text."""
    text = TEXTS[stem]
    dump = load(SAMPLES / f"{stem}.yaml").model_dump()
    out = []
    for path, node in _scalars(yaml.compose(text, Loader=yaml.SafeLoader)):
        start, end = node.start_mark.index, node.end_mark.index
        if (node.style in ("|", ">") or "\n" in text[start:end] or not node.value
                or NOT_TEXT.intersection(p for p in path if isinstance(p, str))):
            continue
        try:
            held = _at(dump, path)
        except (KeyError, IndexError, TypeError):
            continue  # -- a list of paragraphs written as one string, or a part the model renames --
        if held == node.value or held == [node.value]:
            out.append((path, start, end))
    return out


FIELDS = [(stem, *field) for stem in STEMS for field in _text_fields(stem)]


def test_every_sample_has_text_fields_to_try():
    assert {stem for stem, *_ in FIELDS} == set(STEMS)
    assert len(FIELDS) > 300


def _typed_into(stem: str, path: tuple[Any, ...], start: int, end: int, typed: str) -> None:
    """Write *typed*, bare, where the sample has the scalar at *path*; it must arrive as typed."""
    text = TEXTS[stem]
    try:
        document = load(load_yaml(text[:start] + typed + text[end:]))
    except DataValidationError as exc:  # -- refused: then at this field, and nowhere else --
        assert [p.location.path for p in exc.problems] == [field_path(path)], (path, typed, str(exc))
        return
    held = _at(document.model_dump(), path)
    assert held in (typed, [typed]), (path, typed, held)


#: Bare values YAML 1.1 reads as numbers, times, dates or bools.
RETYPED = st.one_of(
    st.from_regex(r"0[0-9]{1,9}", fullmatch=True),                       # -- phone numbers, codes --
    st.from_regex(r"[1-9][0-9]?(:[0-5][0-9]){1,2}", fullmatch=True),     # -- 9:30, 1:30:00 --
    st.from_regex(r"0x[0-9A-F]{1,6}|0o[0-7]{1,4}|0b[01]{1,8}", fullmatch=True),
    st.from_regex(r"[+-]?[0-9]{1,3}\.[0-9]{0,2}0{1,3}", fullmatch=True),  # -- 97.10, 100.00 --
    st.from_regex(r"[1-9](_[0-9]{3}){1,2}|[1-9][0-9]?e[+-]?[0-9]|\.[0-9]{1,3}", fullmatch=True),
    st.from_regex(r"(25[5-7][0-9]|20[0-9]{2})-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9])( [0-2][0-9]:[0-5][0-9])?",
                  fullmatch=True),
    st.from_regex(r"[๐-๙]{1,9}(\.[๐-๙]{1,2})?", fullmatch=True),
    st.sampled_from(["yes", "no", "on", "off", "y", "n", "Yes", "NO", "On", "OFF", "true", "False", "TRUE",
                     ".inf", "-.inf", ".nan", ".NaN", "0", "-0", "1", "021234567", "010", "0x1F", "97.10"]),
)

EXAMPLES = int(os.environ.get("ITA_FUZZ_EXAMPLES", "60"))


@settings(max_examples=EXAMPLES, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow])
@given(field=st.sampled_from(FIELDS), typed=RETYPED)
def test_a_value_typed_bare_in_any_text_field_arrives_as_typed(field, typed):
    _typed_into(*field, typed)


SWEEP = ("021234567", "9:30", "97.10", "2566-03-16", "off", "0x1F", "๐๑๒", "1_000")


def test_every_text_field_of_every_sample_in_turn():
    for index, field in enumerate(FIELDS):
        _typed_into(*field, SWEEP[index % len(SWEEP)])


def _score_fields(stem: str) -> list[tuple[tuple[Any, ...], int, int]]:
    """(path, start, end) of every scalar the document holds as a score (a Decimal)."""
    from decimal import Decimal

    text = TEXTS[stem]
    dump = load(SAMPLES / f"{stem}.yaml").model_dump()
    out = []
    for path, node in _scalars(yaml.compose(text, Loader=yaml.SafeLoader)):
        try:
            held = _at(dump, path)
        except (KeyError, IndexError, TypeError):
            continue
        if isinstance(held, Decimal):
            out.append((path, node.start_mark.index, node.end_mark.index))
    return out


SCORES = [(stem, *field) for stem in STEMS for field in _score_fields(stem)]


@settings(max_examples=EXAMPLES, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(field=st.sampled_from(SCORES),
       typed=st.from_regex(r"100(\.0{1,3})?|[1-9]?[0-9](\.[0-9]{1,3})?", fullmatch=True),
       thai=st.booleans())
def test_a_score_typed_bare_keeps_its_written_form(field, typed, thai):
    from ita_docs.thai import convert_digits

    stem, path, start, end = field
    written = convert_digits(typed, "thai") if thai else typed
    text = TEXTS[stem]
    held = _at(load(load_yaml(text[:start] + written + text[end:])).model_dump(), path)
    assert str(held) == typed  # -- "97.10" stays 97.10, and prints so --
