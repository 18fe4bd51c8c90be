"""Kept for old imports: writing output files lives in :mod:`ita_docs.output` (below ``io``
and ``rendering``, which both write files)."""
from ..output import check_not_input, check_writable, write_atomic

__all__ = ["check_not_input", "check_writable", "write_atomic"]
