"""The JSON API, version 1: ``/api/v1/...``. Each route reads the request, hands the work
to :mod:`ita_docs.web.service` in a worker thread, and shapes the answer."""
from __future__ import annotations

import hmac
from collections.abc import Callable
from typing import Any, Literal

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import JSONResponse, Response
from starlette.concurrency import run_in_threadpool

from .. import __version__
from ..model import KINDS
from . import service
from .names import content_disposition, encoded_header
from .problems import MEDIA_TYPE, ProblemError
from .schemas import kind_schema, kinds
from .uploads import XLSX, Upload, read_upload

__all__ = ["WARNINGS_HEADER", "router"]

WARNINGS_HEADER = "X-Ita-Docs-Warnings"
COUNT_HEADER = "X-Ita-Docs-Warning-Count"
#: Longest warnings header sent (percent-encoded Thai takes 9 bytes a letter).
MAX_HEADER = 6000

_PROBLEM = {"content": {MEDIA_TYPE: {"schema": {"$ref": "#/components/schemas/Problem"}}}}


def _problems(*codes: int) -> dict[int | str, dict[str, Any]]:
    texts = {400: "อ่านข้อมูลที่ส่งมาไม่ได้", 401: "ต้องมีกุญแจ API", 404: "ไม่พบ", 413: "ใหญ่เกินไป",
             415: "ชนิดข้อมูลใช้ไม่ได้", 422: "ข้อมูลไม่ถูกต้อง", 503: "สร้าง PDF ไม่ได้ในขณะนี้"}
    return {code: {"description": texts[code], **_PROBLEM} for code in (401, *codes)}


def _public_problems(*codes: int) -> dict[int | str, dict[str, Any]]:
    return {code: entry for code, entry in _problems(*codes).items() if code != 401}


_INPUT_ERRORS = _problems(400, 413, 415, 422)
_BINARY = {"schema": {"type": "string", "format": "binary"}}
_DOCUMENT_BODY = {
    "requestBody": {
        "required": True,
        "description": "เอกสารเป็น JSON, YAML หรือสมุดงาน Excel หรือแนบไฟล์ในช่อง file "
                       "(โครงสร้างของแต่ละชนิด: GET /api/v1/schema/{kind})",
        "content": {
            "application/json": {"schema": {"type": "object", "required": ["kind"], "additionalProperties": True,
                                            "properties": {"kind": {"type": "string", "enum": list(KINDS)}}}},
            "application/yaml": {"schema": {"type": "string"}},
            XLSX: _BINARY,
            "multipart/form-data": {"schema": {"type": "object", "required": ["file"],
                                               "properties": {"file": {"type": "string", "format": "binary"}}}},
        },
    }
}
_ENVELOPE = {"schema": {"$ref": "#/components/schemas/FileEnvelope"}}


def authorised(request: Request) -> None:
    """The ``X-API-Key`` or ``Authorization: Bearer`` key, when the server has keys."""
    keys = request.app.state.settings.api_keys
    if not keys:
        return
    given = request.headers.get("x-api-key", "")
    scheme, _, token = request.headers.get("authorization", "").partition(" ")
    if not given and scheme.lower() == "bearer":
        given = token.strip()
    if not any(hmac.compare_digest(given.encode(), key.encode()) for key in keys):
        raise ProblemError(401, "ต้องมีกุญแจ API", "ส่งกุญแจในส่วนหัว X-API-Key หรือ Authorization: Bearer",
                           slug="unauthorised", headers={"WWW-Authenticate": "Bearer"})


router = APIRouter(prefix="/api/v1", tags=["api"])
protected = [Depends(authorised)]


def _file(answer: service.Answer, include: str | None) -> Response:
    if include == "warnings":
        return JSONResponse(answer.envelope())
    headers = {"Content-Disposition": content_disposition(answer.filename),
               COUNT_HEADER: str(len(answer.warnings))}
    if answer.warnings:  # -- the first few: proxies cap header sizes; include=warnings gives all --
        texts = [w["message"] + (f" ({w['location']})" if w["location"] != "?" else "") for w in answer.warnings]
        while len(texts) > 1 and len(encoded_header(texts)) > MAX_HEADER:
            texts.pop()
        headers[WARNINGS_HEADER] = encoded_header(texts)[:MAX_HEADER]
    return Response(answer.data, media_type=answer.media_type, headers=headers)


def _file_responses(*media: str) -> dict[int | str, dict[str, Any]]:
    content = {m: _BINARY for m in media}
    return {200: {"description": "ไฟล์เอกสาร (หรือ JSON เมื่อ include=warnings)",
                  "content": {**content, "application/json": _ENVELOPE}}, **_INPUT_ERRORS}


@router.get("/health", summary="สถานะของบริการ")
def health(request: Request) -> dict[str, Any]:
    from .pdfpool import pdf_available

    pool = request.app.state.pdf_pool
    return {"status": "ok", "version": __version__, "pdf": pdf_available(),
            "pdf_slots": pool.slots, "pdf_running": pool.running}


@router.get("/kinds", summary="ชนิดเอกสารและชื่อภาษาไทย")
def list_kinds() -> dict[str, Any]:
    return {"kinds": kinds()}


@router.get("/schema/{kind}", summary="JSON Schema ของข้อมูลเอกสารชนิดหนึ่ง",
            responses={200: {"content": {"application/schema+json": {"schema": {"type": "object"}}}},
                       **_public_problems(404, 422)})
def schema(kind: str) -> Response:
    if kind not in KINDS:
        raise ProblemError(404, "ไม่พบชนิดเอกสาร", f"ไม่รู้จักชนิดเอกสาร {kind!r} (ที่มี: {', '.join(KINDS)})",
                           slug="unknown-kind")
    return JSONResponse(kind_schema(kind), media_type="application/schema+json")


@router.get("/blank/{kind}", summary="สมุดงานเปล่า (หรือ YAML) ของเอกสารชนิดหนึ่ง พร้อมแถวตัวอย่าง",
            responses={200: {"content": {XLSX: _BINARY, "application/yaml": _BINARY, "application/json": _BINARY}},
                       **_public_problems(404, 422)})
async def blank(kind: str, format: Literal["xlsx", "yaml", "json"] = "xlsx",  # -- "format": the query parameter's public name --
                year: int | None = Query(None, ge=2400, le=2700, description="ปีงบประมาณ พ.ศ.")) -> Response:
    if kind not in KINDS:
        raise ProblemError(404, "ไม่พบชนิดเอกสาร", f"ไม่รู้จักชนิดเอกสาร {kind!r} (ที่มี: {', '.join(KINDS)})",
                           slug="unknown-kind")
    return _file(await run_in_threadpool(service.blank, kind, format, year), None)


@router.post("/render", summary="สร้างเอกสาร .docx หรือ PDF", dependencies=protected,
             openapi_extra=_DOCUMENT_BODY, responses={**_file_responses(service.DOCX, service.PDF), **_problems(400, 413, 415, 422, 503)})
async def render(request: Request, format: Literal["docx", "pdf"] = "docx",
                 include: Literal["warnings"] | None = None) -> Response:
    upload = await read_upload(request, request.app.state.settings)
    return _file(await run_in_threadpool(service.render, upload, format, request.app.state.pdf_pool), include)


@router.post("/preview", summary="ภาพหน้าเอกสาร (PNG) ก่อนดาวน์โหลด", dependencies=protected,
             openapi_extra=_DOCUMENT_BODY,
             responses={200: {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Preview"}}}},
                        **_problems(400, 413, 415, 422, 503)})
async def preview(request: Request) -> Response:
    settings = request.app.state.settings
    upload = await read_upload(request, settings)
    body = await run_in_threadpool(service.preview, upload, request.app.state.pdf_pool,
                                   pages=settings.preview_pages, dpi=settings.preview_dpi)
    return JSONResponse(body)


@router.post("/check", summary="ตรวจความขัดแย้งของข้อมูล", dependencies=protected, openapi_extra=_DOCUMENT_BODY,
             responses={200: {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Findings"}}}},
                        **_INPUT_ERRORS})
async def check(request: Request) -> Response:
    upload = await read_upload(request, request.app.state.settings)
    return JSONResponse(await run_in_threadpool(service.check, upload))


_FORMATS = (service.MEDIA[".yaml"].split(";")[0], "application/json", XLSX)
#: The data formats a document can be answered in.
DataFormat = Literal["yaml", "json", "xlsx"]


async def _data_file(request: Request, make: Callable[[Upload, Any], service.Answer],
                     to: DataFormat | None, include: str | None) -> Response:
    """The document sent, made into another by *make* (in a worker thread), as a file."""
    upload = await read_upload(request, request.app.state.settings)
    return _file(await run_in_threadpool(make, upload, to), include)


@router.post("/convert", summary="แปลงเอกสารเป็น YAML, JSON หรือ Excel", dependencies=protected,
             openapi_extra=_DOCUMENT_BODY, responses=_file_responses(*_FORMATS))
async def convert(request: Request, to: DataFormat,
                  include: Literal["warnings"] | None = None) -> Response:
    return await _data_file(request, service.convert, to, include)


@router.post("/followup", summary="รายงานผลการดำเนินการ (ให้กรอกผล) จากแผนมาตรการ", dependencies=protected,
             openapi_extra=_DOCUMENT_BODY, responses=_file_responses(*_FORMATS))
async def followup(request: Request, to: DataFormat | None = None,
                   include: Literal["warnings"] | None = None) -> Response:
    return await _data_file(request, service.followup, to, include)


@router.post("/next-year", summary="เอกสารของปีถัดไปจากเอกสารปีนี้", dependencies=protected,
             openapi_extra=_DOCUMENT_BODY, responses=_file_responses(*_FORMATS))
async def next_year(request: Request, to: DataFormat | None = None,
                    include: Literal["warnings"] | None = None) -> Response:
    return await _data_file(request, service.next_year, to, include)


