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
    # -- each a documented entry point: load, check, render (one, bytes, many), PDF, save, errors --
    assert len(ita_docs.__all__) <= 17
