"""The bundled fonts: rebuilt byte for byte, renamed, and scaled as fonts/README.md says."""
from __future__ import annotations

import importlib.util

import pytest

from tests.conftest import ROOT

FONTS = ROOT / "fonts"


@pytest.fixture(scope="module")
def build():
    spec = importlib.util.spec_from_file_location("build_fonts", FONTS / "build_fonts.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_committed_fonts_match_the_build_script(build, tmp_path):
    build.main([str(tmp_path)])
    for out_name in (name for _, name in build.STYLES.values()):
        assert (tmp_path / out_name).read_bytes() == (FONTS / out_name).read_bytes(), (
            f"fonts/{out_name} is stale: run python fonts/build_fonts.py")


@pytest.mark.parametrize("style", ["Regular", "Bold", "Italic", "BoldItalic"])
def test_fonts_are_renamed_and_scaled(style):
    from fontTools.pens.boundsPen import BoundsPen
    from fontTools.ttLib import TTFont

    font = TTFont(FONTS / f"RatchakanText-{style}.ttf")
    names = {r.nameID: str(r) for r in font["name"].names if r.platformID == 3}
    for name_id in (1, 3, 4, 6):
        assert "Sarabun" not in names[name_id] and not names[name_id].startswith("TH")
    assert names[1] == "Ratchakan Text"
    glyphs = font.getGlyphSet()
    pen = BoundsPen(glyphs)
    glyphs[font.getBestCmap()[ord("ก")]].draw(pen)
    assert pen.bounds[3] == pytest.approx(397, abs=3)  # TH Sarabun's ก: 0.397 em
    assert (font["OS/2"].usWinAscent, font["OS/2"].usWinDescent) == (838, 453)


def test_committed_advances_match_the_fonts():
    """fonts/advances.json (what text is measured with) is what fonts/build_advances.py reads from the faces."""
    spec = importlib.util.spec_from_file_location("build_advances", FONTS / "build_advances.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert (FONTS / "advances.json").read_text(encoding="ascii") == module.build(FONTS)


def test_widths_come_from_the_table():
    from fontTools.ttLib import TTFont

    from ita_docs.rendering.measure import SIZE_PT, text_width_cm

    font = TTFont(str(FONTS / "RatchakanText-Bold.ttf"))
    cmap, metrics = font.getBestCmap(), font["hmtx"].metrics
    em = sum(metrics[cmap[ord(ch)]][0] for ch in "ผู้รับผิดชอบ") / font["head"].unitsPerEm
    assert text_width_cm("ผู้รับผิดชอบ", bold=True) == pytest.approx(em * SIZE_PT * 2.54 / 72)
