"""``ita-docs serve`` and ``ita-docs schema``."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from ita_docs.cli import main
from ita_docs.web.schemas import kind_schema
from ita_docs.web.server import serve


def test_schema_command_prints_the_kind_schema(capsys):
    assert main(["schema", "committee_order"]) == 0
    assert json.loads(capsys.readouterr().out) == kind_schema("committee_order")


def test_schema_of_an_unknown_kind(capsys):
    assert main(["schema", "budget"]) == 2
    assert "ไม่รู้จักชนิดเอกสาร 'budget'" in capsys.readouterr().err


def test_serve_refuses_the_network_without_keys(capsys):
    assert main(["serve", "--host", "0.0.0.0"]) == 2
    assert capsys.readouterr().err.startswith("Error: ฟังที่ 0.0.0.0 ได้เมื่อมีกุญแจ API เท่านั้น")


@pytest.mark.parametrize("text", ["", "# only a comment\n", "short\n"])
def test_serve_refuses_a_bad_key_file(tmp_path, text):
    from ita_docs.errors import InputError

    keys = tmp_path / "keys"
    keys.write_text(text)
    with pytest.raises(InputError):
        serve("0.0.0.0", 0, api_key_file=keys)


def test_help_stays_fast_and_web_free():
    code = "import sys; from ita_docs.cli import _parser; _parser().format_help(); print('fastapi' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"


@pytest.mark.parametrize("module", ["uvicorn", "fastapi", "python_multipart"])
def test_serve_without_the_extra_says_how_to_install(tmp_path, module):
    # -- a Python where importing a package of the [web] extra fails --
    blocker = tmp_path / "sitecustomize.py"
    blocker.write_text(f"import sys\nsys.modules[{module!r}] = None\n")
    import os

    env = {**os.environ, "PYTHONPATH": f"{tmp_path}{os.pathsep}{os.environ.get('PYTHONPATH', '')}"}
    result = subprocess.run([sys.executable, "-m", "ita_docs", "serve"], capture_output=True, text=True, env=env)
    assert result.returncode == 1
    assert "pip install 'ita-docs[web]'" in result.stderr and "Traceback" not in result.stderr


def test_serve_starts_on_loopback_and_answers():
    import socket
    import time

    import httpx

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    process = subprocess.Popen([sys.executable, "-m", "ita_docs", "serve", "--port", str(port)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        for _ in range(150):
            try:
                health = httpx.get(f"http://127.0.0.1:{port}/api/v1/health", timeout=1)
                break
            except httpx.HTTPError:
                time.sleep(0.1)
        else:
            raise AssertionError("ita-docs serve did not answer")
        assert health.json()["status"] == "ok"
    finally:
        process.terminate()
        _, err = process.communicate(timeout=30)
    assert f"เปิดบริการที่ http://127.0.0.1:{port}/ (เข้าได้จากเครื่องนี้เท่านั้น" in err
