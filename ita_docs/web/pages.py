"""The browser app at ``/`` (Thai, server-rendered, a little plain JavaScript, nothing
from the internet) and the endpoint list at ``/docs``."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

from fastapi import APIRouter, FastAPI, Request
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

from .. import __version__
from .schemas import kinds

__all__ = ["STATIC", "mount_static", "router"]

STATIC = Path(__file__).resolve().parent / "static"
router = APIRouter(include_in_schema=False)


@lru_cache(maxsize=1)
def _environment() -> Any:
    from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

    return Environment(loader=PackageLoader("ita_docs.web", "templates"), autoescape=select_autoescape(default=True),
                       undefined=StrictUndefined)


def _page(name: str, **context: Any) -> HTMLResponse:
    html = _environment().get_template(name).render(version=__version__, **context)
    return HTMLResponse(html, headers={"Cache-Control": "no-cache"})


@router.get("/")
def index(request: Request) -> HTMLResponse:
    from .pdfpool import pdf_available

    return _page("index.html", kinds=kinds(), pdf=pdf_available(),
                 needs_key=bool(request.app.state.settings.api_keys),
                 max_mb=request.app.state.settings.max_upload_bytes // 1024 // 1024)


@router.get("/docs")
def docs(request: Request) -> HTMLResponse:
    schema = request.app.openapi()
    operations = [{"method": method.upper(), "path": path, "summary": op.get("summary", ""),
                   "parameters": [p["name"] for p in op.get("parameters", [])],
                   "body": sorted(op.get("requestBody", {}).get("content", {}))}
                  for path, item in schema["paths"].items() for method, op in item.items()]
    return _page("docs.html", operations=operations)


def mount_static(app: FastAPI) -> None:
    """Serve the app's JavaScript and CSS from the package."""
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
