"""Reading PDFs back for layout tests: words with positions (poppler), fonts (pypdf)."""
from __future__ import annotations

import io
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree as ET

XHTML = "{http://www.w3.org/1999/xhtml}"


@dataclass(frozen=True)
class Line:
    x_min: float
    y_min: float
    x_max: float
    text: str  # words joined without spaces


@dataclass(frozen=True)
class Page:
    width: float
    height: float
    lines: list[Line]

    def text(self) -> str:
        return "".join(line.text for line in self.lines)


def pdf_pages(pdf: Path) -> list[Page]:
    """Every page's lines, top to bottom, from ``pdftotext -bbox-layout``."""
    xhtml = subprocess.run([shutil.which("pdftotext"), "-bbox-layout", str(pdf), "-"],
                           check=True, capture_output=True, text=True, timeout=120).stdout
    root = ET.fromstring(xhtml)
    pages = []
    for page in root.iter(f"{XHTML}page"):
        lines = [
            Line(float(line.get("xMin")), float(line.get("yMin")), float(line.get("xMax")),
                 "".join(w.text or "" for w in line.iter(f"{XHTML}word")))
            for line in page.iter(f"{XHTML}line")
        ]
        lines.sort(key=lambda ln: (round(ln.y_min), ln.x_min))
        pages.append(Page(float(page.get("width")), float(page.get("height")), lines))
    return pages


def rows(page: Page, tolerance: float = 2.0) -> list[str]:
    """Lines at the same height joined left to right (the cells of one table row)."""
    out: list[tuple[float, str]] = []
    for line in page.lines:
        if out and abs(out[-1][0] - line.y_min) <= tolerance:
            out[-1] = (out[-1][0], out[-1][1] + line.text)
        else:
            out.append((line.y_min, line.text))
    return [text for _, text in out]


def embedded_fonts(pdf: Path) -> list[tuple[str, bool]]:
    """(name, embedded) for each font ``pdffonts`` lists."""
    listing = subprocess.run([shutil.which("pdffonts"), str(pdf)], check=True, capture_output=True,
                             text=True, timeout=60).stdout.splitlines()[2:]
    return [(row.split()[0], row.split()[-5] == "yes") for row in listing if row.strip()]


def glyph_height_pt(pdf: Path, char: str, font_part: str = "Regular") -> float:
    """Height in points of *char*'s glyph as drawn in the PDF: embedded outline × font size."""
    from fontTools.pens.boundsPen import BoundsPen
    from fontTools.ttLib import TTFont
    from pypdf import PdfReader

    reader = PdfReader(str(pdf))
    for page in reader.pages:
        sizes: list[float] = []
        page.extract_text(visitor_text=lambda text, cm, tm, font, size, sizes=sizes: sizes.append(size * tm[3])
                          if char in text and font and font_part in str(font.get("/BaseFont")) else None)
        if not sizes:
            continue
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            if font_part not in str(font["/BaseFont"]) or "/ToUnicode" not in font:
                continue
            cmap_text = font["/ToUnicode"].get_object().get_data().decode("latin1")
            codes = {int(u, 16): int(c, 16) for c, u in re.findall(r"<([0-9A-F]{2})>\s*<([0-9A-F]{4})>", cmap_text)}
            if ord(char) not in codes:
                continue
            data = font["/FontDescriptor"].get_object()["/FontFile2"].get_object().get_data()
            ttf = TTFont(io.BytesIO(data))
            glyph = next(t.cmap[codes[ord(char)]] for t in ttf["cmap"].tables if codes[ord(char)] in t.cmap)
            pen = BoundsPen(ttf.getGlyphSet())
            ttf.getGlyphSet()[glyph].draw(pen)
            _, y_min, _, y_max = pen.bounds
            return (y_max - y_min) / ttf["head"].unitsPerEm * max(set(sizes), key=sizes.count)
    raise AssertionError(f"{char!r} not found in {pdf}")
