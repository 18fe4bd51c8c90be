"""LibreOffice runs end with all their processes: on timeout, on Ctrl-C, and when Python is killed."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from ita_docs import render
from ita_docs.rendering.pdf import find_soffice, run_in_group
from tests.conftest import SAMPLES

pytestmark = pytest.mark.slow

try:
    SOFFICE = find_soffice()
except Exception:  # noqa: BLE001 - no LibreOffice: the tests skip, saying so
    SOFFICE = None
needs_soffice = pytest.mark.skipif(SOFFICE is None and not os.environ.get("CI"), reason="needs LibreOffice")


def processes_mentioning(text: str) -> list[int]:
    """Process ids whose command line holds *text* (read from /proc)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            cmdline = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode("utf-8", "replace")
        except OSError:
            continue
        if text in cmdline and entry.name != str(os.getpid()):
            found.append(int(entry.name))
    return found


def wait_until(condition, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.1)
    return condition()


@needs_soffice
def test_a_timeout_ends_every_process_of_the_run(tmp_path):
    profile = tmp_path / "profile-timeout"
    command = [str(SOFFICE), f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore"]
    with pytest.raises(subprocess.TimeoutExpired):
        run_in_group(command, dict(os.environ), timeout=1.5)
    assert wait_until(lambda: not processes_mentioning(str(profile)), 10), processes_mentioning(str(profile))


CONVERT = textwrap.dedent("""
    import sys
    from ita_docs import to_pdf
    to_pdf(sys.argv[1], sys.argv[2])
""")


def _start_conversion(tmp_path: Path) -> tuple[subprocess.Popen, Path]:
    docx = render(SAMPLES / "nongmuang-2566-measures.yaml", tmp_path / "plan.docx")
    temp = tmp_path / "tmp"
    temp.mkdir()
    child = subprocess.Popen([sys.executable, "-c", CONVERT, str(docx), str(tmp_path / "plan.pdf")],
                             env=dict(os.environ, TMPDIR=str(temp)))
    # -- wait until LibreOffice itself (soffice.bin) runs on this conversion's profile --
    assert wait_until(lambda: any("soffice.bin" in Path(f"/proc/{pid}/cmdline").read_text(errors="replace")
                                  for pid in processes_mentioning(str(temp))), 60)
    return child, temp


@needs_soffice
@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGKILL], ids=["ctrl-c", "killed"])
def test_no_libreoffice_and_no_profile_remain_when_the_conversion_is_stopped(tmp_path, sig):
    child, temp = _start_conversion(tmp_path)
    child.send_signal(sig)
    child.wait(timeout=30)
    assert wait_until(lambda: not processes_mentioning(str(temp)), 20), processes_mentioning(str(temp))
    assert wait_until(lambda: not any(temp.iterdir()), 10), list(temp.iterdir())
    assert not (tmp_path / "plan.pdf").exists()


BATCH = textwrap.dedent("""
    import copy, sys, yaml
    from ita_docs.batch import render_many
    data = yaml.safe_load(open(sys.argv[1], encoding="utf-8"))
    many = []
    for index in range(20):
        one = copy.deepcopy(data)
        one["organisation"]["name"] = f"เทศบาลตำบลทดสอบ{index}"
        many.append(one)
    render_many(many, sys.argv[2], pdf=True, jobs=2)
""")


@needs_soffice
@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGKILL], ids=["ctrl-c", "killed"])
def test_a_batch_stopped_while_its_workers_start_leaves_nothing(tmp_path, sig):
    # -- the workers are launched before the first document renders: stop it then --
    temp = tmp_path / "tmp"
    temp.mkdir()
    child = subprocess.Popen([sys.executable, "-c", BATCH, str(SAMPLES / "nongmuang-2566-measures.yaml"),
                              str(tmp_path / "out")], env=dict(os.environ, TMPDIR=str(temp)))
    assert wait_until(lambda: any("soffice.bin" in Path(f"/proc/{pid}/cmdline").read_text(errors="replace")
                                  for pid in processes_mentioning(str(temp))), 60)
    child.send_signal(sig)
    child.wait(timeout=30)
    assert wait_until(lambda: not processes_mentioning(str(temp)), 20), processes_mentioning(str(temp))
    assert wait_until(lambda: not any(temp.iterdir()), 10), list(temp.iterdir())


@needs_soffice
def test_a_stream_closed_before_any_file_ends_the_workers_it_launched(tmp_path, monkeypatch):
    from ita_docs.rendering.pdf import PdfStream

    temp = tmp_path / "tmp"
    temp.mkdir()
    monkeypatch.setenv("TMPDIR", str(temp))
    monkeypatch.setattr("tempfile.tempdir", None)
    with PdfStream(tmp_path / "out", jobs=2, digits="thai", documents=2) as stream:
        if not stream._pool.available():
            pytest.skip("needs a Python with uno (python3-uno)")
        assert wait_until(lambda: len(processes_mentioning(str(temp))) >= 2, 30)
    assert stream.results() == []
    assert wait_until(lambda: not processes_mentioning(str(temp)), 20), processes_mentioning(str(temp))
    assert not any(temp.iterdir()), list(temp.iterdir())
