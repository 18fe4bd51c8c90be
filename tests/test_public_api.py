"""The public surface: ``__all__`` sorted and complete in every module."""
from __future__ import annotations

import importlib
import pkgutil

import pytest

import ita_docs

MODULES = sorted(m.name for m in pkgutil.walk_packages(ita_docs.__path__, "ita_docs.")
                 if not m.name.endswith("__main__"))


@pytest.mark.parametrize("name", ["ita_docs", *MODULES])
def test_all_is_sorted_and_exists(name):
    module = importlib.import_module(name)
    exported = getattr(module, "__all__", None)
    assert exported is not None, f"{name} has no __all__"
    assert list(exported) == sorted(exported)
    for attr in exported:
        assert hasattr(module, attr), f"{name}.__all__ names missing {attr}"


def test_top_level_surface_is_small():
    # -- each a documented entry point: load, check, render (one, bytes, many), PDF, save, import; the seven
    #    document models; what they return (Problem, BatchResult) and raise (the errors, Location) --
    assert len(ita_docs.__all__) <= 27


def test_every_document_model_and_result_is_exported():
    from ita_docs.model import KINDS

    assert {model.__name__ for model in KINDS.values()} <= set(ita_docs.__all__)
    assert {"BatchResult", "Problem", "Location", "PdfError"} <= set(ita_docs.__all__)


def test_one_record_of_a_message_with_a_location():
    # -- a schema problem, a consistency finding and a template finding are one class; Finding,
    #    its old name, still imports (not listed in __all__: an alias, not a second name to learn) --
    from ita_docs import Finding
    from ita_docs.consistency import Finding as consistency_finding
    from ita_docs.errors import Problem

    from tests.conftest import SAMPLES

    assert Finding is consistency_finding is Problem is ita_docs.Problem
    assert "Finding" not in ita_docs.__all__
    assert [type(f) for f in ita_docs.check(SAMPLES / "ronthong-2564-report.yaml")][:1] == [Problem]


def test_an_unknown_name_is_an_attribute_error():
    with pytest.raises(AttributeError, match="nonexistent"):
        ita_docs.nonexistent  # noqa: B018


def test_a_type_checker_refuses_an_unknown_name_and_knows_the_old_one(tmp_path):
    # -- the lazy __getattr__ is hidden from type checkers, so a typo is an error there too --
    api = pytest.importorskip("mypy.api")
    user = tmp_path / "user.py"
    user.write_text("import ita_docs\nfrom ita_docs import Finding\n\n"
                    "ita_docs.nonexistent\nrecord: Finding = ita_docs.Problem(ita_docs.Location(), 'm')\n")
    out, _, status = api.run(["--strict", "--no-error-summary", "--cache-dir", str(tmp_path / "cache"), str(user)])
    assert status == 1
    assert [line.split(":", 2)[1] for line in out.splitlines()] == ["4"], out
    assert 'has no attribute "nonexistent"' in out
