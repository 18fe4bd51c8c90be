"""The JSON API against a real server on loopback: every endpoint, and problem answers for bad input."""
from __future__ import annotations

import base64
import io
import json
from pathlib import Path
from urllib.parse import unquote

import docx
import httpx
import pytest
import yaml

from ita_docs import load
from ita_docs.rendering.linebreak import strip_joiners
from ita_docs.web.names import decoded_header
from ita_docs.web.schemas import kind_schema
from tests.conftest import SAMPLES
from tests.web.conftest import API_KEY, KRUT, NONGMUANG, workbook_of, wrong_date_workbook

PROBLEM = "application/problem+json"
YAML = {"Content-Type": "application/yaml"}


def _filename(response: httpx.Response) -> str:
    disposition = response.headers["content-disposition"]
    return unquote(disposition.split("filename*=UTF-8''", 1)[1])


def _problem(response: httpx.Response, status: int) -> dict:
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == PROBLEM
    body = response.json()
    assert body["status"] == status and body["title"] and body["type"].startswith("urn:ita-docs:problem:")
    return body


def _docx_text(data: bytes) -> str:
    document = docx.Document(io.BytesIO(data))
    cells = [c.text for t in document.tables for r in t.rows for c in r.cells]
    # -- the joiners that keep Thai words whole in narrow cells are not text --
    return strip_joiners("\n".join([p.text for p in document.paragraphs] + cells))


def test_health(client):
    body = client.get("/api/v1/health").json()
    assert body["status"] == "ok" and body["pdf_slots"] >= 1


def test_kinds_have_thai_names(client):
    kinds = {k["kind"]: k["name"] for k in client.get("/api/v1/kinds").json()["kinds"]}
    assert kinds["measures_plan"] == "มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน"
    assert set(kinds) == {"measures_plan", "progress_report", "committee_order", "oit_assignments",
                          "analysis_report", "annual_report", "combined"}


@pytest.mark.parametrize(("kind", "sample"), [
    ("measures_plan", "nongmuang-2566-measures"), ("progress_report", "krut-2566-progress"),
    ("analysis_report", "satengnok-2566-analysis"), ("annual_report", "ronthong-2564-report"),
])
def test_schema_is_a_json_schema_the_sample_meets(client, kind, sample):
    jsonschema_rs = pytest.importorskip("jsonschema_rs")
    from ita_docs.io import document_data

    response = client.get(f"/api/v1/schema/{kind}")
    assert response.headers["content-type"] == "application/schema+json"
    schema = response.json()
    jsonschema_rs.meta.validate(schema)
    assert schema["properties"]["kind"]["const"] == kind
    assert schema == kind_schema(kind)
    validator = jsonschema_rs.validator_for(schema)
    assert validator.is_valid(document_data(load(SAMPLES / f"{sample}.yaml")))
    assert not validator.is_valid({"kind": kind, "fiscal_year": "ปีหน้า"})


def test_unknown_schema_is_a_404_problem(client):
    body = _problem(client.get("/api/v1/schema/budget"), 404)
    assert "budget" in body["detail"]


def test_render_json_body_names_the_file_in_thai(client):
    data = yaml.safe_load(KRUT.read_text(encoding="utf-8"))
    response = client.post("/api/v1/render", json=data)
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    assert _filename(response) == "เทศบาลตำบลกรูด-2566-progress_report.docx"
    assert 'filename="document-2566-progress_report.docx"' in response.headers["content-disposition"]
    assert "เทศบาลตำบลกรูด" in _docx_text(response.content)


def test_render_uploaded_workbook(client, tmp_path):
    book = workbook_of(KRUT, tmp_path)
    response = client.post("/api/v1/render?format=docx", files={"file": ("กรูด.xlsx", book.read_bytes())})
    assert response.status_code == 200, response.text
    assert "มีแนวทางปฏิบัติเกี่ยวกับการใช้ทรัพย์สินของทางราชการที่ถูกต้อง" in _docx_text(response.content)


def test_render_raw_yaml_body(client):
    response = client.post("/api/v1/render", content=NONGMUANG.read_bytes(), headers=YAML)
    assert response.status_code == 200
    assert _filename(response) == "เทศบาลตำบลหนองม่วง-2566-measures_plan.docx"


def _wrong_total(plan_data: dict) -> dict:
    plan_data["previous_result"]["total_score"] = "12.50"
    return plan_data


def test_render_warnings_in_a_header(client, plan_data):
    response = client.post("/api/v1/render", json=_wrong_total(plan_data))
    assert response.status_code == 200
    assert int(response.headers["x-ita-docs-warning-count"]) >= 1
    messages = decoded_header(response.headers["x-ita-docs-warnings"])
    assert any("previous_result.total_score" in m for m in messages)


def test_render_warnings_in_an_envelope(client, plan_data):
    body = client.post("/api/v1/render?include=warnings", json=_wrong_total(plan_data)).json()
    assert body["filename"] == "เทศบาลตำบลหนองม่วง-2566-measures_plan.docx"
    assert base64.b64decode(body["data_base64"])[:2] == b"PK"
    warning = next(w for w in body["warnings"] if w["path"] == "previous_result.total_score")
    assert warning["severity"] == "warning" and warning["message"]


def test_wrong_date_in_a_workbook_names_its_cell(client, tmp_path):
    bad, cell = wrong_date_workbook(tmp_path)
    for endpoint in ("/api/v1/render", "/api/v1/check"):
        response = client.post(endpoint, files={"file": (bad.name, bad.read_bytes())})
        body = _problem(response, 422)
        problem = body["problems"][0]
        assert problem["cell"] == cell and problem["path"] == "meeting.date"
        assert problem["file"] == "แผน-วันที่ผิด.xlsx"
        assert "31 ก.พ. 2566" in problem["message"]


def test_invalid_data_lists_every_problem_with_its_path(client, plan_data):
    plan_data["fiscal_year"] = "ปีหน้า"
    plan_data["measures"][1]["title"] = ""
    body = _problem(client.post("/api/v1/render", json=plan_data), 422)
    paths = {p["path"] for p in body["problems"]}
    assert {"fiscal_year", "measures[1].title"} <= paths
    assert all(p["message"] for p in body["problems"])


@pytest.mark.parametrize(("content", "headers", "status", "slug"), [
    (b"{", {"Content-Type": "application/json"}, 400, "unreadable"),
    (b"kind: [", YAML, 400, "unreadable"),
    (b'{"kind": "budget"}', {"Content-Type": "application/json"}, 422, "invalid-data"),
    (b"[1, 2]", {"Content-Type": "application/json"}, 422, "invalid-data"),
    (b"PK not a workbook", {"Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
     400, "unreadable"),
    (b"<doc/>", {"Content-Type": "application/xml"}, 415, "unsupported-media-type"),
    (b"", {"Content-Type": "application/json"}, 400, "empty"),
    (b"kind: \x80\x81 plan", YAML, 400, "unreadable"),
    (b"\xff\xfe", YAML, 422, "invalid-data"),  # -- a UTF-16 BOM alone: an empty document, with no kind --
])
def test_bad_bodies_are_4xx_problems(client, content, headers, status, slug):
    body = _problem(client.post("/api/v1/render", content=content, headers=headers), status)
    assert body["type"].endswith(slug)


def test_bad_uploads_are_4xx_problems(client):
    two = [("file", ("a.yaml", b"kind: x")), ("file", ("b.yaml", b"kind: y"))]
    _problem(client.post("/api/v1/render", files=two), 400)
    _problem(client.post("/api/v1/render", files={"other": ("a.yaml", b"kind: x")}), 400)
    _problem(client.post("/api/v1/render", files={"file": ("a.docx", b"PK")}), 415)
    _problem(client.post("/api/v1/render", data={"file": "not a file"}, files={"x": ("a", b"")}), 400)


def test_bad_parameters_are_problems(client):
    body = _problem(client.post("/api/v1/render?format=odt", json={"kind": "measures_plan"}), 422)
    assert body["problems"][0]["path"] == "query.format"
    _problem(client.post("/api/v1/convert", json={"kind": "measures_plan"}), 422)  # -- ?to= missing --
    _problem(client.get("/api/v1/nothing"), 404)
    _problem(client.get("/api/v1/render"), 405)


def test_too_large_is_413(small_server):
    with httpx.Client(base_url=small_server.url) as c:
        _problem(c.post("/api/v1/render", content=NONGMUANG.read_bytes(), headers=YAML), 413)
        _problem(c.post("/api/v1/render", files={"file": ("p.yaml", NONGMUANG.read_bytes())}), 413)

        def chunks():  # -- no Content-Length: counted as it arrives --
            data = NONGMUANG.read_bytes()
            for start in range(0, len(data), 1024):
                yield data[start:start + 1024]

        _problem(c.post("/api/v1/render", content=chunks(), headers=YAML), 413)


def test_no_answer_names_a_server_folder(client, tmp_path):
    bad, _ = wrong_date_workbook(tmp_path)
    answers = [
        client.post("/api/v1/render", files={"file": (bad.name, bad.read_bytes())}),
        client.post("/api/v1/render", content=b"kind: [", headers=YAML),
        client.post("/api/v1/check", content=(SAMPLES / "satengnok-2566-analysis.yaml").read_bytes(), headers=YAML),
        client.post("/api/v1/render", files={"file": ("x.xlsx", b"PK\x03\x04 broken")}),
    ]
    for response in answers:
        text = response.text
        for folder in ("/tmp", str(Path.cwd()), "ita-docs-web-", str(Path.home())):
            assert folder not in text, text


def test_check_findings_with_paths(client):
    body = client.post("/api/v1/check", content=(SAMPLES / "satengnok-2566-analysis.yaml").read_bytes(),
                       headers=YAML).json()
    assert body["count"] == len(body["findings"]) > 0
    foreign = next(f for f in body["findings"] if f["check"] == "foreign_name")
    assert "เทศบาลเมืองสงขลา" in foreign["message"] and foreign["path"] and foreign["severity"] == "warning"


def test_check_of_a_workbook_names_cells(client, tmp_path):
    book = workbook_of(SAMPLES / "satengnok-2566-analysis.yaml", tmp_path)
    body = client.post("/api/v1/check", files={"file": ("สะเตงนอก.xlsx", book.read_bytes())}).json()
    foreign = next(f for f in body["findings"] if f["check"] == "foreign_name")
    assert foreign["cell"] and "!" in foreign["cell"]
    assert foreign["file"] == "สะเตงนอก.xlsx"


def test_check_nothing_found(client):
    body = client.post("/api/v1/check", content=NONGMUANG.read_bytes(), headers=YAML).json()
    assert body == {"count": len(body["findings"]), "findings": body["findings"]}


@pytest.mark.parametrize("to", ["yaml", "json", "xlsx"])
def test_convert_round_trips(client, to, tmp_path):
    response = client.post(f"/api/v1/convert?to={to}", content=KRUT.read_bytes(), headers=YAML)
    assert response.status_code == 200
    name = _filename(response)
    assert name == f"เทศบาลตำบลกรูด-2566-progress_report.{to}"
    (tmp_path / f"back.{to}").write_bytes(response.content)
    assert load(tmp_path / f"back.{to}") == load(KRUT)


def test_followup_from_a_plan(client, tmp_path):
    response = client.post("/api/v1/followup?to=yaml", content=NONGMUANG.read_bytes(), headers=YAML)
    assert response.status_code == 200
    assert _filename(response) == "เทศบาลตำบลหนองม่วง-2566-progress_report.yaml"
    report = load(yaml.safe_load(response.content))
    assert report.kind == "progress_report" and len(report.tables[0].measures) == 8


def test_followup_keeps_the_upload_format(client, tmp_path):
    book = workbook_of(NONGMUANG, tmp_path)
    response = client.post("/api/v1/followup", files={"file": ("แผน.xlsx", book.read_bytes())})
    assert _filename(response).endswith("-progress_report.xlsx") and response.content[:2] == b"PK"


def test_followup_of_a_report_is_a_located_problem(client):
    body = _problem(client.post("/api/v1/followup", content=KRUT.read_bytes(), headers=YAML), 422)
    assert body["problems"][0]["path"] == "kind"


def test_next_year_with_review(client):
    body = client.post("/api/v1/next-year?to=json&include=warnings", content=NONGMUANG.read_bytes(),
                       headers=YAML).json()
    assert body["filename"] == "เทศบาลตำบลหนองม่วง-2567-measures_plan.json"
    moved = json.loads(base64.b64decode(body["data_base64"]))
    assert moved["fiscal_year"] == 2567
    assert body["warnings"][0]["path"] == "previous_result" and body["warnings"][0]["severity"] == "review"


@pytest.mark.parametrize("kind", ["measures_plan", "committee_order", "combined"])
def test_blank_workbook_reads_back(client, kind, tmp_path):
    response = client.get(f"/api/v1/blank/{kind}?format=xlsx&year=2568")
    assert response.status_code == 200
    path = tmp_path / "blank.xlsx"
    path.write_bytes(response.content)
    document = load(path)
    assert document.kind == kind
    if hasattr(document, "fiscal_year"):
        assert document.fiscal_year == 2568


def test_blank_yaml_is_the_commented_starter(client):
    response = client.get("/api/v1/blank/measures_plan?format=yaml")
    assert response.content.startswith(b"#") or b"\n#" in response.content
    _problem(client.get("/api/v1/blank/budget"), 404)
    _problem(client.get("/api/v1/blank/measures_plan?year=66"), 422)


def test_api_keys(keyed_server):
    with httpx.Client(base_url=keyed_server.url) as c:
        _problem(c.post("/api/v1/render", content=NONGMUANG.read_bytes(), headers=YAML), 401)
        _problem(c.post("/api/v1/check", content=NONGMUANG.read_bytes(), headers={**YAML, "X-API-Key": "wrong"}), 401)
        assert c.post("/api/v1/check", content=NONGMUANG.read_bytes(),
                      headers={**YAML, "X-API-Key": API_KEY}).status_code == 200
        assert c.post("/api/v1/check", content=NONGMUANG.read_bytes(),
                      headers={**YAML, "Authorization": f"Bearer {API_KEY}"}).status_code == 200
        assert c.get("/api/v1/health").status_code == 200


def test_an_unexpected_error_is_a_500_problem_without_internals():
    from ita_docs.web.app import create_app
    from tests.web.conftest import LiveServer

    app = create_app()

    @app.get("/api/v1/boom")
    def boom():
        raise RuntimeError("secret /srv/internal detail")

    with LiveServer(app) as live, httpx.Client(base_url=live.url) as c:
        body = _problem(c.get("/api/v1/boom"), 500)
    assert "secret" not in json.dumps(body) and "Traceback" not in json.dumps(body)


def test_concurrent_requests_get_their_own_documents(server, plan_data):
    from concurrent.futures import ThreadPoolExecutor

    letters = "กขคงจฉชซ"  # -- names without digits, which the document writes in Thai --

    def one(n: int) -> tuple[int, str, str]:
        data = {**plan_data, "organisation": {**plan_data["organisation"], "name": f"เทศบาลตำบลทดสอบ{letters[n]}"}}
        with httpx.Client(base_url=server.url, timeout=300) as c:
            response = c.post("/api/v1/render", json=data)
        return n, _filename(response), _docx_text(response.content)

    with ThreadPoolExecutor(8) as pool:
        for n, name, text in pool.map(one, range(8)):
            assert name == f"เทศบาลตำบลทดสอบ{letters[n]}-2566-measures_plan.docx"
            assert f"เทศบาลตำบลทดสอบ{letters[n]}" in text
            assert not any(f"เทศบาลตำบลทดสอบ{other}" in text for other in letters if other != letters[n])


def test_pages_load_nothing_from_elsewhere(client):
    for path in ("/", "/docs"):
        response = client.get(path)
        assert response.status_code == 200 and response.headers["content-type"].startswith("text/html")
        assert "default-src 'self'" in response.headers["content-security-policy"]
        assert 'src="http' not in response.text and 'href="http' not in response.text
        assert "//" not in "".join(part.split('"')[0] for part in response.text.split('src="')[1:])
    assert "ดาวน์โหลดสมุดงานเปล่า" in client.get("/").text
    assert "/api/v1/render" in client.get("/docs").text


def test_openapi_lists_every_endpoint(client):
    paths = client.get("/openapi.json").json()["paths"]
    assert {"/api/v1/kinds", "/api/v1/schema/{kind}", "/api/v1/render", "/api/v1/check", "/api/v1/convert",
            "/api/v1/followup", "/api/v1/next-year", "/api/v1/health", "/api/v1/blank/{kind}",
            "/api/v1/preview"} <= set(paths)


def test_without_libreoffice_the_app_says_so_and_pdf_is_503(client, monkeypatch, tmp_path):
    monkeypatch.setenv("ITA_DOCS_SOFFICE", str(tmp_path / "no-soffice"))
    assert "ไม่มี LibreOffice" in client.get("/").text
    assert client.get("/api/v1/health").json()["pdf"] is False
    body = _problem(client.post("/api/v1/render?format=pdf", content=NONGMUANG.read_bytes(), headers=YAML), 503)
    assert "LibreOffice" in body["detail"] and str(tmp_path) not in json.dumps(body, ensure_ascii=False)
    _problem(client.post("/api/v1/preview", content=NONGMUANG.read_bytes(), headers=YAML), 503)
