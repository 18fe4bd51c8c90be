"""The ``ita-docs`` command ends with ``os._exit`` once its work is done (``cli.run``):
what it printed, wrote and registered to run at exit must all still happen."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "samples" / "nongmuang-2566-measures.yaml"


def _ita_docs(*args: str, **kwargs: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "ita_docs", *args], capture_output=True, text=True,
                          timeout=120, **kwargs)  # type: ignore[call-overload]


def test_every_json_line_reaches_a_pipe(tmp_path: Path) -> None:
    """stdout is a pipe (block-buffered): all of a long --json output is flushed before the exit."""
    folder = tmp_path / "in"
    folder.mkdir()
    text = SAMPLE.read_text(encoding="utf-8")
    for index in range(30):
        (folder / f"d{index:02d}.yaml").write_text(text.replace("หนองม่วง", f"หนองม่วง{index}", 1), encoding="utf-8")
    (folder / "broken.yaml").write_text("kind: measures_plan\n", encoding="utf-8")
    result = _ita_docs("batch", str(folder), "-o", str(tmp_path / "out"), "--json")
    events = [json.loads(line) for line in result.stdout.splitlines()]
    assert result.returncode == 1, result.stderr
    assert sum(event["event"] == "written" for event in events) == 30
    assert [event["event"] for event in events].count("error") == 1
    assert len(list((tmp_path / "out").glob("*.docx"))) == 30


def test_errors_and_exit_status_survive(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("kind: measures_plan\norganisation: {name: x}\n", encoding="utf-8")
    result = _ita_docs("render", str(bad), "-o", str(tmp_path / "x.docx"))
    assert result.returncode == 2
    assert "bad.yaml" in result.stderr and result.stderr.endswith("\n")
    assert not (tmp_path / "x.docx").exists()


def test_exit_handlers_still_run(tmp_path: Path) -> None:
    """A handler registered with atexit (as logging and multiprocessing register theirs) runs."""
    mark = tmp_path / "ran"
    code = ("import atexit, pathlib, sys\n"
            f"atexit.register(pathlib.Path({str(mark)!r}).write_text, 'yes')\n"
            "sys.argv = ['ita-docs', '--version']\n"
            "from ita_docs.cli import run\n"
            "run()\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0 and result.stdout.startswith("ita-docs ")
    assert mark.read_text() == "yes"


def test_a_reader_that_goes_away_is_not_an_error(tmp_path: Path) -> None:
    """``ita-docs … | head -c 10``: the closed pipe ends the command quietly, not with
    Python's failed flush at exit (status 120) or a traceback."""
    with subprocess.Popen([sys.executable, "-m", "ita_docs", "schema", "measures_plan"],
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE) as process:
        assert process.stdout is not None and process.stderr is not None
        assert process.stdout.read(10)
        process.stdout.close()
        error = process.stderr.read().decode()
        status = process.wait(timeout=60)
    assert "Traceback" not in error, error
    assert status != 120, error


def test_a_reader_gone_before_the_first_line_ends_a_batch_quietly_with_every_document_written(tmp_path: Path) -> None:
    """``ita-docs batch … --json | true``: the reader is gone before the first event is
    printed. The documents are all written; the command prints no traceback and no
    "Broken pipe" error (it was once a traceback, and for other commands status 2 as if the
    input were wrong), and exits 141, as a program that SIGPIPE ends."""
    data = tmp_path / "data"
    data.mkdir()
    for name in ("a", "b"):
        (data / f"{name}.yaml").write_text(SAMPLE.read_text(encoding="utf-8").replace(
            "name: เทศบาลตำบลหนองม่วง", f"name: เทศบาลตำบลหนองม่วง{name}", 1), encoding="utf-8")
    with subprocess.Popen([sys.executable, "-m", "ita_docs", "batch", str(data), "-o", str(tmp_path / "out"),
                           "--json"], stdout=subprocess.PIPE, stderr=subprocess.PIPE) as process:
        assert process.stdout is not None and process.stderr is not None
        process.stdout.close()  # -- before the command has printed anything: it starts in ~0.5 s --
        error = process.stderr.read().decode()
        status = process.wait(timeout=120)
    assert (status, error) == (141, "")
    assert len(list((tmp_path / "out").glob("*.docx"))) == 2


def test_a_broken_pipe_that_is_not_the_output_is_still_an_error(tmp_path: Path) -> None:
    """Only a closed stdout or stderr ends a command quietly: a BrokenPipeError from
    anything else (here: raised by the handler while stdout is fine) is reported."""
    code = ("import sys\n"
            "from ita_docs import cli\n"
            "def broken(args):\n"
            "    raise BrokenPipeError(32, 'Broken pipe')\n"
            "cli._schema = broken\n"
            "sys.exit(cli.main(['schema', 'measures_plan']))\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 2 and "Broken pipe" in result.stderr and "Traceback" not in result.stderr
