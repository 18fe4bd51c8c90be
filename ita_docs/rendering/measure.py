"""Text measured with the bundled font: the width a string takes set on one line.

Text is measured with the advances of the bundled Ratchakan Text faces (read from
them once, by fonts/build_advances.py, into fonts/advances.json),
the stand-in drawn at TH SarabunPSK's size; Thai marks above and below have no advance,
nor have the invisible format characters line breaking puts in (U+FEFF, U+2060 …).
Used by :mod:`.linebreak` (which words may be held whole) and :mod:`.widths` (columns).
"""
from __future__ import annotations

import json
from functools import lru_cache
from itertools import repeat
from pathlib import Path
from typing import Any

from ..errors import ItaDocsError
from ..resources import data_dir

__all__ = ["CELL_MARGIN_CM", "SIZE_PT", "TEXT_WIDTH_CM", "text_width_cm"]

#: A4 (21 cm) less the left (3 cm) and right (2 cm) margins of the bundled templates.
TEXT_WIDTH_CM = 21.0 - 3.0 - 2.0
#: The bundled table style's left and right cell margins (85 twips each).
CELL_MARGIN_CM = 2 * 85 / 1440 * 2.54
#: Table text and headings are 16 pt (the body size).
SIZE_PT = 16.0
_PT_TO_CM = 2.54 / 72
_FACES = {False: "regular", True: "bold"}


#: Format characters (Unicode Cf) that line breaking may put in text: no advance.
_INVISIBLE = frozenset("\ufeff\u2060\u200b\u200c\u200d")


@lru_cache(maxsize=2)
def _advances(bold: bool) -> tuple[dict[str, float], float]:
    """Advance per character in em (0 for the :data:`_INVISIBLE` ones), and the advance used
    for a character the face lacks (from fonts/advances.json, which
    ``python fonts/build_advances.py`` writes from the faces)."""
    fonts = data_dir("fonts")
    try:
        if fonts is None:
            raise FileNotFoundError("fonts")
        table = _read_table(fonts / "advances.json")[_FACES[bold]]
    except (OSError, ValueError, KeyError):
        raise ItaDocsError("ไม่พบตารางความกว้างตัวอักษรที่มากับโปรแกรม (fonts/advances.json) ให้ติดตั้ง ita-docs ใหม่") from None
    per_em = table["units_per_em"]
    advances = {chr(int(code)): units / per_em for code, units in table["advances"].items()}
    missing = advances.get("ก", 0.5)
    advances.update(dict.fromkeys(_INVISIBLE, 0.0))  # -- adding 0.0 leaves a sum as skipping would --
    return advances, missing


@lru_cache(maxsize=1)
def _read_table(path: Path) -> dict[str, Any]:
    with path.open(encoding="ascii") as file:
        table: dict[str, Any] = json.load(file)
    return table


@lru_cache(maxsize=65536)
def text_width_cm(text: str, *, bold: bool = False, size_pt: float = SIZE_PT) -> float:
    """Width of *text* set on one line, in cm.

    >>> text_width_cm("")
    0.0
    >>> text_width_cm("ก่") == text_width_cm("ก")  # a tone mark has no advance
    True
    >>> text_width_cm("ผู้รับผิดชอบ", bold=True) > text_width_cm("ผู้รับผิดชอบ")
    True
    """
    advances, missing = _advances(bold)
    em = sum(map(advances.get, text, repeat(missing)))  # -- in C: the texts of a cell are long --
    return em * size_pt * _PT_TO_CM
