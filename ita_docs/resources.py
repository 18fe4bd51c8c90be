"""Find package data: the bundled templates and fonts.

In a wheel they sit inside the package (``ita_docs/templates``, ``ita_docs/fonts``);
in a source checkout, at the top of the repository beside ``ita_docs/``.
"""
from __future__ import annotations

from functools import lru_cache
from importlib import resources
from pathlib import Path

__all__ = ["data_dir"]

_SOURCE_TREE = Path(__file__).resolve().parents[1]


@lru_cache(maxsize=8)  # -- where the package lies does not change while it runs (~0.2 ms a look) --
def data_dir(folder: str) -> Path | None:
    """The folder *folder* ("templates" or "fonts") of the installed package or checkout."""
    packaged = resources.files("ita_docs").joinpath(folder)
    if packaged.is_dir():
        return Path(str(packaged))
    source = _SOURCE_TREE / folder
    return source if source.is_dir() else None
