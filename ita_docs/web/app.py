"""The ASGI application: API, browser app, problem answers, limits and safety headers."""
from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .. import __version__
from ..errors import ItaDocsError
from .answers import components
from .pdfpool import PdfPool
from .problems import MEDIA_TYPE, ProblemError, problem
from .settings import Settings

__all__ = ["BodyLimit", "create_app", "create_app_from_env"]

log = logging.getLogger("ita_docs.web")
#: What a multipart request may carry beyond the file itself (boundaries, part headers, fields).
FORM_OVERHEAD = 64 * 1024
SAFETY_HEADERS = (
    (b"content-security-policy", b"default-src 'self'; img-src 'self' data: blob:; style-src 'self'; "
                                 b"script-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'"),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
)


class BodyLimit:
    """ASGI middleware: a request body larger than *limit* bytes is refused with 413,
    by its Content-Length before it is read, or as soon as the bytes received pass it;
    every answer gets the safety headers (CSP with nothing from elsewhere, no sniffing)."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app, self.limit = app, limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        length = dict(scope.get("headers") or []).get(b"content-length", b"0")
        if not length.isdigit() or int(length) > self.limit:
            status = 413 if length.isdigit() else 400
            response = _problem_response(ProblemError(
                status, "ไฟล์ใหญ่เกินไป" if status == 413 else "ส่วนหัว Content-Length ผิด",
                f"ส่งได้ไม่เกิน {self.limit // 1024 // 1024} MB" if status == 413 else "Content-Length ต้องเป็นจำนวนเต็ม",
                slug="too-large" if status == 413 else "bad-request"))
            await response(scope, receive, _with_headers(send))
            return
        received = 0

        async def limited() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.limit:
                    raise ProblemError(413, "ไฟล์ใหญ่เกินไป", f"ส่งได้ไม่เกิน {self.limit // 1024 // 1024} MB",
                                       slug="too-large")
            return message

        await self.app(scope, limited, _with_headers(send))


def _with_headers(send: Send) -> Send:
    async def sending(message: Message) -> None:
        if message["type"] == "http.response.start":
            headers = list(message.get("headers", []))
            present = {name.lower() for name, _ in headers}
            headers += [(name, value) for name, value in SAFETY_HEADERS if name not in present]
            if b"cache-control" not in present:
                headers.append((b"cache-control", b"no-store"))
            message = {**message, "headers": headers}
        await send(message)

    return sending


def _problem_response(exc: ProblemError) -> JSONResponse:
    return JSONResponse(exc.body(), status_code=exc.status, media_type=MEDIA_TYPE, headers=exc.headers)


def _validation_detail(exc: RequestValidationError) -> list[dict[str, Any]]:
    out = []
    for error in exc.errors():
        where = ".".join(str(p) for p in error.get("loc", ()))
        expected = error.get("ctx", {}).get("expected")
        message = f"ต้องเป็นค่าใดค่าหนึ่งต่อไปนี้: {expected}" if expected else "ค่าไม่ถูกต้อง"
        if error.get("type") == "missing":
            message = "ต้องระบุค่านี้"
        out.append({"severity": "error", "message": message, "location": where, "file": None,
                    "path": where, "cell": None})
    return out


def _install_handlers(app: FastAPI) -> None:
    @app.exception_handler(ProblemError)
    async def on_problem(request: Request, exc: ProblemError) -> JSONResponse:
        return _problem_response(exc)

    @app.exception_handler(ItaDocsError)
    async def on_library_error(request: Request, exc: ItaDocsError) -> JSONResponse:
        return _problem_response(ProblemError.of(exc))

    @app.exception_handler(RequestValidationError)
    async def on_bad_parameters(request: Request, exc: RequestValidationError) -> JSONResponse:
        problems = _validation_detail(exc)
        detail = "; ".join(f"{p['location']}: {p['message']}" for p in problems)
        return JSONResponse(problem(422, "พารามิเตอร์ไม่ถูกต้อง", detail, slug="bad-parameters", problems=problems),
                            status_code=422, media_type=MEDIA_TYPE)

    @app.exception_handler(StarletteHTTPException)
    async def on_http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        titles = {404: "ไม่พบหน้านี้", 405: "ใช้วิธีนี้กับหน้านี้ไม่ได้"}
        title = titles.get(exc.status_code, "คำขอไม่ถูกต้อง")
        return JSONResponse(problem(exc.status_code, title, title, slug=f"http-{exc.status_code}"),
                            status_code=exc.status_code, media_type=MEDIA_TYPE, headers=exc.headers)

    @app.exception_handler(Exception)
    async def on_anything_else(request: Request, exc: Exception) -> JSONResponse:
        log.exception("ita-docs web: unexpected error on %s %s", request.method, request.url.path)
        return JSONResponse(problem(500, "เกิดข้อผิดพลาดภายในระบบ", "ระบบทำงานผิดพลาด ผู้ดูแลระบบดูรายละเอียดได้ในบันทึก",
                                    slug="internal"), status_code=500, media_type=MEDIA_TYPE)


def create_app(settings: Settings | None = None) -> FastAPI:
    """The application with *settings* (default limits, no API keys)."""
    from . import api, pages

    settings = settings or Settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        app.state.pdf_pool.close()  # -- no LibreOffice worker outlives the server --

    app = FastAPI(title="ita-docs", version=__version__, docs_url=None, redoc_url=None, lifespan=lifespan,
                  description="สร้างเอกสาร ITA (มาตรการ รายงานผล ฯลฯ) เป็น Word และ PDF จากข้อมูล JSON, YAML หรือ Excel. "
                              "Errors are RFC 9457 application/problem+json with the Thai message and location of every problem.")
    app.state.settings = settings
    app.state.pdf_pool = PdfPool(settings.pdf_slots, settings.pdf_wait_seconds)
    _install_handlers(app)
    app.include_router(api.router)
    app.include_router(pages.router)
    pages.mount_static(app)

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            from fastapi.openapi.utils import get_openapi

            schema = get_openapi(title=app.title, version=app.version, description=app.description, routes=app.routes)
            schema.setdefault("components", {}).setdefault("schemas", {}).update(components())
            app.openapi_schema = schema
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
    app.add_middleware(BodyLimit, limit=settings.max_upload_bytes + FORM_OVERHEAD)
    return app


def create_app_from_env() -> FastAPI:
    """The application with the settings a parent ``ita-docs serve`` put in the environment."""
    return create_app(Settings.from_env())
