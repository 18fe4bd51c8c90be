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
    #    document models; what they return (Finding, BatchResult) and raise (the errors, Location) --
    assert len(ita_docs.__all__) <= 27


def test_every_document_model_and_result_is_exported():
    from ita_docs.model import KINDS

    assert {model.__name__ for model in KINDS.values()} <= set(ita_docs.__all__)
    assert {"BatchResult", "Finding", "Location", "PdfError"} <= set(ita_docs.__all__)


def test_an_unknown_name_is_an_attribute_error():
    with pytest.raises(AttributeError, match="nonexistent"):
        ita_docs.nonexistent  # noqa: B018
