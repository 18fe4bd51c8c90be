"""The bundled templates' parts as docxtpl patches them, read instead of importing docxtpl.

Importing docxtpl (and python-docx with it) is ~50 ms of every command's start, and its
tag patching of the bundled templates is the same on every run: ``python
templates/build_templates.py`` writes it once to ``templates/patched_sources.json``, each
part under the digest of its XML, with the version of docxtpl that patched it.
:func:`known_sources` reads that file; a part not in it (a custom template, a bundled one
changed since) or another installed docxtpl, and the part is patched by docxtpl as before.
tests/rendering/test_templates.py checks the file is what the installed docxtpl makes of
the committed templates.
"""
from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from functools import lru_cache

from ..resources import data_dir

__all__ = ["FILE", "digest", "known_sources", "sources_file"]

#: The file, beside the bundled templates.
FILE = "patched_sources.json"


def digest(xml: str) -> str:
    """The key of a part's XML (as the template compiler serialises it)."""
    return hashlib.sha256(xml.encode("utf-8")).hexdigest()


def _docxtpl_version() -> str | None:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("docxtpl")
    except PackageNotFoundError:
        return None


@lru_cache(maxsize=1)
def known_sources() -> dict[str, str]:
    """Digest of a part's XML → its Jinja source as docxtpl patches it; empty when the file
    is missing, broken, or written by another version of docxtpl than the installed one."""
    folder = data_dir("templates")
    try:
        found = json.loads((folder / FILE).read_text(encoding="utf-8")) if folder else None
    except (OSError, ValueError):
        return {}
    if not isinstance(found, dict) or found.get("docxtpl") != _docxtpl_version():
        return {}
    parts = found.get("parts")
    if not isinstance(parts, dict) or not all(isinstance(v, str) for v in parts.values()):
        return {}
    return parts


def sources_file(parts: Mapping[str, str]) -> str:
    """The text of :data:`FILE` for *parts* (digest → patched source), patched by the
    installed docxtpl."""
    content = {"docxtpl": _docxtpl_version(), "parts": dict(sorted(parts.items()))}
    return json.dumps(content, ensure_ascii=False, indent=0) + "\n"
