"""The web service and the browser app of ``ita-docs serve`` (needs the ``[web]`` extra).

``create_app()`` builds the ASGI application: the JSON API under ``/api/v1``, the
browser app at ``/``, OpenAPI at ``/openapi.json`` and a plain endpoint list at
``/docs``. FastAPI is imported only when the app is built, so :mod:`ita_docs.web.schemas`
(the kinds and their JSON Schemas) works without the extra.
"""
from __future__ import annotations

from typing import Any

__all__ = ["INSTALL_HINT", "create_app"]

INSTALL_HINT = "pip install 'ita-docs[web]'"


def create_app(*args: Any, **kwargs: Any) -> Any:
    """The ASGI application; see :func:`ita_docs.web.app.create_app`."""
    from .app import create_app as build

    return build(*args, **kwargs)
