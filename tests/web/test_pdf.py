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


def test_pool_runs_at_most_its_slots(tmp_path):
    soffice_or_skip()
    from ita_docs import render

    pool = PdfPool(1, wait_seconds=300)
    docs = [render(KRUT, tmp_path / f"{n}.docx") for n in range(2)]
    seen = []

    def convert(path):
        pool.convert(path, path.with_suffix(".pdf"))
        seen.append(pool.running)

    threads = [threading.Thread(target=convert, args=(d,)) for d in docs]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert pool.done == 2 and max(seen) <= 1
    assert all(d.with_suffix(".pdf").read_bytes()[:5] == b"%PDF-" for d in docs)
