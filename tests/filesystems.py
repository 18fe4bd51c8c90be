"""Real file systems that fail: a tiny tmpfs that fills at once, a read-only one (needs root)."""
from __future__ import annotations

import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest


@contextmanager
def small_disk(where: Path, *, size: str = "12k", read_only: bool = False) -> Iterator[Path]:
    """A tmpfs of *size* mounted at *where* for the block; the test is skipped if mounting is
    not allowed here (not root, or in a container without the right)."""
    where.mkdir(parents=True, exist_ok=True)
    options = f"size={size}" + (",ro" if read_only else "")
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(where)],
                             capture_output=True, text=True)
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.strip()}")
    try:
        yield where
    finally:
        subprocess.run(["umount", str(where)], check=True)
