"""A real ita-docs server on a free loopback port (uvicorn in a thread), and documents to send it."""
from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import SAMPLES

fastapi = pytest.importorskip("fastapi", reason="needs the [web] extra: pip install -e '.[test,web]'")

import httpx  # noqa: E402
import uvicorn  # noqa: E402

from ita_docs.web.app import create_app  # noqa: E402
from ita_docs.web.settings import Settings  # noqa: E402

KRUT = SAMPLES / "krut-2566-progress.yaml"
NONGMUANG = SAMPLES / "nongmuang-2566-measures.yaml"
API_KEY = "test-key-0123456789abcdef"


class LiveServer:
    """uvicorn serving *app* on 127.0.0.1 at a port the system chose, in a thread."""

    def __init__(self, app) -> None:
        self.socket = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.socket.bind(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self.socket.getsockname()[1]}"
        config = uvicorn.Config(app, log_level="warning", lifespan="on", timeout_graceful_shutdown=5)
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, kwargs={"sockets": [self.socket]}, daemon=True)

    def __enter__(self) -> LiveServer:
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("the test server did not start")
            time.sleep(0.02)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=15)
        self.socket.close()


@pytest.fixture(scope="session")
def server() -> Iterator[LiveServer]:
    with LiveServer(create_app(Settings(preview_pages=3))) as live:
        yield live


@pytest.fixture(scope="session")
def small_server() -> Iterator[LiveServer]:
    """A server that takes uploads of at most 4 KiB."""
    with LiveServer(create_app(Settings(max_upload_bytes=4096))) as live:
        yield live


@pytest.fixture(scope="session")
def keyed_server() -> Iterator[LiveServer]:
    with LiveServer(create_app(Settings(api_keys=frozenset({API_KEY})))) as live:
        yield live


@pytest.fixture
def client(server: LiveServer) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=server.url, timeout=300) as c:
        yield c


def workbook_of(source: Path, folder: Path) -> Path:
    """*source* written as a workbook, the way a clerk would get one (``ita-docs convert``)."""
    from ita_docs import load, save

    return save(load(source), folder / f"{source.stem}.xlsx")


def wrong_date_workbook(folder: Path) -> tuple[Path, str]:
    """The nongmuang plan as a workbook whose meeting date is 31 February; and that cell."""
    import openpyxl

    book_path = workbook_of(NONGMUANG, folder)
    book = openpyxl.load_workbook(book_path)
    sheet = book["เอกสาร"]
    row = next(r for r in sheet.iter_rows(min_row=2) if r[0].value == "meeting.date")
    row[1].value = "31 ก.พ. 2566"
    bad = folder / "แผน-วันที่ผิด.xlsx"
    book.save(bad)
    return bad, f"เอกสาร!{row[1].coordinate}"


def soffice_or_skip() -> None:
    """Skip (or, under CI, fail) a test that needs LibreOffice."""
    from ita_docs.web.pdfpool import pdf_available

    if not pdf_available():
        if os.environ.get("CI"):
            pytest.fail("LibreOffice is missing (CI is set)")
        pytest.skip("needs LibreOffice")


def chromium_or_skip() -> str:
    found = shutil.which("chromium") or ("/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None)
    if found is None:
        if os.environ.get("CI"):
            pytest.fail("Debian's chromium is missing (CI is set): apt-get install chromium")
        pytest.skip("needs Debian's chromium (apt-get install chromium)")
    return found
