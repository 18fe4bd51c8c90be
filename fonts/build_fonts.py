#!/usr/bin/env python3
"""Build the Ratchakan fonts: Sarabun (SIL OFL) scaled to the metrics of TH SarabunPSK.

Usage:  python fonts/build_fonts.py [OUT_DIR]      (default: this folder)

Sarabun and TLWG Laksaman are both drawn from TH Sarabun New but about 1.5x larger
per em, so a name-only substitution prints oversized text (see fonts/README.md).
Every glyph, advance, kerning and mark-positioning value is scaled by GLYPH_SCALE,
the em stays 1000 units, and the line metrics are set to LINE_ASCENT/LINE_DESCENT.
The family is renamed (no "Sarabun", no "TH"), as the OFL and depa's trademark ask.
The output is byte-identical on every run (fixed timestamps, no hinting).
"""
from __future__ import annotations

import sys
from pathlib import Path

from fontTools.ttLib import TTFont
from fontTools.ttLib.scaleUpem import scale_upem

HERE = Path(__file__).resolve().parent
SOURCE = HERE / "source"

FAMILY = "Ratchakan Text"
PS_FAMILY = "RatchakanText"

# -- TLWG's 89-tlwg-laksaman-synthetic.conf draws "TH Sarabun" as Laksaman scaled by
#    0.66; Laksaman's ก is 0.602 em high, Sarabun's 0.586 em. So Sarabun's glyphs at
#    0.66 * 0.602 / 0.586 = 0.678 of their size have TH Sarabun's ก (0.397 em). --
TLWG_SYNTHETIC_MATRIX = 0.66
LAKSAMAN_KO_HEIGHT = 602
SARABUN_KO_HEIGHT = 586
GLYPH_SCALE = TLWG_SYNTHETIC_MATRIX * LAKSAMAN_KO_HEIGHT / SARABUN_KO_HEIGHT

# -- line metrics: Laksaman's (usWinAscent 1270, usWinDescent 687) scaled by the same
#    0.66 matrix: 838 / 453 per 1000 em, a line of 1.291 em (provisional, see README) --
LINE_ASCENT = round(1270 * TLWG_SYNTHETIC_MATRIX)
LINE_DESCENT = round(687 * TLWG_SYNTHETIC_MATRIX)

FIXED_TIMESTAMP = 3786825600  # 2024-01-01 in the 1904 epoch of the head table

STYLES = {  # source file → (style name, output file)
    "Sarabun_400Regular.ttf": ("Regular", f"{PS_FAMILY}-Regular.ttf"),
    "Sarabun_700Bold.ttf": ("Bold", f"{PS_FAMILY}-Bold.ttf"),
    "Sarabun_400Regular_Italic.ttf": ("Italic", f"{PS_FAMILY}-Italic.ttf"),
    "Sarabun_700Bold_Italic.ttf": ("Bold Italic", f"{PS_FAMILY}-BoldItalic.ttf"),
}


def _rename(font: TTFont, style: str) -> None:
    name = font["name"]
    copyright_ = name.getDebugName(0)
    ps_style = style.replace(" ", "")
    names = {
        0: f"{copyright_}. Ratchakan Text: scaled derivative by the ita-docs developers",
        1: FAMILY,
        2: style,
        3: f"1.000;ITADOCS;{PS_FAMILY}-{ps_style}",
        4: f"{FAMILY} {style}",
        5: "Version 1.000; derived from Sarabun 1.000",
        6: f"{PS_FAMILY}-{ps_style}",
        10: (f"Sarabun (SIL OFL 1.1) with every glyph scaled by {GLYPH_SCALE:.4f} so that its "
             "size at a given point size matches TH SarabunPSK. Not affiliated with depa or SIPA."),
    }
    for record in list(name.names):
        if record.nameID in (16, 17, 21, 22, 25):
            name.removeNames(nameID=record.nameID)
    for name_id, text in names.items():
        name.setName(text, name_id, 3, 1, 0x409)
        name.setName(text, name_id, 1, 0, 0)


def build_one(source: Path, style: str) -> TTFont:
    """Return the scaled, renamed font made from *source*."""
    font = TTFont(source, recalcTimestamp=False)
    units = font["head"].unitsPerEm
    scale_upem(font, round(units * GLYPH_SCALE))
    font["head"].unitsPerEm = units  # -- same em, smaller glyphs --
    hhea, os2 = font["hhea"], font["OS/2"]
    hhea.ascent, hhea.descent, hhea.lineGap = LINE_ASCENT, -LINE_DESCENT, 0
    os2.sTypoAscender, os2.sTypoDescender, os2.sTypoLineGap = LINE_ASCENT, -LINE_DESCENT, 0
    os2.usWinAscent, os2.usWinDescent = LINE_ASCENT, LINE_DESCENT
    os2.achVendID = "NONE"
    font["head"].created = font["head"].modified = FIXED_TIMESTAMP
    _rename(font, style)
    return font


def main(argv: list[str]) -> int:
    out_dir = Path(argv[0]) if argv else HERE
    out_dir.mkdir(parents=True, exist_ok=True)
    for source_name, (style, out_name) in STYLES.items():
        font = build_one(SOURCE / source_name, style)
        font.save(out_dir / out_name)
        print(out_dir / out_name)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
