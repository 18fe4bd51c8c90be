"""``ita-docs serve``: run the application on uvicorn, on loopback unless keys guard it."""
from __future__ import annotations

import ipaddress
import os
import sys
from pathlib import Path

import fastapi  # noqa: F401 - imported here so that a missing [web] extra shows before anything starts
import python_multipart  # noqa: F401 - for uploads
import uvicorn

from ..errors import InputError
from .settings import KEY_FILE_ENV, Settings, read_api_keys

__all__ = ["is_loopback", "serve"]


def is_loopback(host: str) -> bool:
    """Whether *host* is reachable only from this machine.

    >>> is_loopback("127.0.0.1"), is_loopback("::1"), is_loopback("localhost"), is_loopback("0.0.0.0")
    (True, True, True, False)
    """
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def serve(host: str = "127.0.0.1", port: int = 8000, *, workers: int = 1, api_key_file: str | Path | None = None,
          pdf_slots: int | None = None, log_level: str = "info") -> None:
    """Serve the API and the browser app until interrupted.

    A host other than loopback needs *api_key_file*: the service would otherwise take
    documents from anyone on the network.
    """
    keys = read_api_keys(api_key_file) if api_key_file else frozenset()
    if not keys and not is_loopback(host):
        raise InputError(f"ฟังที่ {host} ได้เมื่อมีกุญแจ API เท่านั้น ใช้ --api-key-file ไฟล์กุญแจ "
                         "(หรือใช้ --host 127.0.0.1 ให้เข้าได้จากเครื่องนี้เท่านั้น)")
    settings = Settings(api_keys=keys, **({"pdf_slots": pdf_slots} if pdf_slots else {}))
    where = f"http://{host}:{port}/" if ":" not in host else f"http://[{host}]:{port}/"
    guard = "ต้องมีกุญแจ API" if keys else "เข้าได้จากเครื่องนี้เท่านั้น"
    print(f"ita-docs: เปิดบริการที่ {where} ({guard}; PDF พร้อมกันได้ {settings.pdf_slots} งานต่อกระบวนการ)",
          file=sys.stderr)
    os.environ.pop(KEY_FILE_ENV, None)
    os.environ.update(settings.to_env(api_key_file if keys else None))  # -- for the worker processes --
    uvicorn.run("ita_docs.web.app:create_app_from_env", factory=True, host=host, port=port,
                workers=max(1, workers), log_level=log_level, server_header=False, proxy_headers=False)
