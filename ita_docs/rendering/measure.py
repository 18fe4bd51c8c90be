"""Text measured with the bundled font: the width a string takes set on one line.

Text is measured with the advances of the bundled Ratchakan Text faces (fontTools),
the stand-in drawn at TH SarabunPSK's size; Thai marks above and below have no advance,
nor have the invisible format characters line breaking puts in (U+FEFF, U+2060 …).
Used by :mod:`.linebreak` (which words may be held whole) and :mod:`.widths` (columns).
"""
from __future__ import annotations

from functools import lru_cache

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
_FACES = {False: "RatchakanText-Regular.ttf", True: "RatchakanText-Bold.ttf"}


#: Format characters (Unicode Cf) that line breaking may put in text: no advance.
_INVISIBLE = frozenset("\ufeff\u2060\u200b\u200c\u200d")


@lru_cache(maxsize=2)
def _advances(bold: bool) -> tuple[dict[int, float], float]:
    """Advance per code point in em, and the advance used for a character the face lacks."""
    from fontTools.ttLib import TTFont

    fonts = data_dir("fonts")
    if fonts is None:
        raise ItaDocsError("ไม่พบโฟลเดอร์แบบอักษรที่มากับโปรแกรม (fonts/) ให้ติดตั้ง ita-docs ใหม่")
    font = TTFont(str(fonts / _FACES[bold]), lazy=True)
    per_em = font["head"].unitsPerEm
    metrics = font["hmtx"].metrics
    advances = {code: metrics[glyph][0] / per_em for code, glyph in font.getBestCmap().items()}
    font.close()
    return advances, advances.get(ord("ก"), 0.5)


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
    em = sum(advances.get(ord(ch), missing) for ch in text if ch not in _INVISIBLE)
    return em * size_pt * _PT_TO_CM
