#!/usr/bin/env python3
"""Write fonts/advances.json: the advance of every character of the Ratchakan Text faces
that ita-docs measures text with (ita_docs/rendering/measure.py).

Usage:  python fonts/build_advances.py      (needs fontTools: the ``fonts`` extra)

Reading the advances from the .ttf files at run time meant importing fontTools and
parsing two fonts in every process (~55 ms of a command's start); the table is a pure
function of the committed fonts, so it is written once. tests/test_fonts.py checks that
the committed file matches the fonts.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
FACES = {"regular": "RatchakanText-Regular.ttf", "bold": "RatchakanText-Bold.ttf"}


def advances(font_file: Path) -> dict[str, object]:
    """The face's units per em and, per code point (as a decimal string), its advance in units."""
    from fontTools.ttLib import TTFont

    font = TTFont(str(font_file), lazy=True)
    metrics = font["hmtx"].metrics
    table = {str(code): metrics[glyph][0] for code, glyph in sorted(font.getBestCmap().items())}
    per_em = font["head"].unitsPerEm
    font.close()
    return {"units_per_em": per_em, "advances": table}


def build(folder: Path = HERE) -> str:
    return json.dumps({face: advances(folder / name) for face, name in FACES.items()},
                      separators=(",", ":"), sort_keys=True) + "\n"


def main() -> int:
    (HERE / "advances.json").write_text(build(), encoding="ascii")
    return 0


if __name__ == "__main__":
    sys.exit(main())
