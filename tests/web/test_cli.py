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


def test_schema_command_writes_the_file_o_names(tmp_path, capsys):
    out = tmp_path / "s.json"
    assert main(["schema", "committee_order", "-o", str(out)]) == 0
    assert json.loads(out.read_text(encoding="utf-8")) == kind_schema("committee_order")
    assert main(["schema", "committee_order", "-o", str(out)]) == 2  # -- an existing file needs --force --
    assert main(["schema", "committee_order", "-o", str(out), "--force"]) == 0


def test_schema_of_an_unknown_kind(capsys):
    with pytest.raises(SystemExit) as info:  # -- kind has choices: argparse refuses it, listing them --
        main(["schema", "budget"])
    assert info.value.code == 2
    assert "invalid choice: 'budget'" in capsys.readouterr().err


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


def test_worker_settings_carry_the_key_file_not_the_keys(tmp_path):
    from ita_docs.web.settings import Settings

    keys = tmp_path / "keys"
    keys.write_text("# the municipal CMS\nabcdefghijklmnop0123\n")
    env = Settings(pdf_slots=3).to_env(keys)
    assert "abcdefghijklmnop0123" not in "".join(env.values())
    assert Settings.from_env(env) == Settings(pdf_slots=3, api_keys=frozenset({"abcdefghijklmnop0123"}))


def _start(args: list[str]) -> tuple[subprocess.Popen, str]:
    import socket
    import time

    import httpx

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    process = subprocess.Popen([sys.executable, "-m", "ita_docs", "serve", "--port", str(port), *args],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    url = f"http://127.0.0.1:{port}"
    for _ in range(300):
        try:
            httpx.get(f"{url}/api/v1/health", timeout=1)
            return process, url
        except httpx.HTTPError:
            time.sleep(0.1)
    process.terminate()
    raise AssertionError("ita-docs serve did not answer")


@pytest.mark.slow
def test_serve_with_workers_checks_keys_in_every_worker(tmp_path):
    import httpx

    from tests.web.conftest import NONGMUANG

    keys = tmp_path / "keys"
    keys.write_text("abcdefghijklmnop0123\n")
    process, url = _start(["--workers", "2", "--api-key-file", str(keys)])
    try:
        body, yaml_type = NONGMUANG.read_bytes(), {"Content-Type": "application/yaml"}
        statuses = {httpx.post(f"{url}/api/v1/check", content=body, headers=yaml_type).status_code for _ in range(4)}
        assert statuses == {401}
        keyed = {**yaml_type, "X-API-Key": "abcdefghijklmnop0123"}
        assert {httpx.post(f"{url}/api/v1/check", content=body, headers=keyed).status_code for _ in range(4)} == {200}
    finally:
        process.terminate()
        _, err = process.communicate(timeout=30)
    assert "ต้องมีกุญแจ API" in err
