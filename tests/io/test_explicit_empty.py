"""An explicit empty ([] or "") — "leave this section out" — survives YAML → XLSX → YAML.

A field whose ``None`` means "use the preset" says "leave it out" with an empty value;
the workbook writes that empty as ``json:[]`` / ``json:""`` (an empty cell means "use
the preset"), and the reader reads it back as the empty, not as missing.
"""
from __future__ import annotations

import copy
import dataclasses
import io
import re
import warnings
from pathlib import Path
from typing import Any

import docx
import pytest

from ita_docs import load, save
from ita_docs.errors import DataValidationError, ItaDocsWarning
from ita_docs.io.writers import document_data
from ita_docs.model import KINDS
from ita_docs.presets import load_preset, plain
from ita_docs.rendering import render_bytes
from ita_docs.rendering.linebreak import strip_joiners
from tests.conftest import SAMPLES, sample_data

MARKER = "ZQXMARKERQXZ"
STEMS = sorted(p.stem for p in SAMPLES.glob("*.yaml"))


def _preset_data(kind: str) -> dict[str, Any]:
    """The kind's preset as plain data, keyed as in its YAML file."""
    preset = load_preset(kind)
    return plain({field.name: getattr(preset, field.name) for field in dataclasses.fields(preset)})


def _set(data: dict[str, Any], dotted: str, value: Any) -> None:
    *parents, last = dotted.split(".")
    for key in parents:
        data = data.setdefault(key, {})
    data[last] = value


def _empty_of(annotation: Any) -> Any:
    """[] for a field that holds a list, "" for one that holds text."""
    text = repr(annotation)
    return [] if "list" in text else ""


def _cases(stem: str) -> list[tuple[str, Any]]:
    """(dotted field, its explicit empty) for each field of the sample's kind whose
    ``None`` means the preset's: the top-level optional fields the preset fills, and each
    ``texts.*`` and ``headings.*`` of the preset."""
    data = sample_data(stem)
    model = KINDS[data["kind"]]
    preset = _preset_data(data["kind"])
    cases = []
    for name, info in model.model_fields.items():
        if info.is_required() or info.default is not None:
            continue
        if name in preset or name in data:
            cases.append((name, _empty_of(info.annotation)))
    for group, empty in (("texts", []), ("headings", "")):
        if group in model.model_fields:
            cases += [(f"{group}.{key}", empty) for key in preset.get(group, {})]
    return [(f, e) for f, e in cases if _valid(data, f, e)]


def _valid(data: dict[str, Any], field: str, value: Any) -> bool:
    """Whether the field may be empty at all (a list of columns may not)."""
    changed = copy.deepcopy(data)
    _set(changed, field, value)
    try:
        load(changed)
    except DataValidationError:
        return False
    return True


def _marker(data: dict[str, Any], field: str, empty: Any) -> Any:
    """A marker in the field's place: text, lines, or one section headed by it."""
    if not isinstance(empty, list):
        return MARKER
    for value in ([MARKER], [{"heading": MARKER}]):
        if _valid(data, field, value):
            return value
    raise AssertionError(f"no marker for {field}")


CASES = [(stem, field, empty) for stem in STEMS for field, empty in _cases(stem)]


def _text(document: Any) -> str:
    with warnings.catch_warnings():  # -- a sample's own warnings (ronthong's 'เพิ่มขึ้น') are not this test's --
        warnings.simplefilter("ignore", ItaDocsWarning)
        body = docx.Document(io.BytesIO(render_bytes(document)))
    parts = [p.text for p in body.paragraphs]
    parts += [c.text for t in body.tables for r in t.rows for c in r.cells]
    return strip_joiners("\n".join(parts))


def _pieces(value: Any) -> list[str]:
    """Fixed pieces of a preset or given text (no placeholders, no digits), for finding it."""
    texts = value if isinstance(value, list) else [value]
    out = []
    for text in texts:
        if isinstance(text, str):
            out += [p.strip() for p in re.split(r"\$\{[^}]*\}|[0-9๐-๙]", text) if len(p.strip()) >= 6]
    return out


def _shown(data: dict[str, Any], dotted: str) -> Any:
    preset = _preset_data(data["kind"])
    for source in (data, preset):
        node: Any = source
        for key in dotted.split("."):
            node = node.get(key) if isinstance(node, dict) else None
        if node:
            return node
    return None


def test_every_kind_has_cases():
    kinds = {sample_data(stem)["kind"] for stem, _, _ in CASES}
    assert {"measures_plan", "progress_report"} <= kinds
    assert any(f.startswith("texts.") for _, f, _ in CASES) and any(f == "sections" for _, f, _ in CASES)


@pytest.mark.parametrize(("stem", "field", "empty"), CASES, ids=[f"{s}-{f}" for s, f, _ in CASES])
def test_explicit_empty_survives_the_workbook(tmp_path: Path, stem: str, field: str, empty: Any) -> None:
    data = sample_data(stem)
    emptied = copy.deepcopy(data)
    _set(emptied, field, empty)
    document = load(emptied)
    save(document, tmp_path / "d.yaml")
    save(load(tmp_path / "d.yaml"), tmp_path / "d.xlsx")
    back = load(tmp_path / "d.xlsx")
    save(back, tmp_path / "back.yaml")
    assert back == document
    assert document_data(load(tmp_path / "back.yaml")) == document_data(document)
    node: Any = document_data(back)
    for key in field.split("."):
        node = node[key]
    assert node == empty  # -- given, and empty: not left out (which would mean the preset's) --

    # -- the field's own text: absent (the preset's or the sample's), then a marker in its
    # place (what else shows the same words), then empty: the empty shows none of it --
    marked = copy.deepcopy(data)
    _set(marked, field, _marker(data, field, empty))
    with_marker = _text(load(marked))
    if MARKER not in with_marker:
        pytest.skip(f"{field} is not shown in {stem}'s layout")
    before, after = _text(load(data)), _text(back)
    pieces = _pieces(_shown(data, field))
    assert all(after.count(p) == with_marker.count(p) for p in pieces), f"{field}: still shown after emptying"
    assert any(before.count(p) > with_marker.count(p) for p in pieces) or not pieces
    assert len(after) < len(with_marker)
