"""schemathesis against the service's own OpenAPI document: no 5xx, and every answer
matches its declared status, media type, headers and schema (bounded examples; on loopback).

The request body's schema says only "an object with a kind": a body that fits it may
still be an invalid document (422 with its problems), so schemathesis' "valid data is
accepted" check does not apply; everything else it checks does.
"""
from __future__ import annotations

import pytest

schemathesis = pytest.importorskip("schemathesis")
from hypothesis import HealthCheck, settings  # noqa: E402
from schemathesis import checks  # noqa: E402

from ita_docs.web.app import create_app  # noqa: E402

pytestmark = pytest.mark.slow

@schemathesis.serializer("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
def _workbook_bytes(context, value) -> bytes:
    """A workbook body as generated: its bytes (mostly not a workbook at all: 400 problems)."""
    return value if isinstance(value, bytes) else str(value).encode()


#: The preview converts with LibreOffice; its inputs are those of render, fuzzed there.
schema = schemathesis.openapi.from_dict(create_app().openapi()).exclude(path="/api/v1/preview")
CHECKS = [checks.not_a_server_error, checks.status_code_conformance, checks.content_type_conformance,
          checks.response_headers_conformance, checks.response_schema_conformance,
          checks.negative_data_rejection]


@schema.parametrize()
@settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck))
def test_no_server_error_and_answers_match_the_schema(case, server):
    case.call_and_validate(base_url=server.url, timeout=120, checks=CHECKS)
