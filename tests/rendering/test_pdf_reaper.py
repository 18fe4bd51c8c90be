"""The PDF reaper (``ita_docs.rendering.pdf._reaper``) is closed and waited for when
Python exits: no ResourceWarning "subprocess … is still running", and what it still
looked after is ended before the exit returns."""
from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

from tests.conftest import ROOT


def run_python(code: str) -> subprocess.CompletedProcess[str]:
    """*code* in a new Python that turns every ResourceWarning into an error."""
    return subprocess.run([sys.executable, "-W", "error::ResourceWarning", "-c", textwrap.dedent(code)],
                          capture_output=True, text=True, timeout=60, cwd=ROOT)


def alive(pid: int) -> bool:
    """Whether *pid* runs (a zombie counts as gone)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def test_a_process_that_used_the_reaper_exits_without_a_resource_warning(tmp_path):
    listed = tmp_path / "listed"
    listed.mkdir()
    done = run_python(f"""
        from ita_docs.rendering import pdf
        pdf._reaper("path", {str(tmp_path / 'unlisted')!r})
        pdf._reaper("unpath", {str(tmp_path / 'unlisted')!r})
        print(pdf._reaper_process.pid)
    """)
    assert done.returncode == 0 and done.stderr == "", done.stderr
    assert not alive(int(done.stdout))


def test_a_path_still_listed_at_exit_is_removed_before_the_exit_returns(tmp_path):
    listed = tmp_path / "listed"
    listed.mkdir()
    done = run_python(f"""
        from ita_docs.rendering import pdf
        pdf._reaper("path", {str(listed)!r})
    """)
    assert done.returncode == 0 and done.stderr == "", done.stderr
    assert not listed.exists()


def test_a_group_still_listed_at_exit_is_ended_before_the_exit_returns(tmp_path):
    done = run_python("""
        import subprocess
        from ita_docs.rendering import pdf
        group = subprocess.Popen(["sleep", "60"], start_new_session=True)
        pdf._reaper("group", group.pid)
        print(group.pid, flush=True)
        group.returncode = 0  # -- this test's own child: not the warning looked for --
    """)
    assert done.returncode == 0 and done.stderr == "", done.stderr
    assert not alive(int(done.stdout))


def test_a_forked_child_leaves_its_parents_reaper_alone(tmp_path):
    listed = tmp_path / "listed"
    listed.mkdir()
    done = run_python(f"""
        import os
        from ita_docs.rendering import pdf
        pdf._reaper("path", {str(listed)!r})
        pid = os.fork()
        if pid == 0:
            pdf._close_reaper()  # -- what the child's exit runs --
            os._exit(1 if pdf._reaper_process.stdin.closed else 0)
        _, status = os.waitpid(pid, 0)
        print(os.waitstatus_to_exitcode(status), os.path.isdir({str(listed)!r}))
    """)
    assert done.returncode == 0 and done.stderr == "", done.stderr
    assert done.stdout.split() == ["0", "True"]
    assert not listed.exists()
