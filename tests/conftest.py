"""Shared fixtures: the sample data, a rendered copy of it, and readers for .docx content."""
from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
SHARED = ROOT.parent / "shared"
NONGMUANG = SAMPLES / "nongmuang-2566-measures.yaml"


def sample_data(stem: str) -> dict[str, Any]:
    """The sample ``samples/<stem>.yaml`` as plain data, read afresh on each call."""
    return yaml.safe_load((SAMPLES / f"{stem}.yaml").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def nongmuang_data() -> dict[str, Any]:
    """The nongmuang sample as plain data (copy before changing it: use ``plan_data``)."""
    return sample_data(NONGMUANG.stem)


@pytest.fixture
def plan_data(nongmuang_data: dict[str, Any]) -> dict[str, Any]:
    """A fresh, changeable copy of the nongmuang sample data."""
    return copy.deepcopy(nongmuang_data)


@pytest.fixture(scope="session")
def nongmuang_docx(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The nongmuang sample rendered once per test session."""
    from ita_docs import render

    return render(NONGMUANG, tmp_path_factory.mktemp("render") / "nongmuang.docx")


def table_texts(path: Path) -> list[list[list[str]]]:
    """Every table of a .docx as rows of cell texts (paragraphs joined by newlines), as typed:
    without the joiners that keep Thai words whole (rendering/linebreak.py)."""
    import docx

    from ita_docs.rendering.linebreak import strip_joiners

    document = docx.Document(str(path))
    return [[[strip_joiners(cell.text) for cell in row.cells] for row in table.rows] for table in document.tables]


def body_paragraphs(path: Path) -> list[str]:
    """The texts of the body paragraphs outside tables, without joiners."""
    import docx

    from ita_docs.rendering.linebreak import strip_joiners

    return [strip_joiners(p.text) for p in docx.Document(str(path)).paragraphs]
