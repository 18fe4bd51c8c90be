"""The shapes of the API's JSON answers, for the OpenAPI document (``components/schemas``)."""
from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict

__all__ = ["COMPONENTS", "FileEnvelope", "Findings", "Preview", "Problem", "ProblemItem", "components"]


class ProblemItem(BaseModel):
    """One problem or finding, and where it is."""

    model_config = ConfigDict(extra="allow")
    severity: str
    message: str
    location: str
    file: str | None = None
    path: str | None = None
    cell: str | None = None


class Problem(BaseModel):
    """RFC 9457 problem details; ``problems`` lists each place at fault."""

    model_config = ConfigDict(extra="allow")
    type: str
    title: str
    status: int
    detail: str
    problems: list[ProblemItem] | None = None


class Finding(ProblemItem):
    check: str


class Findings(BaseModel):
    count: int
    findings: list[Finding]


class FileEnvelope(BaseModel):
    """A file in JSON (``include=warnings``): its name, type, bytes in base64, and the warnings."""

    filename: str
    media_type: str
    size: int
    data_base64: str
    warnings: list[ProblemItem]


class PageImage(BaseModel):
    number: int
    image: str


class Preview(BaseModel):
    filename: str
    page_count: int
    warnings: list[ProblemItem]
    pages: list[PageImage]


COMPONENTS = (Problem, FileEnvelope, Findings, Preview)


def components() -> dict[str, Any]:
    """The JSON Schemas of the answers, with their nested models, by name."""
    out: dict[str, Any] = {}
    for model in COMPONENTS:
        schema = model.model_json_schema(ref_template="#/components/schemas/{model}")
        out.update(schema.pop("$defs", {}))
        out[model.__name__] = schema
    return out
