"""PDF and page previews through the service (LibreOffice; slow)."""
from __future__ import annotations

import base64
import threading
from urllib.parse import unquote

import pytest

from ita_docs.web.pdfpool import PdfPool
from tests.web.conftest import KRUT, soffice_or_skip, workbook_of

pytestmark = pytest.mark.slow


def test_render_pdf(client, tmp_path):
    soffice_or_skip()
    book = workbook_of(KRUT, tmp_path)
    response = client.post("/api/v1/render?format=pdf", files={"file": ("กรูด.xlsx", book.read_bytes())})
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "application/pdf" and response.content[:5] == b"%PDF-"
    assert unquote(response.headers["content-disposition"].split("''", 1)[1]) == "เทศบาลตำบลกรูด-2566-progress_report.pdf"


def test_preview_images_of_the_pages(client):
    soffice_or_skip()
    body = client.post("/api/v1/preview", content=KRUT.read_bytes(), headers={"Content-Type": "application/yaml"}).json()
    assert body["page_count"] >= len(body["pages"]) == 3  # -- the test server shows 3 pages --
    for page in body["pages"]:
        assert page["image"].startswith("data:image/png;base64,")
        assert base64.b64decode(page["image"].split(",", 1)[1])[:8] == b"\x89PNG\r\n\x1a\n"


def _convert_all(pool, paths):
    results: dict = {}

    def convert(path):
        try:
            results[path] = pool.convert(path)
        except Exception as exc:  # noqa: BLE001 - collected for the test to look at
            results[path] = exc

    threads = [threading.Thread(target=convert, args=(p,)) for p in paths]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return results


def test_waiting_documents_share_one_libreoffice_run(tmp_path):
    soffice_or_skip()
    from ita_docs import render

    pool = PdfPool(1, wait_seconds=300, batch=8, gather_seconds=0.5)
    docs = [render(KRUT, tmp_path / f"{n}" / "krut.docx") for n in range(3)]
    results = _convert_all(pool, docs)
    assert all(results[d] == d.with_suffix(".pdf") and d.with_suffix(".pdf").read_bytes()[:5] == b"%PDF-"
               for d in docs)
    assert pool.done == 3 and pool.runs == 1 and pool.running == 0


def test_a_broken_document_spoils_no_one_elses_pdf(tmp_path):
    soffice_or_skip()
    from ita_docs import render
    from ita_docs.errors import ItaDocsError

    pool = PdfPool(1, wait_seconds=300, batch=8, gather_seconds=0.5)
    good = render(KRUT, tmp_path / "good" / "krut.docx")
    broken = tmp_path / "broken" / "x.docx"
    broken.parent.mkdir()
    broken.write_bytes(b"PK\x03\x04 not a document")
    results = _convert_all(pool, [good, broken])
    assert results[good] == good.with_suffix(".pdf") and good.with_suffix(".pdf").read_bytes()[:5] == b"%PDF-"
    assert isinstance(results[broken], ItaDocsError)


def test_no_libreoffice_worker_outlives_the_server(tmp_path):
    import os

    import httpx

    from ita_docs.web.app import create_app
    from tests.web.conftest import LiveServer

    soffice_or_skip()
    app = create_app()
    with LiveServer(app) as live, httpx.Client(base_url=live.url, timeout=120) as c:
        response = c.post("/api/v1/render?format=pdf", content=KRUT.read_bytes(),
                          headers={"Content-Type": "application/yaml"})
        assert response.status_code == 200, response.text
        pids = [w.process.pid for w in app.state.pdf_pool.workers._all if w.process is not None]
    if not pids:
        pytest.skip("no Python with uno here: PDF ran without long-lived workers")
    for pid in pids:  # -- ended and reaped at the server's shutdown --
        with pytest.raises(ProcessLookupError):
            os.kill(pid, 0)
