"""A PDF request that cannot get a LibreOffice slot in time is answered 503 with Retry-After."""
from __future__ import annotations

from ita_docs.web.pdfpool import PdfPool
from ita_docs.web.problems import ProblemError


def test_no_slot_in_time_is_503(tmp_path):
    pool = PdfPool(1, wait_seconds=0.05)
    assert pool._free.acquire(timeout=1)  # -- the one slot is taken --
    try:
        pool.convert(tmp_path / "a.docx")
    except ProblemError as exc:
        assert exc.status == 503 and exc.headers["Retry-After"] == "30"
    else:
        raise AssertionError("expected a 503 problem")
    finally:
        pool._free.release()
